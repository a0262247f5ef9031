import type { ChatTargetType, IncidentSeverity } from "@incidentops/db";
import { postJson } from "./http.js";
import type { DeliveryOutcome, HttpDeliveryOptions } from "./outcome.js";
import type { NotificationPayload } from "./payload.js";
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

export const isChatTarget = (type: string): type is ChatTargetType => type in MESSAGE_FOR;

/** The payload as a Teams, Discord or Mattermost message: same HTTP rules as webhooks (SSRF checks, timeout, no redirects), unsigned. */
export function deliverChat(type: ChatTargetType, input: { url: string; payload: NotificationPayload; publicUrl: string }, options: HttpDeliveryOptions): Promise<DeliveryOutcome> {
  return postJson(input.url, JSON.stringify(MESSAGE_FOR[type](input.payload, input.publicUrl)), {}, options);
}
