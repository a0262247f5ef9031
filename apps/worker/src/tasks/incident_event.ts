import { fanOutEvents, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";

export async function incidentEvent(payload: TaskPayload<"incident_event">, deps: WorkerDeps): Promise<void> {
  const eventIds = "eventIds" in payload ? payload.eventIds : [payload.eventId];
  const attempts = await fanOutEvents(deps.db, { orgId: payload.orgId, eventIds, requestId: payload.requestId });
  deps.logger.debug({ eventIds, attempts }, "events fanned out");
}
