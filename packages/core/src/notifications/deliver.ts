import type { Db, NotificationAttemptRow, NotificationChannel, Tx } from "@incidentops/db";
import { sendEmail, sendToContactMethod, sendToTarget, type ChannelDeps, type DeliveryOutcome, type NotificationPayload } from "../delivery/index.js";
import { incidentSchema } from "../incidents/schema.js";
import { toIncidentEvent, toIncidentOf } from "../incidents/service.js";
import type { DeliveryJob } from "../jobs/tasks.js";
import { iso } from "../mapping.js";
import { inScope } from "../scope.js";
import { cancelPendingAttempts, CONTACT_METHOD_DELETED, TARGET_DELETED } from "../unsent-attempts.js";
import { wakeIfDueAfterCommit, wakeLane } from "./attempts.js";
import { payloadTypeOf } from "./kinds.js";
import { findNextWake, isHeld, isLeased, isPaused, leaseNextDueAttempts, lockLane, releaseLane, skipDueAttempts, type Lane } from "./lane-repository.js";
import { findAttempt, findDeliveryContexts, findIncidentRows, recordAttemptOutcomes, type AttemptOutcome, type KnownRows } from "./repository.js";

// A delivery job runs one lane: a recipient of an org, sent to by one worker slot at a time (so a
// receiver that hangs holds at most one slot), a few attempts at once (each of another incident),
// each incident's attempts in event order, paused by a circuit breaker after failures in a row.
// docs/decisions/0020-delivery-lanes.md.

export interface DeliveryDeps extends ChannelDeps {
  db: Db;
}

/** What a try of an attempt came to: delivered, failed for good, to be retried later, or not sent since its recipient (a target, a contact method) was deleted. */
export type DeliveryResult = "succeeded" | "failed" | "retrying" | "cancelled";

/** One try of a lane's run, for its log line: the attempt, what it came to and the receiver's answer. */
export interface Try {
  attemptId: string;
  /** Whom its lane sends to: the notification target, or the person paged through their contact method. */
  recipientId: string;
  /** The notification target; null for a page through a person's contact method. */
  targetId: string | null;
  result: DeliveryResult;
  /** The attempt's tries so far, this one included. */
  tries: number;
  httpStatus: number | null;
  /** Why it failed (DeliveryOutcome.error: never a URL or a secret); null when it succeeded. */
  error: string | null;
  /** When the next try is due, while `retrying`. */
  nextTryAt: Date | null;
}

/**
 * What a run of a lane did: the attempts it tried, or, when it tried none, why: nothing was due
 * (idle), another worker holds the lane (busy), its receiver asked for a pause (held: a
 * Retry-After), or its breaker paused it (paused; attempts that came due meanwhile each count a
 * try, unsent: `skipped`).
 */
export interface LaneRun {
  state: "sent" | "idle" | "busy" | "held" | "paused";
  tried: Try[];
  skipped: number;
}

const MAX_RETRY_DELAY_MS = 3_600_000;
/** A delivery in flight is the lane's until its timeout plus this, then another worker may take over (its worker died). */
const LEASE_MARGIN_MS = 10_000;
/** Failures in a row after which a lane pauses... */
export const BREAKER_THRESHOLD = 3;
/** ...for three retry delays, doubling with each further failure, at most ten minutes. */
const MAX_PAUSE_MS = 600_000;

/** Exponential: base, 2x base, 4x base ... capped at an hour. */
export const retryDelayMs = (attempt: number, baseMs: number) => Math.min(baseMs * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);

/** The wait before an attempt's next try: its back-off, or what the receiver asked for (Retry-After) when that is later; at most an hour. */
const nextTryDelayMs = (attempt: number, baseMs: number, retryAfterMs = 0) => Math.min(Math.max(retryDelayMs(attempt, baseMs), retryAfterMs), MAX_RETRY_DELAY_MS);

/** How long a lane pauses after `streak` failures in a row (0: not paused). */
export const breakerPauseMs = (streak: number, retryBaseMs: number) =>
  streak < BREAKER_THRESHOLD ? 0 : Math.min(retryBaseMs * 3 * 2 ** (streak - BREAKER_THRESHOLD), MAX_PAUSE_MS);

/** What sending an attempt came to: its channel's outcome, or, `cancelled`, nothing sent (its recipient was deleted, as `error` says). */
type Sent = DeliveryOutcome & { cancelled?: true };

type Send = () => Promise<Sent>;

type Claimed = { attempt: NotificationAttemptRow; send: Send }[];

