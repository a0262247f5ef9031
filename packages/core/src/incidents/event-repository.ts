import type { Db, Tx } from "@incidentops/db";
import { enqueueJob } from "../jobs/enqueue.js";

/** Appends an event that notifies no one (e.g. a repeated alert); see appendIncidentEvent. */
export function insertIncidentEvent(
  tx: Tx,
  event: { orgId: string; incidentId: string; kind: string; actorUserId: string | null; data: Record<string, unknown> },
) {
  return tx
    .insertInto("incident_events")
    .values({
      org_id: event.orgId,
      incident_id: event.incidentId,
      kind: event.kind,
      actor_user_id: event.actorUserId,
      data: JSON.stringify(event.data),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Appends an event to an incident's timeline and, in the same transaction, the job that fans it
 * out to the org's notification targets.
 */
export async function appendIncidentEvent(
  tx: Tx,
  event: { orgId: string; incidentId: string; kind: string; actorUserId: string | null; data: Record<string, unknown> },
  requestId: string,
) {
  const row = await insertIncidentEvent(tx, event);
  await enqueueJob(tx, "incident_event", { orgId: event.orgId, eventId: row.id, requestId });
  return row;
}

/** Oldest first, by the insertion sequence. */
export function listIncidentEvents(db: Db | Tx, orgId: string, incidentId: string, limit: number, afterSeq?: string) {
  let query = db
    .selectFrom("incident_events")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("incident_id", "=", incidentId);
  if (afterSeq !== undefined) query = query.where("seq", ">", afterSeq);
  return query.orderBy("seq").limit(limit + 1).execute();
}
