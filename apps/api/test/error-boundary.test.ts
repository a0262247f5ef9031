import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { AppError, createLogger, createMailer, createObjectStorage } from "@incidentops/core";
import { createDb, sql } from "@incidentops/db";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { TRPCError } from "@trpc/server";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApp } from "../src/app.js";
import { startChangeFeed } from "../src/live/change-feed.js";
import { toErrorResponse } from "../src/errors.js";
import type { AppRouter } from "../src/router.js";
import { insideOneMinuteWindow, expectError, startTestApi, testConfig, useTestApi, type HttpResponse, type TestApi } from "@incidentops/testkit";

const TRACE = "trace-1";
const UNREACHABLE = "postgres://x:y@127.0.0.1:1/none";

/** What Express's JSON body parser passes to the error handlers for this raw body. */
async function bodyParserErrorOf(body: string, limit = "1kb"): Promise<unknown> {
  const app = express();
  let caught: unknown;
  app.post("/", express.json({ limit }), (_req, res) => res.end());
  app.use(((error, _req, res, _next) => {
    caught = error;
    res.end();
  }) satisfies express.ErrorRequestHandler);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  try {
    await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { method: "POST", headers: { "content-type": "application/json" }, body });
  } finally {
    server.close();
  }
  return caught;
}

/** What a query throws when the database does not answer. */
async function connectionErrorOf(): Promise<unknown> {
  const db = createDb({ connectionString: UNREACHABLE, max: 1 });
  try {
    return await sql`SELECT 1`.execute(db).then(
      () => new Error("connected to a closed port?"),
      (error: unknown) => error,
    );
  } finally {
    await db.destroy();
  }
}

describe("toErrorResponse", () => {
  it("answers an AppError with its own status, body and, when it says when to come back, Retry-After", () => {
    const response = toErrorResponse(new AppError("QUOTA_EXCEEDED", "used up", { quota: 10, retryAfterSeconds: 12.2 }), TRACE);
    expect(response).toEqual({
      status: 429,
      body: { code: "QUOTA_EXCEEDED", message: "used up", traceId: TRACE, details: { quota: 10, retryAfterSeconds: 12.2 } },
      headers: { "retry-after": "13" },
    });
    expect(toErrorResponse(new AppError("LAST_ADMIN", "last one"), TRACE)).toMatchObject({ status: 409, headers: {} });
  });

  it("unwraps what tRPC wrapped: AppErrors and input validation", () => {
    const wrapped = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new AppError("VERSION_CONFLICT", "stale", { currentVersion: 3, currentStatus: "resolved" }) });
    expect(toErrorResponse(wrapped, TRACE)).toMatchObject({ status: 409, body: { code: "VERSION_CONFLICT", details: { currentVersion: 3 } } });
    const zodError = z.object({ name: z.string(), config: z.object({ url: z.url() }) }).safeParse({ config: { url: "nope" } }).error;
    const invalid = toErrorResponse(new TRPCError({ code: "BAD_REQUEST", cause: zodError }), TRACE);
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: "VALIDATION_FAILED", details: { fields: { name: [expect.any(String)], "config.url": [expect.any(String)] } } });
    // A zod error thrown outside tRPC (an ingestion route's payload) is the same refusal.
    expect(toErrorResponse(zodError, TRACE).body).toEqual(invalid.body);
  });

  it("names tRPC's own refusals in our codes", () => {
    expect(toErrorResponse(new TRPCError({ code: "PARSE_ERROR", message: "bad" }), TRACE).body.code).toBe("MALFORMED_JSON");
    expect(toErrorResponse(new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "text" }), TRACE)).toMatchObject({ status: 415 });
    expect(toErrorResponse(new TRPCError({ code: "NOT_FOUND", message: "no such procedure" }), TRACE)).toMatchObject({ status: 404 });
  });

  it("answers the body parser's refusals: too large (413, with the limit) and not JSON (400)", async () => {
    const tooLarge = toErrorResponse(await bodyParserErrorOf(JSON.stringify({ pad: "x".repeat(2048) })), TRACE);
    expect(tooLarge).toMatchObject({ status: 413, body: { code: "PAYLOAD_TOO_LARGE", message: "The request body is over 1 KB", details: { limitBytes: 1024 } } });
    expect(toErrorResponse(await bodyParserErrorOf("{not json"), TRACE)).toMatchObject({ status: 400, body: { code: "MALFORMED_JSON" } });
  });

  it("answers a database that cannot be reached with 503 and Retry-After, never its address", async () => {
    const response = toErrorResponse(await connectionErrorOf(), TRACE);
    expect(response).toMatchObject({ status: 503, body: { code: "SERVICE_UNAVAILABLE", details: { retryAfterSeconds: 5 } }, headers: { "retry-after": "5" } });
    expect(JSON.stringify(response)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  });

  it("answers anything else with a bare 500 that leaks nothing", () => {
    const leaky = Object.assign(new Error('relation "users" violates SELECT password_hash FROM users'), { code: "42P01" });
    for (const thrown of [leaky, new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: leaky }), "a string", null, { type: "unknown" }]) {
      const response = toErrorResponse(thrown, TRACE);
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ code: "INTERNAL_ERROR", message: expect.stringContaining("quote the traceId"), traceId: TRACE, details: {} });
    }
  });
});

