import { drainAlertInbox, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";

export async function drainAlertInboxTask(payload: TaskPayload<"drain_alert_inbox">, deps: WorkerDeps): Promise<void> {
  const drained = await drainAlertInbox(deps.db, { orgId: payload.orgId, number: payload.lane }, deps.logger);
  deps.logger.debug({ lane: payload.lane, drained }, "alert inbox drained");
}
