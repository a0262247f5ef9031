import { drainAlertInbox, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";
import { incidentEvent } from "./incident_event.js";

/** Applies an org lane's accepted alerts, fanning each batch's events out at once, as its queued incident_event job would. */
export async function drainAlertInboxTask(payload: TaskPayload<"drain_alert_inbox">, deps: WorkerDeps): Promise<void> {
  const drained = await drainAlertInbox(deps.db, { orgId: payload.orgId, number: payload.lane }, deps.logger, (fanOut) => incidentEvent(fanOut, deps));
  deps.logger.debug({ lane: payload.lane, drained }, "alert inbox drained");
}
