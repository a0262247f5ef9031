import type { Tx } from "@incidentops/db";
import { sql } from "kysely";
import { IDEMPOTENCY_KEY_TTL_HOURS } from "./schema.js";

/** Whose key it is: the person or the API key that sent it, in their org. */
export interface KeyOwner {
  orgId: string;
  userId: string | null;
  apiKeyId: string | null;
}

export interface ClaimedKey {
  /** True when this transaction holds the key (new, or expired and taken again): the call runs. */
  claimed: boolean;
  procedure: string;
  inputHash: Buffer;
  /** The answer of the key's first call, when not claimed. */
  answer: unknown;
}

const ttl = sql.raw(`interval '${IDEMPOTENCY_KEY_TTL_HOURS} hours'`);

/**
 * Takes the key for a call, or finds the call that took it, in one statement. A key another
 * transaction is inserting makes this wait until that one ends (the primary key's check), so a
 * concurrent repeat of a running call replays its answer instead of running beside it. A key
 * whose answer expired is taken again: its row is reset (a conflict's update always runs, so it
 * returns the row, as it stands, whichever way). The owner's other expired keys go with it.
 */
export async function claimIdempotencyKey(tx: Tx, owner: KeyOwner, key: string, call: { procedure: string; inputHash: Buffer }): Promise<ClaimedKey> {
  const { rows } = await sql<{ claimed: boolean; procedure: string; input_hash: Buffer; answer: unknown }>`
    WITH swept AS (
      DELETE FROM idempotent_requests
      WHERE org_id = ${owner.orgId} AND caller_id = ${owner.userId ?? owner.apiKeyId}::uuid
        AND created_at < now() - ${ttl} AND key <> ${key}
    )
    INSERT INTO idempotent_requests AS r (org_id, user_id, api_key_id, key, procedure, input_hash)
    VALUES (${owner.orgId}, ${owner.userId}, ${owner.apiKeyId}, ${key}, ${call.procedure}, ${call.inputHash})
    ON CONFLICT (org_id, caller_id, key) DO UPDATE SET
      procedure  = CASE WHEN r.created_at < now() - ${ttl} THEN excluded.procedure ELSE r.procedure END,
      input_hash = CASE WHEN r.created_at < now() - ${ttl} THEN excluded.input_hash ELSE r.input_hash END,
      answer     = CASE WHEN r.created_at < now() - ${ttl} THEN NULL ELSE r.answer END,
      created_at = CASE WHEN r.created_at < now() - ${ttl} THEN now() ELSE r.created_at END
    RETURNING answer IS NULL AS claimed, procedure, input_hash, answer`.execute(tx);
  const row = rows[0];
  if (row === undefined) throw new Error("unreachable: an upsert returns its row");
  return { claimed: row.claimed, procedure: row.procedure, inputHash: row.input_hash, answer: row.answer };
}

/** Keeps the answer of the call that claimed the key; it commits with the call's changes. */
export async function recordIdempotentAnswer(tx: Tx, owner: KeyOwner, key: string, answerJson: string): Promise<void> {
  await sql`
    UPDATE idempotent_requests SET answer = ${answerJson}::json
    WHERE org_id = ${owner.orgId} AND caller_id = ${owner.userId ?? owner.apiKeyId}::uuid AND key = ${key}`.execute(tx);
}
