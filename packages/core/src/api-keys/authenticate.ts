import type { ApiKeyScope, Tx } from "@incidentops/db";
import { AppError } from "../errors.js";
import type { ApiKeyActor } from "../policy.js";
import { setScope } from "../scope.js";
import { useApiKey } from "./repository.js";
import { hashSecretToken } from "../secret-tokens.js";

/** Every key starts with this, so leaked keys are recognisable (and scanners can find them). */
export const API_KEY_PREFIX = "iok_";

export const looksLikeApiKey = (credential: string) => credential.startsWith(API_KEY_PREFIX);


/**
 * Resolves a presented key to its actor and scopes the transaction to the key's org. The key is
 * found through its hash (row-level security lets exactly that row through), so the org is
 * never taken from the request. Revoked, expired and unknown keys are all 401.
 */
export async function authenticateApiKey(
  tx: Tx,
  secret: string,
  request: { requestId: string; ip: string | null },
): Promise<ApiKeyActor> {
  const hash = hashSecretToken(secret);
  await setScope(tx, { lookupHash: hash.toString("hex") });
  const key = await useApiKey(tx, hash);
  if (key === undefined) throw new AppError("UNAUTHORIZED", "Invalid, revoked or expired API key");
  await setScope(tx, { orgId: key.org_id });
  return apiKeyActor(key, request);
}

/** The actor of a live key: a read key acts as a viewer, a write key as a member. */
export function apiKeyActor(
  key: { id: string; org_id: string; scope: ApiKeyScope },
  request: { requestId: string; ip: string | null },
): ApiKeyActor {
  return {
    kind: "api_key",
    apiKeyId: key.id,
    scope: key.scope,
    orgId: key.org_id,
    role: key.scope === "write" ? "member" : "viewer",
    requestId: request.requestId,
    ip: request.ip,
  };
}
