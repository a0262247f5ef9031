import type { BrowserSession } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import { anOrgOwner, countRows, expectError, fieldsOf, PASSWORD, startTestApi, uniqueEmail, useTestApi, type HttpResponse } from "@incidentops/testkit";

// The web app's cookie sessions (/v1/auth/session/*): the refresh token only ever in an httpOnly
// cookie scoped to these routes, rotated on refresh, and every call checked against CSRF.

const api = useTestApi();

const CSRF = { "x-incidentops-csrf": "1" };

/** A session call as the app makes it: the CSRF header, the cookie if any. */
function session(path: string, options: { body?: unknown; cookie?: string; headers?: Record<string, string>; token?: string } = {}) {
  const headers: Record<string, string> = { ...CSRF, ...options.headers };
  if (options.cookie !== undefined) headers.cookie = options.cookie;
  return api.current.request<BrowserSession & { details?: unknown }>("POST", `/v1/auth/session${path}`, {
    body: options.body ?? {},
    headers,
    token: options.token,
  });
}

interface SetCookie {
  pair: string;
  value: string;
  attributes: string[];
}

function refreshCookieOf(res: HttpResponse): SetCookie {
  const line = res.headers.getSetCookie().find((c) => c.startsWith("incidentops_refresh="));
  if (line === undefined) throw new Error(`no refresh cookie in ${JSON.stringify(res.headers.getSetCookie())}`);
  const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
  return { pair, value: pair.slice("incidentops_refresh=".length), attributes: attributes.map((a) => a.toLowerCase()) };
}

