import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, createMailer, createObjectStorage, loadConfig, type Config, type Logger, type Mailer, type ObjectStorage } from "@incidentops/core";
import { appRoleUrl, createDb, type Db } from "@incidentops/db";
import { createTRPCClient, httpLink } from "@trpc/client";
import { createApp, startChangeFeed, type AppRouter, type ChangeFeed } from "api";
import { createTestDatabase, TEST_APP_DB_PASSWORD } from "./database.js";
import { useStarted } from "./lifecycle.js";

export const TEST_JWT_SECRET = "test-secret-key-that-is-at-least-32-bytes-long";

export interface HttpResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  /** Sent as `authorization: Bearer <token>`. */
  token?: string | undefined;
  body?: unknown;
  /** Sent as is, with the JSON content type, instead of `body`. */
  rawBody?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

export type TrpcClient = ReturnType<typeof createTRPCClient<AppRouter>>;

export interface TestApi {
  baseUrl: string;
  /** The owner's connection: sees every org's rows (row-level security does not bind it). */
  db: Db;
  /** Where the app connects: the application role. */
  appDatabaseUrl: string;
  config: Config;
  mailer: Mailer;
  /** The API's LISTEN connection for live updates. */
  changeFeed: ChangeFeed;
  /** Where the API keeps attachment bytes: a temporary data dir's, unless S3_* or DATA_DIR say otherwise. */
  storage: ObjectStorage;
  /** One HTTP call; a JSON body is parsed (an empty one is `{}`). */
  request: <T = Record<string, unknown>>(method: string, path: string, options?: RequestOptions) => Promise<HttpResponse<T>>;
  /** A tRPC client, signed in with `token` when given. */
  trpc: (token?: string) => TrpcClient;
  close: () => Promise<void>;
}

/** The configuration of a test API on `databaseUrl`; `env` overrides any variable. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    JWT_SECRET_KEY: TEST_JWT_SECRET,
    APP_DB_PASSWORD: TEST_APP_DB_PASSWORD,
    LOG_LEVEL: "silent",
    // Each test file has its own database, so counters are per file; tests of the limit set a small one.
    AUTH_RATE_LIMIT_PER_MINUTE: "100000",
    // No web app: unknown paths stay JSON 404s whether or not apps/web is built (web-app.test.ts serves one of its own).
    WEB_DIST_DIR: "/nonexistent/incidentops-web-app",
    ...env,
  });
}

/** An app (express, or anything with its `listen`) on a free loopback port. */
export async function listenOnLoopback(app: { listen: (port: number, host: string, ready: () => void) => Server }): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * The API on a loopback port, on a database of its own cloned from the migrated template (or the
 * one at `databaseUrl`, kept), with a temporary data dir of its own (removed on close).
 */
export async function startTestApi(
  options: {
    env?: Record<string, string>;
    logger?: Logger;
    /** The owner's URL of a database to use (kept) instead of a fresh clone. */
    databaseUrl?: string;
    /** Where the app's pool connects instead of the application role's URL (given): e.g. a StallingProxy's `urlThrough`. */
    appDatabaseVia?: (appDatabaseUrl: string) => string;
  } = {},
): Promise<TestApi> {
  const database =
    options.databaseUrl === undefined ? await createTestDatabase() : { url: options.databaseUrl, drop: () => Promise.resolve() };
  const dataDir = await mkdtemp(join(tmpdir(), "incidentops-test-data-"));
  const config = testConfig(database.url, { DATA_DIR: dataDir, ...options.env });
  // The app connects as the application role (bound by row-level security); tests inspect and
  // seed through the owner's connection, which sees every org.
  const appDatabaseUrl = appRoleUrl(database.url, TEST_APP_DB_PASSWORD);
  const appDb = createDb({ connectionString: options.appDatabaseVia?.(appDatabaseUrl) ?? appDatabaseUrl, max: 20, answerTimeoutMs: config.dbRequestTimeoutMs });
  const db = createDb({ connectionString: database.url, max: 5 });
  const logger = options.logger ?? createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent", name: "api-test" });
  const mailer = createMailer({ smtpUrl: config.delivery.smtpUrl, from: config.delivery.emailFrom, logger });
  const changeFeed = startChangeFeed({ connectionString: appDatabaseUrl, logger });
  await changeFeed.ready();
  const storage = await createObjectStorage(config.attachments.storage);
  const app = await createApp({ db: appDb, config, logger, mailer, changeFeed, storage });
  const server = await listenOnLoopback(app);
  const { baseUrl } = server;

  const request = async <T>(method: string, path: string, opts: RequestOptions = {}): Promise<HttpResponse<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (opts.rawBody !== undefined || opts.body !== undefined) {
      headers["content-type"] ??= "application/json";
      body = opts.rawBody ?? JSON.stringify(opts.body);
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, body: (text === "" ? {} : JSON.parse(text)) as T, headers: res.headers };
  };

  const trpc = (token?: string) =>
    createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${baseUrl}/trpc`, headers: () => (token === undefined ? {} : { authorization: `Bearer ${token}` }) })],
    });

  return {
    baseUrl,
    db,
    appDatabaseUrl,
    config,
    mailer,
    changeFeed,
    storage,
    request,
    trpc,
    close: async () => {
      await server.close();
      mailer.close();
      await changeFeed.close();
      storage.close();
      await appDb.destroy();
      await db.destroy();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The API for the file's tests: started before them, closed after. */
export function useTestApi(options: Parameters<typeof startTestApi>[0] = {}): { current: TestApi } {
  return useStarted("The test API", () => startTestApi(options));
}
