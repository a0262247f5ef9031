import type { Tx } from "@incidentops/db";
import { sql } from "kysely";

// Attempts that end `cancelled`, never sent, because their recipient went away before they were
// delivered: a notification target (decision 0057) or a person's contact method (decision 0058).
// Here, not in a feature, because notifications (a target's delete, a claim) and contact-methods,
// which notifications builds on, both end them.

/** Why a deleted target's attempts end cancelled. */
export const TARGET_DELETED = "not sent: the notification target was deleted";

/** Why the pages through a deleted contact method end cancelled. */
export const CONTACT_METHOD_DELETED = "not sent: the contact method was deleted";

/** Ends the lane's pending attempts `cancelled`, unsent, with `reason` as their note: their recipient is gone. */
export async function cancelPendingAttempts(tx: Tx, lane: { orgId: string; recipientId: string }, reason: string): Promise<void> {
  await tx
    .updateTable("notification_attempts")
    .set({ status: "cancelled", note: reason, updated_at: sql<Date>`now()`, completed_at: sql<Date>`now()` })
    .where("org_id", "=", lane.orgId)
    .where("recipient_id", "=", lane.recipientId)
    .where("status", "=", "pending")
    .execute();
}