async function signedIn() {
  const owner = await anOrgOwner(api.current);
  const res = await session("/login", { body: { email: owner.email, password: owner.password } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { owner, res, cookie: refreshCookieOf(res) };
}

describe("signing in", () => {
  it("sets the refresh token as an httpOnly, SameSite=Strict cookie scoped to the session routes, and answers without it", async () => {
    const { res, cookie } = await signedIn();
    expect(res.body).not.toHaveProperty("refreshToken");
    expect(res.body).toMatchObject({ tokenType: "Bearer", expiresIn: 900, user: { email: expect.any(String) }, org: { role: "admin" } });
    expect(cookie.value.length).toBeGreaterThan(20);
    expect(cookie.attributes).toEqual(expect.arrayContaining(["httponly", "samesite=strict", "path=/v1/auth/session"]));
    expect(cookie.attributes.some((a) => a.startsWith("max-age="))).toBe(true);
    // Not Secure outside production (the app runs on http://localhost there).
    expect(cookie.attributes).not.toContain("secure");
    // The access token works as a bearer.
    expect((await api.current.request("GET", "/v1/auth/me", { token: res.body.accessToken })).status).toBe(200);
  });

  it("sets it Secure when the app is served over https: PUBLIC_URL says so, or a trusted proxy does (X-Forwarded-Proto)", async () => {
    const environments: Record<string, string>[] = [{ PUBLIC_URL: "https://incidents.example.com" }, { TRUST_PROXY: "true" }];
    for (const env of environments) {
      const https = await startTestApi({ env });
      try {
        const owner = await anOrgOwner(https);
        const res = await https.request("POST", "/v1/auth/session/login", {
          body: { email: owner.email, password: owner.password },
          headers: { ...CSRF, "x-forwarded-proto": "https" },
        });
        expect(refreshCookieOf(res).attributes, JSON.stringify(env)).toContain("secure");
      } finally {
        await https.close();
      }
    }
  });

  it("registers (201) and accepts an invitation the same way", async () => {
    const res = await session("/register", { body: { email: uniqueEmail(), password: PASSWORD, name: "Ada", orgName: "Acme" } });
    expect(res.status).toBe(201);
    expect(res.body).not.toHaveProperty("refreshToken");
    expect(refreshCookieOf(res).attributes).toContain("httponly");
  });

  it("refuses a bad body with the fields, and wrong credentials, setting no cookie", async () => {
    const bad = await session("/login", { body: { email: "not an email" } });
    expectError(bad, 400, "VALIDATION_FAILED");
    expect(Object.keys(fieldsOf(bad.body)).sort()).toEqual(["email", "password"]);
    const owner = await anOrgOwner(api.current);
    const wrong = await session("/login", { body: { email: owner.email, password: "wrong password" } });
    expectError(wrong, 401, "INVALID_CREDENTIALS");
    expect(bad.headers.getSetCookie()).toEqual([]);
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });
});

describe("refreshing", () => {
  it("rotates the cookie and answers a new access token; the old cookie, once the new one was used, is then refused and ends the session", async () => {
    const { cookie } = await signedIn();
    const renewed = await session("/refresh", { cookie: cookie.pair });
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    expect(renewed.body).not.toHaveProperty("refreshToken");
    const next = refreshCookieOf(renewed);
    expect(next.value).not.toBe(cookie.value);
    const after = refreshCookieOf(await session("/refresh", { cookie: next.pair }));

    const reused = await session("/refresh", { cookie: cookie.pair });
    expectError(reused, 401, "UNAUTHORIZED");
    expect(refreshCookieOf(reused).attributes.some((a) => a.startsWith("expires=thu, 01 jan 1970"))).toBe(true);
    // Reuse revoked the family: the newest cookie is dead too.
    expectError(await session("/refresh", { cookie: after.pair }), 401, "UNAUTHORIZED");
  });

  it("without a cookie is 401", async () => {
    expectError(await session("/refresh"), 401, "UNAUTHORIZED");
  });

  it("switches org through the cookie", async () => {
    const { owner, cookie } = await signedIn();
    const other = await api.current.request<{ id: string }>("POST", "/v1/orgs", { token: owner.accessToken, body: { name: "Second org" } });
    const switched = await session("/switch-org", { cookie: cookie.pair, body: { orgId: other.body.id } });
    expect(switched.status, JSON.stringify(switched.body)).toBe(200);
    expect(switched.body.org.id).toBe(other.body.id);
    expect(refreshCookieOf(switched).value).not.toBe(cookie.value);
  });
});

describe("CSRF protection", () => {
  it("refuses a call without the x-incidentops-csrf header (403), before touching the session", async () => {
    const { cookie } = await signedIn();
    const res = await api.current.request("POST", "/v1/auth/session/refresh", { body: {}, headers: { cookie: cookie.pair } });
    expectError(res, 403, "FORBIDDEN");
    expect(res.headers.getSetCookie()).toEqual([]);
    // The cookie still works from the app.
    expect((await session("/refresh", { cookie: cookie.pair })).status).toBe(200);
  });

  it("refuses another origin and a cross-site fetch, and accepts the app's own origin", async () => {
    const { cookie } = await signedIn();
    expectError(await session("/refresh", { cookie: cookie.pair, headers: { origin: "https://evil.example.com" } }), 403, "FORBIDDEN");
    expectError(await session("/refresh", { cookie: cookie.pair, headers: { "sec-fetch-site": "cross-site" } }), 403, "FORBIDDEN");
    const own = new URL(api.current.baseUrl).origin;
    expect((await session("/refresh", { cookie: cookie.pair, headers: { origin: own, "sec-fetch-site": "same-origin" } })).status).toBe(200);
  });

  it("applies to signing in too (no login CSRF)", async () => {
    const owner = await anOrgOwner(api.current);
    const res = await api.current.request("POST", "/v1/auth/session/login", { body: { email: owner.email, password: owner.password } });
    expectError(res, 403, "FORBIDDEN");
  });
});

describe("changing the password and signing out", () => {
  it("keeps this session (the cookie's family) and ends the others", async () => {
    const { owner, res, cookie } = await signedIn();
    const elsewhere = await session("/login", { body: { email: owner.email, password: owner.password } });
    const changed = await session("/password", {
      cookie: cookie.pair,
      token: res.body.accessToken,
      body: { currentPassword: owner.password, newPassword: "a brand new passphrase" },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await session("/refresh", { cookie: cookie.pair })).status).toBe(200);
    expectError(await session("/refresh", { cookie: refreshCookieOf(elsewhere).pair }), 401, "UNAUTHORIZED");
  });

  it("logout revokes the session and clears the cookie; without a cookie it still answers ok", async () => {
    const { owner, cookie } = await signedIn();
    const before = await countRows(api.current.db, "refresh_tokens", { user_id: owner.user.id, revoked_at: null });
    const out = await session("/logout", { cookie: cookie.pair });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ ok: true });
    expect(refreshCookieOf(out).value).toBe("");
    expect(await countRows(api.current.db, "refresh_tokens", { user_id: owner.user.id, revoked_at: null })).toBeLessThan(before);
    expectError(await session("/refresh", { cookie: cookie.pair }), 401, "UNAUTHORIZED");
    expect((await session("/logout")).status).toBe(200);
  });
});

it("leaves the bearer routes unchanged: /v1/auth/login still answers the refresh token in JSON and sets no cookie", async () => {
  const owner = await anOrgOwner(api.current);
  const res = await api.current.request("POST", "/v1/auth/login", { body: { email: owner.email, password: owner.password } });
  expect(res.status).toBe(200);
  expect(res.body.refreshToken).toEqual(expect.any(String));
  expect(res.headers.getSetCookie()).toEqual([]);
});
