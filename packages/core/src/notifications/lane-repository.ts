import { keyed, sendWithNext, type Database, type DeliveryLaneRow, type Tx } from "@incidentops/db";
import { sql, type OnConflictBuilder, type RawBuilder } from "kysely";
import { addJobsWhere, type JobRequest } from "../jobs/enqueue.js";

// A delivery lane is one recipient (a target, or a person) of one org: its row holds the lease of
// the worker sending to it, the hold its receiver asked for (a Retry-After: nobody sends to it
// until then) and the circuit breaker; its attempts are notification_attempts rows.

export interface Lane {
  orgId: string;
  recipientId: string;
}

/**
 * For an insert of lanes' rows: an existing row is "updated" to itself, which takes its lock as
 * SELECT ... FOR UPDATE would, so the insert makes each lane on first use and locks it either way.
 */
export const lockingExistingLanes = (oc: OnConflictBuilder<Database, "delivery_lanes">) =>
  oc.columns(["org_id", "recipient_id"]).doUpdateSet({ failure_streak: sql<number>`delivery_lanes.failure_streak` });

type LockedLane = Pick<DeliveryLaneRow, "lease_until" | "paused_until" | "held_until"> & { now: Date };

/** Another run holds the lane until its lease ends. */
export const isLeased = <R extends LockedLane>(row: R): row is R & { lease_until: Date } => row.lease_until !== null && row.lease_until > row.now;

/** The receiver asked not to be sent to until then (a Retry-After): nobody sends to the lane meanwhile. */
export const isHeld = <R extends LockedLane>(row: R): row is R & { held_until: Date } => row.held_until !== null && row.held_until > row.now;

/** Nobody but its lease's holder may send to the lane: it is leased or held (in SQL: laneTakenAt). */
export const isTaken = (row: LockedLane) => isLeased(row) || isHeld(row);

/**
 * In SQL, as isTaken: the lane's row (`delivery_lanes`, or `lane` as the statement names it) has
 * a lease or a hold that has not ended by `at` (the transaction's now() unless told).
 */
export const laneTakenAt = (lane = "delivery_lanes", at = sql<Date>`now()`) =>
  sql<boolean>`(${sql.ref(`${lane}.lease_until`)} > ${at} OR ${sql.ref(`${lane}.held_until`)} > ${at})`;

// The conditions below, for wakes written without the lane's lock, read the time from the clock:
// in a statement after a COMMIT in the same message (sendAfterCommit), now() is when the message
// arrived, which may be long before that commit and the writes it must see.

/** Nobody holds the lane of `recipientId` (no lease or hold of it is on), as the statement runs. */
export const laneUnheld = (orgId: string, recipientId: RawBuilder<string> | string) => sql<boolean>`NOT EXISTS (
    SELECT 1 FROM delivery_lanes l WHERE l.org_id = ${orgId} AND l.recipient_id = ${recipientId}::uuid AND ${laneTakenAt("l", sql<Date>`clock_timestamp()`)})`;

/**
 * Nobody holds the lane, and its job (`jobKey`) is not already waiting to run now, untaken. Such
 * a job's run starts after this statement, so it sees what committed before; waking it again
 * would only update it, and add_jobs' NOTIFY would make commits across the database wait their
 * turn (a storm's fan-outs, while the lane's job waits for a slot).
 */
export const laneNeedsWake = (orgId: string, recipientId: RawBuilder<string> | string, jobKey: RawBuilder<string | null>) => sql<boolean>`${laneUnheld(orgId, recipientId)}
    AND NOT EXISTS (SELECT 1 FROM graphile_worker._private_jobs j WHERE j.key = ${jobKey} AND j.locked_at IS NULL AND j.run_at <= clock_timestamp())`;

/** The lane's breaker is open: nothing is sent to it until the pause ends. */
export const isPaused = <R extends LockedLane>(row: R): row is R & { paused_until: Date } => row.paused_until !== null && row.paused_until > row.now;

/**
 * The lane's row, made on first use and locked until the transaction ends: every decision about a
 * lane is taken holding it. One round trip (lockingExistingLanes).
 */
export async function lockLane(tx: Tx, lane: Lane): Promise<DeliveryLaneRow & { now: Date }> {
  return tx
    .insertInto("delivery_lanes")
    .values({ org_id: lane.orgId, recipient_id: lane.recipientId })
    .onConflict(lockingExistingLanes)
    .returningAll()
    .returning(sql<Date>`now()`.as("now"))
    .executeTakeFirstOrThrow();
}

