import type { ContactMethodRow, NotificationTargetRow } from "@incidentops/db";
import { publicUrlOf, type Config } from "../config.js";
import { noteEffectOutsideDatabase } from "../conflict-retries.js";
import { emailFor, type Mailer } from "./email.js";
import type { DeliveryOutcome } from "./outcome.js";
import type { NotificationPayload } from "./payload.js";
import { deliverChat, isChatTarget } from "./chat.js";
import { deliverSlack } from "./slack.js";
import { placeCall, sendSms } from "./twilio.js";
import { deliverWebhook } from "./webhook.js";

export interface ChannelDeps {
  config: Pick<Config, "delivery" | "publicUrl" | "port">;
  mailer: Mailer;
}

const httpOptions = (deps: ChannelDeps) => ({ timeoutMs: deps.config.delivery.timeoutMs, allowPrivate: deps.config.delivery.allowPrivate });

/**
 * Sends one payload through a target's channel: signed webhook, Slack, Teams, Discord or
 * Mattermost message, or email (as a person's contact method of that type would). A transaction
 * it is sent in is not run again (noteEffectOutsideDatabase): the receiver would get it twice.
 */
export function sendToTarget(
  deps: ChannelDeps,
  target: Pick<NotificationTargetRow, "type" | "config" | "secret">,
  payload: NotificationPayload,
): Promise<DeliveryOutcome> {
  noteEffectOutsideDatabase();
  const config = target.config as Record<string, string | undefined>;
  const { type } = target;
  if (isChatTarget(type)) return deliverChat(type, { url: config.url ?? "", payload, publicUrl: publicUrlOf(deps.config) }, httpOptions(deps));
  const address = { webhook: config.url, slack: config.webhookUrl, email: config.address }[type];
  return sendToContactMethod(deps, { type, address: address ?? "", secret: target.secret }, payload);
}

const notConfigured = (type: "sms" | "voice"): DeliveryOutcome => ({
  ok: false,
  httpStatus: null,
  error: `${type === "sms" ? "SMS" : "Voice calls"} are not configured on this deployment (TWILIO_* variables)`,
  note: null,
  durationMs: 0,
  permanent: true,
});

/** Pages a person through one of their contact methods: email, Slack, signed webhook, SMS or a voice call (noteEffectOutsideDatabase, as sendToTarget). */
export function sendToContactMethod(
  deps: ChannelDeps,
  method: Pick<ContactMethodRow, "type" | "address" | "secret">,
  payload: NotificationPayload,
): Promise<DeliveryOutcome> {
  noteEffectOutsideDatabase();
  const http = httpOptions(deps);
  const publicUrl = publicUrlOf(deps.config);
  const twilio = deps.config.delivery.twilio;
  switch (method.type) {
    case "email":
      return sendEmail(deps, method.address, payload);
    case "slack":
      return deliverSlack({ webhookUrl: method.address, payload, publicUrl }, http);
    case "webhook":
      return deliverWebhook({ url: method.address, secret: method.secret ?? "", messageId: payload.id, payload }, http);
    case "sms":
      return twilio === null ? Promise.resolve(notConfigured("sms")) : sendSms(twilio, { to: method.address, payload, publicUrl }, http);
    case "voice":
      return twilio === null ? Promise.resolve(notConfigured("voice")) : placeCall(twilio, { to: method.address, payload }, http);
  }
}

export const sendEmail = (deps: ChannelDeps, to: string, payload: NotificationPayload) =>
  deps.mailer.send({ to, ...emailFor(payload, publicUrlOf(deps.config)) });
