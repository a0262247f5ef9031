import type { Db } from "@incidentops/db";
import type { TaskPayload } from "../jobs/tasks.js";
import { inScope } from "../scope.js";
import * as lifecycle from "./lifecycle.js";

export type SlaBreachOutcome = "breached" | "skipped";

/**
 * The `sla_breach` job, run at the deadline: records the breach unless the deadline was met or
 * moved meanwhile (a stale or repeated job does nothing).
 */
export async function runSlaBreachCheck(db: Db, job: TaskPayload<"sla_breach">): Promise<SlaBreachOutcome> {
  return inScope(db, { orgId: job.orgId }, async (tx) => {
    const event = await lifecycle.recordSlaBreach(tx, lifecycle.jobSourceOf(job), { incidentId: job.incidentId, kind: job.kind });
    return event === null ? "skipped" : "breached";
  });
}
