import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { createLogger, type Logger } from "@incidentops/core";
import { sql } from "kysely";
import { pino } from "pino";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll } from "vitest";
import { TEST_APP_DB_PASSWORD } from "../../../tooling/vitest/constants.js";
import { startTestApi, TEST_JWT_SECRET, type TestApi } from "../../api/test/helpers.js";
import { startWorker, type RunningWorker } from "../src/worker.js";

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
 * The API and its workers on the file's own database; `env` overrides the configuration. A
 * function `env` is read in beforeAll, after the hooks registered before this call (e.g. a
 * server whose port goes into the configuration).
 */
export function useTestStack(env: EnvOption = {}): { current: TestStack } {
  let stack: TestStack | undefined;
  const workers: RunningWorker[] = [];
  beforeAll(async () => {
    const overrides = typeof env === "function" ? env() : env;
    const api = await startTestApi({ env: { ...FAST_WORKER_ENV, ...overrides } });
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

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  /** Date.now() when the whole request had arrived. */
  at: number;
}

/** Never settles: a receiver answering with it holds the request open. */
export const never = <T>() => new Promise<T>(() => undefined);

/** An HTTP receiver on loopback; `respond` decides each answer (default 200). */
export async function startReceiver(respond: (req: ReceivedRequest, index: number) => number | Promise<number> = () => 200) {
  const received: ReceivedRequest[] = [];
  /** Status codes actually answered, in answer order. */
  const answered: { webhookId: string; status: number }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      received.push(request);
      void Promise.resolve(respond(request, received.length - 1)).then((status) => {
        answered.push({ webhookId: String(request.headers["webhook-id"]), status });
        res.statusCode = status;
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    answered,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** A loopback port nothing listens on (connections to it are refused). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A logger writing JSON lines into memory, for assertions on what the worker logged. */
export function captureLogger(level = "info"): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The webhook body every delivery carries. */
export interface WebhookBody {
  id: string;
  type: string;
  occurredAt: string;
  org: { id: string; name: string };
  incident: { id: string; title: string; status: string };
  event: { id: string; kind: string; incidentId: string; data: Record<string, unknown> };
}

/** Verifies a received request with the standardwebhooks package; throws when it does not verify. */
export function verifyWebhook(secret: string, request: Pick<ReceivedRequest, "headers" | "body">, body = request.body): WebhookBody {
  return new Webhook(secret).verify(body, {
    "webhook-id": String(request.headers["webhook-id"]),
    "webhook-timestamp": String(request.headers["webhook-timestamp"]),
    "webhook-signature": String(request.headers["webhook-signature"]),
  }) as WebhookBody;
}

export const bodyOf = (request: ReceivedRequest) => JSON.parse(request.body) as WebhookBody;

export interface Target {
  id: string;
  secret: string;
}

/** A webhook target (admin token) at `url`; `extra` adds eventKinds, minSeverity... */
export async function createWebhookTarget(api: TestApi, token: string, url: string, extra: Record<string, unknown> = {}): Promise<Target> {
  const res = await api.request<Target>("POST", "/v1/org/notification-targets", {
    token,
    body: { name: `hook-${Math.random().toString(36).slice(2, 8)}`, type: "webhook", config: { url }, ...extra },
  });
  if (res.status !== 201) throw new Error(`create target failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface Attempt {
  id: string;
  eventId: string;
  channel: string;
  target: { id: string; name: string; type: string } | null;
  user: { id: string; email: string } | null;
  status: "pending" | "succeeded" | "failed";
  attemptCount: number;
  lastHttpStatus: number | null;
  lastError: string | null;
  note: string | null;
  completedAt: string | null;
}

/** GET /v1/incidents/{id}/notifications (first 100). */
export async function listAttempts(api: TestApi, token: string, incidentId: string): Promise<Attempt[]> {
  const res = await api.request<{ items: Attempt[] }>("GET", `/v1/incidents/${incidentId}/notifications?limit=100`, { token });
  if (res.status !== 200) throw new Error(`list notifications failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items;
}

/** Waits until the incident has `count` attempts and none is pending. */
export function waitForSettledAttempts(api: TestApi, token: string, incidentId: string, count: number, timeoutMs = 20_000) {
  return waitFor(
    async () => {
      const attempts = await listAttempts(api, token, incidentId);
      return attempts.length >= count && attempts.every((a) => a.status !== "pending") ? attempts : undefined;
    },
    timeoutMs,
    `${count} settled attempts`,
  );
}

export interface TimelineEvent {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  createdAt: string;
}

export async function listEvents(api: TestApi, token: string, incidentId: string): Promise<TimelineEvent[]> {
  const res = await api.request<{ items: TimelineEvent[] }>("GET", `/v1/incidents/${incidentId}/events?limit=100`, { token });
  if (res.status !== 200) throw new Error(`list events failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items;
}

/** Rows in graphile-worker's job table (0.17 keeps them in graphile_worker._private_jobs). */
export async function jobRows(api: TestApi) {
  const { rows } = await sql<{ id: string; task: string; payload: Record<string, unknown>; key: string | null; locked_by: string | null }>`
    SELECT j.id::text AS id, t.identifier AS task, j.payload, j.key, j.locked_by
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    ORDER BY j.id`.execute(api.db);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// A real SMTP server on loopback.

export { startSmtpServer, type ReceivedMail } from "../../../tooling/vitest/smtp-server.js";

/** The Subject header, unfolded. */
export const subjectOf = (raw: string) => /^Subject: (.*(?:\r\n[ \t].*)*)/im.exec(raw)?.[1]?.replace(/\r\n[ \t]/g, " ") ?? "";

/** The text/plain part, decoded from quoted-printable (soft line breaks and =XX escapes). */
export function plainTextOf(raw: string): string {
  const part = /Content-Type: text\/plain[^]*?\r\n\r\n([^]*?)\r\n--/i.exec(raw)?.[1] ?? "";
  return part.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// ---------------------------------------------------------------------------------------------
// The worker as a real child process.

export interface WorkerProcess {
  child: ChildProcess;
  /** What it wrote to stderr/stdout, for failure messages. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const REPO_ROOT = new URL("../../../", import.meta.url).pathname;

/** `node --import tsx apps/worker/src/main.ts` on the test database, with the fast settings. */
export function spawnWorkerProcess(api: TestApi, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@incidentops/source", "apps/worker/src/main.ts"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...FAST_WORKER_ENV,
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      DATABASE_URL: api.config.databaseUrl ?? "",
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
