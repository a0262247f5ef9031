import { randomUUID } from "node:crypto";
import type { Me } from "@incidentops/core";
import { isTRPCClientError } from "@trpc/client";
import type { AppRouter } from "api";
import { describe, expect, it } from "vitest";
import { anOrgOwner, expectError, expectNoLeak, rejectionOf, sleep, useTestApi, type ErrorBody } from "@incidentops/testkit";
import { ACCESS_TTL_SECONDS, AUDIENCE, AUTHED_GETS, authCalls, base64url, forgeToken, ISSUER } from "./support/auth.js";

// Access tokens: how the API verifies them (REST and tRPC), and the error bodies it answers
// with. Sessions and the auth routes: auth.test.ts.

const api = useTestApi();
const { post, refresh, getOrg, expectRejected, userInTwoOrgs } = authCalls(api);

describe("access token verification", () => {
  it("accepts a correctly forged token (the control for the cases below)", async () => {
    const reg = await anOrgOwner(api.current);
    const token = forgeToken({ sub: reg.user.id, org_id: reg.org.id });
    const res = await getOrg(token);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(reg.org.id);
    for (const path of AUTHED_GETS) expect((await api.current.request("GET", path, { token })).status, path).toBe(200);
  });

  it("answers 401 UNAUTHORIZED to a missing or malformed Authorization header", async () => {
    const reg = await anOrgOwner(api.current);
    const cases: Record<string, string | undefined> = {
      none: undefined,
      "Bearer garbage": "Bearer garbage",
      "Bearer with three garbage segments": "Bearer aaa.bbb.ccc",
      "Bearer alone": "Bearer",
      "Bearer and a space": "Bearer ",
      "Basic credentials": `Basic ${Buffer.from(`${reg.email}:${reg.password}`).toString("base64")}`,
      "Basic with a valid JWT": `Basic ${reg.accessToken}`,
      "a bare token": reg.accessToken,
      "two tokens": `Bearer ${reg.accessToken} ${reg.accessToken}`,
    };
    for (const [name, authorization] of Object.entries(cases)) {
      for (const path of AUTHED_GETS) {
        const res = await api.current.request("GET", path, { headers: authorization === undefined ? {} : { authorization } });
        expect(res.status, `${name} on ${path}`).toBe(401);
        expectError(res, 401, "UNAUTHORIZED");
      }
    }
    // The same token, sent properly, works.
    expect((await getOrg(reg.accessToken)).status).toBe(200);
  });

  it("refuses an expired token", async () => {
    const reg = await anOrgOwner(api.current);
    const now = Math.floor(Date.now() / 1000);
    const token = forgeToken({ sub: reg.user.id, org_id: reg.org.id, iat: now - 2 * ACCESS_TTL_SECONDS, exp: now - 60 });
    await expectRejected(token);
  });

  it("refuses a token once it expires, though it was accepted (and its verification kept) before", async () => {
    const reg = await anOrgOwner(api.current);
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = forgeToken({ sub: reg.user.id, org_id: reg.org.id, exp });
    expect((await getOrg(token)).status).toBe(200);
    await sleep(exp * 1000 - Date.now() + 50);
    await expectRejected(token);
  });

  it("refuses a token issued more than 60 s in the future (within it, clock skew is tolerated)", async () => {
    const reg = await anOrgOwner(api.current);
    const now = Math.floor(Date.now() / 1000);
    await expectRejected(forgeToken({ sub: reg.user.id, org_id: reg.org.id, iat: now + 120, exp: now + 120 + ACCESS_TTL_SECONDS }));
    await expectRejected(forgeToken({ sub: reg.user.id, org_id: reg.org.id, iat: now + 10 * 365 * 86_400, exp: now + 10 * 365 * 86_400 + 60 }));
    const skewed = forgeToken({ sub: reg.user.id, org_id: reg.org.id, iat: now + 30, exp: now + 30 + ACCESS_TTL_SECONDS });
    expect((await getOrg(skewed)).status).toBe(200);
  });

  it("refuses a token signed with another secret", async () => {
    const reg = await anOrgOwner(api.current);
    const token = forgeToken({ sub: reg.user.id, org_id: reg.org.id }, { secret: "another-secret-that-is-also-at-least-32-bytes" });
    await expectRejected(token);
  });

  it("refuses an unsigned alg:none token", async () => {
    const reg = await anOrgOwner(api.current);
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      sub: reg.user.id,
      org_id: reg.org.id,
      org_role: "admin",
      iss: ISSUER,
      aud: AUDIENCE,
      jti: randomUUID(),
      iat: now,
      exp: now + ACCESS_TTL_SECONDS,
    };
    const unsigned = `${base64url({ alg: "none", typ: "JWT" })}.${base64url(payload)}.`;
    await expectRejected(unsigned);
    // Also with the "None" spelling and with a real token's signature glued on.
    const signature = reg.accessToken.split(".")[2] ?? "";
    await expectRejected(`${base64url({ alg: "None", typ: "JWT" })}.${base64url(payload)}.`);
    await expectRejected(`${base64url({ alg: "none", typ: "JWT" })}.${base64url(payload)}.${signature}`);
  });

  it("refuses a tampered payload under a genuine signature", async () => {
    const reg = await anOrgOwner(api.current);
    const other = await anOrgOwner(api.current);
    const [header, payload, signature] = reg.accessToken.split(".");
    if (header === undefined || payload === undefined || signature === undefined) throw new Error("not a JWT");
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString());
    const tampered = base64url({ ...(claims as Record<string, unknown>), org_id: other.org.id });
    await expectRejected(`${header}.${tampered}.${signature}`);
  });

  it("refuses the wrong issuer and the wrong audience", async () => {
    const reg = await anOrgOwner(api.current);
    const subject = { sub: reg.user.id, org_id: reg.org.id };
    await expectRejected(forgeToken(subject, { issuer: "someone-else" }));
    await expectRejected(forgeToken(subject, { audience: "another-api" }));
  });

  it("pins the algorithm: HS384 and HS512 with the right secret are refused", async () => {
    const reg = await anOrgOwner(api.current);
    const subject = { sub: reg.user.id, org_id: reg.org.id };
    await expectRejected(forgeToken(subject, { algorithm: "HS512" }));
    await expectRejected(forgeToken(subject, { algorithm: "HS384" }));
  });

  it("refuses a valid signature for an unknown user", async () => {
    const reg = await anOrgOwner(api.current);
    await expectRejected(forgeToken({ sub: randomUUID(), org_id: reg.org.id }));
  });

  it("refuses a valid token for an org the user was never in, or that does not exist", async () => {
    const reg = await anOrgOwner(api.current);
    const stranger = await anOrgOwner(api.current);
    await expectRejected(forgeToken({ sub: reg.user.id, org_id: stranger.org.id }));
    await expectRejected(forgeToken({ sub: reg.user.id, org_id: randomUUID() }));
  });

  it("refuses well-signed tokens whose claims are malformed", async () => {
    const reg = await anOrgOwner(api.current);
    await expectRejected(forgeToken({ sub: "not-a-uuid", org_id: reg.org.id }));
    await expectRejected(forgeToken({ sub: reg.user.id, org_id: reg.org.id, org_role: "owner" }));
  });
});

