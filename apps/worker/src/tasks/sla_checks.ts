import { runSlaCheck, runSlaChecks, type SlaStage, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";
import { countOf } from "./outcome-counts.js";

/** The `sla_warning` (stage `warning`) or `sla_breach` task: one incident's check, or several incidents' due together. */
export const slaCheck =
  (stage: SlaStage) =>
  async (payload: TaskPayload<"sla_breach">, deps: WorkerDeps): Promise<void> => {
    if ("incidentIds" in payload) {
      const outcomes = await runSlaChecks(deps.db, stage, payload);
      deps.logger.info({ stage, incidents: payload.incidentIds.length, kind: payload.kind, outcomes: countOf(outcomes.values()) }, "SLA checks");
      return;
    }
    const outcome = await runSlaCheck(deps.db, stage, payload);
    deps.logger.info({ stage, incidentId: payload.incidentId, kind: payload.kind, outcome }, "SLA check");
  };
