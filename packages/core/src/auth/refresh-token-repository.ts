import { createHash, randomBytes } from "node:crypto";
import type { Db, RefreshTokenRow, Tx } from "@incidentops/db";

/** 256 bits of randomness; only its SHA-256 is stored. */
export function generateRefreshToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

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
