import type { NotificationPayload } from "./payload.js";
import { postJson } from "./http.js";
import type { DeliveryOutcome, HttpDeliveryOptions } from "./outcome.js";
import { eventSummary, headlineOf, incidentFacts, incidentLink } from "./summary.js";

/** Slack's limit for a header block's text. */
const MAX_HEADER = 150;

/** Slack mrkdwn treats &, < and > as control characters; user text must not inject links or mentions. */
const escapeMrkdwn = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An incoming-webhook message: header, facts, what happened, and a button to the incident. */
export function slackMessageFor(payload: NotificationPayload, publicUrl: string): { text: string; blocks: unknown[] } {
  const link = incidentLink(payload, publicUrl);
  const headline = headlineOf(payload);
  const header = headline.length <= MAX_HEADER ? headline : `${headline.slice(0, MAX_HEADER - 1)}…`;
  const field = ({ label, value }: { label: string; value: string }) => ({ type: "mrkdwn", text: `*${label}*\n${escapeMrkdwn(value)}` });
  return {
    text: escapeMrkdwn(headline),
    blocks: [
      { type: "header", text: { type: "plain_text", text: header, emoji: true } },
      {
        type: "section",
        fields: incidentFacts(payload).map(field),
      },
      { type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(eventSummary(payload)) } },
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: "View incident" }, url: link, action_id: "view_incident" }],
      },
      { type: "context", elements: [{ type: "mrkdwn", text: `${escapeMrkdwn(payload.org.name)} · <${link}|Open in IncidentOps>` }] },
    ],
  };
}

/** The payload as a Slack incoming-webhook message: same HTTP rules as webhooks, unsigned. */
export async function deliverSlack(
  input: { webhookUrl: string; payload: NotificationPayload; publicUrl: string },
  options: HttpDeliveryOptions,
): Promise<DeliveryOutcome> {
  const message = slackMessageFor(input.payload, input.publicUrl);
  return postJson(input.webhookUrl, JSON.stringify(message), {}, options);
}
