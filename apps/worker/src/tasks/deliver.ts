import { runDelivery, type DeliveryJob } from "@incidentops/core";
import type { NotificationChannel } from "@incidentops/db";
import type { WorkerDeps } from "../deps.js";
import { reportTries } from "../first-rounds.js";

/** send_webhook, send_slack, send_teams, send_discord, send_mattermost, send_email, send_sms and send_voice: one run of a recipient's delivery lane on that channel. */
export const deliverOn =
  (channel: NotificationChannel) =>
  async (payload: DeliveryJob, deps: WorkerDeps): Promise<void> => {
    const run = await runDelivery(deps, payload, channel);
    reportTries(deps.logger, channel, run.tried);
    if (run.skipped > 0) deps.logger.info({ skipped: run.skipped }, "delivery lane paused: tries counted unsent");
    if (run.state !== "sent") deps.logger.debug({ state: run.state }, "delivery lane had nothing to send");
  };
