import { ConfigError, createLogger, loadConfig, openDatabase } from "@incidentops/core";
import { run, type TaskList } from "graphile-worker";

/**
 * The background worker. Task handlers (notifications, escalations) live one per file under
 * src/tasks/ and are registered in `taskList`; none exists yet, so the runner only keeps the
 * graphile-worker schema installed and waits for jobs.
 */
const taskList: TaskList = {};

async function main() {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: "worker" });
  const database = await openDatabase(config, logger);
  const runner = await run({
    connectionString: database.url,
    concurrency: 5,
    taskList,
    // We stop the runner ourselves, so the embedded database outlives it.
    noHandleSignals: true,
  });
  logger.info("worker started");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker shutting down: finishing running jobs");
    await runner.stop();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  await runner.promise;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
