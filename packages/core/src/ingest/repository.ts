import { sendWithNext, type AlertInboxTable, type Db, type Tx } from "@incidentops/db";
import { sql, type Selectable } from "kysely";

/**
 * Runs the batches of one lane of an org one at a time across API processes, for the batch's
 * transaction: two batches that lock the same incidents in different orders could deadlock. The
 * lock is taken with the transaction's next statement (sendWithNext), before it runs.
 */
export async function lockAlertBatchLane(tx: Tx, orgId: string, lane: number): Promise<void> {
  await sendWithNext(tx, sql`SELECT pg_advisory_xact_lock(hashtextextended(${`alert_batch:${orgId}:${lane}`}, 0))`);
}

/** One accepted request's alerts, as the inbox keeps them. */
export interface NewInboxRow {
  orgId: string;
  lane: number;
  integrationId: string;
  serviceId: string;
  requestId: string;
  /** The alerts as JSON text. */
  alerts: string;
}

export type InboxRow = Pick<Selectable<AlertInboxTable>, "id" | "integration_id" | "service_id" | "request_id" | "alerts">;

/** The statement writing accepted requests' alerts into the inbox, in the order given (their ids follow it): for the caller to send. */
export const inboxRowsInsert = (tx: Tx, rows: readonly NewInboxRow[]) =>
  tx
    .insertInto("alert_inbox")
    .values(rows.map((row) => ({ org_id: row.orgId, lane: row.lane, integration_id: row.integrationId, service_id: row.serviceId, request_id: row.requestId, alerts: row.alerts })));

/** The lane's next `limit` waiting requests, oldest first (the caller holds the lane's lock). */
export function nextInboxRows(tx: Tx, orgId: string, lane: number, limit: number): Promise<InboxRow[]> {
  return tx
    .selectFrom("alert_inbox")
    .select(["id", "integration_id", "service_id", "request_id", "alerts"])
    .where("org_id", "=", orgId)
    .where("lane", "=", lane)
    .where("failed_at", "is", null)
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** Removes applied requests from the inbox (with the transaction that applied them). */
export async function deleteInboxRows(tx: Tx, orgId: string, ids: readonly string[]): Promise<void> {
  await tx.deleteFrom("alert_inbox").where("org_id", "=", orgId).where("id", "in", ids).execute();
}

/** Sets a request that cannot be applied aside, saying why, so the lane goes on without it. */
export async function markInboxRowFailed(db: Db | Tx, orgId: string, id: string, failure: string): Promise<void> {
  await db.updateTable("alert_inbox").set({ failed_at: sql<Date>`now()`, failure }).where("org_id", "=", orgId).where("id", "=", id).execute();
}
