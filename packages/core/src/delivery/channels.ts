import type { NotificationTargetRow } from "@incidentops/db";
import { publicUrlOf, type Config } from "../config.js";
import { emailFor, type Mailer } from "./email.js";
import type { DeliveryOutcome } from "./outcome.js";
import type { NotificationPayload } from "./payload.js";
import { deliverSlack } from "./slack.js";
import { deliverWebhook } from "./webhook.js";

export interface ChannelDeps {
  config: Pick<Config, "delivery" | "publicUrl" | "port">;
  mailer: Mailer;
}

/** Sends one payload through a target's channel: signed webhook, Slack message or email. */
export function sendToTarget(
  deps: ChannelDeps,
  target: Pick<NotificationTargetRow, "type" | "config" | "secret">,
  payload: NotificationPayload,
): Promise<DeliveryOutcome> {
  const http = { timeoutMs: deps.config.delivery.timeoutMs, allowPrivate: deps.config.delivery.allowPrivate };
  const publicUrl = publicUrlOf(deps.config);
  const config = target.config as Record<string, string | undefined>;
  switch (target.type) {
    case "webhook":
      return deliverWebhook({ url: config.url ?? "", secret: target.secret, messageId: payload.id, payload }, http);
    case "slack":
      return deliverSlack({ webhookUrl: config.webhookUrl ?? "", payload, publicUrl }, http);
    case "email":
      return sendEmail(deps, config.address ?? "", payload);
  }
}

export const sendEmail = (deps: ChannelDeps, to: string, payload: NotificationPayload) =>
  deps.mailer.send({ to, ...emailFor(payload, publicUrlOf(deps.config)) });
