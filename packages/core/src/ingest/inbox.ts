import { executeAndCommit, type Db } from "@incidentops/db";
import { isDatabaseUnavailable } from "../db-errors.js";
import { fanOutsTogether } from "../incidents/lifecycle.js";
import { enqueueJobs, withJobsHeld, type JobRequest } from "../jobs/enqueue.js";
import { alertInboxJobKey, type TaskPayload } from "../jobs/tasks.js";
import type { Logger } from "../logger.js";
import { inRounds, type RoundCall } from "../rounds.js";
import { inScope } from "../scope.js";
import { alertBatchLaneOf, type AlertBatchLane } from "./alert-batches.js";
import { applyAlerts, type AdmittedAlerts, type KeyedAlert } from "./apply-alerts.js";
import { deleteInboxRows, inboxRowsInsert, lockAlertBatchLane, markInboxRowFailed, nextInboxRows, type InboxRow } from "./repository.js";

// The alert inbox (decision 0051): a request's alerts are written durably and answered at once,
// with no incident work and no NOTIFY of their own; a drain job per org lane applies them later,
// in batches of hundreds, in the order they were accepted.

/** Requests one accepting round writes at most (one INSERT, one commit). */
const MAX_REQUESTS_PER_ACCEPT = 100;
/** Requests one drain transaction applies at most (their fan-outs are one incident_event job of up to 1,000 events). */
const MAX_REQUESTS_PER_DRAIN = 500;

/**
 * Writes one request's alerts into its org's inbox and settles once they are committed there:
 * answered, they are never lost. Requests of one org that arrive while its last round commits
 * are written together in the next (one INSERT, one commit), with one drain job per lane they
 * fall in: a waiting drain is moved to now rather than added again, so a storm adds no job per
 * alert and the round's one add_jobs is its only NOTIFY.
 */
export function acceptIntoInbox(db: Db, request: AdmittedAlerts): Promise<void> {
  return acceptInRounds(db, request.integration.orgId, request);
}

const laneOf = (request: AdmittedAlerts) => {
  const [first] = request.alerts;
  if (first === undefined) throw new Error("unreachable: an accepted request has alerts");
  return alertBatchLaneOf(first.dedupKey);
};

async function acceptRound(db: Db, orgId: string, calls: readonly RoundCall<AdmittedAlerts, undefined>[]): Promise<void> {
  const [first] = calls;
  if (first === undefined) return;
  const rows = calls.map(({ input }) => ({
    orgId,
    lane: laneOf(input),
    integrationId: input.integration.id,
    serviceId: input.integration.serviceId,
    requestId: input.requestId,
    alerts: JSON.stringify(input.alerts),
  }));
  const lanes = [...new Set(rows.map((row) => row.lane))];
  await inScope(db, { orgId }, async (tx) => {
    await enqueueJobs(
      tx,
      lanes.map((lane) => ({ task: "drain_alert_inbox", payload: { orgId, lane, requestId: first.input.requestId }, spec: { jobKey: alertInboxJobKey(orgId, lane) } })),
    );
    // BEGIN, the scope, the jobs, the rows and COMMIT: one message.
    await executeAndCommit(tx, inboxRowsInsert(tx, rows));
  });
  for (const call of calls) call.resolve(undefined);
}

const acceptInRounds = inRounds<AdmittedAlerts, undefined>(acceptRound, MAX_REQUESTS_PER_ACCEPT);

/** An alert as the inbox's JSON holds it: its sender's time as text. */
type StoredAlert = Omit<KeyedAlert, "sentTime"> & { sentTime?: { at: string } | { note: string } };

/** A waiting request as applyAlerts takes it (the inbox holds what its integration and service were at acceptance). */
function admittedOf(orgId: string, row: InboxRow): AdmittedAlerts {
  // Written by acceptRound from alerts already validated at the edge.
  const stored = row.alerts as StoredAlert[];
  return {
    integration: { id: row.integration_id, orgId, serviceId: row.service_id },
    alerts: stored.map(({ sentTime, ...alert }) => ({ ...alert, sentTime: sentTime === undefined ? undefined : "at" in sentTime ? { at: new Date(sentTime.at) } : sentTime })),
    requestId: row.request_id,
  };
}

/** A batch's fan-out (its events' `incident_event` job), for the drain to run at once. */
export type FanOut = TaskPayload<"incident_event">;

