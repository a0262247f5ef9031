import { runPageRule, type TaskPayload } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";

export async function pageRule(payload: TaskPayload<"page_rule">, deps: WorkerDeps): Promise<void> {
  const outcome = await runPageRule(deps.db, payload);
  deps.logger.info({ incidentId: payload.incidentId, userId: payload.userId, delayMinutes: payload.delayMinutes, outcome }, "notification rule due");
}
