import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createLogger, createMailer, loadConfig, type Config, type Logger, type Mailer, type TokenResponse } from "@incidentops/core";
import { appRoleUrl, createDb, type Db, type OrgRole } from "@incidentops/db";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, beforeAll, expect } from "vitest";
import { TEST_APP_DB_PASSWORD } from "../../../tooling/vitest/constants.js";
import { createTestDatabase } from "../../../tooling/vitest/database.js";
import { createApp } from "../src/app.js";
import type { AppRouter } from "../src/router.js";

export const TEST_JWT_SECRET = "test-secret-key-that-is-at-least-32-bytes-long";

export interface HttpResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string | undefined;
  body?: unknown;
  /** Sent as is, with the JSON content type, instead of `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestApi {
  baseUrl: string;
  /** The owner's connection: sees every org's rows (row-level security does not bind it). */
  db: Db;
  /** Where the app connects: the application role. */
  appDatabaseUrl: string;
  config: Config;
  mailer: Mailer;
  request: <T = Record<string, unknown>>(method: string, path: string, options?: RequestOptions) => Promise<HttpResponse<T>>;
  trpc: (token?: string) => ReturnType<typeof createTRPCClient<AppRouter>>;
  close: () => Promise<void>;
}

export function testConfig(databaseUrl: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    JWT_SECRET_KEY: TEST_JWT_SECRET,
    APP_DB_PASSWORD: TEST_APP_DB_PASSWORD,
    LOG_LEVEL: "silent",
    // Each test file has its own database, so counters are per file; tests of the limit set a small one.
    AUTH_RATE_LIMIT_PER_MINUTE: "100000",
    ...env,
  });
}

/** The API on a loopback port, on a database of its own cloned from the migrated template. */
export async function startTestApi(options: { env?: Record<string, string>; logger?: Logger } = {}): Promise<TestApi> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, options.env);
  // The app connects as the application role (bound by row-level security); tests inspect and
  // seed through the owner's connection, which sees every org.
  const appDatabaseUrl = appRoleUrl(database.url, TEST_APP_DB_PASSWORD);
  const appDb = createDb({ connectionString: appDatabaseUrl, max: 20 });
  const db = createDb({ connectionString: database.url, max: 5 });
  const logger = options.logger ?? createLogger({ level: process.env.TEST_LOG_LEVEL ?? "silent", name: "api-test" });
  const mailer = createMailer({ smtpUrl: config.delivery.smtpUrl, from: config.delivery.emailFrom, logger });
  const app = await createApp({ db: appDb, config, logger, mailer });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const request = async <T>(method: string, path: string, opts: RequestOptions = {}): Promise<HttpResponse<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
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
    request,
    trpc,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      mailer.close();
      await appDb.destroy();
      await db.destroy();
      await database.drop();
    },
  };
}

/** Starts the API before the file's tests and stops it after; read `.current` inside tests. */
export function useTestApi(options: Parameters<typeof startTestApi>[0] = {}): { current: TestApi } {
  let api: TestApi | undefined;
  beforeAll(async () => {
    api = await startTestApi(options);
  });
  afterAll(async () => {
    await api?.close();
  });
  return {
    get current(): TestApi {
      if (api === undefined) throw new Error("The test API is not started: use it inside tests or hooks");
      return api;
    },
  };
}

let userCounter = 0;
export const uniqueEmail = (prefix = "user") => `${prefix}-${process.pid}-${Date.now()}-${++userCounter}@example.com`;

export async function register(api: TestApi, overrides: Partial<{ email: string; password: string; name: string; orgName: string }> = {}) {
  const body = {
    email: uniqueEmail(),
    password: "correct horse battery",
    name: "Test User",
    orgName: "Test Org",
    ...overrides,
  };
  const res = await api.request<TokenResponse>("POST", "/v1/auth/register", { body });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, email: body.email, password: body.password };
}

/** Seeds a membership directly (no invitation route exists yet). */
export async function addMember(db: Db, orgId: string, userId: string, role: OrgRole): Promise<void> {
  await db.insertInto("org_members").values({ org_id: orgId, user_id: userId, role }).execute();
}

/** A new user who is `role` in `orgId`, logged into that org. */
export async function userWithRole(api: TestApi, orgId: string, role: OrgRole) {
  const user = await register(api);
  await addMember(api.db, orgId, user.user.id, role);
  const login = await api.request<TokenResponse>("POST", "/v1/auth/login", {
    body: { email: user.email, password: user.password, orgId },
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body;
}

export async function createService(api: TestApi, token: string, name = `svc-${++userCounter}`) {
  const res = await api.request<{ id: string; name: string }>("POST", "/v1/org/services", { token, body: { name } });
  if (res.status !== 201) throw new Error(`create service failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface IncidentBody {
  id: string;
  serviceId: string;
  title: string;
  status: string;
  severity: string;
  version: number;
}

export async function createIncident(api: TestApi, token: string, serviceId: string, body: Record<string, unknown> = {}) {
  const res = await api.request<IncidentBody>("POST", `/v1/services/${serviceId}/incidents`, {
    token,
    body: { title: "Something is down", ...body },
  });
  if (res.status !== 201) throw new Error(`create incident failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** What a refused call must leave untouched: the incident's row state and its timeline length. */
export async function incidentState(db: Db, incidentId: string) {
  const incident = await db
    .selectFrom("incidents")
    .select(["status", "version", "updated_at"])
    .where("id", "=", incidentId)
    .executeTakeFirstOrThrow();
  const events = await db
    .selectFrom("incident_events")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("incident_id", "=", incidentId)
    .executeTakeFirstOrThrow();
  return { status: incident.status, version: incident.version, updatedAt: incident.updated_at.toISOString(), events: Number(events.n) };
}

export interface ErrorResponse {
  code: string;
  message: string;
  traceId: string;
  details: { fields?: Record<string, string[]>; [key: string]: unknown };
}

/** Asserts the status and the standard error body (its traceId is the request id), and returns it. */
export function expectError(res: HttpResponse<unknown>, status: number, code: string): ErrorResponse {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const body = res.body as ErrorResponse;
  expect(Object.keys(body).sort()).toEqual(["code", "details", "message", "traceId"]);
  expect(body.code).toBe(code);
  expect(body.traceId).toBe(res.headers.get("x-request-id"));
  return body;
}