/**
 * Fans a committed batch's events out at once, in the drain's own worker: the job hop a queued
 * fan-out takes (about 2.5 ms at idle) is what an alert's page waits for. Its queued job still
 * runs, and finds them fanned out (fanOutEvents does each event once): it is there for a drain
 * that dies in between.
 */
export type FanOutNow = (fanOut: FanOut) => Promise<void>;

const fanOutsOf = (jobs: readonly JobRequest[]): FanOut[] => jobs.flatMap((job) => (job.task === "incident_event" ? [job.payload] : []));

/**
 * Applies the lane's next `limit` waiting requests in one transaction, holding the lane's lock:
 * incidents, events, one add_jobs for their jobs, and their removal from the inbox commit
 * together, so each is applied exactly once. `taken` receives the rows it read; the batch's
 * fan-outs are returned.
 */
function applyNext(db: Db, lane: AlertBatchLane, limit: number, taken: InboxRow[]): Promise<FanOut[]> {
  return inScope(db, { orgId: lane.orgId }, async (tx) => {
    await lockAlertBatchLane(tx, lane.orgId, lane.number);
    const rows = await nextInboxRows(tx, lane.orgId, lane.number, limit);
    taken.push(...rows);
    if (rows.length === 0) return [];
    const fanOuts: FanOut[] = [];
    const combined = (jobs: readonly JobRequest[]) => {
      const together = fanOutsTogether(jobs);
      fanOuts.push(...fanOutsOf(together));
      return together;
    };
    await withJobsHeld(tx, () => applyAlerts(tx, rows.map((row) => admittedOf(lane.orgId, row))), combined);
    await deleteInboxRows(
      tx,
      lane.orgId,
      rows.map((row) => row.id),
    );
    return fanOuts;
  });
}

/** What a failure was, for the inbox row and the log: its code or kind, never its text (it may quote values). */
const failureOf = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : error instanceof Error ? error.name : "unknown";

/** Runs the committed fan-outs now; a failure is left to their queued jobs. */
async function fanOutAll(fanOuts: readonly FanOut[], fanOutNow: FanOutNow | undefined, log: Logger): Promise<void> {
  for (const fanOut of fanOuts) {
    await fanOutNow?.(fanOut).catch((error: unknown) => log.warn({ err: error }, "fanning a drained batch out failed: its queued fan-out job will"));
  }
}

/**
 * One batch of the lane; when it fails (one request's failure aborts it), its requests one by
 * one, setting aside (failed_at) one that fails alone, so the lane never stops behind it. Returns
 * how many requests it took off the lane. An unavailable database is thrown: the job retries.
 */
async function drainBatch(db: Db, lane: AlertBatchLane, log: Logger, fanOutNow: FanOutNow | undefined): Promise<number> {
  const batch: InboxRow[] = [];
  try {
    await fanOutAll(await applyNext(db, lane, MAX_REQUESTS_PER_DRAIN, batch), fanOutNow, log);
    return batch.length;
  } catch (error) {
    if (isDatabaseUnavailable(error) || batch.length === 0) throw error;
  }
  for (const _ of batch) {
    const alone: InboxRow[] = [];
    try {
      await fanOutAll(await applyNext(db, lane, 1, alone), fanOutNow, log);
    } catch (error) {
      const [row] = alone;
      if (isDatabaseUnavailable(error) || row === undefined) throw error;
      const failure = failureOf(error);
      await inScope(db, { orgId: lane.orgId }, (tx) => markInboxRowFailed(tx, lane.orgId, row.id, failure));
      log.error({ orgId: lane.orgId, inboxId: row.id, acceptedRequestId: row.request_id, failure }, "accepted alerts could not be applied: set aside in alert_inbox");
    }
  }
  return batch.length;
}

/**
 * Applies what waits in an org lane's inbox, batch by batch, until a batch is not full; returns
 * how many requests it took. A row committed meanwhile is not missed: its round queued a drain
 * after this one (a running drain's key goes to its successor).
 */
export async function drainAlertInbox(db: Db, lane: AlertBatchLane, log: Logger, fanOutNow?: FanOutNow): Promise<number> {
  let drained = 0;
  for (;;) {
    const taken = await drainBatch(db, lane, log, fanOutNow);
    drained += taken;
    if (taken < MAX_REQUESTS_PER_DRAIN) return drained;
  }
}