/**
 * A claim's attempts, and how long its lease covers their sending (its rounds): each sender slot
 * starts a send only if its whole timeout ends within that from the slot's start (the lease's
 * margin covers the claim's commit before it).
 */
interface Lease {
  attempts: Claimed;
  coveredMs: number;
}

type Claim = { state: Exclude<LaneRun["state"], "sent">; skipped: number } | ({ state: "sent" } & Lease);

/** A lane's run keeps claiming and sending while attempts are due, for about this long; then it lets another job have its slot (the lane is woken again). */
const LANE_RUN_BUDGET_MS = 1_000;
/**
 * A claim takes up to this many rounds of DELIVERY_RECEIVER_CONCURRENCY attempts, sent that many
 * at a time: one transaction records them all and claims the next, so a fast receiver's backlog
 * pays for it once per 128 attempts (at the default concurrency).
 */
export const ROUNDS_PER_CLAIM = 32;
/**
 * The lease covers at most this many rounds, each as long as a send's timeout: a worker that dies
 * mid-run holds its lane that long plus LEASE_MARGIN_MS. A claim of more rounds sends what starts
 * while the lease covers it (all of it, unless the receiver is slow); the rest stays due, for the
 * next claim.
 */
export const LEASED_ROUNDS = 8;

const later = (a: Date, b: Date) => (a > b ? a : b);

const cancelledUnsent = (reason: string): Sent => ({ ok: false, httpStatus: null, error: reason, note: null, durationMs: 0, cancelled: true });

/** How to send each attempt: its payload (the event, and the incident as it was right after it) through its channel. */
async function deliveriesOf(deps: DeliveryDeps, lane: Lane, attempts: NotificationAttemptRow[], tx: Tx, known?: KnownRows): Promise<Claimed> {
  const context = await findDeliveryContexts(tx, lane.orgId, attempts, known);
  const events = attempts.map((attempt) => {
    const event = context.events.get(attempt.event_id);
    if (event === undefined) throw new Error(`unreachable: attempt ${attempt.id} names an event of its org`);
    return { attempt, event, snapshot: incidentSchema.safeParse(event.incident) };
  });
  // Events written before snapshots existed show the incident as it is now.
  const incidentsNow = await findIncidentRows(tx, lane.orgId, [...new Set(events.flatMap((e) => (e.snapshot.success ? [] : [e.attempt.incident_id])))]);
  const incidentAt = async ({ attempt, snapshot }: (typeof events)[number]) => {
    if (snapshot.success) return snapshot.data;
    const now = incidentsNow.get(attempt.incident_id);
    if (now === undefined) throw new Error(`unreachable: incident ${attempt.incident_id} has attempts`);
    return toIncidentOf(tx, lane.orgId, now);
  };
  const claimed: Claimed = [];
  for (const at of events) {
    const { attempt, event } = at;
    const incident = await incidentAt(at);
    const payload: NotificationPayload = {
      // Stable across retries: receivers de-duplicate on it (it is also the webhook-id).
      id: attempt.id,
      type: payloadTypeOf(event),
      occurredAt: iso(event.created_at),
      org: context.org,
      service: { id: incident.serviceId, name: event.service_name ?? incident.serviceId },
      incident,
      event: toIncidentEvent(event),
    };
    const target = attempt.target_id === null ? undefined : context.targets.get(attempt.target_id);
    const user = attempt.user_id === null ? undefined : context.users.get(attempt.user_id);
    const contactMethod = attempt.contact_method_id === null ? undefined : context.contactMethods.get(attempt.contact_method_id);
    const send: Send = () => {
      // A page through a contact method (a rule's delay is recorded); before contact methods, pages
      // went to the account email.
      if (attempt.user_id !== null && attempt.delay_minutes !== null) {
        // Read before or after its delete committed, a deleted contact method is never sent to (decision 0058).
        if (contactMethod === undefined || contactMethod.deleted_at !== null) return Promise.resolve(cancelledUnsent(CONTACT_METHOD_DELETED));
        return sendToContactMethod(deps, contactMethod, payload);
      }
      if (user !== undefined) return sendEmail(deps, user.email, payload);
      // Read before or after its delete committed, a deleted target is never sent to (decision 0057).
      if (target?.deleted_at != null) return Promise.resolve(cancelledUnsent(TARGET_DELETED));
      if (target === undefined || !target.enabled) {
        return Promise.resolve({ ok: false, httpStatus: null, error: "the notification target was disabled", note: null, durationMs: 0 });
      }
      return sendToTarget(deps, target, payload);
    };
    claimed.push({ attempt, send });
  }
  return claimed;
}