describe("every transport answers through the boundary", () => {
  const api = useTestApi();

  it("REST refuses a body that is not JSON with 415, and reads no body as an empty one", async () => {
    const { accessToken: token } = (await api.current.request<{ accessToken: string }>("POST", "/v1/auth/register", {
      body: { email: `boundary-${Date.now()}@example.com`, password: "correct horse battery", name: "B", orgName: "B" },
    })).body;
    const text = await fetch(`${api.current.baseUrl}/v1/org/services`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
      body: "name=x",
    });
    expectError({ status: text.status, body: await text.json(), headers: text.headers }, 415, "UNSUPPORTED_MEDIA_TYPE");
    // No body and no content type: the input is {} (here: the name is missing).
    const empty = await fetch(`${api.current.baseUrl}/v1/org/services`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    const body = expectError({ status: empty.status, body: await empty.json(), headers: empty.headers }, 400, "VALIDATION_FAILED");
    expect(Object.keys(body.details.fields ?? {})).toEqual(["name"]);
  });

  it("the auth rate limit answers tRPC callers in tRPC's format", async () => {
    const limited: TestApi = await startTestApi({ env: { AUTH_RATE_LIMIT_PER_MINUTE: "1" } });
    try {
      const trpc = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${limited.baseUrl}/trpc` })] });
      await insideOneMinuteWindow();
      const login = () => trpc.auth.login.mutate({ email: "nobody@example.com", password: "wrong password" }).then(() => undefined, (e: unknown) => e);
      expect(await login()).toBeInstanceOf(TRPCClientError);
      const refused = await login();
      expect(refused).toBeInstanceOf(TRPCClientError);
      if (!(refused instanceof TRPCClientError)) return;
      expect(refused.data).toMatchObject({ code: "RATE_LIMITED", httpStatus: 429, details: { retryAfterSeconds: expect.any(Number), limit: 1 } });
      expect(refused.message).toMatch(/Too many requests/);
    } finally {
      await limited.close();
    }
  });
});

describe("with the database unreachable", () => {
  let server: Server;
  let baseUrl: string;
  const db = createDb({ connectionString: UNREACHABLE, max: 1 });
  const logger = createLogger({ level: "silent", name: "unreachable-test" });
  const mailer = createMailer({ smtpUrl: undefined, from: "ops@example.com", logger });
  const changeFeed = startChangeFeed({ connectionString: UNREACHABLE, logger });
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResponse> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
  };

  beforeAll(async () => {
    const config = testConfig(UNREACHABLE);
    const app = await createApp({ db, config, logger, mailer, changeFeed, storage: await createObjectStorage(config.attachments.storage) });
    server = await new Promise((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    mailer.close();
    await changeFeed.close();
    await db.destroy();
  });

  it("REST, the auth routes and Alertmanager answer 503 SERVICE_UNAVAILABLE with Retry-After", async () => {
    const token = { authorization: "Bearer iok_anything" };
    for (const res of [
      await request("GET", "/v1/incidents", undefined, token),
      await request("POST", "/v1/auth/login", { email: "a@example.com", password: "whatever" }),
      await request("POST", "/v1/integrations/alertmanager/somekey", { version: "4", groupKey: "g", status: "firing", alerts: [{ status: "firing", labels: {} }] }),
    ]) {
      expectError(res, 503, "SERVICE_UNAVAILABLE");
      expect(res.headers.get("retry-after")).toBe("5");
    }
  });

  it("tRPC answers 503 in its own format", async () => {
    const trpc = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc`, headers: { authorization: "Bearer iok_anything" } })] });
    const error = await trpc.org.get.query().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    if (error instanceof TRPCClientError) expect(error.data).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503 });
  });

  it("PagerDuty's routes answer 503 in PagerDuty's format, so the sender retries", async () => {
    const res = await request("POST", "/v2/enqueue", { routing_key: "k", event_action: "trigger", payload: { summary: "s", source: "s", severity: "info" } });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.body).toEqual({ status: "error", message: expect.stringContaining("retry"), errors: [] });
  });
});
