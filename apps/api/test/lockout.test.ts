import { randomUUID } from "node:crypto";
import { LOGIN_MAX_FAILURES, LOGIN_WINDOW_SECONDS, sweepExpiredCounters, type TokenResponse } from "@incidentops/core";
import { sql } from "@incidentops/db";
import { isTRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { insideOneMinuteWindow, addMember, anOrgOwner, auditEntries, expectError, uniqueEmail, useTestApi, type HttpResponse, type TestApi } from "@incidentops/testkit";

const WRONG = "wrong password!";

/** The Retry-After header as whole seconds, checked to be one. */
function retryAfterOf(res: HttpResponse<unknown>): number {
  const header = res.headers.get("retry-after");
  expect(header).toMatch(/^\d+$/);
  return Number(header);
}

describe("login lockout", () => {
  const api = useTestApi();

  const login = (body: { email: string; password: string; orgId?: string }, requestId?: string) =>
    api.current.request<TokenResponse>("POST", "/v1/auth/login", {
      body,
      headers: requestId === undefined ? {} : { "x-request-id": requestId },
    });

  async function failuresOf(email: string): Promise<number | undefined> {
    const row = await api.current.db.selectFrom("login_throttle").select("failures").where("email", "=", email).executeTakeFirst();
    return row?.failures;
  }

  async function failTimes(email: string, times: number): Promise<void> {
    for (let i = 0; i < times; i++) expectError(await login({ email, password: WRONG }), 401, "INVALID_CREDENTIALS");
  }

  /** Moves the account's window start back past the window's length: as if 15 minutes had gone by. */
  async function endWindow(email: string): Promise<void> {
    await api.current.db
      .updateTable("login_throttle")
      .set({ window_start: sql<Date>`window_start - make_interval(secs => ${LOGIN_WINDOW_SECONDS + 1}::int)` })
      .where("email", "=", email)
      .execute();
  }

  it("refuses the 6th attempt after 5 failures with 429 LOGIN_LOCKED and a Retry-After for the rest of the window", async () => {
    expect(LOGIN_MAX_FAILURES).toBe(5);
    const user = await anOrgOwner(api.current);
    await failTimes(user.email, 5);
    const res = await login({ email: user.email, password: WRONG });
    const body = expectError(res, 429, "LOGIN_LOCKED");
    const retryAfter = retryAfterOf(res);
    expect(retryAfter).toBeGreaterThan(LOGIN_WINDOW_SECONDS - 120);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_WINDOW_SECONDS);
    expect(body.details.retryAfterSeconds).toBe(retryAfter);
    // Refused attempts are not failures: the lock does not grow.
    expect(await failuresOf(user.email)).toBe(5);
  });

  it("refuses the right password too while locked", async () => {
    const user = await anOrgOwner(api.current);
    await failTimes(user.email, 5);
    const res = await login({ email: user.email, password: user.password });
    expectError(res, 429, "LOGIN_LOCKED");
    expect(retryAfterOf(res)).toBeGreaterThan(0);
  });

  it("counts 5 concurrent failures exactly: all 5 are 401 and the 6th is 429", async () => {
    const user = await anOrgOwner(api.current);
    const results = await Promise.all(Array.from({ length: 5 }, () => login({ email: user.email, password: WRONG })));
    expect(results.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect(await failuresOf(user.email)).toBe(5);
    expectError(await login({ email: user.email, password: user.password }), 429, "LOGIN_LOCKED");
  });

  it("lets no more than 5 of 9 concurrent attempts try a password", async () => {
    const user = await anOrgOwner(api.current);
    const results = await Promise.all(Array.from({ length: 9 }, () => login({ email: user.email, password: WRONG })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    expect(await failuresOf(user.email)).toBe(5);
  });

  it("unlocks once the window is over, and the next failure starts a new count", async () => {
    const user = await anOrgOwner(api.current);
    await failTimes(user.email, 5);
    expectError(await login({ email: user.email, password: user.password }), 429, "LOGIN_LOCKED");
    await endWindow(user.email);
    await failTimes(user.email, 1);
    expect(await failuresOf(user.email)).toBe(1);
    await endWindow(user.email);
    expect((await login({ email: user.email, password: user.password })).status).toBe(200);
  });

  it("resets the count on a successful login", async () => {
    const user = await anOrgOwner(api.current);
    await failTimes(user.email, 4);
    expect((await login({ email: user.email, password: user.password })).status).toBe(200);
    expect(await failuresOf(user.email)).toBeUndefined();
    await failTimes(user.email, 4);
    expect(await failuresOf(user.email)).toBe(4);
    expect((await login({ email: user.email, password: user.password })).status).toBe(200);
  });

  it("counts per account, whatever the case of the email, and leaves other accounts alone", async () => {
    const user = await anOrgOwner(api.current);
    const other = await anOrgOwner(api.current);
    await failTimes(user.email, 3);
    await failTimes(user.email.toUpperCase(), 2);
    expectError(await login({ email: user.email, password: user.password }), 429, "LOGIN_LOCKED");
    expect((await login({ email: other.email, password: other.password })).status).toBe(200);
  });

  it("locks unknown emails the same way, so the answers tell nothing about which accounts exist", async () => {
    const email = uniqueEmail("nobody");
    await failTimes(email, 5);
    const res = await login({ email, password: WRONG });
    expectError(res, 429, "LOGIN_LOCKED");
    expect(retryAfterOf(res)).toBeGreaterThan(0);
  });

  it("is answered over tRPC with TOO_MANY_REQUESTS, LOGIN_LOCKED and a Retry-After header", async () => {
    const user = await anOrgOwner(api.current);
    await failTimes(user.email, 5);
    try {
      await api.current.trpc().auth.login.mutate({ email: user.email, password: user.password });
      throw new Error("expected the login to be refused");
    } catch (error) {
      if (!isTRPCClientError(error)) throw error;
      const data = error.data as { code?: string; httpStatus?: number } | undefined;
      expect(data?.code).toBe("LOGIN_LOCKED");
      expect(data?.httpStatus).toBe(429);
    }
    const raw = await api.current.request("POST", "/trpc/auth.login", { body: { email: user.email, password: user.password } });
    expect(raw.status).toBe(429);
    expect(retryAfterOf(raw)).toBeGreaterThan(0);
  });

  describe("audit entries", () => {
    const entries = (action: string, requestId: string) => auditEntries(api.current.db, { action, requestId });

    it("records a successful login under the org logged into, with the user and the request id", async () => {
      const user = await anOrgOwner(api.current);
      const other = await anOrgOwner(api.current);
      await addMember(api.current.db, other.org.id, user.user.id, "member");
      const requestId = `login-ok-${randomUUID()}`;
      expect((await login({ email: user.email, password: user.password, orgId: other.org.id }, requestId)).status).toBe(200);
      const rows = await entries("auth.login.succeeded", requestId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ org_id: other.org.id, actor_type: "user", actor_id: user.user.id, target_id: user.user.id });
      expect(rows[0]?.ip).toContain("127.0.0.1");
    });

    it("records a failure of a known account under the org given (if a member) or its first org", async () => {
      const user = await anOrgOwner(api.current);
      const other = await anOrgOwner(api.current);
      await addMember(api.current.db, other.org.id, user.user.id, "viewer");
      const stranger = await anOrgOwner(api.current);

      const plain = `login-fail-${randomUUID()}`;
      await login({ email: user.email, password: WRONG }, plain);
      expect(await entries("auth.login.failed", plain)).toMatchObject([{ org_id: user.org.id, actor_type: "user", actor_id: user.user.id }]);

      const named = `login-fail-${randomUUID()}`;
      await login({ email: user.email, password: WRONG, orgId: other.org.id }, named);
      expect(await entries("auth.login.failed", named)).toMatchObject([{ org_id: other.org.id, actor_type: "user" }]);

      // An org the user is not in never gets the entry: it would tell that org about a stranger.
      const foreign = `login-fail-${randomUUID()}`;
      await login({ email: user.email, password: WRONG, orgId: stranger.org.id }, foreign);
      expect(await entries("auth.login.failed", foreign)).toMatchObject([{ org_id: user.org.id }]);
    });

    it("records a failure of an unknown email under no org, as anonymous", async () => {
      const email = uniqueEmail("nobody");
      const requestId = `login-unknown-${randomUUID()}`;
      await login({ email, password: WRONG }, requestId);
      const rows = await entries("auth.login.failed", requestId);
      expect(rows).toMatchObject([{ org_id: null, actor_type: "anonymous", actor_id: null }]);
      expect(rows[0]?.data).toMatchObject({ email });
    });

    it("records the lock once, at the failure that locks the account", async () => {
      const user = await anOrgOwner(api.current);
      await failTimes(user.email, 4);
      const requestId = `login-lock-${randomUUID()}`;
      expectError(await login({ email: user.email, password: WRONG }, requestId), 401, "INVALID_CREDENTIALS");
      const rows = await entries("auth.login.locked", requestId);
      expect(rows).toMatchObject([{ org_id: user.org.id, actor_type: "user", actor_id: user.user.id }]);
      const locks = await api.current.db
        .selectFrom("audit_log")
        .select("id")
        .where("action", "=", "auth.login.locked")
        .where("actor_id", "=", user.user.id)
        .execute();
      expect(locks).toHaveLength(1);
    });

    it("records refresh token reuse under the token's org, with the user and the request id", async () => {
      const user = await anOrgOwner(api.current);
      const refresh = (refreshToken: string, requestId?: string) =>
        api.current.request("POST", "/v1/auth/refresh", {
          body: { refreshToken },
          headers: requestId === undefined ? {} : { "x-request-id": requestId },
        });
      const rotated = await refresh(user.refreshToken);
      expect(rotated.status).toBe(200);
      // Its successor used: presenting the first token again is theft, not an answer lost.
      expect((await refresh((rotated.body as { refreshToken: string }).refreshToken)).status).toBe(200);
      const requestId = `reuse-${randomUUID()}`;
      expectError(await refresh(user.refreshToken, requestId), 401, "UNAUTHORIZED");
      const rows = await entries("auth.refresh.reuse_detected", requestId);
      expect(rows).toMatchObject([{ org_id: user.org.id, actor_type: "user", actor_id: user.user.id }]);
    });
  });
});

describe("per-IP rate limit on the auth routes", () => {
  const LIMIT = 5;
  const api = useTestApi({ env: { AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT) } });

  /** Hits on the auth routes in the current window (the test talks from one address). */
  async function hitsNow(testApi: TestApi): Promise<number> {
    const { rows } = await sql<{ hits: number | null }>`
      SELECT sum(hits)::int AS hits FROM rate_limit_counters
      WHERE key LIKE 'auth-ip:%' AND window_start > now() - interval '1 minute'`.execute(testApi.db);
    return rows[0]?.hits ?? 0;
  }

  /**
   * Starts from an empty window with at least 10 seconds left in it (so a test never straddles
   * the minute boundary): waits for the next window if needed, then moves every counted window
   * one minute back, as if a minute had gone by.
   */
  async function freshWindow(testApi: TestApi): Promise<void> {
    await insideOneMinuteWindow();
    await sql`UPDATE rate_limit_counters SET window_start = window_start - interval '1 minute'`.execute(testApi.db);
  }

  const loginAttempt = (requestId?: string) =>
    api.current.request("POST", "/v1/auth/login", {
      body: { email: uniqueEmail("limit"), password: WRONG },
      headers: requestId === undefined ? {} : { "x-request-id": requestId },
    });

  it("answers 429 RATE_LIMITED with Retry-After and the standard body once the limit is used up", async () => {
    await freshWindow(api.current);
    const user = await anOrgOwner(api.current);
    await freshWindow(api.current);
    for (let i = 0; i < LIMIT; i++) expect((await loginAttempt()).status).toBe(401);

    const requestId = `limited-${randomUUID()}`;
    const res = await loginAttempt(requestId);
    const body = expectError(res, 429, "RATE_LIMITED");
    expect(body.traceId).toBe(requestId);
    const retryAfter = retryAfterOf(res);
    expect(retryAfter).toBeGreaterThanOrEqual(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body.details).toMatchObject({ retryAfterSeconds: retryAfter, limit: LIMIT });

    // Every auth route that takes a password, an email or a one-time token is limited, REST and tRPC alike...
    expectError(await api.current.request("POST", "/v1/auth/password/forgot", { body: { email: user.email } }), 429, "RATE_LIMITED");
    expectError(await api.current.request("POST", "/v1/auth/session/login", { body: { email: user.email, password: user.password } }), 429, "RATE_LIMITED");
    const trpc = await api.current.request("POST", "/trpc/auth.login", { body: { email: user.email, password: user.password } });
    expect(trpc.status).toBe(429);
    expect(trpc.headers.get("retry-after")).toMatch(/^\d+$/);
    const batched = await api.current.request("GET", `/trpc/auth.me,auth.login?batch=1&input=${encodeURIComponent("{}")}`, { token: user.accessToken });
    expect(batched.status).toBe(429);

    // ...and nothing else is, nor counted: not what renews, switches, reads or ends a session already
    // issued (a browser renews on every page load), nor any other route.
    const before = await hitsNow(api.current);
    expect((await api.current.request("GET", "/v1/auth/me", { token: user.accessToken })).status).toBe(200);
    expect((await api.current.request("GET", "/v1/AUTH/me/", { token: user.accessToken })).status).toBe(200);
    expect((await api.current.request("POST", "/v1/auth/refresh", { body: { refreshToken: user.refreshToken } })).status).toBe(200);
    expect((await api.current.request("GET", "/trpc/auth.me", { token: user.accessToken })).status).toBe(200);
    expect((await api.current.request("GET", "/v1/org", { token: user.accessToken })).status).toBe(200);
    expect((await api.current.request("GET", "/trpc/org.get", { token: user.accessToken })).status).toBe(200);
    expect((await api.current.request("GET", "/healthz")).status).toBe(200);
    expect(await hitsNow(api.current)).toBe(before);
  });

  it("accepts again in the next window", async () => {
    await freshWindow(api.current);
    for (let i = 0; i < LIMIT; i++) await loginAttempt();
    expectError(await loginAttempt(), 429, "RATE_LIMITED");
    await freshWindow(api.current);
    expect((await loginAttempt()).status).toBe(401);
  });

  it("counts concurrent requests exactly: no more than the limit get through", async () => {
    await freshWindow(api.current);
    const results = await Promise.all(Array.from({ length: LIMIT + 3 }, () => loginAttempt()));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  });

  it("sweeps windows over an hour old", async () => {
    await sql`INSERT INTO rate_limit_counters (key, window_start, hits) VALUES ('auth-ip:old', now() - interval '2 hours', 3)`.execute(api.current.db);
    await sql`INSERT INTO rate_limit_counters (key, window_start, hits) VALUES ('auth-ip:recent', now() - interval '5 minutes', 3)`.execute(api.current.db);
    await sweepExpiredCounters(api.current.db);
    const keys = await api.current.db.selectFrom("rate_limit_counters").select("key").where("key", "in", ["auth-ip:old", "auth-ip:recent"]).execute();
    expect(keys.map((k) => k.key)).toEqual(["auth-ip:recent"]);
  });
});
