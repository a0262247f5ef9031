import { sendAfterCommit, type Db, type RefreshTokenRow, type Tx } from "@incidentops/db";
import { sql } from "kysely";

/**
 * A session is a family of refresh tokens: each refresh rotates the token within its family, and
 * revoking the family ends the session.
 */
export async function insertRefreshToken(
  db: Db | Tx,
  row: { id: string; hash: Buffer; userId: string; orgId: string; familyId: string; ttlSeconds: number },
): Promise<void> {
  await db
    .insertInto("refresh_tokens")
    .values({
      id: row.id,
      token_hash: row.hash,
      user_id: row.userId,
      active_org_id: row.orgId,
      family_id: row.familyId,
      expires_at: new Date(Date.now() + row.ttlSeconds * 1000),
    })
    .execute();
}

/** Locks the row, so two concurrent uses of one token are serialised (the second finds it rotated). */
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

/**
 * The successor `rotatedId` was last exchanged for, locked, when that exchange's answer may have
 * been lost: the exchange is at most `graceSeconds` old and the successor was never used (not
 * exchanged in turn, not revoked, not expired), with the time of `rotatedId`'s first exchange.
 * Undefined otherwise. Locking it serialises this with a use of the successor itself: whichever
 * comes second sees what the other wrote.
 */
export function lockUnusedSuccessor(tx: Tx, rotatedId: string, graceSeconds: number): Promise<{ id: string; exchangedAt: Date } | undefined> {
  return tx
    .selectFrom("refresh_tokens as successor")
    .innerJoin("refresh_tokens as rotated", "rotated.successor_id", "successor.id")
    .select("successor.id")
    .select(sql<Date>`rotated.rotated_at`.as("exchangedAt"))
    .where("rotated.id", "=", rotatedId)
    .where("rotated.rotated_at", ">", sql<Date>`now() - make_interval(secs => ${graceSeconds})`)
    .where("successor.rotated_at", "is", null)
    .where("successor.revoked_at", "is", null)
    .where("successor.expires_at", ">", sql<Date>`now()`)
    .forUpdate("successor")
    .executeTakeFirst();
}

/**
 * Records that token `id` was exchanged for `successorId`; the time of its first exchange stays.
 * `at`: the time it counts as exchanged, when not now (an unused successor replaced in a reuse
 * grace takes the time of the token presented again: decision 0055).
 */
export async function markRotated(tx: Tx, id: string, successorId: string, at?: Date): Promise<void> {
  await tx
    .updateTable("refresh_tokens")
    .set({ rotated_at: sql<Date>`coalesce(rotated_at, ${at ?? sql`now()`})`, successor_id: successorId })
    .where("id", "=", id)
    .execute();
}

/**
 * Stamps token `id`'s rotation again once `tx` has committed, in the COMMIT's message
 * (sendAfterCommit): with the time it committed, however long a stalled server kept that COMMIT
 * waiting (its answer lost meanwhile). The reuse grace counts from then (decision 0055).
 */
export async function stampRotationOnCommit(tx: Tx, id: string): Promise<void> {
  await sendAfterCommit(tx, [tx.updateTable("refresh_tokens").set({ rotated_at: sql<Date>`clock_timestamp()` }).where("id", "=", id)]);
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
