import type { Db, NotificationTargetRow, Tx } from "@incidentops/db";
import { z } from "zod";
import { commitDurably, inScope } from "../scope.js";
import { recordAttempts, wakeUnheldLanesDueFor, type ClaimIdleLane, type EventRecipients, type Recipient } from "./attempts.js";
import { claimLaneRun, type ClaimedLaneRun, type DeliveryDeps } from "./deliver.js";
import { accountEmailsOf, pagesNow } from "./pages.js";
import { notificationKindOf } from "./kinds.js";
import { atLeastAsSevere, type NotificationKind } from "../schema.js";
import { existingUsers, lockEventsToFanOut, setFanoutPositions, type EventToFanOut, type KnownRows } from "./repository.js";

/** Who an escalation step or an assignment paged (written on its `escalated` or `assigned` event). */
const pagedSchema = z.array(
  z.union([z.object({ type: z.literal("user"), userId: z.uuid() }), z.object({ type: z.literal("notification_target"), targetId: z.uuid() })]),
);

/** The org admins told, through their account email, that no level found anybody (on the `no_one_on_call` event). */
const adminsNotifiedSchema = z.array(z.object({ id: z.uuid() }));

/**
 * Whether a target's filters take an event of this kind on this incident: it lists no kinds or
 * this one; names no minimum severity or one the incident meets (sev1 is the most severe: a target
 * wanting sev2 and up takes sev1 and sev2); and routes by no service or team, or by the
 * incident's service or the team that owns it.
 */
const takes = (target: NotificationTargetRow, kind: NotificationKind, event: EventToFanOut) =>
  (target.event_kinds === null || target.event_kinds.includes(kind)) &&
  (target.min_severity === null || atLeastAsSevere(event.severity, target.min_severity)) &&
  routesTo(target, event);

const routesTo = (target: NotificationTargetRow, event: EventToFanOut) =>
  (target.service_ids === null && target.team_ids === null) ||
  (target.service_ids?.includes(event.service_id) ?? false) ||
  (event.team_id !== null && (target.team_ids?.includes(event.team_id) ?? false));

/**
 * The recipients of each event, by event id: the targets subscribed to its kind and severity; for
 * an escalation or an assignment, whoever it paged (people through their notification rules, the
 * rules with a delay becoming jobs: pagesNow, for all the events at once); for a chain that found
 * nobody, the org admins' account emails.
 */
async function recipientsOf(
  tx: Tx,
  job: { orgId: string; requestId: string },
  events: readonly EventToFanOut[],
  enabledTargets: ReadonlyMap<string, NotificationTargetRow>,
): Promise<Map<string, Recipient[]>> {
  const read = events.map((event) => {
    const kind = notificationKindOf(event);
    const subscribedTargets = kind === null ? [] : [...enabledTargets.values()].filter((target) => takes(target, kind, event));
    const paged = event.kind === "escalated" || event.kind === "assigned" ? pagedSchema.catch([]).parse(event.data.notified) : [];
    const pagedTargets = paged.flatMap((p) => {
      const target = p.type === "notification_target" ? enabledTargets.get(p.targetId) : undefined;
      return target === undefined ? [] : [target];
    });
    const targets = new Map([...subscribedTargets, ...pagedTargets].map((t) => [t.id, t.type]));
    const pagedUserIds = paged.flatMap((p) => (p.type === "user" ? [p.userId] : []));
    const admins = event.kind === "no_one_on_call" ? adminsNotifiedSchema.catch([]).parse(event.data.adminsNotified ?? []).map((a) => a.id) : [];
    return { event, targets, pagedUserIds, admins };
  });
  const existing = new Set(await existingUsers(tx, [...new Set(read.flatMap(({ pagedUserIds }) => pagedUserIds))]));
  const paged = await pagesNow(
    tx,
    read.map(({ event, pagedUserIds }) => ({
      event: { orgId: job.orgId, incidentId: event.incident_id, eventId: event.id, createdAt: event.created_at, requestId: job.requestId },
      userIds: [...new Set(pagedUserIds)].filter((userId) => existing.has(userId)),
    })),
  );
  const emails = await accountEmailsOf(tx, read.flatMap(({ admins }) => admins));
  return new Map(
    read.map(({ event, targets, admins }) => [
      event.id,
      [
        ...[...targets].map(([targetId, channel]): Recipient => ({ targetId, channel })),
        ...(paged.get(event.id) ?? []),
        ...[...new Set(admins)].flatMap((userId) => {
          const email = emails.get(userId);
          return email === undefined ? [] : [email];
        }),
      ],
    ]),
  );
}

