import { request as httpRequest } from "node:http";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { createLogger, type TokenResponse } from "@incidentops/core";
import { createDb, readMigrations, sql } from "@incidentops/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { startChangeFeed } from "../src/live/change-feed.js";
import { openLiveStream } from "./support/live.js";
import {
  anIncident,
  anOrgOwner,
  aService,
  aUserWithRole,
  captureLogger,
  expectError,
  listenOnLoopback,
  startTestApi,
  testConfig,
  useTestApi,
  UUID,
  type ErrorBody,
  type TestApi,
} from "@incidentops/testkit";

const api = useTestApi();

describe("request ids", () => {
  it("echoes a well-formed x-request-id", async () => {
    const res = await api.current.request("GET", "/healthz", { headers: { "x-request-id": "my-trace-123" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("my-trace-123");
  });

  it("generates a UUID when none is sent, a different one per request", async () => {
    const a = await api.current.request("GET", "/healthz");
    const b = await api.current.request("GET", "/healthz");
    expect(a.headers.get("x-request-id")).toMatch(UUID);
    expect(b.headers.get("x-request-id")).toMatch(UUID);
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
  });

  it.each([
    ["300 characters", "a".repeat(300)],
    ["spaces", "has spaces in it"],
    ["a newline-ish control payload", "abc<script>"],
  ])("replaces an invalid x-request-id (%s) with a generated one", async (_label, given) => {
    const res = await api.current.request("GET", "/healthz", { headers: { "x-request-id": given } });
    const echoed = res.headers.get("x-request-id");
    expect(echoed).not.toBe(given);
    expect(echoed).toMatch(UUID);
  });

  it("uses the request id as the traceId of error bodies (REST and unknown routes)", async () => {
    const rest = await api.current.request<ErrorBody>("GET", "/v1/auth/me", { headers: { "x-request-id": "trace-rest-1" } });
    expect(expectError(rest, 401, "UNAUTHORIZED").traceId).toBe("trace-rest-1");

    const missing = await api.current.request<ErrorBody>("GET", "/nope", { headers: { "x-request-id": "trace-404" } });
    expect(expectError(missing, 404, "NOT_FOUND").traceId).toBe("trace-404");

    const generated = await api.current.request<ErrorBody>("GET", "/v1/incidents");
    expect(expectError(generated, 401, "UNAUTHORIZED").traceId).toMatch(UUID);
  });

  it("uses the request id as the traceId of tRPC errors", async () => {
    const res = await fetch(`${api.current.baseUrl}/trpc/auth.me`, { headers: { "x-request-id": "trace-trpc-1" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("x-request-id")).toBe("trace-trpc-1");
    const body = (await res.json()) as { error: { data: ErrorBody } };
    expect(body.error.data).toMatchObject({ code: "UNAUTHORIZED", traceId: "trace-trpc-1" });
  });
});

describe("logs", () => {
  const captured = captureLogger();
  let started: TestApi | undefined;
  const logged = (): TestApi => {
    if (started === undefined) throw new Error("the logging API did not start");
    return started;
  };

  beforeAll(async () => {
    started = await startTestApi({ logger: captured.logger });
  });

  afterAll(async () => {
    await started?.close();
  });

  const parsedLines = () => captured.lines;
  const requestIdOfLine = (line: Record<string, unknown>) => {
    const req = line.req as { id?: unknown } | undefined;
    return { requestId: line.requestId, reqId: req?.id };
  };

  /** Log lines are written when the response finishes, which may be just after fetch resolves. */
  async function waitForLines(predicate: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>[]> {
    for (let i = 0; i < 50; i++) {
      const matching = parsedLines().filter(predicate);
      if (matching.length > 0) return matching;
      await new Promise((r) => setTimeout(r, 20));
    }
    return parsedLines().filter(predicate);
  }

  it("tags every log line of a request with its request id", async () => {
    const res = await logged().request("GET", "/v1/incidents", { headers: { "x-request-id": "log-trace-42" } });
    expect(res.status).toBe(401);
    const mine = await waitForLines((l) => JSON.stringify(l).includes("log-trace-42"));
    expect(mine.length).toBeGreaterThan(0);
    for (const line of mine) {
      expect(requestIdOfLine(line)).toEqual({ requestId: "log-trace-42", reqId: "log-trace-42" });
    }
    // The request-completed line is among them, with the response status.
    expect(mine.some((l) => (l.res as { statusCode?: number } | undefined)?.statusCode === 401)).toBe(true);
  });

  it("tags the lines logged inside a failing request (readiness on a broken database)", async () => {
    // Lines a handler logs itself (req.log) carry the id too, not just the request's own line.
    await sql`ALTER TABLE schema_migrations RENAME TO schema_migrations_moved`.execute(logged().db);
    try {
      const res = await logged().request("GET", "/readyz", { headers: { "x-request-id": "log-ready-7" } });
      expect(res.status).toBe(503);
    } finally {
      await sql`ALTER TABLE schema_migrations_moved RENAME TO schema_migrations`.execute(logged().db);
    }
    const mine = await waitForLines((l) => JSON.stringify(l).includes("log-ready-7"));
    expect(mine.some((l) => l.msg === "readiness check failed")).toBe(true);
    for (const line of mine) {
      expect(requestIdOfLine(line)).toEqual({ requestId: "log-ready-7", reqId: "log-ready-7" });
    }
  });

  it("names the caller on a request's lines once it is identified", async () => {
    const owner = await anOrgOwner(logged());
    const res = await logged().request("GET", "/v1/incidents", { token: owner.accessToken, headers: { "x-request-id": "log-caller-1" } });
    expect(res.status).toBe(200);
    const [line] = await waitForLines((l) => l.requestId === "log-caller-1");
    expect(line).toMatchObject({ msg: "request completed", level: 30, actor: owner.user.id, orgId: owner.org.id, res: { statusCode: 200 } });
    expect(line?.req).toMatchObject({ id: "log-caller-1", method: "GET", url: "/v1/incidents" });

    // A caller refused (a viewer creating a service) is named too.
    const viewer = await aUserWithRole(logged(), owner.org.id, "viewer");
    const refused = await logged().request("POST", "/v1/org/services", { token: viewer.accessToken, body: { name: "Not mine" }, headers: { "x-request-id": "log-caller-2" } });
    expect(refused.status).toBe(403);
    const [refusal] = await waitForLines((l) => l.requestId === "log-caller-2");
    expect(refusal).toMatchObject({ msg: "request completed", actor: viewer.user.id, orgId: owner.org.id, res: { statusCode: 403 } });
  });

  it("logs a request that failed (5xx) at error, and one whose client went away first as aborted", async () => {
    const owner = await anOrgOwner(logged());
    await sql`ALTER TABLE incidents RENAME TO incidents_moved`.execute(logged().db);
    try {
      const res = await logged().request("GET", "/v1/incidents", { token: owner.accessToken, headers: { "x-request-id": "log-failed-1" } });
      expect(res.status).toBe(500);
    } finally {
      await sql`ALTER TABLE incidents_moved RENAME TO incidents`.execute(logged().db);
    }
    const failed = await waitForLines((l) => l.requestId === "log-failed-1" && l.res !== undefined);
    expect(failed).toMatchObject([{ msg: "request errored", level: 50, res: { statusCode: 500 } }]);
    // The failure's own line names the database's error, without a stack.
    const [cause] = await waitForLines((l) => l.requestId === "log-failed-1" && l.err !== undefined);
    expect(cause?.err).toEqual({ type: "DatabaseError", message: 'relation "incidents" does not exist', code: "42P01", severity: "ERROR", routine: "parserOpenTable" });

    // A live stream answers until its client goes away.
    const stream = await openLiveStream(logged(), owner.accessToken);
    stream.close();
    const aborted = await waitForLines((l) => l.msg === "request aborted");
    expect(aborted).toMatchObject([{ level: 30, actor: owner.user.id, req: { url: expect.stringMatching(/^\/trpc\/live\.incidents\?/) }, res: { statusCode: 200 } }]);
  });

  it("never logs passwords, tokens or credential headers, whatever their name", async () => {
    const password = "log-secret-password-93817";
    const user = await anOrgOwner(logged(), { password });
    const login = await logged().request<TokenResponse>("POST", "/v1/auth/login", {
      body: { email: user.email, password },
      headers: { "x-request-id": "log-login-1" },
    });
    expect(login.status).toBe(200);
    const me = await logged().request("GET", "/v1/auth/me", {
      token: login.body.accessToken,
      headers: { "x-request-id": "log-me-1", cookie: "sid=cookie-secret-5521", "x-api-key": "apikey-secret-7730", "x-vendor-token": "vendor-secret-4410" },
    });
    expect(me.status).toBe(200);
    const refreshed = await logged().request<TokenResponse>("POST", "/v1/auth/refresh", { body: { refreshToken: login.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    const failed = await logged().request("POST", "/v1/auth/login", { body: { email: user.email, password: `${password}-wrong` } });
    expect(failed.status).toBe(401);

    const meLines = await waitForLines((l) => JSON.stringify(l).includes("log-me-1"));
    expect(meLines.length).toBeGreaterThan(0);
    // Only the headers named for the log are on the line: the caller's user agent, not its credentials.
    const headers = (meLines[0]?.req as { headers?: Record<string, unknown> } | undefined)?.headers;
    expect(headers?.["user-agent"]).toEqual(expect.any(String));
    expect(Object.keys(headers ?? {}).filter((name) => ["authorization", "cookie", "x-api-key", "x-vendor-token"].includes(name))).toEqual([]);

    const all = captured.text();
    for (const secret of [
      password,
      "cookie-secret-5521",
      "apikey-secret-7730",
      "vendor-secret-4410",
      user.accessToken,
      user.refreshToken,
      login.body.accessToken,
      login.body.refreshToken,
      refreshed.body.accessToken,
      refreshed.body.refreshToken,
    ]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(all).not.toContain(secret);
    }
  });
});

describe("body errors", () => {
  let token: string;
  beforeAll(async () => {
    token = (await anOrgOwner(api.current)).accessToken;
  });

  it("refuses a body over 1 MB with 413 PAYLOAD_TOO_LARGE", async () => {
    const body = { email: "big@example.com", password: "correct horse battery", name: "x".repeat(1.5 * 1024 * 1024), orgName: "Big" };
    const res = await api.current.request<ErrorBody>("POST", "/v1/auth/register", { body });
    expectError(res, 413, "PAYLOAD_TOO_LARGE");
  });

  it("refuses malformed JSON with 400 MALFORMED_JSON", async () => {
    const res = await api.current.request<ErrorBody>("POST", "/v1/auth/register", { rawBody: '{"email": "a@example.com",' });
    expectError(res, 400, "MALFORMED_JSON");
  });

  it("reads a compressed body, and refuses one that does not match its Content-Encoding with 400 VALIDATION_FAILED", async () => {
    const compressors = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
    for (const [encoding, compress] of Object.entries(compressors)) {
      const headers = { "content-encoding": encoding, "x-incidentops-csrf": "1" };
      const name = `compressed with ${encoding}`;
      const created = await api.current.request<{ name: string }>("POST", "/v1/org/services", { token, rawBody: compress(JSON.stringify({ name })), headers });
      expect({ encoding, status: created.status, name: created.body.name }).toEqual({ encoding, status: 201, name });
      for (const path of ["/v1/org/services", "/v1/integrations/webhook/unknown-key", "/v1/auth/session/login"]) {
        const res = await api.current.request<ErrorBody>("POST", path, { token, rawBody: "not compressed", headers });
        expect({ encoding, path, status: res.status, code: res.body.code }).toEqual({ encoding, path, status: 400, code: "VALIDATION_FAILED" });
      }
      // PagerDuty's clients retry a 5xx: a body they cannot fix is PagerDuty's 400.
      const event = await api.current.request<{ status: string }>("POST", "/v2/enqueue", { rawBody: "not compressed", headers });
      expect({ encoding, status: event.status, body: event.body.status }).toEqual({ encoding, status: 400, body: "invalid event" });
    }
  });

  it("refuses a non-JSON content type with 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    const res = await api.current.request<ErrorBody>("POST", "/v1/auth/register", {
      rawBody: "email=a@example.com",
      headers: { "content-type": "text/plain" },
    });
    expectError(res, 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("keys validation errors by field path", async () => {
    const res = await api.current.request<ErrorBody>("POST", "/v1/auth/register", {
      body: { email: "not-an-email", password: "short", name: "N", orgName: "O" },
    });
    const body = expectError(res, 400, "VALIDATION_FAILED");
    const fields = body.details.fields as Record<string, string[]>;
    expect(Object.keys(fields).sort()).toEqual(["email", "password"]);
    expect(fields.password?.[0]).toMatch(/8/);
  });

  it("keys a bad nested webhook URL as config.url", async () => {
    const res = await api.current.request<ErrorBody>("POST", "/v1/org/notification-targets", {
      token,
      body: { name: "hook", type: "webhook", config: { url: "not a url" } },
    });
    const body = expectError(res, 400, "VALIDATION_FAILED");
    const fields = body.details.fields as Record<string, string[]>;
    expect(Object.keys(fields)).toEqual(["config.url"]);
    expect(fields["config.url"]?.length).toBeGreaterThan(0);
  });

  it("keys a config that does not fit the type under config.*", async () => {
    const res = await api.current.request<ErrorBody>("POST", "/v1/org/notification-targets", {
      token,
      body: { name: "mail", type: "email", config: { url: "https://example.com/hook" } },
    });
    const body = expectError(res, 400, "VALIDATION_FAILED");
    const fields = Object.keys(body.details.fields as Record<string, string[]>);
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field).toMatch(/^config(\.|$)/);
  });

  it("answers unknown routes with 404 NOT_FOUND and the standard body", async () => {
    expectError(await api.current.request<ErrorBody>("GET", "/v1/no-such-thing", { token }), 404, "NOT_FOUND");
    expectError(await api.current.request<ErrorBody>("GET", "/no-such-thing"), 404, "NOT_FOUND");
    expectError(await api.current.request<ErrorBody>("POST", "/v1/incidents/not-a-route/x/y", { token, body: {} }), 404, "NOT_FOUND");
  });

  it("finds a REST route whatever the case of its path, as Express matches paths", async () => {
    const service = await aService(api.current, token);
    for (const path of [`/v1/ORG/services/${service.id}`, `/v1/org/Services/${service.id}`, `/v1/org/services/${service.id}/`]) {
      const res = await api.current.request<{ id: string }>("GET", path, { token });
      expect({ path, status: res.status, id: res.body.id }).toEqual({ path, status: 200, id: service.id });
    }
  });

  it("refuses a path that is not valid URL-encoding with 400 VALIDATION_FAILED outside the REST operations too", async () => {
    // The REST operations are each checked in input-fuzz.test.ts.
    const paths = [
      ["POST", "/v1/integrations/webhook/%ZZ"],
      ["POST", "/v1/integrations/alertmanager/%E0%A4%A"],
      ["GET", "/v1/heartbeats/%ZZ"],
      ["GET", "/calendar/%ZZ.ics"],
    ] as const;
    for (const [method, path] of paths) {
      const res = await api.current.request<ErrorBody>(method, path, method === "GET" ? {} : { body: {} });
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 400, code: "VALIDATION_FAILED" });
    }
    // Opsgenie's Alert API answers in its own format, a refused request as 422.
    expect((await api.current.request("POST", "/v2/alerts/%ZZ/acknowledge", { token, body: {} })).status).toBe(422);
    expect((await api.current.request("GET", "/v2/alerts/requests/%ZZ", { token })).status).toBe(422);
  });

  it("answers a missing resource of the right shape with 404 NOT_FOUND", async () => {
    const res = await api.current.request<ErrorBody>("GET", "/v1/incidents/00000000-0000-4000-8000-000000000000", { token });
    expectError(res, 404, "NOT_FOUND");
  });
});

describe("REST and tRPC return the same data", () => {
  let token: string;
  let serviceId: string;
  let incidentId: string;
  beforeAll(async () => {
    token = (await anOrgOwner(api.current)).accessToken;
    serviceId = (await aService(api.current, token)).id;
    incidentId = (await anIncident(api.current, token, serviceId, { severity: "sev2", description: "db is slow" })).id;
    await anIncident(api.current, token, serviceId);
  });

  it("GET /v1/incidents/{id} equals incidents.get", async () => {
    const rest = await api.current.request("GET", `/v1/incidents/${incidentId}`, { token });
    expect(rest.status).toBe(200);
    const viaTrpc = await api.current.trpc(token).incidents.get.query({ incidentId });
    expect(rest.body).toEqual(viaTrpc);
    expect(viaTrpc).toMatchObject({ id: incidentId, serviceId, severity: "sev2", description: "db is slow" });
  });

  it("GET /v1/incidents equals incidents.list", async () => {
    const rest = await api.current.request<{ items: unknown[] }>("GET", "/v1/incidents", { token });
    expect(rest.status).toBe(200);
    const viaTrpc = await api.current.trpc(token).incidents.list.query({});
    expect(rest.body).toEqual(viaTrpc);
    expect(viaTrpc.items).toHaveLength(2);
  });

  it("GET /v1/auth/me equals auth.me", async () => {
    const rest = await api.current.request("GET", "/v1/auth/me", { token });
    expect(rest.status).toBe(200);
    const viaTrpc = await api.current.trpc(token).auth.me.query();
    expect(rest.body).toEqual(viaTrpc);
  });

  it("a service created through tRPC is visible through REST", async () => {
    const created = await api.current.trpc(token).org.services.create.mutate({ name: "made-over-trpc", description: "d" });
    expect(created).toMatchObject({ name: "made-over-trpc", description: "d" });
    const list = await api.current.request<{ items: { id: string }[] }>("GET", "/v1/org/services", { token });
    expect(list.status).toBe(200);
    expect(list.body.items).toContainEqual(created);
  });

  it("creation over REST answers 201 with the created object", async () => {
    const email = `rest-201-${Date.now()}@example.com`;
    const reg = await api.current.request<TokenResponse>("POST", "/v1/auth/register", {
      body: { email, password: "correct horse battery", name: "R", orgName: "R Org" },
    });
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ tokenType: "Bearer", user: { email } });
    const t = reg.body.accessToken;

    const service = await api.current.request<{ id: string }>("POST", "/v1/org/services", { token: t, body: { name: "api" } });
    expect(service.status).toBe(201);
    expect(service.body).toMatchObject({ name: "api" });
    expect(service.body.id).toMatch(UUID);

    const incident = await api.current.request<{ id: string }>("POST", `/v1/services/${service.body.id}/incidents`, {
      token: t,
      body: { title: "down" },
    });
    expect(incident.status).toBe(201);
    expect(incident.body).toMatchObject({ serviceId: service.body.id, title: "down", status: "triggered", severity: "sev3", version: 1 });

    const comment = await api.current.request("POST", `/v1/incidents/${incident.body.id}/comment`, { token: t, body: { body: "looking" } });
    expect(comment.status).toBe(201);
    expect(comment.body).toMatchObject({ incidentId: incident.body.id, kind: "commented" });

    const target = await api.current.request("POST", "/v1/org/notification-targets", {
      token: t,
      body: { name: "hook", type: "webhook", config: { url: "https://hooks.example.com/in" } },
    });
    expect(target.status).toBe(201);

    // Not a creation: plain 200.
    const ack = await api.current.request("POST", `/v1/incidents/${incident.body.id}/transition`, {
      token: t,
      body: { toStatus: "acknowledged", version: 1 },
    });
    expect(ack.status).toBe(200);
  });
});

describe("notification targets", () => {
  let token: string;
  beforeAll(async () => {
    token = (await anOrgOwner(api.current)).accessToken;
  });

  interface TargetResponse {
    id: string;
    type: string;
    config: Record<string, string>;
    secret: string;
  }

  it("shows the signing secret once, at creation, and masks the Slack webhook path", async () => {
    const slackPath = "/services/T000/B000/XXXXsupersecretpath";
    const bodies = [
      { name: "hook", type: "webhook", config: { url: "https://hooks.example.com/incidentops" } },
      { name: "mail", type: "email", config: { address: "oncall@example.com" }, minSeverity: "sev2" },
      { name: "slack", type: "slack", config: { webhookUrl: `https://hooks.slack.com${slackPath}` }, eventKinds: ["triggered"] },
    ];
    const created: TargetResponse[] = [];
    for (const body of bodies) {
      const res = await api.current.request<TargetResponse>("POST", "/v1/org/notification-targets", { token, body });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: body.name, type: body.type });
      expect(res.body.id).toMatch(UUID);
      expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);
      created.push(res.body);
    }
    expect(new Set(created.map((t) => t.secret)).size).toBe(3);
    expect(created[0]?.config).toEqual({ url: "https://hooks.example.com/incidentops" });
    expect(created[1]?.config).toEqual({ address: "oncall@example.com" });

    const res = await fetch(`${api.current.baseUrl}/v1/org/notification-targets`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const raw = await res.text();
    for (const target of created) expect(raw).not.toContain(target.secret);
    expect(raw).not.toContain("whsec_");
    expect(raw).not.toContain(slackPath);
    expect(raw).not.toContain("supersecretpath");

    const list = JSON.parse(raw) as { items: (TargetResponse & { secret?: string })[] };
    expect(list.items).toHaveLength(3);
    for (const item of list.items) expect(item).not.toHaveProperty("secret");
    const slack = list.items.find((t) => t.type === "slack");
    expect(slack?.config.webhookUrl).toMatch(/^https:\/\/hooks\.slack\.com\//);
    const webhook = list.items.find((t) => t.type === "webhook");
    expect(webhook?.config).toEqual({ url: "https://hooks.example.com/incidentops" });

    // tRPC lists the same, also without secrets.
    const viaTrpc = await api.current.trpc(token).org.notificationTargets.list.query({});
    expect(JSON.stringify(viaTrpc)).not.toContain("whsec_");
    expect(viaTrpc).toEqual(list);
  });
});

describe("health and readiness", () => {
  it("/healthz is 200 ok", async () => {
    const res = await api.current.request("GET", "/healthz");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });

  it("/readyz is 200 when migrations are current", async () => {
    const res = await api.current.request("GET", "/readyz");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok" });
  });

  it("/readyz is 503 while a migration is pending", async () => {
    const last = (await readMigrations()).at(-1);
    expect(last).toBeDefined();
    const version = last?.version ?? "";
    const { rows } = await sql<{ version: string; name: string; checksum: string; applied_at: Date }>`
      DELETE FROM schema_migrations WHERE version = ${version} RETURNING *`.execute(api.current.db);
    expect(rows).toHaveLength(1);
    const row = rows[0];
    try {
      const res = await api.current.request("GET", "/readyz");
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: "unavailable", migrations: { pending: [version] } });
    } finally {
      if (row !== undefined) {
        await sql`INSERT INTO schema_migrations (version, name, checksum, applied_at)
          VALUES (${row.version}, ${row.name}, ${row.checksum}, ${row.applied_at})`.execute(api.current.db);
      }
    }
    expect((await api.current.request("GET", "/readyz")).status).toBe(200);
  });

  it("/readyz is 503 when the database is unreachable, while /healthz stays 200", async () => {
    const unreachable = "postgres://x:y@127.0.0.1:1/none";
    const db = createDb({ connectionString: unreachable, max: 1 });
    const logger = createLogger({ level: "silent", name: "unreachable-test" });
    const changeFeed = startChangeFeed({ connectionString: unreachable, logger });
    const app = await createApp({
      db,
      config: testConfig(api.current.config.databaseUrl ?? "postgres://unused/none"),
      logger,
      mailer: api.current.mailer,
      changeFeed,
      storage: api.current.storage,
    });
    const server = await listenOnLoopback(app);
    try {
      const ready = await fetch(`${server.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ status: "unavailable", database: "unreachable" });
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|password/);
      const health = await fetch(`${server.baseUrl}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await server.close();
      await changeFeed.close();
      await db.destroy();
    }
  });
});

describe("tRPC transport errors", () => {
  interface TrpcErrorResponse {
    error: { code: number; data: { code: string; traceId: string; httpStatus: number } };
  }

  it("answers malformed JSON with MALFORMED_JSON and the request's traceId", async () => {
    const res = await api.current.request<TrpcErrorResponse>("POST", "/trpc/auth.login", {
      rawBody: "{not json",
      headers: { "x-request-id": "trpc-malformed-1" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.data).toMatchObject({ code: "MALFORMED_JSON", traceId: "trpc-malformed-1", httpStatus: 400 });
  });

  it("carries the traceId on errors raised before the context exists", async () => {
    const res = await api.current.request<TrpcErrorResponse>("POST", "/trpc/auth.login", {
      rawBody: "{}",
      headers: { "content-type": "text/plain", "x-request-id": "trpc-media-1" },
    });
    expect(res.status).toBe(415);
    expect(res.body.error.data).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", traceId: "trpc-media-1" });
  });

  it("answers a method tRPC does not serve with 405 METHOD_NOT_ALLOWED, TRACE included", async () => {
    // node's own client: fetch refuses to send TRACE, as tRPC's adapter refused to read it.
    const send = (method: string) =>
      new Promise<{ status: number; allow: string | undefined; body: TrpcErrorResponse }>((resolve, reject) => {
        const req = httpRequest(`${api.current.baseUrl}/trpc/incidents.list`, { method }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body: JSON.parse(text) as TrpcErrorResponse }));
        });
        req.on("error", reject);
        req.end();
      });
    for (const method of ["TRACE", "PUT", "DELETE", "PROPFIND"]) {
      const { status, allow, body } = await send(method);
      expect({ method, status, allow, code: body.error.data.code }).toEqual({ method, status: 405, allow: "GET, POST, HEAD", code: "METHOD_NOT_ALLOWED" });
    }
  });

  it("while shutting down: /readyz is 503 (send traffic elsewhere) and each answer closes its connection", async () => {
    const lifecycle = { draining: false };
    const logger = createLogger({ level: "silent", name: "draining-test" });
    const changeFeed = startChangeFeed({ connectionString: api.current.appDatabaseUrl, logger });
    const app = await createApp({ db: api.current.db, config: api.current.config, logger, mailer: api.current.mailer, changeFeed, storage: api.current.storage, lifecycle });
    const server = await listenOnLoopback(app);
    try {
      expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
      lifecycle.draining = true;
      const ready = await fetch(`${server.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "unavailable", shuttingDown: true });
      expect(ready.headers.get("connection")).toBe("close");
      expect((await fetch(`${server.baseUrl}/healthz`)).headers.get("connection")).toBe("close");
    } finally {
      await server.close();
      await changeFeed.close();
    }
  });
});
