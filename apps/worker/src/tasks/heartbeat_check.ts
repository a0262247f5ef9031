import { heartbeatService, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";

export async function heartbeatCheck(payload: TaskPayload<"heartbeat_check">, deps: WorkerDeps): Promise<void> {
  const outcome = await heartbeatService.runHeartbeatCheck(deps.db, payload);
  deps.logger.info({ heartbeatId: payload.heartbeatId, outcome }, "heartbeat check");
}
