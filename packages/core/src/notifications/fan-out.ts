import type { Db, Tx } from "@incidentops/db";
import { z } from "zod";
import { inScope } from "../scope.js";
import { recordAttempts, type EventRecipients, type Recipient } from "./attempts.js";
import { accountEmailsOf, pageNow } from "./pages.js";
import { notificationKindOf } from "./kinds.js";
import { eventsToFanOut, existingUsers, findEnabledTargets, findEvent, findSubscribedTargets, lockFanoutPosition, setFanoutPosition } from "./repository.js";

/** Who an escalation step or an assignment paged (written on its `escalated` or `assigned` event). */
const pagedSchema = z.array(
  z.union([z.object({ type: z.literal("user"), userId: z.uuid() }), z.object({ type: z.literal("notification_target"), targetId: z.uuid() })]),
);

/** The org admins told, through their account email, that no level found anybody (on the `no_one_on_call` event). */
const adminsNotifiedSchema = z.array(z.object({ id: z.uuid() }));

type PendingEvent = Awaited<ReturnType<typeof eventsToFanOut>>[number];

/**
 * The recipients of one event: the targets subscribed to its kind and severity; for an escalation
 * or an assignment, whoever it paged (people through their notification rules, the rules with a
 * delay becoming jobs); for a chain that found nobody, the org admins' account emails.
 */
async function recipientsOf(tx: Tx, job: { orgId: string; requestId: string }, event: PendingEvent): Promise<Recipient[]> {
  const kind = notificationKindOf(event);
  const subscribed = kind === null ? [] : await findSubscribedTargets(tx, job.orgId, kind, event.severity);
  const paged = event.kind === "escalated" || event.kind === "assigned" ? pagedSchema.catch([]).parse(event.data.notified) : [];
  const pagedTargets = await findEnabledTargets(
    tx,
    job.orgId,
    paged.flatMap((p) => (p.type === "notification_target" ? [p.targetId] : [])),
  );
  const pagedUsers = await existingUsers(
    tx,
    paged.flatMap((p) => (p.type === "user" ? [p.userId] : [])),
  );
  const page = { orgId: job.orgId, incidentId: event.incident_id, eventId: event.id, createdAt: event.created_at, requestId: job.requestId };
  const admins = event.kind === "no_one_on_call" ? adminsNotifiedSchema.catch([]).parse(event.data.adminsNotified ?? []).map((a) => a.id) : [];
  const targets = new Map([...subscribed, ...pagedTargets].map((t) => [t.id, t.type]));
  return [
    ...[...targets].map(([targetId, channel]) => ({ targetId, channel })),
    ...(await pageNow(tx, page, pagedUsers)),
    ...(await accountEmailsOf(tx, admins)),
  ];
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
      events.push({ event: { id: pending.id, seq: pending.seq, incidentId: pending.incident_id }, recipients: await recipientsOf(tx, job, pending) });
    }
    await setFanoutPosition(tx, job.orgId, event.incident_id, event.seq);
    // Last: it locks the lanes, which the org's other fan-outs and its senders wait for until this commits.
    return recordAttempts(tx, { orgId: job.orgId, requestId: job.requestId }, events);
  });
}