/**
 * Holding the lane's lock, leaving it unheld: schedules its job for when its next attempt is due
 * (not before `now`; none when nothing is pending), and, unless that is now, looks again once
 * this has committed, for attempts a fan-out made meanwhile without the lock (wakeIfDueAfterCommit).
 * A lane left held for its receiver until `heldUntil` (Retry-After: releaseLane) runs then, or
 * when its next attempt is due if later, even with nothing pending: a fan-out leaves a held lane
 * to its job.
 */
async function scheduleNextRun(tx: Tx, lane: Lane, channel: NotificationChannel, requestId: string, now: Date, heldUntil: Date | null = null): Promise<void> {
  const next = await findNextWake(tx, lane);
  if (heldUntil !== null) {
    await wakeLane(tx, lane, channel, { requestId: next?.requestId ?? requestId, runAt: next === undefined ? heldUntil : later(next.at, heldUntil) });
    return;
  }
  if (next !== undefined) await wakeLane(tx, lane, channel, { requestId: next.requestId ?? requestId, runAt: later(next.at, now) });
  if (next === undefined || next.at > now) await wakeIfDueAfterCommit(tx, lane, channel, requestId);
}

/**
 * Holding the lane's lock, the lane neither leased nor paused: leases it for its next due attempts
 * (each its incident's next), long enough to send them all, or LEASED_ROUNDS of them, and makes
 * their sends; undefined, leasing nothing, when none is due.
 */
async function leaseDue(deps: DeliveryDeps, tx: Tx, lane: Lane, known?: KnownRows): Promise<(Lease & { leaseUntil: Date }) | undefined> {
  const { receiverConcurrency: concurrency, timeoutMs } = deps.config.delivery;
  const due = await leaseNextDueAttempts(tx, lane, {
    limit: concurrency * ROUNDS_PER_CLAIM,
    concurrency,
    roundMs: timeoutMs,
    maxRounds: LEASED_ROUNDS,
    marginMs: LEASE_MARGIN_MS,
  });
  const first = due[0];
  if (first === undefined) return undefined;
  return { attempts: await deliveriesOf(deps, lane, due, tx, known), leaseUntil: first.lane_lease_until, coveredMs: first.lane_lease_ms };
}

/** As leaseDue; with none due, schedules the lane's job for its next attempt, if any. */
async function claimDue(deps: DeliveryDeps, tx: Tx, lane: Lane, channel: NotificationChannel, requestId: string, now: Date): Promise<Claim> {
  const due = await leaseDue(deps, tx, lane);
  if (due === undefined) {
    await scheduleNextRun(tx, lane, channel, requestId, now);
    return { state: "idle", skipped: 0 };
  }
  return { state: "sent", attempts: due.attempts, coveredMs: due.coveredMs };
}

/** A lane's run claimed in a transaction, to be sent once that has committed (sendLaneRun). */
export interface ClaimedLaneRun extends Lease {
  lane: Lane;
  channel: NotificationChannel;
  requestId: string;
  /** The lease's end: the lane's job must be scheduled then, to take over if the run's process dies. */
  leaseUntil: Date;
}

/**
 * Claims a run of the lane in the caller's transaction, which holds its lock
 * (insertAttemptsLockingLanes) and saw it neither leased nor paused: a fan-out sends its lanes'
 * first round itself once it has committed, without a job in between, and the events and targets
 * it read are not read again. Undefined when nothing is due.
 */
export async function claimLaneRun(
  deps: DeliveryDeps,
  tx: Tx,
  run: { lane: Lane; channel: NotificationChannel; requestId: string },
  known: KnownRows,
): Promise<ClaimedLaneRun | undefined> {
  const due = await leaseDue(deps, tx, run.lane, known);
  return due === undefined ? undefined : { ...run, ...due };
}

