import { fanOutEvents, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";

export async function incidentEvent(payload: TaskPayload<"incident_event">, deps: WorkerDeps): Promise<void> {
  const eventIds = "eventIds" in payload ? payload.eventIds : [payload.eventId];
  const reservation = deps.firstRounds?.reserve();
  try {
    const { attempts, claimed } = await fanOutEvents(deps.db, { orgId: payload.orgId, eventIds, requestId: payload.requestId }, reservation?.firstRounds);
    reservation?.start(claimed);
    deps.logger.debug({ eventIds, attempts, firstRounds: claimed.length }, "events fanned out");
  } catch (error) {
    reservation?.cancel();
    throw error;
  }
}
