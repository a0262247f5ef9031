import type { Db, NotificationAttemptRow, NotificationChannel, Tx } from "@incidentops/db";
import { sendEmail, sendToTarget, type ChannelDeps, type DeliveryOutcome, type NotificationPayload } from "../delivery/index.js";
import { incidentSchema } from "../incidents/schema.js";
import { toIncident, toIncidentEvent } from "../incidents/service.js";
import type { DeliveryJob } from "../jobs/tasks.js";
import { iso } from "../mapping.js";
import { inScope } from "../scope.js";
import { wakeLane } from "./attempts.js";
import { notificationKindOf } from "./kinds.js";
import { findNextDueAttempt, findNextWake, lockLane, releaseLane, skipDueAttempts, takeLease, type Lane } from "./lane-repository.js";
import { findAttempt, findDeliveryContext, recordAttemptOutcome } from "./repository.js";

// A delivery job runs one lane: a recipient of an org, sent one attempt at a time (so a receiver
// that hangs holds at most one of the worker's slots), each incident's attempts in event order,
// paused by a circuit breaker after failures in a row. docs/decisions/0005-delivery-lanes.md.

export interface DeliveryDeps extends ChannelDeps {
  db: Db;
}

/**
 * What a run of a lane did: sent an attempt (succeeded, failed for good, retrying later), or sent
 * nothing because nothing was due (idle), another worker was sending (busy), or the lane is
 * paused by its breaker (paused: attempts coming due meanwhile count a try, unsent).
 */
export type DeliveryResult = "succeeded" | "failed" | "retrying" | "idle" | "busy" | "paused";

