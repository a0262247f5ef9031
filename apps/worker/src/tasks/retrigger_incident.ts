import { runRetrigger, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";

export async function retriggerIncident(payload: TaskPayload<"retrigger_incident">, deps: WorkerDeps): Promise<void> {
  const outcome = await runRetrigger(deps.db, payload);
  deps.logger.info({ incidentId: payload.incidentId, dueAt: payload.dueAt, outcome }, "snooze or acknowledgement timeout due");
}
