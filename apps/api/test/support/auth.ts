import { randomUUID } from "node:crypto";
import type { OrgWithRole, TokenResponse } from "@incidentops/core";
import type { OrgRole } from "@incidentops/db";
import jwt, { type SignOptions } from "jsonwebtoken";
import { expect } from "vitest";
import { addMember, anOrgOwner, expectError, TEST_JWT_SECRET, type ErrorBody, type TestApi } from "@incidentops/testkit";

// What the auth tests (auth, access-tokens) share: the contract's token values, a token forger
// and the auth routes as calls.

export const ISSUER = "incidentops";
export const AUDIENCE = "incidentops-api";
export const ACCESS_TTL_SECONDS = 900;

export interface AccessClaims {
  sub: string;
  org_id: string;
  org_role: string;
  iss: string;
  aud: string;
  jti: string;
  iat: number;
  exp: number;
}

/** Decodes a JWT payload with jsonwebtoken, checking every claim the contract names is there. */
export function claimsOf(token: string): AccessClaims {
  const payload = jwt.decode(token, { json: true });
  if (payload === null) throw new Error(`not a JWT: ${token}`);
  const { sub, org_id, org_role, iss, aud, jti, iat, exp } = payload;
  if (
    typeof sub !== "string" ||
    typeof org_id !== "string" ||
    typeof org_role !== "string" ||
    typeof iss !== "string" ||
    typeof aud !== "string" ||
    typeof jti !== "string" ||
    typeof iat !== "number" ||
    typeof exp !== "number"
  ) {
    throw new Error(`missing or mistyped claims: ${JSON.stringify(payload)}`);
  }
  return { sub, org_id, org_role, iss, aud, jti, iat, exp };
}

/**
 * Signs an access token by hand. The defaults give a token the API accepts (the positive
 * control); each test changes one thing.
 */
export function forgeToken(
  claims: { sub: string; org_id: string; org_role?: string; iat?: number; exp?: number },
  options: { secret?: string; algorithm?: "HS256" | "HS384" | "HS512"; issuer?: string; audience?: string } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    org_id: claims.org_id,
    org_role: claims.org_role ?? "admin",
    iat: claims.iat ?? now,
    exp: claims.exp ?? now + ACCESS_TTL_SECONDS,
  };
  const signOptions: SignOptions = {
    algorithm: options.algorithm ?? "HS256",
    subject: claims.sub,
    issuer: options.issuer ?? ISSUER,
    audience: options.audience ?? AUDIENCE,
    jwtid: randomUUID(),
  };
  return jwt.sign(payload, options.secret ?? TEST_JWT_SECRET, signOptions);
}

/** A JSON value as a JWT segment. */
export const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * Routes that need a caller. /v1/org and /v1/auth/me re-read the membership themselves; the
 * services list relies on the auth guard alone, so it shows whether the guard itself refuses.
 */
export const AUTHED_GETS = ["/v1/org", "/v1/org/services", "/v1/auth/me"] as const;

/** The auth routes as calls on the file's API, and checks made with them. */
export function authCalls(api: { current: TestApi }) {
  const post = <T = ErrorBody>(path: string, body: unknown) => api.current.request<T>("POST", path, { body });
  return {
    post,
    login: (body: { email: string; password: string; orgId?: string }) => post<TokenResponse>("/v1/auth/login", body),
    refresh: (refreshToken: string) => post<TokenResponse>("/v1/auth/refresh", { refreshToken }),
    switchOrg: (refreshToken: string, orgId: string) => post<TokenResponse>("/v1/auth/switch-org", { refreshToken, orgId }),
    logout: (refreshToken: string) => post<{ ok: boolean }>("/v1/auth/logout", { refreshToken }),
    getOrg: (token: string) => api.current.request<OrgWithRole>("GET", "/v1/org", { token }),

    /** Every route of AUTHED_GETS refuses the token with 401 UNAUTHORIZED. */
    expectRejected: async (token: string): Promise<void> => {
      for (const path of AUTHED_GETS) {
        const res = await api.current.request("GET", path, { token });
        expect(res.status, `GET ${path}`).toBe(401);
        expectError(res, 401, "UNAUTHORIZED");
      }
    },

    /** Two users, each the admin of their own org; the first also `role` in the second's org. */
    userInTwoOrgs: async (role: OrgRole = "member") => {
      const user = await anOrgOwner(api.current, { orgName: "Home Org" });
      const other = await anOrgOwner(api.current, { orgName: "Other Org" });
      await addMember(api.current.db, other.org.id, user.user.id, role);
      return { user, otherOrg: other.org };
    },
  };
}