/**
 * The attempt (`a`, pending) is its incident's next in the lane: no earlier attempt of the same
 * incident to the same recipient is still pending. Written as a lookup of the incident's earliest
 * rather than NOT EXISTS, which PostgreSQL turns into a join whose inner scan may read the whole
 * lane for each attempt (decision 0060); a subquery's scan looks up the attempt's own incident.
 */
const isIncidentsNext = sql<boolean>`a.event_seq = (
  SELECT min(b.event_seq) FROM notification_attempts b
  WHERE b.org_id = a.org_id AND b.recipient_id = a.recipient_id AND b.incident_id = a.incident_id AND b.status = 'pending')`;

/**
 * True of every attempt; a scan of a lane by due time says it so that PostgreSQL may use the
 * lane's due index, which covers only such attempts, and the per-incident lookup above, which does
 * not say it, never uses that index to read the whole lane (migration 0086, decision 0060).
 */
const isScheduled = (attempts: string) => sql<boolean>`${sql.ref(`${attempts}.next_attempt_at`)} < 'infinity'`;

/**
 * For a wake without the lane's lock (its time from the clock, as above): the attempt (`a`) is
 * pending, its incident's next, and due (never tried, an attempt being due when made, or its
 * retry's time has come).
 */
export const isDueNext = sql<boolean>`(a.status = 'pending' AND (a.attempt_count = 0 OR a.next_attempt_at <= clock_timestamp()) AND ${isIncidentsNext})`;

/**
 * Holding the lane's lock (lockLane): the attempts the lane sends next, at most `limit`, due now,
 * each its incident's next (so no two of one incident), those due longest first; and, when there
 * are any, the lane leased to this worker for them: `roundMs` per round of `concurrency` attempts,
 * at most `maxRounds` rounds (`lane_lease_ms`, the sending it covers), plus `marginMs` (then
 * another worker may take over: this one died). One statement; each attempt carries the lease's
 * end (`lane_lease_until`) and the sending it covers.
 */
export function leaseNextDueAttempts(tx: Tx, lane: Lane, options: { limit: number; concurrency: number; roundMs: number; maxRounds: number; marginMs: number }) {
  const coveredMs = sql<number>`${options.roundMs}::float8 * least(ceil((SELECT count(*) FROM due) / ${options.concurrency}::float8), ${options.maxRounds}::float8)`;
  return tx
    .with("due", (db) =>
      db
        .selectFrom("notification_attempts as a")
        .selectAll("a")
        .where("a.org_id", "=", lane.orgId)
        .where("a.recipient_id", "=", lane.recipientId)
        .where("a.status", "=", "pending")
        // At the column's precision: an attempt made in this transaction (at now(), rounded to
        // the millisecond, perhaps up) is due in it.
        .where("a.next_attempt_at", "<=", sql<Date>`now()::timestamptz(3)`)
        .where(isScheduled("a"))
        .where(isIncidentsNext)
        .orderBy("a.next_attempt_at")
        .orderBy("a.event_seq")
        .limit(options.limit),
    )
    .with("leased", (db) =>
      db
        .updateTable("delivery_lanes")
        .set({ lease_until: sql<Date>`now() + make_interval(secs => (${coveredMs} + ${options.marginMs}::float8) / 1000)` })
        .where("org_id", "=", lane.orgId)
        .where("recipient_id", "=", lane.recipientId)
        .where(sql<boolean>`EXISTS (SELECT 1 FROM due)`)
        .returning("lease_until"),
    )
    .selectFrom("due")
    .selectAll()
    .select(sql<Date>`(SELECT lease_until FROM leased)`.as("lane_lease_until"))
    .select(coveredMs.as("lane_lease_ms"))
    .orderBy("next_attempt_at")
    .orderBy("event_seq")
    .execute();
}

/**
 * When the lane next has an attempt to send (the earliest among its incidents' next ones), and
 * the request that caused it (for the job's log lines); undefined when nothing is pending.
 */
export async function findNextWake(tx: Tx, lane: Lane): Promise<{ at: Date; requestId: string | null } | undefined> {
  const row = await tx
    .selectFrom("notification_attempts as a")
    .select(["a.next_attempt_at", "a.request_id"])
    .where("a.org_id", "=", lane.orgId)
    .where("a.recipient_id", "=", lane.recipientId)
    .where("a.status", "=", "pending")
    .where(isScheduled("a"))
    .where(isIncidentsNext)
    .orderBy("a.next_attempt_at")
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : { at: row.next_attempt_at, requestId: row.request_id };
}

