import { createHash } from "node:crypto";
import type { Db } from "@incidentops/db";
import { retryingConflicts } from "../conflict-retries.js";
import { isDatabaseUnavailable } from "../db-errors.js";
import { fanOutsTogether } from "../incidents/lifecycle.js";
import { withJobsHeld } from "../jobs/enqueue.js";
import type { Logger } from "../logger.js";
import { inRounds, type RoundCall } from "../rounds.js";
import { inScope } from "../scope.js";
import type { AlertResult } from "./alerts.js";
import { applyAlerts, type AdmittedAlerts } from "./apply-alerts.js";
import { lockAlertBatchLane } from "./repository.js";

/** Where a request's alerts are applied: one of its org's lanes. */
export interface AlertBatchLane {
  orgId: string;
  number: number;
}

/** Requests one batch takes at most: enough to share a commit, few enough that the first waits little. */
const MAX_REQUESTS_PER_BATCH = 100;

/**
 * Batches of one org that may run at once, each in its own lane: an alert's lane follows its dedup
 * key, so the alerts of one incident meet in one lane (one batch's transaction at a time), and a
 * batch also holds the lanes of its requests' other alerts (lanesTouchedBy), so two batches that
 * run at once never lock the same incidents. Two: fewer lanes make bigger batches,
 * which share more (all-unique triggers in bench/README.md: 1 or 2 lanes about 300-320/s, 4 about
 * 260, 8 about 230), and a second lets one batch work while the other commits.
 */
export const ALERT_BATCH_LANES = 2;

/** The lane of alerts with this dedup key. */
export const alertBatchLaneOf = (dedupKey: string): number => createHash("sha1").update(dedupKey).digest().readUInt32BE(0) % ALERT_BATCH_LANES;

/**
 * Applies one request's alerts in the next batch of an org's lane, and settles once that batch
 * has committed (so the answer still says what happened, and nothing answered is lost). A batch is
 * one transaction for the requests that arrived while the lane's previous one ran: one commit, and
 * one graphile_worker.add_jobs (one NOTIFY), where each alert used to pay both; their triggers'
 * incidents and events are written together (applyAlerts), and their events fan out in one job
 * (fanOutsTogether). A request on an idle lane starts its batch at once, alone. Requests apply in
 * arrival order, and a lane runs one batch at a time, here and (lockAlertBatchLane) across API
 * processes. A batch PostgreSQL aborted for a concurrent transaction is run again
 * (retryingConflicts), logged in its first request's `log`.
 */
export function inAlertBatch(db: Db, lane: AlertBatchLane, request: AdmittedAlerts, log: Logger): Promise<AlertResult[]> {
  return applyInBatches(db, `${lane.orgId}:${lane.number}`, { lane, request, log });
}

/** A request's alerts, the lane they go in, and the request's log. */
interface LaneRequest {
  lane: AlertBatchLane;
  request: AdmittedAlerts;
  log: Logger;
}

const applyInBatches = inRounds<LaneRequest, AlertResult[]>(applyBatch, MAX_REQUESTS_PER_BATCH);

async function applyBatch(db: Db, key: string, batch: readonly RoundCall<LaneRequest, AlertResult[]>[]): Promise<void> {
  const [first] = batch;
  if (first === undefined) return;
  try {
    const requests = batch.map((call) => call.input.request);
    const results = await retryingConflicts(first.input.log, () => applyTogether(db, first.input.lane, requests));
    for (const [i, call] of batch.entries()) {
      const requestResults = results[i];
      if (requestResults === undefined) throw new Error("unreachable: every request of a batch has its results");
      call.resolve(requestResults);
    }
  } catch (error) {
    if (batch.length === 1 || isDatabaseUnavailable(error)) throw error;
    // One request's failure aborts the whole transaction: each is applied alone, so only it fails.
    for (const call of batch) await applyBatch(db, key, [call]).catch(call.reject);
  }
}

function applyTogether(db: Db, lane: AlertBatchLane, requests: readonly AdmittedAlerts[]): Promise<AlertResult[][]> {
  return inScope(db, { orgId: lane.orgId }, async (tx) => {
    for (const number of lanesTouchedBy(lane, requests)) await lockAlertBatchLane(tx, lane.orgId, number);
    return withJobsHeld(tx, () => applyAlerts(tx, requests), fanOutsTogether);
  });
}

/**
 * The lanes of every alert of a batch, in ascending order. A request goes in its first alert's
 * lane, so its other alerts may fall in other lanes: the batch holds those too, every batch taking
 * them in one order, so two batches that run at once never share an incident (requests of several
 * alerts, sent at once in opposite orders, deadlocked).
 */
function lanesTouchedBy(lane: AlertBatchLane, requests: readonly AdmittedAlerts[]): number[] {
  const lanes = new Set([lane.number]);
  for (const { alerts } of requests) for (const alert of alerts.slice(1)) lanes.add(alertBatchLaneOf(alert.dedupKey));
  return [...lanes].sort((a, b) => a - b);
}
