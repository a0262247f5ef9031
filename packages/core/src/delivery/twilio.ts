import type { TwilioConfig } from "../config.js";
import { post, type FailureReader } from "./http.js";
import type { DeliveryOutcome, HttpDeliveryOptions } from "./outcome.js";
import type { NotificationPayload } from "./payload.js";
import { fieldOf, jsonOf } from "./refusals.js";
import { incidentLink, kindLabel, oneLine, severityLabel } from "./summary.js";

// SMS and voice pages through Twilio's REST API (https://www.twilio.com/docs/usage/api): a form
// POST to the account's Messages.json or Calls.json with HTTP Basic auth (account SID and auth
// token), through the same guarded HTTP client as webhooks. Nothing Twilio answers is stored but
// its numeric error code: its messages may quote the phone number.

const MAX_TITLE = 100;

const shortTitle = (payload: NotificationPayload) => {
  const title = oneLine(payload.incident.title);
  return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1)}…`;
};

/** The text of an SMS page: what happened, to what, and the link to acknowledge it. */
export function smsTextFor(payload: NotificationPayload, publicUrl: string): string {
  return `IncidentOps [${severityLabel(payload)}] ${kindLabel(payload)}: ${shortTitle(payload)} ${incidentLink(payload, publicUrl)}`;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** The TwiML a voice page reads out (twice): what happened, to what, and where to acknowledge it. */
export function voiceTwimlFor(payload: NotificationPayload): string {
  const severity = payload.incident.severity.replace("sev", "severity ");
  const words = escapeXml(
    `This is IncidentOps for ${oneLine(payload.org.name)}. ${kindLabel(payload)} incident, ${severity}: ${shortTitle(payload)}. Open IncidentOps to acknowledge it.`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Say>${words}</Say><Pause length="1"/><Say>${words}</Say></Response>`;
}

/** Twilio's refusal, by its numeric error code only. A 400 is the request itself (a number Twilio will not reach): not retried. */
const readTwilioFailure: FailureReader = (status, body) => {
  const code = fieldOf(jsonOf(body), "code");
  const reason = typeof code === "number" && Number.isInteger(code) ? `Twilio error ${code}` : `HTTP ${status}`;
  if (status === 401 || status === 403) return { error: `Twilio refused the credentials (${reason}): check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN`, permanent: false };
  return { error: `Twilio refused the request (${reason})`, permanent: status === 400 };
};

function postToTwilio(twilio: TwilioConfig, resource: "Messages" | "Calls", params: Record<string, string>, options: HttpDeliveryOptions) {
  const url = `${twilio.apiUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(twilio.accountSid)}/${resource}.json`;
  const authorization = `Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString("base64")}`;
  return post(
    url,
    { contentType: "application/x-www-form-urlencoded", text: new URLSearchParams(params).toString() },
    { authorization, accept: "application/json" },
    { ...options, readFailure: readTwilioFailure },
  );
}

/** Texts the page to `to` (E.164). */
export function sendSms(
  twilio: TwilioConfig,
  input: { to: string; payload: NotificationPayload; publicUrl: string },
  options: HttpDeliveryOptions,
): Promise<DeliveryOutcome> {
  return postToTwilio(twilio, "Messages", { To: input.to, From: twilio.fromNumber, Body: smsTextFor(input.payload, input.publicUrl) }, options);
}

/** Calls `to` (E.164) and reads the page out. */
export function placeCall(twilio: TwilioConfig, input: { to: string; payload: NotificationPayload }, options: HttpDeliveryOptions): Promise<DeliveryOutcome> {
  return postToTwilio(twilio, "Calls", { To: input.to, From: twilio.fromNumber, Twiml: voiceTwimlFor(input.payload) }, options);
}
