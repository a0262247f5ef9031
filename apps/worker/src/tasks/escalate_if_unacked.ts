import { runEscalationStep, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";

export async function escalateIfUnacked(payload: TaskPayload<"escalate_if_unacked">, deps: WorkerDeps): Promise<void> {
  const outcome = await runEscalationStep(deps.db, payload);
  deps.logger.info({ incidentId: payload.incidentId, step: payload.step, outcome }, "escalation step");
}
