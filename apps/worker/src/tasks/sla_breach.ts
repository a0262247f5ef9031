import { runSlaBreachCheck, runSlaBreachChecks, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";
import { countOf } from "./outcome-counts.js";

export async function slaBreach(payload: TaskPayload<"sla_breach">, deps: WorkerDeps): Promise<void> {
  if ("incidentIds" in payload) {
    const outcomes = await runSlaBreachChecks(deps.db, payload);
    deps.logger.info({ incidents: payload.incidentIds.length, kind: payload.kind, outcomes: countOf(outcomes.values()) }, "SLA breach checks");
    return;
  }
  const outcome = await runSlaBreachCheck(deps.db, payload);
  deps.logger.info({ incidentId: payload.incidentId, kind: payload.kind, outcome }, "SLA breach check");
}
