import { fanOutEvent, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";

export async function incidentEvent(payload: TaskPayload<"incident_event">, deps: WorkerDeps): Promise<void> {
  const attempts = await fanOutEvent(deps.db, payload);
  deps.logger.debug({ eventId: payload.eventId, attempts }, "event fanned out");
}
