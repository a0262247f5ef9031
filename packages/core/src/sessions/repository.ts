import type { Db, RefreshTokenRow, Tx } from "@incidentops/db";
import { sql } from "kysely";

/**
 * A session is a family of refresh tokens: each refresh rotates the token within its family, and
 * revoking the family ends the session.
 */
export async function insertRefreshToken(
  db: Db | Tx,
  row: { hash: Buffer; userId: string; orgId: string; familyId: string; ttlSeconds: number },
): Promise<void> {
  await db
    .insertInto("refresh_tokens")
    .values({
      token_hash: row.hash,
      user_id: row.userId,
      active_org_id: row.orgId,
      family_id: row.familyId,
      expires_at: new Date(Date.now() + row.ttlSeconds * 1000),
    })
    .execute();
}

/** Locks the row, so two concurrent uses of one token are serialised (the second is reuse). */
export function findRefreshTokenForUpdate(tx: Tx, hash: Buffer): Promise<RefreshTokenRow | undefined> {
  return tx.selectFrom("refresh_tokens").selectAll().where("token_hash", "=", hash).forUpdate().executeTakeFirst();
}

/** The family of a token in any state (revoked, expired or rotated ones too). */
export async function findFamilyOf(db: Db | Tx, hash: Buffer): Promise<string | undefined> {
  const row = await db.selectFrom("refresh_tokens").select("family_id").where("token_hash", "=", hash).executeTakeFirst();
  return row?.family_id;
}

/** The family of a user's token that is not revoked. */
export async function findLiveFamilyOf(tx: Tx, hash: Buffer, userId: string): Promise<string | undefined> {
  const row = await tx
    .selectFrom("refresh_tokens")
    .select("family_id")
    .where("token_hash", "=", hash)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row?.family_id;
}

export async function markRotated(tx: Tx, id: string): Promise<void> {
  await tx.updateTable("refresh_tokens").set({ rotated_at: new Date() }).where("id", "=", id).execute();
}

export async function revokeFamily(db: Db | Tx, familyId: string): Promise<void> {
  await db
    .updateTable("refresh_tokens")
    .set({ revoked_at: new Date() })
    .where("family_id", "=", familyId)
    .where("revoked_at", "is", null)
    .execute();
}

/**
 * Revokes every live refresh token of a user: all of them, or those of one org (`orgId`), or all
 * but one family (`keepFamilyId`). Returns how many were revoked.
 */
export async function revokeUserRefreshTokens(
  tx: Tx,
  userId: string,
  only: { orgId?: string | undefined; keepFamilyId?: string | undefined } = {},
): Promise<number> {
  let query = tx
    .updateTable("refresh_tokens")
    .set({ revoked_at: sql<Date>`now()` })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (only.orgId !== undefined) query = query.where("active_org_id", "=", only.orgId);
  if (only.keepFamilyId !== undefined) query = query.where("family_id", "<>", only.keepFamilyId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
