import type { NotificationPayload } from "./payload.js";
import { postJson } from "./http.js";
import type { DeliveryOutcome, HttpDeliveryOptions } from "./outcome.js";
import { codeShaped, refusalReader } from "./refusals.js";
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

/**
 * Slack's incoming-webhook refusals that sending again cannot change
 * (docs/decisions/0052-receiver-answers.md): 400 the message itself (invalid_payload,
 * too_many_attachments), 403 the workspace forbids it or the URL was revoked (action_prohibited,
 * invalid_token), 404 the channel, app or workspace is gone (channel_not_found, no_service,
 * no_team, team_disabled), 410 the channel is archived (channel_is_archived). 429 (with
 * Retry-After) and 5xx are retried. Slack answers with one error string (`no_service`): only such a
 * string of the body is kept.
 */
const readSlackFailure = refusalReader({
  service: "Slack",
  lasting: {
    400: "Slack takes no message of this form at this URL; check that it is an incoming webhook's URL",
    403: "the webhook was revoked, or may not post to its channel; create a new one (or allow it in Slack) and update the target",
    404: "the webhook, its channel or its workspace is gone; create a new webhook and update the target",
    410: "the webhook's channel is archived; unarchive it, or create a webhook for another channel and update the target",
  },
  codeOf: (body) => codeShaped(body.trim(), /^[a-z_]{1,64}$/),
});

/** The payload as a Slack incoming-webhook message: same HTTP rules as webhooks, unsigned. */
export async function deliverSlack(
  input: { webhookUrl: string; payload: NotificationPayload; publicUrl: string },
  options: HttpDeliveryOptions,
): Promise<DeliveryOutcome> {
  const message = slackMessageFor(input.payload, input.publicUrl);
  return postJson(input.webhookUrl, JSON.stringify(message), {}, { ...options, readFailure: readSlackFailure });
}