/**
 * Ends the run's lease, with the breaker's new state; sent with the next statement (sendWithNext).
 * With `heldUntil` (a receiver's Retry-After) the lane is held until then: to everyone else it is
 * taken, so nothing is sent to it and fan-outs leave it to its job, which the caller schedules for
 * then. Keyed: the lane is found by its key.
 */
export async function releaseLane(tx: Tx, lane: Lane, breaker: { failureStreak: number; pausedUntil: Date | null; heldUntil: Date | null }): Promise<void> {
  const at = (time: Date | null) => sql<Date | null>`${time?.toISOString() ?? null}::timestamptz`;
  await sendWithNext(
    tx,
    keyed(
      tx
        .updateTable("delivery_lanes")
        .set({ lease_until: null, held_until: at(breaker.heldUntil), failure_streak: breaker.failureStreak, paused_until: at(breaker.pausedUntil) })
        .where("org_id", "=", lane.orgId)
        .where("recipient_id", "=", lane.recipientId),
    ),
  );
}

/**
 * Ends the lane's hold and closes its breaker, and makes its pending attempts due now: its
 * receiver was changed, or answered a test. A run's lease stays (it may be sending). The lane's
 * row, locked until the transaction ends; undefined when the recipient has no lane (nothing was
 * ever sent to it).
 */
export async function reopenLane(tx: Tx, lane: Lane): Promise<(DeliveryLaneRow & { now: Date }) | undefined> {
  const row = await tx
    .updateTable("delivery_lanes")
    .set({ held_until: null, failure_streak: 0, paused_until: null })
    .where("org_id", "=", lane.orgId)
    .where("recipient_id", "=", lane.recipientId)
    .returningAll()
    .returning(sql<Date>`now()`.as("now"))
    .executeTakeFirst();
  if (row === undefined) return undefined;
  await sendWithNext(
    tx,
    tx
      .updateTable("notification_attempts")
      .set({ next_attempt_at: sql<Date>`now()` })
      .where("org_id", "=", lane.orgId)
      .where("recipient_id", "=", lane.recipientId)
      .where("status", "=", "pending")
      .where("next_attempt_at", ">", sql<Date>`now()`),
  );
  return row;
}

/**
 * While a lane is paused, each attempt that comes due counts a try without being sent, on its
 * usual back-off: a receiver that stays down ends its attempts `failed` on schedule, as if tried.
 */
export async function skipDueAttempts(
  tx: Tx,
  lane: Lane,
  options: { maxAttempts: number; retryBaseMs: number; maxRetryDelayMs: number; reason: string },
): Promise<number> {
  const count = sql<number>`attempt_count + 1`;
  const delayMs = sql<number>`least(${options.retryBaseMs}::float8 * power(2, attempt_count), ${options.maxRetryDelayMs}::float8)`;
  const exhausted = sql<boolean>`attempt_count + 1 >= ${options.maxAttempts}::int`;
  const result = await tx
    .updateTable("notification_attempts")
    .set({
      attempt_count: count,
      status: sql`CASE WHEN ${exhausted} THEN 'failed' ELSE 'pending' END::notification_attempt_status`,
      last_http_status: null,
      last_error: options.reason,
      updated_at: sql<Date>`now()`,
      completed_at: sql<Date | null>`CASE WHEN ${exhausted} THEN now() END`,
      next_attempt_at: sql<Date>`now() + make_interval(secs => ${delayMs} / 1000)`,
    })
    .where("org_id", "=", lane.orgId)
    .where("recipient_id", "=", lane.recipientId)
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", sql<Date>`now()`)
    .where(isScheduled("notification_attempts"))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A statement that adds `job`, the lane's, if the lane needs a wake as it runs (laneNeedsWake) and has an attempt due (its incident's next). */
export const wakeLaneIfDue = (lane: { orgId: string; recipientId: string }, job: JobRequest) =>
  addJobsWhere([{ ref: lane.recipientId, job }], (_, jobKey) => sql<boolean>`${laneNeedsWake(lane.orgId, lane.recipientId, jobKey)} AND EXISTS (
    SELECT 1 FROM notification_attempts a
    WHERE a.org_id = ${lane.orgId} AND a.recipient_id = ${lane.recipientId} AND ${isDueNext})`);
