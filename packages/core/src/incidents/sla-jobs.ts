import type { IncidentRow } from "@incidentops/db";
import { groupBy } from "../group-by.js";
import type { JobRequest } from "../jobs/enqueue.js";
import { listsPerJob, SLA_JOB_PRIORITY, slaJobKey } from "../jobs/tasks.js";
import type { SlaKind, SlaStage } from "../sla/schema.js";
import { EVERY_SLA_KIND, SLA_COLUMNS } from "./repository.js";

// The jobs that check an incident's SLA deadlines at their times: at each deadline's warning
// (when the policy warns) an `sla_warning` job, at the deadline an `sla_breach` job. Each records
// its stage only if the deadline still runs then (recordSla in lifecycle.ts), so a stale job
// records nothing.

/** The task that checks each stage, and the column of the deadline's row that says when. */
const STAGES = {
  warning: { task: "sla_warning", column: "warning" },
  breach: { task: "sla_breach", column: "due" },
} as const;
const EVERY_STAGE = ["warning", "breach"] as const;

/** When the stage of the incident's `kind` deadline is due; null: never (no target, or no warning). */
const slaTimeOf = (incident: IncidentRow, kind: SlaKind, stage: SlaStage): Date | null => incident[SLA_COLUMNS[kind][STAGES[stage].column]];

interface Source {
  orgId: string;
  requestId: string;
}

/** The keyed checks of one incident's deadlines of these kinds, each stage at its time (re-arming replaces them). */
export const slaCheckJobsOf = (source: Source, incident: IncidentRow, kinds: readonly SlaKind[]): JobRequest[] =>
  kinds.flatMap((kind) =>
    EVERY_STAGE.flatMap((stage) => {
      const runAt = slaTimeOf(incident, kind, stage);
      if (runAt === null) return [];
      return [
        {
          task: STAGES[stage].task,
          payload: { orgId: source.orgId, incidentId: incident.id, kind, requestId: source.requestId },
          spec: { jobKey: slaJobKey(stage, kind, incident.id), runAt, priority: SLA_JOB_PRIORITY },
        },
      ];
    }),
  );

/** The keys of the incident's pending checks of these kinds that have no time (to remove). */
export const slaJobKeysWithoutTime = (incident: IncidentRow, kinds: readonly SlaKind[]): string[] =>
  kinds.flatMap((kind) => EVERY_STAGE.filter((stage) => slaTimeOf(incident, kind, stage) === null).map((stage) => slaJobKey(stage, kind, incident.id)));

/** The keys of every check of the deadline (met: none is needed any more). */
export const slaJobKeysOf = (incidentId: string, kind: SlaKind): string[] => EVERY_STAGE.map((stage) => slaJobKey(stage, kind, incidentId));

/**
 * A check of the stage of each incident's `kind` deadline, now, in a job of its own (which waits
 * for the incident's lock): what a check of several leaves to them. Unkeyed like the job it comes
 * from: a key would replace the incident's pending check of a deadline that moved.
 */
export const slaChecksAlone = (source: Source, stage: SlaStage, kind: SlaKind, incidentIds: readonly string[]): JobRequest[] =>
  incidentIds.map((incidentId) => ({ task: STAGES[stage].task, payload: { orgId: source.orgId, incidentId, kind, requestId: source.requestId } }));

/**
 * The checks of new incidents' deadlines, those of one stage and kind due at one time as one job
 * per MAX_IDS_PER_JOB incidents (runSlaChecks): an alert batch's incidents of one severity.
 * Unkeyed: meeting a deadline does not remove them, and each check tests its deadline when it runs.
 */
export function slaChecksTogether(source: Source, incidents: readonly IncidentRow[]): JobRequest[] {
  const checks = incidents.flatMap((incident) =>
    EVERY_SLA_KIND.flatMap((kind) =>
      EVERY_STAGE.flatMap((stage) => {
        const runAt = slaTimeOf(incident, kind, stage);
        return runAt === null ? [] : [{ stage, kind, runAt, incidentId: incident.id }];
      }),
    ),
  );
  return [...groupBy(checks, ({ stage, kind, runAt }) => `${stage}:${kind}:${runAt.getTime()}`).values()].flatMap((dueTogether) => {
    const [{ stage, kind, runAt }] = dueTogether;
    return listsPerJob(dueTogether.map((check) => check.incidentId)).map((list) => ({
      task: STAGES[stage].task,
      payload: { orgId: source.orgId, kind, incidentIds: list, requestId: source.requestId },
      spec: { runAt, priority: SLA_JOB_PRIORITY },
    }));
  });
}
