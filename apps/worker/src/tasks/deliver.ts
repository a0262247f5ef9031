import { runDelivery, type DeliveryJob } from "@incidentops/core";
import type { NotificationChannel } from "@incidentops/db";
import type { WorkerDeps } from "../deps.js";

/** send_webhook, send_slack and send_email: one run of a recipient's delivery lane on that channel. */
export const deliverOn =
  (channel: NotificationChannel) =>
  async (payload: DeliveryJob, deps: WorkerDeps): Promise<void> => {
    const run = await runDelivery(deps, payload, channel);
    if (run.attemptId !== undefined || run.skipped !== undefined) deps.logger.info({ ...run }, "delivery attempt");
    else deps.logger.debug({ result: run.result }, "delivery lane had nothing to send");
  };
