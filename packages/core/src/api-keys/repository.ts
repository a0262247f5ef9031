import type { ApiKeyScope, Database, Db, Tx } from "@incidentops/db";
import { sql, type ExpressionBuilder } from "kysely";
import { newestFirst } from "../keyset.js";

export function insertApiKey(
  tx: Tx,
  key: { orgId: string; name: string; scope: ApiKeyScope; prefix: string; secretHash: Buffer; createdBy: string | null; expiresAt: Date | null },
) {
  return tx
    .insertInto("api_keys")
    .values({
      org_id: key.orgId,
      name: key.name,
      scope: key.scope,
      prefix: key.prefix,
      secret_hash: key.secretHash,
      created_by: key.createdBy,
      expires_at: key.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listApiKeys(db: Db | Tx, orgId: string, limit: number, after: { createdAt: string; id: string } | undefined) {
  return newestFirst(db.selectFrom("api_keys").selectAll().where("org_id", "=", orgId), limit, after).execute();
}

export function findApiKeyForUpdate(tx: Tx, orgId: string, keyId: string) {
  return tx.selectFrom("api_keys").selectAll().where("org_id", "=", orgId).where("id", "=", keyId).forUpdate().executeTakeFirst();
}

export function markApiKeyRevoked(tx: Tx, orgId: string, keyId: string) {
  return tx
    .updateTable("api_keys")
    .set({ revoked_at: sql<Date>`now()` })
    .where("org_id", "=", orgId)
    .where("id", "=", keyId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

const isLive = (eb: ExpressionBuilder<Database, "api_keys">) =>
  eb.and([eb("revoked_at", "is", null), eb.or([eb("expires_at", "is", null), eb("expires_at", ">", sql<Date>`now()`)])]);

/** The key, when it is neither revoked nor expired: what a stream it opened checks as it goes. */
export function findLiveApiKey(db: Db | Tx, orgId: string, keyId: string) {
  return db.selectFrom("api_keys").select(["id", "org_id", "scope"]).where("org_id", "=", orgId).where("id", "=", keyId).where(isLive).executeTakeFirst();
}

/**
 * The live key with this secret hash, stamped as used now; undefined for an unknown, revoked or
 * expired key. Row-level security needs the scope's lookup hash set to the same hash.
 */
export function useApiKey(tx: Tx, secretHash: Buffer) {
  return tx
    .updateTable("api_keys")
    .set({ last_used_at: sql`now()` })
    .where("secret_hash", "=", secretHash)
    .where(isLive)
    .returning(["id", "org_id", "scope"])
    .executeTakeFirst();
}
