import type { Db, IncidentSeverity, Tx } from "@incidentops/db";
import { z } from "zod";
import { inScope } from "../scope.js";
import { recordAttempts, type EventRecipients, type Recipient } from "./attempts.js";
import { notificationKindOf } from "./kinds.js";
import { eventsToFanOut, existingUsers, findEnabledTargets, findEvent, findSubscribedTargets, lockFanoutPosition, setFanoutPosition } from "./repository.js";

/** Who an escalation step paged (the escalation runner writes it on its `escalated` event). */
const pagedSchema = z.array(
  z.union([z.object({ type: z.literal("user"), userId: z.uuid() }), z.object({ type: z.literal("notification_target"), targetId: z.uuid() })]),
);

/** The recipients of one event: the targets subscribed to its kind and severity, and, for an escalation, whoever the step paged. */
async function recipientsOf(tx: Tx, orgId: string, event: { kind: string; data: Record<string, unknown>; severity: IncidentSeverity }): Promise<Recipient[]> {
  const kind = notificationKindOf(event);
  const subscribed = kind === null ? [] : await findSubscribedTargets(tx, orgId, kind, event.severity);
  const paged = event.kind === "escalated" ? pagedSchema.catch([]).parse(event.data.notified) : [];
  const pagedTargets = await findEnabledTargets(
    tx,
    orgId,
    paged.flatMap((p) => (p.type === "notification_target" ? [p.targetId] : [])),
  );
  const pagedUsers = await existingUsers(
    tx,
    paged.flatMap((p) => (p.type === "user" ? [p.userId] : [])),
  );
  const targets = new Map([...subscribed, ...pagedTargets].map((t) => [t.id, t.type]));
  return [...[...targets].map(([targetId, channel]) => ({ targetId, channel })), ...pagedUsers.map((userId) => ({ userId }))];
}

/**
 * The `incident_event` job: turns the incident's timeline into notification attempts, in
 * timeline order, up to this event. Fan-outs of one incident take turns (its fan-out position is
 * locked), and each carries on from where the last stopped, so an incident's attempts to any one
 * recipient are made in event order whichever job runs first. Returns how many were new.
 */
export async function fanOutEvent(db: Db, job: { orgId: string; eventId: string; requestId: string }): Promise<number> {
  return inScope(db, { orgId: job.orgId }, async (tx) => {
    const event = await findEvent(tx, job.orgId, job.eventId);
    if (event === undefined) return 0;
    const done = await lockFanoutPosition(tx, job.orgId, event.incident_id);
    if (BigInt(done) >= BigInt(event.seq)) return 0;
    const events: EventRecipients[] = [];
    for (const pending of await eventsToFanOut(tx, job.orgId, event.incident_id, done, event.seq)) {
      events.push({ event: { id: pending.id, seq: pending.seq, incidentId: pending.incident_id }, recipients: await recipientsOf(tx, job.orgId, pending) });
    }
    const created = await recordAttempts(tx, { orgId: job.orgId, requestId: job.requestId }, events);
    await setFanoutPosition(tx, job.orgId, event.incident_id, event.seq);
    return created;
  });
}
