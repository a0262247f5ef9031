import type { Db } from "@incidentops/db";
import type { TaskPayload } from "../jobs/tasks.js";
import { inScope } from "../scope.js";
import * as lifecycle from "./lifecycle.js";

/** The `retrigger_incident` job: the end of a snooze or an acknowledgement timeout (see lifecycle.retrigger). */
export async function runRetrigger(db: Db, job: TaskPayload<"retrigger_incident">): Promise<"retriggered" | "skipped"> {
  return inScope(db, { orgId: job.orgId }, async (tx) => {
    return (await lifecycle.retrigger(tx, lifecycle.jobSourceOf(job), job)) ? "retriggered" : "skipped";
  });
}
