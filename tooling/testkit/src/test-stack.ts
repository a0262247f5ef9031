import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createLogger, type Logger, type TaskName } from "@incidentops/core";
import { sql } from "@incidentops/db";
import { afterAll, beforeAll } from "vitest";
import { runQueuedJobs as runQueuedJobsOnce, startWorker, type RunningWorker } from "worker";
import { TEST_APP_DB_PASSWORD, type TestDatabase } from "./database.js";
import { startTestApi, TEST_JWT_SECRET, type TestApi } from "./test-api.js";
import { waitFor } from "./waiting.js";

/** Fast retries and liveness checks, so failure paths finish within a test. */
export const FAST_WORKER_ENV = {
  DELIVERY_RETRY_BASE_MS: "100",
  DELIVERY_MAX_ATTEMPTS: "4",
  WEBHOOK_TIMEOUT_MS: "2000",
  WORKER_HEARTBEAT_MS: "500",
  WORKER_DEAD_AFTER_MS: "3000",
  WEBHOOK_ALLOW_PRIVATE: "true",
};

export interface TestStack {
  api: TestApi;
  /** Starts another in-process worker on the same database (silent unless given a logger). */
  startWorker: (options?: { logger?: Logger }) => Promise<RunningWorker>;
}

type EnvOption = Record<string, string> | (() => Record<string, string>);

/**
 * The API and its workers on the file's own database, with {@link FAST_WORKER_ENV}; `env`
 * overrides the configuration. A function `env` is read in beforeAll, after the hooks registered
 * before this call (e.g. a server whose port goes into the configuration).
 */
export function useTestStack(env: EnvOption = {}, options: { /** The API's logger (silent by default). */ logger?: Logger } = {}): { current: TestStack } {
  let stack: TestStack | undefined;
  const workers: RunningWorker[] = [];
  beforeAll(async () => {
    const overrides = typeof env === "function" ? env() : env;
    const api = await startTestApi({ env: { ...FAST_WORKER_ENV, ...overrides }, ...(options.logger === undefined ? {} : { logger: options.logger }) });
    const launch = async (options: { logger?: Logger } = {}) => {
      const worker = await startWorker({
        config: api.config,
        logger: options.logger ?? createLogger({ level: "silent", name: "worker-test" }),
        databaseUrl: api.appDatabaseUrl,
      });
      workers.push(worker);
      return worker;
    };
    stack = { api, startWorker: launch };
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    if (stack !== undefined) await jobQueueConnectionsClosed(stack.api);
    await stack?.api.close();
  });
  return {
    get current(): TestStack {
      if (stack === undefined) throw new Error("The test stack is not started: use it inside tests or hooks");
      return stack;
    },
  };
}

/**
 * graphile-worker ends the pools it creates without waiting, so a stopped worker's connections
 * may still be closing; dropping the database under them would surface as an unhandled error.
 * Its pools carry no application_name: wait (briefly) until none is left.
 */
async function jobQueueConnectionsClosed(api: TestApi): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = '' AND pid <> pg_backend_pid()`.execute(api.db);
    if ((rows[0]?.n ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface AppProcess {
  child: ChildProcess;
  /** What it wrote to stderr/stdout, for failure messages. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
export type WorkerProcess = AppProcess;

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** What a spawned process runs on: a test stack's database, or one of a test's own (createTestDatabase). */
export type ProcessDatabase = TestApi | TestDatabase;

const urlOf = (database: ProcessDatabase): string => ("config" in database ? (database.config.databaseUrl ?? "") : database.url);

/** `node --import tsx --import <tracing bootstrap> <entry>` on the test database, as `pnpm start` runs it, with the fast worker settings. */
function spawnAppProcess(entry: string, database: ProcessDatabase, env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@incidentops/source", "--import", "./packages/core/src/tracing-bootstrap.ts", entry], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...FAST_WORKER_ENV,
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      DATABASE_URL: urlOf(database),
      JWT_SECRET_KEY: TEST_JWT_SECRET,
      // The app role is cluster-wide: a child provisioning it with another password would lock
      // every other test file's API out.
      APP_DB_PASSWORD: TEST_APP_DB_PASSWORD,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (output += c.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  return { child, output: () => output, exited };
}

/** The worker as its own process (apps/worker/src/main.ts) on the test database. */
export const spawnWorkerProcess = (database: ProcessDatabase, env: Record<string, string> = {}): WorkerProcess => spawnAppProcess("apps/worker/src/main.ts", database, env);

/** The API as its own process (apps/api/src/main.ts) on the test database, listening on loopback at `port`. */
export const spawnApiProcess = (database: ProcessDatabase, port: number, env: Record<string, string> = {}): AppProcess =>
  spawnAppProcess("apps/api/src/main.ts", database, { HOST: "127.0.0.1", PORT: String(port), ...env });

/** Waits until the API process at `url` answers `/readyz` with 200; a timeout quotes its output. */
export async function apiProcessReady(url: string, api: AppProcess, timeoutMs = 60_000): Promise<void> {
  await waitFor(async () => ((await fetch(`${url}/readyz`).catch(() => undefined))?.ok === true ? true : undefined), timeoutMs, `the API process at ${url} (${api.output()})`);
}

/** Runs the API's queued jobs of `tasks` once, in this process, with no worker running (silent). */
export function runQueuedJobs(api: TestApi, tasks: readonly TaskName[]): Promise<void> {
  return runQueuedJobsOnce({ config: api.config, logger: createLogger({ level: "silent", name: "jobs-test" }), databaseUrl: api.appDatabaseUrl, tasks });
}
