export type { DeliveryOutcome, HttpDeliveryOptions } from "./outcome.js";
export { assertDeliverableUrl } from "./addresses.js";
export { deliverWebhook, generateSigningSecret } from "./webhook.js";
export { smsTextFor, voiceTwimlFor } from "./twilio.js";
export { slackMessageFor, deliverSlack } from "./slack.js";
export { createMailer, emailFor, EMAIL_LOGGED_NOTE, type Mailer, type EmailMessage } from "./email.js";
export type { NotificationPayload } from "./payload.js";
export { sendEmail, sendToContactMethod, sendToTarget, type ChannelDeps } from "./channels.js";
export { describeEvent } from "./summary.js";