/** A fan-out that sends its idle lanes' first round itself: their claims take a slot each while there is one. */
export interface FirstRounds {
  deps: DeliveryDeps;
  takeSlot: () => boolean;
}

/** Claims an idle lane's run while `firstRounds` has a slot; the first claim makes the transaction commit durably. */
function idleLaneClaimer(tx: Tx, requestId: string, firstRounds: FirstRounds, known: KnownRows, claimed: ClaimedLaneRun[]): ClaimIdleLane {
  return async (lane, channel) => {
    if (!firstRounds.takeSlot()) return undefined;
    const run = await claimLaneRun(firstRounds.deps, tx, { lane, channel, requestId }, known);
    if (run === undefined) return undefined;
    if (claimed.length === 0) await commitDurably(tx);
    claimed.push(run);
    return run.leaseUntil;
  };
}

/**
 * The `incident_event` job: turns the timelines of the listed events' incidents into notification
 * attempts, in timeline order, up to those events, in one transaction. Fan-outs of one incident
 * take turns (its fan-out position is locked), and each carries on from where the last stopped,
 * so an incident's attempts to any one recipient are made in event order whichever job runs
 * first. Returns how many were new, and, with `firstRounds`, the runs it claimed of lanes that
 * nobody was sending on: the caller sends them (sendLaneRun) once this has returned, committed,
 * saving the hop to their jobs.
 *
 * It commits without waiting for its WAL flush (relaxedCommit): the WAL is flushed in order, and
 * a synchronous commit comes after it before anything outside the database can see its work (a
 * delivery job's claim commits before it sends) and before its job is marked done, so a crash
 * in between loses the fan-out and its job's completion together, and the job runs again. A
 * fan-out that claimed runs commits synchronously, as a claim does.
 *
 * When every lane it writes to was held by a sender as its first statement read them (a storm to
 * one receiver), it takes none of their locks: its attempts' statement commits it, and a statement
 * after the COMMIT, in the same message, wakes now a lane let go meanwhile (recordAttempts). Run
 * again after a failure, it finds its events made into attempts already, and wakes now their
 * lanes that nobody holds, which that commit may have left unwoken.
 */
export async function fanOutEvents(
  db: Db,
  job: { orgId: string; eventIds: readonly string[]; requestId: string },
  firstRounds?: FirstRounds,
): Promise<{ attempts: number; claimed: ClaimedLaneRun[] }> {
  const claimed: ClaimedLaneRun[] = [];
  const attempts = await inScope(db, { orgId: job.orgId, relaxedCommit: true }, async (tx) => {
    const { events: pending, enabledTargets, leasedRecipients } = await lockEventsToFanOut(tx, job.orgId, job.eventIds);
    if (pending.length === 0) {
      await wakeUnheldLanesDueFor(tx, job, job.eventIds);
      return 0;
    }
    const targets = new Map(enabledTargets.map((target) => [target.id, target]));
    const recipients = await recipientsOf(tx, job, pending, targets);
    const events: EventRecipients[] = pending.map((event) => ({ event: { id: event.id, seq: event.seq, incidentId: event.incident_id }, recipients: recipients.get(event.id) ?? [] }));
    await setFanoutPositions(tx, job.orgId, new Map(pending.map((event) => [event.incident_id, event.upto_seq])));
    // Last: it locks the lanes, which the org's other fan-outs and its senders wait for until this commits (perhaps in its message).
    const claimIdle =
      firstRounds === undefined
        ? undefined
        : idleLaneClaimer(tx, job.requestId, firstRounds, { events: new Map(pending.map((event) => [event.id, event])), targets }, claimed);
    return recordAttempts(tx, { orgId: job.orgId, requestId: job.requestId }, events, { claimIdle, leasedRecipients });
  });
  return { attempts, claimed };
}
