import { runDelivery, type DeliveryJob } from "@incidentops/core";
import type { WorkerDeps } from "../deps.js";

/** send_webhook, send_slack, send_email, send_sms and send_voice: one notification attempt (the attempt names its channel). */
export async function deliver(payload: DeliveryJob, deps: WorkerDeps): Promise<void> {
  const result = await runDelivery(deps, payload);
  deps.logger.info({ attemptId: payload.attemptId, result }, "delivery attempt");
}
