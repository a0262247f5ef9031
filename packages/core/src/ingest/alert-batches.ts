import { createHash } from "node:crypto";
import type { Db } from "@incidentops/db";
import { isDatabaseUnavailable } from "../db-errors.js";
import { fanOutsTogether } from "../incidents/lifecycle.js";
import { withJobsHeld } from "../jobs/enqueue.js";
import { inScope } from "../scope.js";
import type { AlertResult } from "./alerts.js";
import { applyAlerts, type AdmittedAlerts } from "./apply-alerts.js";
import { lockAlertBatchLane } from "./repository.js";

/** Where a request's alerts are applied: one of its org's lanes. */
export interface AlertBatchLane {
  orgId: string;
  number: number;
}

/** One request's alerts waiting for a batch, and whom to tell. */
interface Waiting {
  request: AdmittedAlerts;
  resolve: (results: AlertResult[]) => void;
  reject: (error: unknown) => void;
}

/** Requests one batch takes at most: enough to share a commit, few enough that the first waits little. */
const MAX_REQUESTS_PER_BATCH = 100;

/**
 * Batches of one org that may run at once, each in its own lane: an alert's lane follows its dedup
 * key, so the alerts of one incident meet in one lane (one batch's transaction at a time) and two
 * lanes never lock the same incidents in opposite orders. Two: fewer lanes make bigger batches,
 * which share more (all-unique triggers in bench/README.md: 1 or 2 lanes about 300-320/s, 4 about
 * 260, 8 about 230), and a second lets one batch work while the other commits.
 */
export const ALERT_BATCH_LANES = 2;

/** Per database handle, the lanes (org and number) whose batches run now, each with the requests waiting for the next. */
const running = new WeakMap<Db, Map<string, Waiting[]>>();

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
 * processes.
 */
export function inAlertBatch(db: Db, lane: AlertBatchLane, request: AdmittedAlerts): Promise<AlertResult[]> {
  return new Promise<AlertResult[]>((resolve, reject) => {
    const waiting: Waiting = { request, resolve, reject };
    const lanes = running.get(db) ?? new Map<string, Waiting[]>();
    running.set(db, lanes);
    const name = `${lane.orgId}:${lane.number}`;
    const queue = lanes.get(name);
    if (queue !== undefined) {
      queue.push(waiting);
      return;
    }
    const started = [waiting];
    lanes.set(name, started);
    void runBatches(db, lane, started, () => lanes.delete(name));
  });
}

/** Runs batches while requests wait, then marks the lane idle (in the same turn as finding none). */
async function runBatches(db: Db, lane: AlertBatchLane, queue: Waiting[], idle: () => void): Promise<void> {
  while (queue.length > 0) await runBatch(db, lane, queue.splice(0, MAX_REQUESTS_PER_BATCH));
  idle();
}

async function runBatch(db: Db, lane: AlertBatchLane, batch: readonly Waiting[]): Promise<void> {
  try {
    const results = await applyTogether(db, lane, batch);
    batch.forEach((waiting, i) => waiting.resolve(results[i] ?? []));
  } catch (error) {
    if (batch.length === 1 || isDatabaseUnavailable(error)) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    // One request's failure aborts the whole transaction: each is applied alone, so only it fails.
    for (const waiting of batch) await runBatch(db, lane, [waiting]);
  }
}

function applyTogether(db: Db, lane: AlertBatchLane, batch: readonly Waiting[]): Promise<AlertResult[][]> {
  return inScope(db, { orgId: lane.orgId }, async (tx) => {
    await lockAlertBatchLane(tx, lane.orgId, lane.number);
    return withJobsHeld(tx, () => applyAlerts(tx, batch.map((waiting) => waiting.request)), fanOutsTogether);
  });
}
