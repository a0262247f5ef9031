import type { Db, IncidentRow, Tx } from "@incidentops/db";
import { isDatabaseUnavailable } from "../db-errors.js";
import { withJobsHeld } from "../jobs/enqueue.js";
import { inScope } from "../scope.js";
import { fanOutsTogether, lockIncidents, type ChangeSource } from "./lifecycle.js";

/** What a job of several incidents does with each: its own outcome, or "deferred" to a job of its own. */
export interface ChangeOfSeveral<Outcome> {
  /** The change on the incidents the job could lock, in its transaction: the outcome of each. */
  change: (tx: Tx, incidents: ReadonlyMap<string, IncidentRow>) => Promise<Map<string, Outcome>>;
  /** Schedules a job of its own for each incident, at once: it waits for the incident's lock. */
  alone: (tx: Tx, incidentIds: readonly string[]) => Promise<void>;
}

/**
 * A job's change on several incidents due together (an alert batch's first escalation steps or
 * SLA checks) in one transaction, whose events fan out in one job (decisions 0065 and 0066). An
 * incident another transaction holds is not waited for (a job holding some incidents could
 * deadlock with one holding others): it gets a job of its own. So does every incident when the
 * transaction fails (one incident's failure aborts it), so that only its own job fails; a job of
 * one incident fails itself, for graphile-worker to retry. The outcome of each incident.
 */
export async function changeTogether<Outcome>(
  db: Db,
  source: ChangeSource,
  incidentIds: readonly string[],
  { change, alone }: ChangeOfSeveral<Outcome>,
): Promise<Map<string, Outcome | "deferred">> {
  try {
    return await inScope(db, { orgId: source.orgId }, (tx) =>
      withJobsHeld(
        tx,
        async () => {
          const incidents = await lockIncidents(tx, source, incidentIds, { skipLocked: true });
          const outcomes: Map<string, Outcome | "deferred"> = await change(tx, incidents);
          const held = incidentIds.filter((incidentId) => !incidents.has(incidentId));
          await alone(tx, held);
          for (const incidentId of held) outcomes.set(incidentId, "deferred");
          return outcomes;
        },
        fanOutsTogether,
      ),
    );
  } catch (error) {
    if (incidentIds.length === 1 || isDatabaseUnavailable(error)) throw error;
    await inScope(db, { orgId: source.orgId }, (tx) => alone(tx, incidentIds));
    return new Map(incidentIds.map((incidentId) => [incidentId, "deferred"]));
  }
}
