import type { DeliveryLaneRow, NotificationChannel, Tx } from "@incidentops/db";
import { enqueueJob, enqueueJobs, type JobRequest } from "../jobs/enqueue.js";
import { DELIVERY_TASK, laneJobKey } from "../jobs/tasks.js";
import { isLeased, isPaused, type Lane } from "./lane-repository.js";
import { insertAttemptsLockingLanes, insertAttemptsLockingLanesAndCommit, type Recipient } from "./repository.js";

export type { Recipient };

/** An event's attempts to make: the event and who it goes to. */
export interface EventRecipients {
  event: { id: string; seq: string; incidentId: string };
  recipients: Recipient[];
}

/** Claims runs of idle lanes (neither leased nor paused) in the caller's transaction, holding their locks. */
export interface IdleLaneClaimer {
  /** Returns the lease's end, or undefined when it claimed nothing (the lane's job then runs it now). */
  claim: (lane: Lane, channel: NotificationChannel) => Promise<Date | undefined>;
  /**
   * As claim, as the transaction's last statement: the lease, the lane's `job` (for the lease's
   * end, or now when nothing was due) and the COMMIT in one message. False, having sent nothing,
   * when it could not claim: the caller schedules the job itself and the transaction goes on.
   */
  claimAndCommit: (lane: Lane, channel: NotificationChannel, job: JobRequest) => Promise<boolean>;
}

/** A recipient's lane: its target, or the contact method a person is paged through (notification_attempts.recipient_id). */
const recipientIdOf = (recipient: Recipient) => ("targetId" in recipient ? recipient.targetId : recipient.contactMethodId);

/**
 * Records one attempt per (event, recipient) and locks their lanes, in one statement, and wakes
 * each recipient's lane, in the caller's transaction. An attempt that already exists (a re-run of
 * the same fan-out) is skipped, so a re-run never sends twice. With `claimer`, idle lanes may
 * be claimed for a run by the caller instead.
 *
 * A lane another run holds (leased) is left alone: its holder records its outcomes after this
 * commits (it waits for the lane's lock), so it sees these attempts and claims them or wakes the
 * lane itself; and a holder that dies is taken over by what already backs its lease (its own
 * job, released by the heartbeat, or, for a first round, the job scheduled at the lease's end).
 * A storm's fan-outs to a busy receiver thus add no job, and no `jobs:insert` that would make
 * every runner look for one.
 *
 * When every lane was seen leased (`leasedRecipients`, read without their locks), the statement
 * also commits the caller's transaction (insertAttemptsLockingLanesAndCommit), so the lanes' locks,
 * which the holder's next claim and the org's other fan-outs wait for, are held for no round trip;
 * a lane its holder let go meanwhile is woken now, by a statement of that message that finds it
 * so under its lock. Nothing may run in the transaction after.
 */
export async function recordAttempts(
  tx: Tx,
  context: { orgId: string; requestId: string },
  events: EventRecipients[],
  options: { claimer?: IdleLaneClaimer | undefined; leasedRecipients?: ReadonlySet<string> } = {},
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
    return (await insertAttemptsLockingLanesAndCommit(tx, context, toMake, wakes)).made;
  }
  const { lanes, made } = await insertAttemptsLockingLanes(tx, context, toMake);
  await wakeLockedLanes(tx, context, lanes, options.claimer);
  return made;
}

/**
 * Holding their locks: wakes each lane nobody holds, or, with `claimer`, claims the idle ones'
 * runs, the last one's with the COMMIT (claimAndCommit), so its lease is not a round trip of its
 * own; the other lanes' jobs go in that message too. A paused lane's job runs now, to count its
 * due attempts' tries unsent.
 */
async function wakeLockedLanes(
  tx: Tx,
  context: { orgId: string; requestId: string },
  lanes: readonly (DeliveryLaneRow & { now: Date; channel: NotificationChannel })[],
  claimer?: IdleLaneClaimer,
): Promise<void> {
  const jobs: JobRequest[] = [];
  const idle: { lane: Lane; channel: NotificationChannel }[] = [];
  for (const row of lanes) {
    if (isLeased(row)) continue;
    const lane = { orgId: context.orgId, recipientId: row.recipient_id };
    if (claimer === undefined || isPaused(row)) jobs.push(laneJob(lane, row.channel, { requestId: context.requestId }));
    else idle.push({ lane, channel: row.channel });
  }
  const last = idle.pop();
  for (const { lane, channel } of idle) jobs.push(laneJob(lane, channel, { requestId: context.requestId, runAt: await claimer?.claim(lane, channel) }));
  await enqueueJobs(tx, jobs);
  if (last === undefined || claimer === undefined) return;
  const lastJob = laneJob(last.lane, last.channel, { requestId: context.requestId });
  if (!(await claimer.claimAndCommit(last.lane, last.channel, lastJob))) await enqueueJobs(tx, [lastJob]);
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
 * schedule written wins, so it must be the one that saw everything committed before it.
 */
export async function wakeLane(tx: Tx, lane: Lane, channel: keyof typeof DELIVERY_TASK, options: { requestId: string; runAt?: Date }): Promise<void> {
  const job = laneJob(lane, channel, options);
  await enqueueJob(tx, job.task, job.payload, job.spec);
}
