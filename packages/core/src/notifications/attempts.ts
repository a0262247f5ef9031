import type { DeliveryLaneRow, NotificationChannel, Tx } from "@incidentops/db";
import { enqueueJob, enqueueJobs } from "../jobs/enqueue.js";
import { DELIVERY_TASK, laneJobKey } from "../jobs/tasks.js";
import { afterCommitInScope } from "../scope.js";
import { cancelPendingAttempts, TARGET_DELETED } from "../unsent-attempts.js";
import { isLeased, isPaused, isTaken, reopenLane, wakeLaneIfDue, type Lane } from "./lane-repository.js";
import { findUnheldLanesDueFor, insertAttemptsAndCommit, insertAttemptsLockingLanes, wakeUnheldLanes, type Recipient } from "./repository.js";

export type { Recipient };

/** An event's attempts to make: the event and who it goes to. */
export interface EventRecipients {
  event: { id: string; seq: string; incidentId: string };
  recipients: Recipient[];
}

/**
 * Claims a run of an idle lane (neither leased nor paused) in the caller's transaction, holding
 * its lock; returns the lease's end, or undefined when it claimed nothing (the lane's job then
 * runs it now).
 */
export type ClaimIdleLane = (lane: Lane, channel: NotificationChannel) => Promise<Date | undefined>;

/** A recipient's lane: its target, or the contact method a person is paged through (notification_attempts.recipient_id). */
const recipientIdOf = (recipient: Recipient) => ("targetId" in recipient ? recipient.targetId : recipient.contactMethodId);

/**
 * Records one attempt per (event, recipient) and locks their lanes, in one statement, and wakes
 * each recipient's lane, in the caller's transaction. An attempt that already exists (a re-run of
 * the same fan-out) is skipped, so a re-run never sends twice. With `claimIdle`, idle lanes may
 * be claimed for a run by the caller instead.
 *
 * A lane another run holds (leased) is left alone: its holder records its outcomes after this
 * commits (it waits for the lane's lock), so it sees these attempts and claims them or wakes the
 * lane itself; and a holder that dies is taken over by what already backs its lease (its own
 * job, released by the heartbeat, or, for a first round, the job scheduled at the lease's end).
 * So is a lane held for its receiver (a Retry-After): its job is scheduled for the hold's end.
 * A storm's fan-outs to a busy receiver thus add no job, and no `jobs:insert` that would make
 * every runner look for one.
 *
 * When every lane was seen leased or held (`leasedRecipients`, read without their locks), no lane is
 * locked: the attempts' statement commits the caller's transaction, and a statement after the
 * COMMIT, in the same message, wakes now each lane nobody holds as it reads them. A holder lets
 * its lane go the same way round (wakeIfDueAfterCommit): it commits, then looks for attempts due.
 * Whichever of the two commits second sees the other's write, so no attempt is left without a
 * run, and neither waits for the other: a storm's fan-outs to one receiver do not queue behind
 * its sender's claims, nor behind each other. Nothing may run in the transaction after.
 */
export async function recordAttempts(
  tx: Tx,
  context: { orgId: string; requestId: string },
  events: EventRecipients[],
  options: { claimIdle?: ClaimIdleLane | undefined; leasedRecipients?: ReadonlySet<string> } = {},
): Promise<number> {
  const toMake = events.flatMap(({ event, recipients }) => recipients.map((recipient) => ({ event, recipient })));
  if (toMake.length === 0) return 0;
  const { leasedRecipients } = options;
  if (leasedRecipients !== undefined && toMake.every(({ recipient }) => leasedRecipients.has(recipientIdOf(recipient)))) {
    const channels = new Map(toMake.map(({ recipient }) => [recipientIdOf(recipient), recipient.channel]));
    const wakes = [...channels].map(([recipientId, channel]) => ({
      recipientId,
      job: laneJob({ orgId: context.orgId, recipientId }, channel, { requestId: context.requestId }),
    }));
    await afterCommitInScope(tx, { orgId: context.orgId, relaxedCommit: true }, [wakeUnheldLanes(context.orgId, wakes)]);
    return insertAttemptsAndCommit(tx, context, toMake);
  }
  const { lanes, made } = await insertAttemptsLockingLanes(tx, context, toMake);
  await wakeLockedLanes(tx, context, lanes, options.claimIdle);
  return made;
}

