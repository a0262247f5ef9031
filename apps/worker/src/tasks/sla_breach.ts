import { runSlaBreachCheck, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";

export async function slaBreach(payload: TaskPayload<"sla_breach">, deps: WorkerDeps): Promise<void> {
  const outcome = await runSlaBreachCheck(deps.db, payload);
  deps.logger.info({ incidentId: payload.incidentId, kind: payload.kind, outcome }, "SLA breach check");
}
