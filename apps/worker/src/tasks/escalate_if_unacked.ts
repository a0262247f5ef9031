import { runEscalationStep, runEscalationSteps, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";
import { countOf } from "./outcome-counts.js";

export async function escalateIfUnacked(payload: TaskPayload<"escalate_if_unacked">, deps: WorkerDeps): Promise<void> {
  if ("steps" in payload) {
    const outcomes = await runEscalationSteps(deps.db, payload);
    deps.logger.info({ incidents: payload.steps.length, dueAt: payload.dueAt, outcomes: countOf(outcomes.values()) }, "escalation steps");
    return;
  }
  const outcome = await runEscalationStep(deps.db, payload);
  deps.logger.info({ incidentId: payload.incidentId, step: payload.step, outcome }, "escalation step");
}
