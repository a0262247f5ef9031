import type { Db } from "@incidentops/db";
import { inScope } from "../scope.js";
import { recordAttempts } from "./attempts.js";
import { notificationKindOf } from "./kinds.js";
import { findEventToFanOut, findSubscribedTargets } from "./repository.js";

/**
 * The `incident_event` job: one attempt per enabled target of the org whose filters match the
 * event (kind and minimum severity), each with its delivery job. Returns how many were new.
 */
export async function fanOutEvent(db: Db, job: { orgId: string; eventId: string; requestId: string }): Promise<number> {
  return inScope(db, { orgId: job.orgId }, async (tx) => {
    const event = await findEventToFanOut(tx, job.orgId, job.eventId);
    if (event === undefined) return 0;
    const kind = notificationKindOf(event);
    if (kind === null) return 0;
    const targets = await findSubscribedTargets(tx, job.orgId, kind, event.severity);
    return recordAttempts(
      tx,
      { orgId: job.orgId, eventId: event.id, incidentId: event.incident_id, requestId: job.requestId },
      targets.map((t) => ({ targetId: t.id, channel: t.type })),
    );
  });
}