/** Under the lane's lock: what to do now, and, when nothing is to be sent, when to look again. */
function claim(deps: DeliveryDeps, lane: Lane, channel: NotificationChannel, requestId: string): Promise<Claim> {
  return inScope(deps.db, { orgId: lane.orgId }, async (tx) => {
    const row = await lockLane(tx, lane);
    const wake = (runAt: Date, next?: { requestId: string | null }) => wakeLane(tx, lane, channel, { requestId: next?.requestId ?? requestId, runAt });
    if (isLeased(row)) {
      await wake(row.lease_until);
      return { state: "busy", skipped: 0 };
    }
    // Attempts coming due while the receiver's hold is on wait, uncounted, for its end.
    if (isHeld(row)) {
      await wake(row.held_until);
      return { state: "held", skipped: 0 };
    }
    if (isPaused(row)) {
      const skipped = await skipDueAttempts(tx, lane, {
        maxAttempts: deps.config.delivery.maxAttempts,
        retryBaseMs: deps.config.delivery.retryBaseMs,
        maxRetryDelayMs: MAX_RETRY_DELAY_MS,
        reason: `not sent: the receiver failed ${row.failure_streak} times in a row, so deliveries to it are paused until ${iso(row.paused_until)}`,
      });
      // Back when the pause ends, or sooner to count the try of an attempt coming due.
      const next = await findNextWake(tx, lane);
      if (next !== undefined) await wake(next.at < row.paused_until ? next.at : row.paused_until, next);
      await wakeIfDueAfterCommit(tx, lane, channel, requestId);
      return { state: "paused", skipped };
    }
    return claimDue(deps, tx, lane, channel, requestId, row.now);
  });
}

/**
 * Sends the claimed attempts, `concurrency` at a time, in the order claimed, each started only
 * while the lease's rounds cover its whole timeout (`timeoutMs`) from when its slot started (a
 * slot's first send is the first round). After a failure no further one starts
 * (those in flight finish): a receiver in trouble gets no more than it has, and the attempts not
 * sent stay due, untried, for the breaker to rule on. Outcomes come in the order they ended,
 * which is the order the breaker counts failures in a row.
 */
async function sendClaimed({ attempts, coveredMs }: Lease, options: { concurrency: number; timeoutMs: number }): Promise<{ attempt: NotificationAttemptRow; outcome: Sent }[]> {
  const ended: { attempt: NotificationAttemptRow; outcome: Sent }[] = [];
  let next = 0;
  let failed = false;
  const sender = async () => {
    let now = performance.now();
    const coveredUntil = now + coveredMs;
    while (!failed && next < attempts.length && now + options.timeoutMs <= coveredUntil) {
      const claimed = attempts[next++] as Claimed[number];
      const outcome = await claimed.send();
      if (!outcome.ok) failed = true;
      ended.push({ attempt: claimed.attempt, outcome });
      now = performance.now();
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, attempts.length) }, sender));
  return ended;
}

/** The result of one try, from its outcome and the attempt's tries so far. */
function resultOf(deps: DeliveryDeps, attempt: NotificationAttemptRow, outcome: DeliveryOutcome): DeliveryResult {
  if (outcome.ok) return "succeeded";
  return outcome.permanent === true || attempt.attempt_count + 1 >= deps.config.delivery.maxAttempts ? "failed" : "retrying";
}

/**
 * Records the tries and their consequences in one transaction: each attempt's outcome (retries
 * are scheduled on it, with the same id, after its back-off or the receiver's Retry-After if
 * later) and the lane's breaker; a receiver that answered with a Retry-After holds the whole lane
 * until then (its hold: nothing is sent to it, and attempts coming due wait, uncounted). Then,
 * when `claimNext` and the lane is neither paused nor held, the lane's next due attempts are
 * claimed for this run in the same transaction, else the lane's next run is scheduled.
 */
