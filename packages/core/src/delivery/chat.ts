import type { ChatTargetType, IncidentSeverity } from "@incidentops/db";
import { postJson, type FailureReader } from "./http.js";
import type { DeliveryOutcome, HttpDeliveryOptions } from "./outcome.js";
import type { NotificationPayload } from "./payload.js";
import { codeShaped, fieldOf, jsonOf, refusalReader } from "./refusals.js";
import { retryAfterSecondsMs } from "./retry-after.js";
import { eventSummary, headlineOf, incidentFacts, incidentLink, oneLine, truncate } from "./summary.js";

// Chat incoming webhooks beyond Slack, each in the format its receiver documents. Every message
// says what happened, shows the incident's status at the event, and links to it in the web app.

const SEVERITY_COLOR: Record<IncidentSeverity, number> = { sev1: 0xd32f2f, sev2: 0xf57c00, sev3: 0xfbc02d, sev4: 0x1976d2 };
const RESOLVED_COLOR = 0x2e7d32;

/** The colour of the message's edge: green once resolved, else by severity. */
const colorOf = (payload: NotificationPayload) => (payload.incident.status === "resolved" ? RESOLVED_COLOR : SEVERITY_COLOR[payload.incident.severity]);

const footerOf = (payload: NotificationPayload) => `${payload.org.name} · IncidentOps`;

/**
 * A Microsoft Teams Workflows webhook ("When a Teams webhook request is received"): a message
 * whose one attachment is an Adaptive Card 1.4.
 */
export function teamsMessageFor(payload: NotificationPayload, publicUrl: string) {
  const resolved = payload.incident.status === "resolved";
  const color = resolved ? "Good" : payload.incident.severity === "sev1" || payload.incident.severity === "sev2" ? "Attention" : "Warning";
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            { type: "TextBlock", text: headlineOf(payload), weight: "Bolder", size: "Medium", color, wrap: true },
            { type: "FactSet", facts: incidentFacts(payload).map(({ label, value }) => ({ title: label, value })) },
            { type: "TextBlock", text: eventSummary(payload), wrap: true },
            { type: "TextBlock", text: footerOf(payload), isSubtle: true, size: "Small", wrap: true },
          ],
          actions: [{ type: "Action.OpenUrl", title: "View incident", url: incidentLink(payload, publicUrl) }],
          msteams: { width: "Full" },
        },
      },
    ],
  };
}

/** Discord's limits (characters): an embed's title, description, field name and value, footer; a message's content. */
const DISCORD_LIMIT = { title: 256, description: 4096, fieldName: 256, fieldValue: 1024, footer: 2048, content: 2000 };

/**
 * A Discord webhook execution: one embed (within Discord's limits, 6000 characters in all) and a
 * plain-text line for notifications; no mention in user text pings anyone.
 */
export function discordMessageFor(payload: NotificationPayload, publicUrl: string) {
  return {
    content: truncate(headlineOf(payload), DISCORD_LIMIT.content),
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title: truncate(oneLine(payload.incident.title), DISCORD_LIMIT.title),
        url: incidentLink(payload, publicUrl),
        description: truncate(eventSummary(payload), DISCORD_LIMIT.description),
        color: colorOf(payload),
        fields: incidentFacts(payload).map(({ label, value }) => ({ name: truncate(label, DISCORD_LIMIT.fieldName), value: truncate(value, DISCORD_LIMIT.fieldValue), inline: true })),
        footer: { text: truncate(footerOf(payload), DISCORD_LIMIT.footer) },
        timestamp: payload.occurredAt,
      },
    ],
  };
}

/** Mattermost renders Markdown and expands @mentions: a zero-width space after each @ keeps user text from pinging @channel. */
const quietMentions = (value: string) => value.replace(/@(?=[\w.-])/g, "@\u200b");

