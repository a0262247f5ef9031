import { once } from "node:events";
import { createLogger, createMailer, createObjectStorage, loadConfig, prepareDatabase, shutdownTracing, startMetricsServer, startupFailure } from "@incidentops/core";
import { createDb } from "@incidentops/db";
import { createApp } from "./app.js";
import { trackConnections } from "./drain.js";
import { startChangeFeed } from "./live/change-feed.js";

/** How often, while draining, connections with nothing left to answer are closed. */
const DRAIN_SWEEP_MS = 100;

/** Runs the API alone: `pnpm --filter api start`. `pnpm start` runs it beside the worker. */
async function main() {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: "api" });
  for (const warning of config.warnings) logger.warn(warning);
  // Migrating is safe with several replicas starting at once: the runner holds an advisory lock.
  const database = await prepareDatabase(config, logger);
  const db = createDb({
    connectionString: database.appUrl,
    max: config.dbPoolSize,
    applicationName: "incidentops-api",
    prepareKeyed: config.dbPreparedStatements,
    answerTimeoutMs: config.dbRequestTimeoutMs,
  });
  const mailer = createMailer({ smtpUrl: config.delivery.smtpUrl, from: config.delivery.emailFrom, logger });
  const changeFeed = startChangeFeed({ connectionString: database.appUrl, logger });
  const storage = await createObjectStorage(config.attachments.storage);
  const lifecycle = { draining: false };
  const app = await createApp({ db, config, logger, mailer, changeFeed, storage, lifecycle });
  const server = app.listen(config.port, config.host, () => {
    const base = config.publicUrl ?? `http://localhost:${config.port}`;
    logger.info({ url: base, docs: `${base}/docs`, openapi: `${base}/openapi.json` }, "API listening");
  });
  const connections = trackConnections(server);
  const metrics = config.metrics.apiPort === undefined ? undefined : await startMetricsServer({ port: config.metrics.apiPort, settings: config.metrics, logger });

  let stopping = false;
  // Graceful: no new connections (a client's next try goes to another replica), live streams end
  // (their clients subscribe again elsewhere), requests in flight finish (their connections then
  // close), idle keep-alive connections close, and a connection accepted just before the end gets
  // its request answered (drain.ts); after SHUTDOWN_TIMEOUT_MS whatever is left is cut.
  // Then the pool, then the process.
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    lifecycle.draining = true;
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, "API shutting down: finishing the requests in flight");
    const closed = once(server, "close");
    server.close();
    connections.closeIdle();
    await changeFeed.close();
    const sweep = setInterval(() => connections.closeIdle(), DRAIN_SWEEP_MS);
    const deadline = setTimeout(() => {
      logger.warn({ timeoutMs: config.shutdownTimeoutMs }, "requests still in flight at the shutdown deadline: closing their connections");
      server.closeAllConnections();
    }, config.shutdownTimeoutMs);
    await closed;
    clearInterval(sweep);
    clearTimeout(deadline);
    mailer.close();
    storage.close();
    await metrics?.close();
    await db.destroy().catch((error: unknown) => logger.warn({ err: error }, "closing the database pool failed"));
    await database.stop();
    await shutdownTracing();
    logger.info("API stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(startupFailure(error));
  process.exit(1);
});
