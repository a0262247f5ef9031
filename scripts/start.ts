import { fileURLToPath } from "node:url";
import { createLogger, loadConfig, prepareDatabase, startupFailure } from "@incidentops/core";
import { superviseChild, type SupervisedChild } from "./supervise.js";
import { ensureWebBuild, WEB_DIST_DIR } from "./web-build.js";

/**
 * `pnpm start`: the whole system on one machine. Opens the database (the embedded PostgreSQL
 * unless DATABASE_URL is set: it is restarted if it dies), migrates it, then runs the API and the
 * worker as child processes pointed at it, restarting either if it exits. Ctrl-C or SIGTERM
 * stops both, then the database.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
// The tracing bootstrap loads before the app (it instruments http, express, pg and undici); it does nothing without OTEL_* exporter settings.
const entry = (path: string) => ["--import", "tsx", "--conditions=@incidentops/source", "--import", "./packages/core/src/tracing-bootstrap.ts", path];

async function main() {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: "start" });
  for (const warning of config.warnings) logger.warn(warning);
  // The app the API serves at `/` (unless WEB_DIST_DIR points at a build of your own).
  if (config.webDistDir === WEB_DIST_DIR) ensureWebBuild((message) => logger.info(message));

  const database = prepareDatabase(config, logger);
  const children: SupervisedChild[] = [];
  const state = { stopping: false };
  const shutdown = async (reason: string) => {
    if (state.stopping) return;
    state.stopping = true;
    logger.info({ reason }, "stopping the API, the worker and the database");
    await Promise.all(children.map((child) => child.stop()));
    // Even mid-start: the server is stopped once it can be (a failed start left none running).
    await database.then(
      (opened) => opened.stop(),
      () => undefined,
    );
    process.exit(0);
  };
  // Registered before anything starts, so a signal at any moment stops everything in order.
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  const { url } = await database;
  if (state.stopping) return;
  // The children use this database rather than opening one each; they migrate nothing new.
  const env = { ...process.env, DATABASE_URL: url };
  children.push(
    superviseChild({ name: "api", args: entry("apps/api/src/main.ts"), cwd: root, env, logger }),
    superviseChild({ name: "worker", args: entry("apps/worker/src/main.ts"), cwd: root, env, logger }),
  );
  const base = config.publicUrl ?? `http://localhost:${config.port}`;
  console.log(`\n  IncidentOps is starting:\n    App      ${base}\n    API      ${base}/v1\n    Docs     ${base}/docs\n    OpenAPI  ${base}/openapi.json\n`);
}

main().catch((error: unknown) => {
  console.error(startupFailure(error));
  process.exit(1);
});