/** Holding their locks: wakes (or, with `claimIdle`, claims) each lane nobody holds (neither leased nor held). */
async function wakeLockedLanes(
  tx: Tx,
  context: { orgId: string; requestId: string },
  lanes: readonly (DeliveryLaneRow & { now: Date; channel: NotificationChannel })[],
  claimIdle?: ClaimIdleLane,
): Promise<void> {
  const jobs: ReturnType<typeof laneJob>[] = [];
  for (const row of lanes) {
    if (isTaken(row)) continue;
    const lane = { orgId: context.orgId, recipientId: row.recipient_id };
    jobs.push(laneJob(lane, row.channel, { requestId: context.requestId, runAt: await wakeTimeOf(row, () => claimIdle?.(lane, row.channel)) }));
  }
  await enqueueJobs(tx, jobs);
}

/**
 * When the job of a lane that nobody holds runs: now (undefined), or, when this transaction
 * claimed the lane's run (a first round), at the lease's end, to take over if the claimer dies.
 * A paused lane runs now, to count its due attempts' tries unsent.
 */
async function wakeTimeOf(row: DeliveryLaneRow & { now: Date }, claim: () => Promise<Date | undefined> | undefined): Promise<Date | undefined> {
  return isPaused(row) ? undefined : claim();
}

/** The job that runs a lane, at `runAt` or now: one per lane (its key). */
function laneJob(lane: Lane, channel: keyof typeof DELIVERY_TASK, options: { requestId: string; runAt?: Date | null }) {
  return {
    task: DELIVERY_TASK[channel],
    payload: { orgId: lane.orgId, recipientId: lane.recipientId, requestId: options.requestId },
    spec: { jobKey: laneJobKey(lane.orgId, lane.recipientId), ...(options.runAt == null ? {} : { runAt: options.runAt }) },
  };
}

/**
 * Schedules the lane's job (there is one per lane: its job key) at `runAt`, or now. Call it
 * holding the lane's lock (lockLane), having looked at the lane under that lock: the last
 * schedule written wins, so one for later must be written by a transaction that saw everything
 * committed before it. (Writers without the lock only wake a lane now: recordAttempts.)
 */
export async function wakeLane(tx: Tx, lane: Lane, channel: keyof typeof DELIVERY_TASK, options: { requestId: string; runAt?: Date }): Promise<void> {
  const job = laneJob(lane, channel, options);
  await enqueueJob(tx, job.task, job.payload, job.spec);
}

/**
 * The receiver of a recipient was fixed (its target changed, or answered a test): in the caller's
 * transaction, ends the lane's hold (a Retry-After) and its breaker's pause, makes its waiting
 * attempts due now, and wakes its job now. A run sending on the lane keeps its lease and is not
 * woken: letting the lane go, it finds the attempts due (reopenLane locked the lane, so it does
 * that after this commits). Nothing for a recipient never sent to.
 */
export async function reopenLaneNow(tx: Tx, lane: Lane, channel: keyof typeof DELIVERY_TASK, requestId: string): Promise<void> {
  const row = await reopenLane(tx, lane);
  if (row !== undefined && !isLeased(row)) await wakeLane(tx, lane, channel, { requestId });
}

/**
 * The target was deleted: its lane's pending attempts end cancelled, never sent (decision 0057).
 * A run sending on the lane when this commits records what it sent over it; what it leaves
 * pending, and attempts a fan-out that read the target before the delete makes after it, are
 * cancelled when they are claimed (deliver.ts).
 */
export function cancelDeletedTargetsAttempts(tx: Tx, lane: Lane): Promise<void> {
  return cancelPendingAttempts(tx, lane, TARGET_DELETED);
}

/**
 * For a transaction that leaves its lane unheld (a run letting it go, a claim finding nothing to
 * send): once it has committed, in its COMMIT's message, wakes the lane now if it then has an
 * attempt due that nobody holds it for. A fan-out that saw the lane held made its attempts
 * without its lock (recordAttempts): this is how they are not missed.
 */
export async function wakeIfDueAfterCommit(tx: Tx, lane: Lane, channel: keyof typeof DELIVERY_TASK, requestId: string): Promise<void> {
  await afterCommitInScope(tx, { orgId: lane.orgId }, [wakeLaneIfDue(lane, laneJob(lane, channel, { requestId }))]);
}

/**
 * Wakes now each lane nobody holds that has an attempt of these events due: for a fan-out whose
 * events were already turned into attempts (it runs again after a failure), since a first run
 * that made them without their lanes' locks may have committed without waking them.
 */
export async function wakeUnheldLanesDueFor(tx: Tx, context: { orgId: string; requestId: string }, eventIds: readonly string[]): Promise<void> {
  const lanes = await findUnheldLanesDueFor(tx, context.orgId, eventIds);
  await enqueueJobs(
    tx,
    lanes.map((row) => laneJob({ orgId: context.orgId, recipientId: row.recipient_id }, row.channel, { requestId: context.requestId })),
  );
}