export interface LaneRun {
  result: DeliveryResult;
  attemptId?: string;
  /** Attempts that came due while the lane was paused, each counted as a try. */
  skipped?: number;
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

/** How long a lane pauses after `streak` failures in a row (0: not paused). */
export const breakerPauseMs = (streak: number, retryBaseMs: number) =>
  streak < BREAKER_THRESHOLD ? 0 : Math.min(retryBaseMs * 3 * 2 ** (streak - BREAKER_THRESHOLD), MAX_PAUSE_MS);

type Claim =
  | { kind: "wait"; result: "idle" | "busy" | "paused"; skipped: number }
  | { kind: "send"; attempt: NotificationAttemptRow; send: () => Promise<DeliveryOutcome> };

const later = (a: Date | null, b: Date | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/** How to send the attempt: its payload (the event, and the incident as it was right after it) through its channel. */
async function deliveryOf(deps: DeliveryDeps, lane: Lane, attempt: NotificationAttemptRow, tx: Tx) {
  const { event, incident, org, target, user } = await findDeliveryContext(tx, lane.orgId, attempt);
  const snapshot = incidentSchema.safeParse(event.incident);
  const payload: NotificationPayload = {
    // Stable across retries: receivers de-duplicate on it (it is also the webhook-id).
    id: attempt.id,
    type: `incident.${notificationKindOf(event) ?? "escalated"}`,
    occurredAt: iso(event.created_at),
    org,
    // Events written before snapshots existed show the incident as it is now.
    incident: snapshot.success ? snapshot.data : toIncident(incident),
    event: toIncidentEvent(event),
  };
  return (): Promise<DeliveryOutcome> => {
    if (user !== undefined) return sendEmail(deps, user.email, payload);
    if (target === undefined || !target.enabled) {
      return Promise.resolve({ ok: false, httpStatus: null, error: "the notification target was disabled", note: null, durationMs: 0 });
    }
    return sendToTarget(deps, target, payload);
  };
}

/** Under the lane's lock: what to do now, and, when nothing is to be sent, when to look again. */
function claim(deps: DeliveryDeps, lane: Lane, channel: NotificationChannel, requestId: string): Promise<Claim> {
  return inScope(deps.db, { orgId: lane.orgId }, async (tx) => {
    const row = await lockLane(tx, lane);
    const wake = (runAt: Date | null) => (runAt === null ? Promise.resolve() : wakeLane(tx, lane, channel, { requestId, runAt }));
    if (row.lease_until !== null && row.lease_until > row.now) {
      await wake(row.lease_until);
      return { kind: "wait", result: "busy", skipped: 0 };
    }
    if (row.paused_until !== null && row.paused_until > row.now) {
      const until = iso(row.paused_until);
      const skipped = await skipDueAttempts(tx, lane, {
        maxAttempts: deps.config.delivery.maxAttempts,
        retryBaseMs: deps.config.delivery.retryBaseMs,
        maxRetryDelayMs: MAX_RETRY_DELAY_MS,
        reason: `not sent: the receiver failed ${row.failure_streak} times in a row, so deliveries to it are paused until ${until}`,
      });
      const next = await findNextWake(tx, lane);
      await wake(next === null ? null : next < row.paused_until ? next : row.paused_until);
      return { kind: "wait", result: "paused", skipped };
    }
    const attempt = await findNextDueAttempt(tx, lane);
    if (attempt === undefined) {
      await wake(await findNextWake(tx, lane));
      return { kind: "wait", result: "idle", skipped: 0 };
    }
    await takeLease(tx, lane, attempt.id, deps.config.delivery.timeoutMs + LEASE_MARGIN_MS);
    return { kind: "send", attempt, send: await deliveryOf(deps, lane, attempt, tx) };
  });
}

/**
 * Records a try and its consequences in one transaction: the attempt's outcome (retries are
 * scheduled on it, with the same id), the lane's breaker, and the lane's next run.
 */
async function recordOutcome(
  deps: DeliveryDeps,
  lane: Lane,
  channel: NotificationChannel,
  attempt: NotificationAttemptRow,
  outcome: DeliveryOutcome,
  requestId: string,
): Promise<DeliveryResult> {
  const count = attempt.attempt_count + 1;
  const exhausted = outcome.permanent === true || count >= deps.config.delivery.maxAttempts;
  const result: DeliveryResult = outcome.ok ? "succeeded" : exhausted ? "failed" : "retrying";
  return inScope(deps.db, { orgId: lane.orgId }, async (tx) => {
    const row = await lockLane(tx, lane);
    const now = row.now;
    await recordAttemptOutcome(tx, lane.orgId, attempt.id, {
      attemptCount: count,
      status: result === "retrying" ? "pending" : result,
      lastHttpStatus: outcome.httpStatus,
      lastError: outcome.error,
      note: outcome.note,
      at: now,
      completedAt: result === "retrying" ? null : now,
      nextAttemptAt: new Date(now.getTime() + (result === "retrying" ? retryDelayMs(count, deps.config.delivery.retryBaseMs) : 0)),
    });
    const failureStreak = outcome.ok ? 0 : row.failure_streak + 1;
    const pauseMs = breakerPauseMs(failureStreak, deps.config.delivery.retryBaseMs);
    const pausedUntil = pauseMs === 0 ? null : new Date(now.getTime() + pauseMs);
    await releaseLane(tx, lane, { failureStreak, pausedUntil });
    const next = await findNextWake(tx, lane);
    // While paused, the lane still wakes when an attempt comes due, to count its try unsent.
    if (next !== null) await wakeLane(tx, lane, channel, { requestId, runAt: later(next, now) ?? now });
    return result;
  });
}

/** The lane a job names (jobs queued before lanes name an attempt: its lane). */
async function laneOf(db: Db, job: DeliveryJob): Promise<Lane | undefined> {
  if ("recipientId" in job) return { orgId: job.orgId, recipientId: job.recipientId };
  const attempt = await inScope(db, { orgId: job.orgId }, (tx) => findAttempt(tx, job.orgId, job.attemptId));
  return attempt === undefined ? undefined : { orgId: job.orgId, recipientId: attempt.recipient_id };
}

/**
 * A delivery job: sends the lane's next due attempt, if any, and records the outcome. A failure is
 * retried on the same attempt after an exponential delay, until the configured maximum of tries;
 * it then ends `failed` with its last error and HTTP status.
 */
export async function runDelivery(deps: DeliveryDeps, job: DeliveryJob, channel: NotificationChannel): Promise<LaneRun> {
  const lane = await laneOf(deps.db, job);
  if (lane === undefined) return { result: "idle" };
  const claimed = await claim(deps, lane, channel, job.requestId);
  if (claimed.kind === "wait") return { result: claimed.result, ...(claimed.skipped > 0 ? { skipped: claimed.skipped } : {}) };
  const outcome = await claimed.send();
  const result = await recordOutcome(deps, lane, channel, claimed.attempt, outcome, job.requestId);
  return { result, attemptId: claimed.attempt.id };
}