describe("error bodies", () => {
  it("echo a caller's x-request-id as the traceId", async () => {
    const requestId = `auth-test-${randomUUID()}`;
    const res = await api.current.request("GET", "/v1/org", { headers: { "x-request-id": requestId } });
    const body = expectError(res, 401, "UNAUTHORIZED");
    expect(body.traceId).toBe(requestId);
  });

  it("carry a generated request id otherwise, different per request", async () => {
    const a = expectError(await api.current.request("GET", "/v1/org"), 401, "UNAUTHORIZED");
    const b = expectError(await api.current.request("GET", "/v1/org"), 401, "UNAUTHORIZED");
    expect(a.traceId).not.toBe(b.traceId);
  });

  it("keep the contract for malformed JSON on an auth route", async () => {
    const res = await api.current.request("POST", "/v1/auth/login", { rawBody: '{"email": "a@b.c", ' });
    expectError(res, 400, "MALFORMED_JSON");
  });

  it("leak nothing when the login body has the wrong types", async () => {
    const res = await post("/v1/auth/login", { email: 42, password: ["x"], orgId: { $ne: null } });
    const body = expectError(res, 400, "VALIDATION_FAILED");
    expect(Object.keys((body.details.fields as Record<string, unknown> | undefined) ?? {}).sort()).toEqual(["email", "orgId", "password"]);
  });
});