/** A Mattermost incoming webhook: Slack-compatible `text` plus one message attachment. */
export function mattermostMessageFor(payload: NotificationPayload, publicUrl: string) {
  const link = incidentLink(payload, publicUrl);
  const headline = quietMentions(headlineOf(payload));
  return {
    text: `${headline} ([view incident](${link}))`,
    attachments: [
      {
        fallback: headline,
        color: `#${colorOf(payload).toString(16).padStart(6, "0")}`,
        title: quietMentions(oneLine(payload.incident.title)),
        title_link: link,
        text: quietMentions(eventSummary(payload)),
        fields: incidentFacts(payload).map(({ label, value }) => ({ short: true, title: label, value: quietMentions(value) })),
        footer: quietMentions(footerOf(payload)),
      },
    ],
  };
}

const MESSAGE_FOR: Record<ChatTargetType, (payload: NotificationPayload, publicUrl: string) => unknown> = {
  teams: teamsMessageFor,
  discord: discordMessageFor,
  mattermost: mattermostMessageFor,
};

/** A service's refusals that sending again cannot change: docs/decisions/0054-holds-end-and-refusals-read.md cites where each is documented. */
const READ_FAILURE: Record<ChatTargetType, FailureReader> = {
  // Workflows webhooks (Power Automate) answer `{"error": {"code": "WorkflowNotFound", ...}}`; the
  // retired connectors, a status and text.
  teams: refusalReader({
    service: "Teams",
    lasting: {
      400: "Teams takes no message of this form at this URL; check that it is a Workflows webhook's URL (When a Teams webhook request is received)",
      401: "the URL's signature is no longer accepted (the workflow was changed or its URL regenerated); copy the workflow's current URL into the target",
      403: "the webhook was removed, or may not post to its channel; create a new one and update the target",
      404: "the webhook or its workflow was deleted; create a new one and update the target",
    },
    codeOf: (body) => codeShaped(fieldOf(fieldOf(jsonOf(body), "error"), "code"), /^[A-Za-z]{1,64}$/),
  }),
  // `{"message": "Unknown Webhook", "code": 10015}`; a 429's body says how long to wait (`retry_after`, seconds).
  discord: refusalReader({
    service: "Discord",
    lasting: {
      400: "Discord takes no message of this form at this URL; check that it is a Discord webhook's URL",
      401: "the webhook's token is not valid (the webhook was deleted or its URL is wrong); create a new one and update the target",
      403: "the webhook may not post to its channel; check its permissions in Discord, or create a new one and update the target",
      404: "the webhook was deleted; create a new one and update the target",
    },
    codeOf: (body) => {
      const json = jsonOf(body);
      const code = fieldOf(json, "code");
      if (typeof code !== "number" || !Number.isInteger(code)) return undefined;
      const message = codeShaped(fieldOf(json, "message"), /^[A-Za-z0-9 .,'()_-]{1,100}$/);
      return message === undefined ? String(code) : `${code} ${message}`;
    },
    retryAfterMsOf: (status, body) => retryAfterSecondsMs(status, fieldOf(jsonOf(body), "retry_after")),
  }),
  // `{"id": "web.incoming_webhook.invalid.app_error", "message": ..., "status_code": 400}`.
  mattermost: refusalReader({
    service: "Mattermost",
    lasting: {
      400: "the webhook was deleted (web.incoming_webhook.invalid), or Mattermost takes no message of this form; create a new webhook and update the target",
      403: "the webhook may not post to its channel (locked to another one, its creator deactivated, or a private channel it cannot read); fix it in Mattermost, or create a new one and update the target",
      404: "the webhook's channel was deleted; create a new webhook and update the target",
    },
    codeOf: (body) => codeShaped(fieldOf(jsonOf(body), "id"), /^[a-z_.]{1,100}$/),
  }),
};

export const isChatTarget = (type: string): type is ChatTargetType => type in MESSAGE_FOR;

/**
 * The payload as a Teams, Discord or Mattermost message: same HTTP rules as webhooks (SSRF checks,
 * timeout, no redirects), unsigned; the service's lasting refusals end the attempt (READ_FAILURE).
 */
export function deliverChat(type: ChatTargetType, input: { url: string; payload: NotificationPayload; publicUrl: string }, options: HttpDeliveryOptions): Promise<DeliveryOutcome> {
  return postJson(input.url, JSON.stringify(MESSAGE_FOR[type](input.payload, input.publicUrl)), {}, { ...options, readFailure: READ_FAILURE[type] });
}
