import type { Db, Tx } from "@incidentops/db";
import { sql } from "kysely";

/** A new ticket, valid `ttlSeconds` from now by the database's clock (which judges it when it is used). */
export async function insertStreamTicket(
  db: Db | Tx,
  ticket: { orgId: string; tokenHash: Buffer; userId: string | null; apiKeyId: string | null; accessTokenExpiresAt: Date | null; ttlSeconds: number },
): Promise<Date> {
  const row = await db
    .insertInto("stream_tickets")
    .values({
      org_id: ticket.orgId,
      token_hash: ticket.tokenHash,
      user_id: ticket.userId,
      api_key_id: ticket.apiKeyId,
      access_token_expires_at: ticket.accessTokenExpiresAt,
      expires_at: sql<Date>`now() + make_interval(secs => ${ticket.ttlSeconds})`,
    })
    .returning("expires_at")
    .executeTakeFirstOrThrow();
  return row.expires_at;
}

/**
 * Deletes the org's tickets that expired unused. Rows another transaction holds are skipped (the
 * org's next ticket takes them), so concurrent requests never wait on each other here.
 */
export async function deleteExpiredStreamTickets(tx: Tx, orgId: string): Promise<void> {
  await tx
    .deleteFrom("stream_tickets")
    .where("org_id", "=", orgId)
    .where((eb) =>
      eb(
        "id",
        "in",
        eb
          .selectFrom("stream_tickets")
          .select("id")
          .where("org_id", "=", orgId)
          .where("expires_at", "<=", sql<Date>`now()`)
          .forUpdate()
          .skipLocked(),
      ),
    )
    .execute();
}

/**
 * Deletes the ticket with this hash and returns it, with whether it was still valid: of
 * concurrent uses, the first deletes it and the others find nothing. Row-level security needs
 * the scope's lookup hash set to the same hash.
 */
export function takeStreamTicket(tx: Tx, tokenHash: Buffer) {
  return tx
    .deleteFrom("stream_tickets")
    .where("token_hash", "=", tokenHash)
    .returning(["org_id", "user_id", "api_key_id", "access_token_expires_at", sql<boolean>`expires_at > now()`.as("valid")])
    .executeTakeFirst();
}
