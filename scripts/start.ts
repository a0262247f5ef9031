import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ConfigError, createLogger, loadConfig, prepareDatabase } from "@incidentops/core";
import { ensureWebBuild, WEB_DIST_DIR } from "./web-build.js";

/**
 * `pnpm start`: the whole system on one machine. Opens the database (the embedded PostgreSQL
 * unless DATABASE_URL is set), migrates it, then runs the API and the worker as child processes
 * pointed at it. Ctrl-C or SIGTERM stops both, then the database.
 */
const root = fileURLToPath(new URL("..", import.meta.url));

function runApp(name: string, entry: string, databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--conditions=@incidentops/source", entry], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "inherit",
  }).once("error", (error) => console.error(`${name} failed to start:`, error.message));
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });

async function main() {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: "start" });
  for (const warning of config.warnings) logger.warn(warning);
  // The app the API serves at `/` (unless WEB_DIST_DIR points at a build of your own).
  if (config.webDistDir === WEB_DIST_DIR) ensureWebBuild((message) => logger.info(message));
  const database = await prepareDatabase(config, logger);

  const children = [
    runApp("api", "apps/api/src/main.ts", database.url),
    runApp("worker", "apps/worker/src/main.ts", database.url),
  ];
  const base = config.publicUrl ?? `http://localhost:${config.port}`;
  console.log(`\n  IncidentOps is starting:\n    App      ${base}\n    API      ${base}/v1\n    Docs     ${base}/docs\n    OpenAPI  ${base}/openapi.json\n`);

  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, "stopping API, worker and database");
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map(exited));
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown("SIGINT", 0));
  process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
  for (const child of children) {
    child.once("exit", (code) => void shutdown(`a child process exited with code ${code}`, code ?? 1));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
