import type { Db } from "@incidentops/db";
import { enqueueJobs, type JobRequest } from "../jobs/enqueue.js";
import type { TaskPayload } from "../jobs/tasks.js";
import { inScope } from "../scope.js";
import { changeTogether } from "./changed-together.js";
import * as lifecycle from "./lifecycle.js";

/** What a check did: recorded the breach, found the deadline met or moved; or (in a job of several) left it to a job of its own. */
export type SlaBreachOutcome = "breached" | "skipped" | "deferred";

type CheckJob = Extract<TaskPayload<"sla_breach">, { incidentId: string }>;
type ChecksJob = Extract<TaskPayload<"sla_breach">, { incidentIds: unknown }>;

/**
 * The `sla_breach` job of one incident, run at the deadline: records the breach unless the
 * deadline was met or moved meanwhile (a stale or repeated job does nothing).
 */
export async function runSlaBreachCheck(db: Db, job: CheckJob): Promise<SlaBreachOutcome> {
  return inScope(db, { orgId: job.orgId }, async (tx) => {
    const breached = await lifecycle.recordSlaBreaches(tx, lifecycle.jobSourceOf(job), job.kind, [job.incidentId]);
    return breached.length === 0 ? "skipped" : "breached";
  });
}

/**
 * The checks of several incidents' deadlines of one kind, due together (an alert batch's), as
 * runSlaBreachCheck runs each, in one transaction (changeTogether): the breaches are written
 * together and their events fan out in one job. The outcome of each.
 */
export function runSlaBreachChecks(db: Db, job: ChecksJob): Promise<Map<string, SlaBreachOutcome>> {
  const source = lifecycle.jobSourceOf(job);
  return changeTogether<SlaBreachOutcome>(db, source, job.incidentIds, {
    async change(tx, incidents) {
      const breached = new Set(await lifecycle.recordSlaBreaches(tx, source, job.kind, [...incidents.keys()]));
      return new Map([...incidents.keys()].map((incidentId) => [incidentId, breached.has(incidentId) ? "breached" : "skipped"]));
    },
    alone: (tx, incidentIds) => enqueueJobs(tx, checksAlone(job, incidentIds)),
  });
}

/**
 * A check of each incident, now, in a job of its own (which waits for the incident's lock).
 * Unkeyed like the job it comes from: a key would replace the incident's pending check of a
 * deadline that moved.
 */
const checksAlone = (job: ChecksJob, incidentIds: readonly string[]): JobRequest[] =>
  incidentIds.map((incidentId) => ({ task: "sla_breach", payload: { orgId: job.orgId, incidentId, kind: job.kind, requestId: job.requestId } }));
