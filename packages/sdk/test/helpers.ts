import { randomUUID } from "node:crypto";
import jwt from "jsonwebtoken";
import { PASSWORD, uniqueEmail, type TestApi } from "@incidentops/testkit";
import { createIncidentOpsClient, type FetchFunction, type TokenResponse } from "../src/index.js";

/**
 * An access token for the same user and org that expired a minute ago, signed with the test
 * API's key: what a client holds after a token outlived its lifetime.
 */
export function expiredAccessToken(api: TestApi, tokens: Pick<TokenResponse, "user" | "org">): string {
  const { secret, algorithm, issuer, audience } = api.config.jwt;
  const now = Math.floor(Date.now() / 1000);
  return jwt.sign({ org_id: tokens.org.id, org_role: tokens.org.role, iat: now - 3600, exp: now - 60 }, secret, {
    algorithm,
    subject: tokens.user.id,
    issuer,
    audience,
    jwtid: randomUUID(),
  });
}

export interface RecordedRequest {
  /** The procedure path, e.g. `incidents.list`. */
  procedure: string;
  method: string;
  headers: Headers;
}

/** A `fetch` that records every request the SDK makes (then sends it for real). */
export function recordingFetch(inner: FetchFunction = globalThis.fetch): { fetch: FetchFunction; requests: RecordedRequest[]; count: (procedure: string) => number } {
  const requests: RecordedRequest[] = [];
  const fetchFn: FetchFunction = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    requests.push({
      procedure: decodeURIComponent(url.pathname.replace(/^.*\/trpc\//, "")),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
    });
    return inner(input, init);
  };
  return { fetch: fetchFn, requests, count: (procedure) => requests.filter((r) => r.procedure === procedure).length };
}

/** Rows of the refresh-token family of `refreshToken` (one per login or rotation). */
export async function refreshTokenRows(api: TestApi, userId: string): Promise<{ rotated: number; revoked: number; total: number }> {
  const rows = await api.db.selectFrom("refresh_tokens").select(["rotated_at", "revoked_at"]).where("user_id", "=", userId).execute();
  return {
    total: rows.length,
    rotated: rows.filter((r) => r.rotated_at !== null).length,
    revoked: rows.filter((r) => r.revoked_at !== null).length,
  };
}

/** A new account (and org) registered through the SDK: the token response, and the email it signs in with. */
export async function registerThroughSdk(api: TestApi, who: { name: string; orgName: string }): Promise<TokenResponse & { email: string }> {
  const anonymous = createIncidentOpsClient({ baseUrl: api.baseUrl });
  const email = uniqueEmail("sdk");
  return { ...(await anonymous.auth.register({ email, password: PASSWORD, ...who })), email };
}
