import { ConfigError, createLogger, createMailer, createObjectStorage, loadConfig, prepareDatabase } from "@incidentops/core";
import { createDb } from "@incidentops/db";
import { createApp } from "./app.js";
import { startChangeFeed } from "./live/change-feed.js";

/** Runs the API alone: `pnpm --filter api start`. `pnpm start` runs it beside the worker. */
async function main() {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: "api" });
  for (const warning of config.warnings) logger.warn(warning);
  // Migrating is safe with several replicas starting at once: the runner holds an advisory lock.
  const database = await prepareDatabase(config, logger);
  const db = createDb({ connectionString: database.appUrl, max: config.dbPoolSize, applicationName: "incidentops-api" });
  const mailer = createMailer({ smtpUrl: config.delivery.smtpUrl, from: config.delivery.emailFrom, logger });
  const changeFeed = startChangeFeed({ connectionString: database.appUrl, logger });
  const storage = await createObjectStorage(config.attachments.storage);
  const app = await createApp({ db, config, logger, mailer, changeFeed, storage });
  const server = app.listen(config.port, config.host, () => {
    const base = config.publicUrl ?? `http://localhost:${config.port}`;
    logger.info({ url: base, docs: `${base}/docs`, openapi: `${base}/openapi.json` }, "API listening");
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "API shutting down");
    server.close();
    server.closeIdleConnections();
    mailer.close();
    await changeFeed.close();
    storage.close();
    await db.destroy();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
