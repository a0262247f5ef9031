import { sendWithNext, type Tx } from "@incidentops/db";
import { sql } from "kysely";

/**
 * Runs the batches of one lane of an org one at a time across API processes, for the batch's
 * transaction: two batches that lock the same incidents in different orders could deadlock. The
 * lock is taken with the transaction's next statement (sendWithNext), before it runs.
 */
export async function lockAlertBatchLane(tx: Tx, orgId: string, lane: number): Promise<void> {
  await sendWithNext(tx, sql`SELECT pg_advisory_xact_lock(hashtextextended(${`alert_batch:${orgId}:${lane}`}, 0))`);
}
