import { createLogger, loadConfig, prepareDatabase, shutdownTracing, startMetricsServer, startupFailure } from "@incidentops/core";
import { startWorker } from "./worker.js";

/** The worker process: `pnpm --filter worker start`, or beside the API with `pnpm start`. */
async function main() {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: "worker" });
  // Safe beside an API migrating at the same moment: the runner holds an advisory lock.
  const database = await prepareDatabase(config, logger);
  const worker = await startWorker({ config, logger, databaseUrl: database.appUrl });
  const metrics = config.metrics.workerPort === undefined ? undefined : await startMetricsServer({ port: config.metrics.workerPort, settings: config.metrics, logger });

  let stopping = false;
  // Running jobs finish (deliveries get their full timeout); jobs fetched but not started go back
  // to the queue. A job cut short runs again later (deliveries are at-least-once).
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker shutting down: finishing running jobs");
    await worker.stop().catch((error: unknown) => logger.error({ err: error }, "stopping the worker failed"));
    await metrics?.close();
    await database.stop();
    await shutdownTracing();
    logger.info("worker stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  await worker.done;
}

main().catch((error: unknown) => {
  console.error(startupFailure(error));
  process.exit(1);
});