async function recordOutcomes(
  deps: DeliveryDeps,
  lane: Lane,
  channel: NotificationChannel,
  tries: { attempt: NotificationAttemptRow; outcome: Sent }[],
  options: { requestId: string; claimNext: boolean },
): Promise<{ tried: Try[]; next: Lease | undefined }> {
  return inScope(deps.db, { orgId: lane.orgId }, async (tx) => {
    const row = await lockLane(tx, lane);
    const now = row.now;
    const after = (ms: number) => new Date(now.getTime() + ms);
    let failureStreak = row.failure_streak;
    let heldUntil: Date | null = null;
    const tried: Try[] = [];
    const outcomes: AttemptOutcome[] = [];
    let cancelledFor: string | null = null;
    for (const { attempt, outcome } of tries) {
      if (outcome.cancelled === true) {
        cancelledFor = outcome.error;
        tried.push({ attemptId: attempt.id, recipientId: attempt.recipient_id, targetId: attempt.target_id, result: "cancelled", tries: attempt.attempt_count, httpStatus: null, error: outcome.error, nextTryAt: null });
        continue;
      }
      const result = resultOf(deps, attempt, outcome);
      const count = attempt.attempt_count + 1;
      const nextTryAt = result === "retrying" ? after(nextTryDelayMs(count, deps.config.delivery.retryBaseMs, outcome.retryAfterMs)) : null;
      outcomes.push({
        attemptId: attempt.id,
        attemptCount: count,
        status: result === "retrying" ? "pending" : result,
        lastHttpStatus: outcome.httpStatus,
        lastError: outcome.error,
        note: outcome.note,
        completedAt: result === "retrying" ? null : now,
        nextAttemptAt: nextTryAt ?? now,
      });
      failureStreak = outcome.ok ? 0 : failureStreak + 1;
      if (outcome.retryAfterMs !== undefined) heldUntil = later(heldUntil ?? now, after(Math.min(outcome.retryAfterMs, MAX_RETRY_DELAY_MS)));
      tried.push({ attemptId: attempt.id, recipientId: attempt.recipient_id, targetId: attempt.target_id, result, tries: count, httpStatus: outcome.httpStatus, error: outcome.error, nextTryAt });
    }
    await recordAttemptOutcomes(tx, lane.orgId, now, outcomes);
    // Every attempt of the lane goes to that deleted recipient: none is left pending.
    if (cancelledFor !== null) await cancelPendingAttempts(tx, lane, cancelledFor);
    const pauseMs = breakerPauseMs(failureStreak, deps.config.delivery.retryBaseMs);
    await releaseLane(tx, lane, { failureStreak, pausedUntil: pauseMs === 0 ? null : after(pauseMs), heldUntil });
    if (pauseMs === 0 && heldUntil === null && options.claimNext) {
      const claimed = await claimDue(deps, tx, lane, channel, options.requestId, now);
      return { tried, next: claimed.state === "sent" ? claimed : undefined };
    }
    // While paused, the lane still wakes when an attempt comes due, to count its try unsent.
    await scheduleNextRun(tx, lane, channel, options.requestId, now, heldUntil);
    return { tried, next: undefined };
  });
}

/** The lane a job names (jobs queued before lanes name an attempt: its lane). */
async function laneOf(db: Db, job: DeliveryJob): Promise<Lane | undefined> {
  if ("recipientId" in job) return { orgId: job.orgId, recipientId: job.recipientId };
  const attempt = await inScope(db, { orgId: job.orgId }, (tx) => findAttempt(tx, job.orgId, job.attemptId));
  return attempt === undefined ? undefined : { orgId: job.orgId, recipientId: attempt.recipient_id };
}

/**
 * Sends a claimed run and records its outcomes; while more are due it claims them in the same
 * transaction and goes on, for about LANE_RUN_BUDGET_MS, and as long as `mayGoOn` says so (a
 * process shutting down stops claiming).
 */
export async function sendLaneRun(deps: DeliveryDeps, run: Omit<ClaimedLaneRun, "leaseUntil">, mayGoOn: () => boolean = () => true): Promise<Try[]> {
  const startedAt = performance.now();
  const tried: Try[] = [];
  const sending = { concurrency: deps.config.delivery.receiverConcurrency, timeoutMs: deps.config.delivery.timeoutMs };
  let lease: Lease | undefined = run;
  while (lease !== undefined) {
    const outcomes = await sendClaimed(lease, sending);
    const claimNext = performance.now() - startedAt < LANE_RUN_BUDGET_MS && mayGoOn();
    const recorded = await recordOutcomes(deps, run.lane, run.channel, outcomes, { requestId: run.requestId, claimNext });
    tried.push(...recorded.tried);
    lease = recorded.next;
  }
  return tried;
}

/**
 * A delivery job: sends the lane's due attempts, DELIVERY_RECEIVER_CONCURRENCY at a time (each
 * of another incident), and records the outcomes, going on as sendLaneRun does. A failure is
 * retried on the same attempt after an exponential delay, until the configured maximum of tries;
 * it then ends `failed` with its last error and HTTP status.
 */
export async function runDelivery(deps: DeliveryDeps, job: DeliveryJob, channel: NotificationChannel): Promise<LaneRun> {
  const lane = await laneOf(deps.db, job);
  if (lane === undefined) return { state: "idle", tried: [], skipped: 0 };
  const claimed = await claim(deps, lane, channel, job.requestId);
  if (claimed.state !== "sent") return { state: claimed.state, tried: [], skipped: claimed.skipped };
  const tried = await sendLaneRun(deps, { lane, channel, requestId: job.requestId, attempts: claimed.attempts, coveredMs: claimed.coveredMs });
  return { state: "sent", tried, skipped: 0 };
}
