import type { Db, InvitationRow, OrgRole, Tx } from "@incidentops/db";
import { sql } from "kysely";
import { newestFirst } from "../keyset.js";
import type { Invitation } from "./schema.js";

/** Serialises invitations of one email into one org until the transaction ends. */
export async function lockInvitationsOf(tx: Tx, orgId: string, email: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`invitation:${orgId}:${email}`}, 0))`.execute(tx);
}

/** Revokes the email's pending invitations into the org; returns them. */
export function revokePendingInvitations(tx: Tx, orgId: string, email: string) {
  return tx
    .updateTable("invitations")
    .set({ revoked_at: sql<Date>`now()` })
    .where("org_id", "=", orgId)
    .where("email", "=", email)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .returning(["id", "role"])
    .execute();
}

export function insertInvitation(
  tx: Tx,
  invitation: { orgId: string; email: string; role: OrgRole; tokenHash: Buffer; invitedBy: string | null; expiresAt: Date },
) {
  return tx
    .insertInto("invitations")
    .values({
      org_id: invitation.orgId,
      email: invitation.email,
      role: invitation.role,
      token_hash: invitation.tokenHash,
      invited_by: invitation.invitedBy,
      expires_at: invitation.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Newest first; `status` is derived from the timestamps, as toInvitation derives it. */
export function listInvitations(
  db: Db | Tx,
  orgId: string,
  status: Invitation["status"] | undefined,
  limit: number,
  after: { createdAt: string; id: string } | undefined,
) {
  let query = db.selectFrom("invitations").selectAll().where("org_id", "=", orgId);
  switch (status) {
    case "accepted":
      query = query.where("accepted_at", "is not", null);
      break;
    case "revoked":
      query = query.where("accepted_at", "is", null).where("revoked_at", "is not", null);
      break;
    case "expired":
      query = query.where("accepted_at", "is", null).where("revoked_at", "is", null).where("expires_at", "<=", sql<Date>`now()`);
      break;
    case "pending":
      query = query.where("accepted_at", "is", null).where("revoked_at", "is", null).where("expires_at", ">", sql<Date>`now()`);
      break;
    case undefined:
      break;
  }
  return newestFirst(query, limit, after).execute();
}

export function findInvitationForUpdate(tx: Tx, orgId: string, invitationId: string) {
  return tx.selectFrom("invitations").selectAll().where("org_id", "=", orgId).where("id", "=", invitationId).forUpdate().executeTakeFirst();
}

export function markInvitationRevoked(tx: Tx, orgId: string, invitationId: string) {
  return tx
    .updateTable("invitations")
    .set({ revoked_at: sql<Date>`now()` })
    .where("org_id", "=", orgId)
    .where("id", "=", invitationId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The invitation a token names (row-level security needs the scope's lookup hash set to it). */
export function findInvitationByHash(tx: Tx, hash: Buffer, lock: boolean): Promise<InvitationRow | undefined> {
  const query = tx.selectFrom("invitations").selectAll().where("token_hash", "=", hash);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function markInvitationAccepted(tx: Tx, invitation: { orgId: string; id: string; userId: string }): Promise<void> {
  await tx
    .updateTable("invitations")
    .set({ accepted_at: sql<Date>`now()`, accepted_by: invitation.userId })
    .where("org_id", "=", invitation.orgId)
    .where("id", "=", invitation.id)
    .execute();
}