describe("access tokens over tRPC", () => {
  it("auth.me returns the same caller as REST", async () => {
    const { user } = await userInTwoOrgs();
    const viaTrpc = await api.current.trpc(user.accessToken).auth.me.query();
    const viaRest = await api.current.request<Me>("GET", "/v1/auth/me", { token: user.accessToken });
    expect(viaTrpc.user).toEqual(user.user);
    expect(viaTrpc.org).toEqual(user.org);
    expect(viaTrpc.memberships).toHaveLength(2);
    expect(viaTrpc).toEqual(viaRest.body);
  });

  it("rejects a bad, a missing and a foreign-org token with UNAUTHORIZED / 401", async () => {
    const reg = await anOrgOwner(api.current);
    const stranger = await anOrgOwner(api.current);
    const tokens: Record<string, string | undefined> = {
      garbage: "garbage",
      missing: undefined,
      "other secret": forgeToken({ sub: reg.user.id, org_id: reg.org.id }, { secret: "another-secret-that-is-also-at-least-32-bytes" }),
      "foreign org": forgeToken({ sub: reg.user.id, org_id: stranger.org.id }),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const error = await rejectionOf(api.current.trpc(token).auth.me.query());
      if (!isTRPCClientError<AppRouter>(error)) throw new Error(`${name}: expected a TRPCClientError, got ${String(error)}`);
      expect(error.data?.code, name).toBe("UNAUTHORIZED");
      expect(error.data?.httpStatus, name).toBe(401);
      expect(typeof error.data?.traceId, name).toBe("string");
      expect(error.data?.details, name).toEqual({});
      expectNoLeak(JSON.stringify({ message: error.message, data: error.data, shape: error.shape }));
    }
  });

  it("rejects bad credentials on auth.login with INVALID_CREDENTIALS / 401", async () => {
    const reg = await anOrgOwner(api.current);
    const error = await rejectionOf(api.current.trpc().auth.login.mutate({ email: reg.email, password: "wrong password!" }));
    if (!isTRPCClientError<AppRouter>(error)) throw new Error(`expected a TRPCClientError, got ${String(error)}`);
    expect(error.data?.code).toBe("INVALID_CREDENTIALS");
    expect(error.data?.httpStatus).toBe(401);
  });

  it("puts the contract's error body, traceId = x-request-id, in a raw tRPC error", async () => {
    const res = await fetch(`${api.current.baseUrl}/trpc/auth.me`, { headers: { authorization: "Bearer garbage" } });
    expect(res.status).toBe(401);
    const text = await res.text();
    expectNoLeak(text);
    const body = JSON.parse(text) as { error: { message: string; data: ErrorBody & { httpStatus: number } } };
    expect(Object.keys(body.error.data).sort()).toEqual(["code", "details", "httpStatus", "message", "traceId"]);
    expect(body.error.data.code).toBe("UNAUTHORIZED");
    expect(body.error.data.httpStatus).toBe(401);
    expect(body.error.data.traceId).toBe(res.headers.get("x-request-id"));
  });

  it("a token pair from tRPC login works on REST and vice versa", async () => {
    const reg = await anOrgOwner(api.current);
    const tokens = await api.current.trpc().auth.login.mutate({ email: reg.email, password: reg.password });
    expect(tokens.org.id).toBe(reg.org.id);
    expect((await getOrg(tokens.accessToken)).status).toBe(200);
    const rotated = await api.current.trpc().auth.refresh.mutate({ refreshToken: tokens.refreshToken });
    expect(rotated.refreshToken).not.toBe(tokens.refreshToken);
    // The successor tRPC gave is taken over REST; once it has been used, the one it replaced is refused.
    expect((await refresh(rotated.refreshToken)).status).toBe(200);
    expectError(await refresh(tokens.refreshToken), 401, "UNAUTHORIZED");
  });
});
