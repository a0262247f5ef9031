import type { Db } from "@incidentops/db";
import { enqueueJobs } from "../jobs/enqueue.js";
import type { TaskPayload } from "../jobs/tasks.js";
import { inScope } from "../scope.js";
import type { SlaStage } from "../sla/schema.js";
import { changeTogether } from "./changed-together.js";
import * as lifecycle from "./lifecycle.js";
import { slaChecksAlone } from "./sla-jobs.js";

/** What a check did: recorded the warning or breach, found the deadline met or moved; or (in a job of several) left it to a job of its own. */
export type SlaCheckOutcome = "recorded" | "skipped" | "deferred";

type CheckJob = Extract<TaskPayload<"sla_breach">, { incidentId: string }>;
type ChecksJob = Extract<TaskPayload<"sla_breach">, { incidentIds: unknown }>;

/**
 * The `sla_warning` or `sla_breach` job of one incident, run at the stage's time: records the
 * warning or breach unless the deadline was met or moved meanwhile (a stale or repeated job does
 * nothing).
 */
export async function runSlaCheck(db: Db, stage: SlaStage, job: CheckJob): Promise<SlaCheckOutcome> {
  return inScope(db, { orgId: job.orgId }, async (tx) => {
    const recorded = await lifecycle.recordSla(tx, lifecycle.jobSourceOf(job), job.kind, stage, [job.incidentId]);
    return recorded.length === 0 ? "skipped" : "recorded";
  });
}

/**
 * The checks of several incidents' deadlines of one kind, due together (an alert batch's), as
 * runSlaCheck runs each, in one transaction (changeTogether): the stamps are written together and
 * their events fan out in one job. The outcome of each.
 */
export function runSlaChecks(db: Db, stage: SlaStage, job: ChecksJob): Promise<Map<string, SlaCheckOutcome>> {
  const source = lifecycle.jobSourceOf(job);
  return changeTogether<SlaCheckOutcome>(db, source, job.incidentIds, {
    async change(tx, incidents) {
      const recorded = new Set(await lifecycle.recordSla(tx, source, job.kind, stage, [...incidents.keys()]));
      return new Map([...incidents.keys()].map((incidentId) => [incidentId, recorded.has(incidentId) ? "recorded" : "skipped"]));
    },
    alone: (tx, incidentIds) => enqueueJobs(tx, slaChecksAlone(job, stage, job.kind, incidentIds)),
  });
}
