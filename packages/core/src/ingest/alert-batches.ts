import { createHash } from "node:crypto";
import type { Db, Tx } from "@incidentops/db";
import { isDatabaseUnavailable } from "../db-errors.js";
import { fanOutsTogether } from "../incidents/lifecycle.js";
import { withJobsHeld } from "../jobs/enqueue.js";
import { inScope } from "../scope.js";
import { bindToCurrentTrace } from "../tracing.js";
import { lockAlertBatchLane } from "./repository.js";

/** Where a request's alerts are applied: one of its org's lanes. */
export interface AlertBatchLane {
  orgId: string;
  number: number;
}

/** One request's alerts waiting for a batch: what applies them, and whom to tell. */
interface Waiting {
  apply: (tx: Tx) => Promise<unknown>;
  resolve: (result: unknown) => void;
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
 * one graphile_worker.add_jobs (one NOTIFY), where each alert used to pay both; their events fan
 * out in one job (fanOutsTogether). A request on an idle lane starts its batch at once, alone.
 * Requests apply in arrival order, and a lane runs one batch at a time, here and
 * (lockAlertBatchLane) across API processes.
 */
export function inAlertBatch<T>(db: Db, lane: AlertBatchLane, apply: (tx: Tx) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request: Waiting = { apply: bindToCurrentTrace(apply), resolve: resolve as (result: unknown) => void, reject };
    const lanes = running.get(db) ?? new Map<string, Waiting[]>();
    running.set(db, lanes);
    const name = `${lane.orgId}:${lane.number}`;
    const waiting = lanes.get(name);
    if (waiting !== undefined) {
      waiting.push(request);
      return;
    }
    const queue = [request];
    lanes.set(name, queue);
    void runBatches(db, lane, queue, () => lanes.delete(name));
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
    batch.forEach((request, i) => request.resolve(results[i]));
  } catch (error) {
    if (batch.length === 1 || isDatabaseUnavailable(error)) {
      for (const request of batch) request.reject(error);
      return;
    }
    // One request's failure aborts the whole transaction: each is applied alone, so only it fails.
    for (const request of batch) await runBatch(db, lane, [request]);
  }
}

function applyTogether(db: Db, lane: AlertBatchLane, batch: readonly Waiting[]): Promise<unknown[]> {
  return inScope(db, { orgId: lane.orgId }, async (tx) => {
    await lockAlertBatchLane(tx, lane.orgId, lane.number);
    return withJobsHeld(
      tx,
      async () => {
        const results: unknown[] = [];
        for (const request of batch) results.push(await request.apply(tx));
        return results;
      },
      fanOutsTogether,
    );
  });
}
