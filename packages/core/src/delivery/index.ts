export type { DeliveryOutcome, HttpDeliveryOptions } from "./outcome.js";
export { assertDeliverableUrl } from "./addresses.js";
export { deliverWebhook } from "./webhook.js";
export { slackMessageFor, deliverSlack } from "./slack.js";
export { createMailer, emailFor, EMAIL_LOGGED_NOTE, type Mailer, type EmailMessage } from "./email.js";
export type { NotificationPayload } from "./payload.js";
export { sendEmail, sendToTarget, type ChannelDeps } from "./channels.js";
export { describeEvent } from "./summary.js";
