import type { ApiKeyRow, Db, Tx } from "@incidentops/db";
import { auditAction } from "../audit/service.js";
import { AppError, notFound } from "../errors.js";
import { iso, isoOrNull } from "../mapping.js";
import { createdAtCursor, createdAtPositionOf, decodeCursor, toPage, type Page } from "../pagination.js";
import { actorUserId, type Actor } from "../policy.js";
import type { PageQuery } from "../schema.js";
import { transact } from "../scope.js";
import { API_KEY_PREFIX } from "./authenticate.js";
import { findApiKeyForUpdate, insertApiKey, listApiKeys as listApiKeyRows, markApiKeyRevoked } from "./repository.js";
import type { ApiKey, ApiKeyIdInput, CreateApiKeyInput, CreatedApiKey } from "./schema.js";
import { hashSecretToken, newSecretToken } from "../secret-tokens.js";

/** How many leading characters of the secret are kept in clear, e.g. `iok_ab12cd34`. */
export const API_KEY_DISPLAY_LENGTH = API_KEY_PREFIX.length + 8;

/** `iok_` + base64url of 32 random bytes (256 bits). */

function statusOf(row: ApiKeyRow, now: Date): ApiKey["status"] {
  if (row.revoked_at !== null) return "revoked";
  if (row.expires_at !== null && row.expires_at.getTime() <= now.getTime()) return "expired";
  return "active";
}

export function toApiKey(row: ApiKeyRow, now = new Date()): ApiKey {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    expiresAt: isoOrNull(row.expires_at),
    lastUsedAt: isoOrNull(row.last_used_at),
    revokedAt: isoOrNull(row.revoked_at),
    status: statusOf(row, now),
  };
}

/**
 * Creates a key and returns its secret, this once: only its SHA-256 is stored. The creation is
 * audited in the same transaction.
 */
export async function createApiKey(
  db: Db | Tx,
  actor: Actor,
  input: CreateApiKeyInput,
): Promise<CreatedApiKey> {
  let expiresAt: Date | null = null;
  if (input.expiresAt !== undefined) {
    expiresAt = new Date(input.expiresAt);
    if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now()) {
      throw new AppError("VALIDATION_FAILED", "expiresAt must be a time in the future", {
        fields: { expiresAt: ["must be in the future"] },
      });
    }
  }
  const secret = newSecretToken(API_KEY_PREFIX);
  return transact(db, async (tx) => {
    const row = await insertApiKey(tx, {
      orgId: actor.orgId,
      name: input.name,
      scope: input.scope,
      prefix: secret.slice(0, API_KEY_DISPLAY_LENGTH),
      secretHash: hashSecretToken(secret),
      createdBy: actorUserId(actor),
      expiresAt,
    });
    await auditAction(tx, actor, {
      action: "api_key.created",
      targetType: "api_key",
      targetId: row.id,
      data: { name: row.name, scope: row.scope, prefix: row.prefix, expiresAt: isoOrNull(row.expires_at) },
    });
    return { ...toApiKey(row), secret };
  });
}

/** The org's keys, newest first; revoked and expired ones included (with their status). */
export async function listApiKeys(db: Db | Tx, actor: Actor, input: PageQuery): Promise<Page<ApiKey>> {
  const rows = await listApiKeyRows(db, actor.orgId, input.limit, decodeCursor(createdAtCursor, input.cursor));
  const now = new Date();
  return toPage(rows, input.limit, (row) => toApiKey(row, now), createdAtPositionOf);
}

/**
 * Revokes a key: it is refused (401) from the next request on. Revoking an already revoked key
 * changes nothing and answers the key as it is; only the first revocation is audited.
 */
export async function revokeApiKey(db: Db | Tx, actor: Actor, input: ApiKeyIdInput): Promise<ApiKey> {
  return transact(db, async (tx) => {
    const current = await findApiKeyForUpdate(tx, actor.orgId, input.keyId);
    if (current === undefined) throw notFound("API key");
    if (current.revoked_at !== null) return toApiKey(current);
    const row = await markApiKeyRevoked(tx, actor.orgId, input.keyId);
    await auditAction(tx, actor, {
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: row.id,
      data: { name: row.name, scope: row.scope, prefix: row.prefix },
    });
    return toApiKey(row);
  });
}
