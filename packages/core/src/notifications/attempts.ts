import type { Tx } from "@incidentops/db";
import { enqueueJob } from "../jobs/enqueue.js";
import { DELIVERY_TASK, deliveryJobKey } from "../jobs/tasks.js";
import { insertAttempts, type Recipient } from "./repository.js";

export type { Recipient } from "./repository.js";

/**
 * Records one attempt per (event, recipient) and enqueues its delivery, in the caller's
 * transaction. An attempt that already exists (a re-run of the same fan-out) is skipped, so a
 * re-run never sends twice; only newly recorded attempts get a delivery job.
 */
export async function recordAttempts(
  tx: Tx,
  context: { orgId: string; eventId: string; incidentId: string; requestId: string },
  recipients: Recipient[],
): Promise<number> {
  if (recipients.length === 0) return 0;
  const created = await insertAttempts(tx, context, recipients);
  for (const attempt of created) {
    await enqueueJob(
      tx,
      DELIVERY_TASK[attempt.channel],
      { orgId: context.orgId, attemptId: attempt.id, requestId: context.requestId },
      { jobKey: deliveryJobKey(attempt.id) },
    );
  }
  return created.length;
}
