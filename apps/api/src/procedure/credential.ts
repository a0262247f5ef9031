import { AppError, authenticateApiKey, enterUserScope, enterUserScopeAs, looksLikeApiKey, verifyAccessToken, type Actor, type Config, type UserActor } from "@incidentops/core";
import type { Tx } from "@incidentops/db";

/** What the caller presented: an access token (JWT) or an org API key. */
export type Credential = { kind: "access_token"; token: string } | { kind: "api_key"; secret: string };

/** The credential headers of a request, as the context carries them. */
export interface CredentialHeaders {
  authorization: string | undefined;
  apiKey: string | undefined;
}

/** Who is calling, for the actor and the audit trail. */
export interface CallSource {
  requestId: string;
  ip: string | null;
}

const unauthorized = (message: string) => new AppError("UNAUTHORIZED", message);

/** The request's credential: a bearer (access token or API key), else an `x-api-key` header. 401 without one. */
export function readCredential(headers: CredentialHeaders): Credential {
  if (headers.authorization === undefined && headers.apiKey !== undefined) return { kind: "api_key", secret: headers.apiKey };
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1];
  if (bearer === undefined) throw unauthorized("Missing credentials: send Authorization: Bearer <accessToken or API key>");
  return looksLikeApiKey(bearer) ? { kind: "api_key", secret: bearer } : { kind: "access_token", token: bearer };
}

/**
 * Resolves the credential inside the call's transaction and scopes that transaction to the
 * caller's org. The membership (or key) is read on every call: a removed member, a changed role
 * or a revoked key takes effect at once.
 */
export async function authenticate(tx: Tx, credential: Credential, jwt: Config["jwt"], source: CallSource): Promise<Actor> {
  if (credential.kind === "api_key") return authenticateApiKey(tx, credential.secret, source);
  const claims = verifyAccessToken(jwt, credential.token);
  if (claims === null) throw unauthorized("Invalid or expired access token: refresh it or log in again");
  // Scope and membership in one round trip.
  const role = await enterUserScope(tx, { orgId: claims.org_id, userId: claims.sub });
  if (role === null) throw unauthorized("This token's user or organisation membership no longer exists");
  return { kind: "user", userId: claims.sub, orgId: claims.org_id, role, ...source };
}

/** When an access token expires; null for an API key (its row says, and is read on every use). */
export function accessTokenExpiry(credential: Credential, jwt: Config["jwt"]): Date | null {
  if (credential.kind !== "access_token") return null;
  const claims = verifyAccessToken(jwt, credential.token);
  return claims === null ? new Date() : new Date(claims.exp * 1000);
}

/** A subscription's stream ticket; 401 without one (an access token is never taken from a URL). */
export function readStreamTicket(ctx: { streamTicket: string | undefined }): string {
  if (ctx.streamTicket === undefined) {
    throw unauthorized('A live stream opens with a ticket: POST /v1/live/tickets, then send { "ticket": "..." } as the subscription\'s connectionParams');
  }
  return ctx.streamTicket;
}

/** A person as their access token names them; null when only authenticate can tell who calls (an API key, a token it refuses). */
export function presumedUser(credential: Credential, jwt: Config["jwt"], source: CallSource): UserActor | null {
  if (credential.kind !== "access_token") return null;
  const claims = verifyAccessToken(jwt, credential.token);
  return claims === null ? null : { kind: "user", userId: claims.sub, orgId: claims.org_id, role: claims.org_role, ...source };
}

/**
 * Scopes the call's transaction to the presumed person's org with its first statement, which
 * fails unless their membership still has the role their token names (enterUserScopeAs).
 */
export async function enterPresumedScope(tx: Tx, presumed: UserActor): Promise<Actor> {
  await enterUserScopeAs(tx, { orgId: presumed.orgId, userId: presumed.userId, role: presumed.role });
  return presumed;
}

/** A read-only API key reads (queries and subscriptions) only. */
export function assertCredentialAllows(actor: Actor, type: "query" | "mutation" | "subscription"): void {
  if (actor.kind === "api_key" && actor.scope === "read" && type === "mutation") {
    throw new AppError("FORBIDDEN", "A read-only API key cannot change anything: use a write key");
  }
}
