import { closeAfterEach, startWebhookReceiver, type Answer } from "@incidentops/testkit";
import type { ChatTargetType } from "@incidentops/db";
import { describe, expect, it } from "vitest";
import { deliverChat, describeEvent, discordMessageFor, mattermostMessageFor, teamsMessageFor } from "../../src/delivery/index.js";
import { makePayload, PUBLIC_URL } from "./helpers.js";

// The chat messages' shapes and limits, and what each service's refusals come to (against a
// loopback receiver answering as the service does); delivery by the worker (retried like every
// target) is apps/worker/test/chat-channels.test.ts.

const closing = closeAfterEach();

const linkOf = (payload: { incident: { id: string } }) => `${PUBLIC_URL}/incidents/${payload.incident.id}`;

describe("teamsMessageFor", () => {
  it("is a message with one Adaptive Card 1.4: headline, facts, what happened, and a button to the incident", () => {
    const payload = makePayload();
    const message = teamsMessageFor(payload, `${PUBLIC_URL}/`);
    expect(message.type).toBe("message");
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(attachment?.content).toMatchObject({ type: "AdaptiveCard", version: "1.4", $schema: "http://adaptivecards.io/schemas/adaptive-card.json" });
    expect(attachment?.content.body).toEqual([
      expect.objectContaining({ type: "TextBlock", text: "[SEV2] Triggered: Database down", wrap: true }),
      {
        type: "FactSet",
        facts: [
          { title: "Severity", value: "SEV2" },
          { title: "Status", value: "Triggered" },
          { title: "Service", value: payload.service.name },
          { title: "Event", value: "Triggered" },
        ],
      },
      { type: "TextBlock", text: "Incident triggered at SEV2: Primary is not answering", wrap: true },
      expect.objectContaining({ type: "TextBlock", text: "Acme Ops · IncidentOps" }),
    ]);
    expect(attachment?.content.actions).toEqual([{ type: "Action.OpenUrl", title: "View incident", url: linkOf(payload) }]);
  });
});

describe("discordMessageFor", () => {
  it("is content and one embed linking to the incident, and pings nobody", () => {
    const payload = makePayload();
    const message = discordMessageFor(payload, PUBLIC_URL);
    expect(message.content).toBe("[SEV2] Triggered: Database down");
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.embeds).toEqual([
      {
        title: "Database down",
        url: linkOf(payload),
        description: "Incident triggered at SEV2: Primary is not answering",
        color: 0xf57c00,
        fields: [
          { name: "Severity", value: "SEV2", inline: true },
          { name: "Status", value: "Triggered", inline: true },
          { name: "Service", value: payload.service.name, inline: true },
          { name: "Event", value: "Triggered", inline: true },
        ],
        footer: { text: "Acme Ops · IncidentOps" },
        timestamp: payload.occurredAt,
      },
    ]);
  });

  it("keeps within Discord's limits whatever the text: title 256, description 4096, content 2000, 6000 in all", () => {
    const base = makePayload();
    const long = "x".repeat(10_000);
    const payload = {
      ...base,
      org: { ...base.org, name: long },
      incident: { ...base.incident, title: long },
      event: { ...base.event, kind: "commented" as const, data: { body: long } },
      type: "incident.commented" as const,
    };
    const message = discordMessageFor(payload, PUBLIC_URL);
    const [embed] = message.embeds;
    expect(message.content.length).toBeLessThanOrEqual(2000);
    expect(embed?.title.length).toBe(256);
    expect(embed?.description.length).toBeLessThanOrEqual(4096);
    expect(embed?.footer.text.length).toBeLessThanOrEqual(2048);
    const total = (embed?.title.length ?? 0) + (embed?.description.length ?? 0) + (embed?.footer.text.length ?? 0) + (embed?.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
  });

  it("is green once the incident is resolved", () => {
    const base = makePayload();
    expect(discordMessageFor({ ...base, incident: { ...base.incident, status: "resolved" } }, PUBLIC_URL).embeds[0]?.color).toBe(0x2e7d32);
  });
});

describe("mattermostMessageFor", () => {
  it("is Slack-compatible text and one attachment; user text cannot mention @channel", () => {
    const base = makePayload();
    const payload = { ...base, incident: { ...base.incident, title: "Tell @channel the DB is down" } };
    const message = mattermostMessageFor(payload, PUBLIC_URL);
    expect(message.text).toBe(`[SEV2] Triggered: Tell @\u200bchannel the DB is down ([view incident](${linkOf(payload)}))`);
    expect(message.attachments).toEqual([
      {
        fallback: "[SEV2] Triggered: Tell @\u200bchannel the DB is down",
        color: "#f57c00",
        title: "Tell @\u200bchannel the DB is down",
        title_link: linkOf(payload),
        text: "Incident triggered at SEV2: Primary is not answering",
        fields: [
          { short: true, title: "Severity", value: "SEV2" },
          { short: true, title: "Status", value: "Triggered" },
          { short: true, title: "Service", value: payload.service.name },
          { short: true, title: "Event", value: "Triggered" },
        ],
        footer: "Acme Ops · IncidentOps",
      },
    ]);
  });
});

describe("what a heartbeat's events say", () => {
  const incident = { description: null, severity: "sev2", status: "triggered", title: "Heartbeat backup missed" };
  const heartbeat = { id: "3c4d5e6f-a7b8-4c9d-8e0f-2a3b4c5d6e01", name: "backup", intervalSeconds: 3600 };

  it("names the heartbeat, its interval and its last ping for a miss, and the ping that resolved it", () => {
    expect(describeEvent({ kind: "created", data: { heartbeat: { ...heartbeat, lastPingAt: null, event: "missed" } } }, incident)).toBe(
      "Heartbeat backup missed: no ping within 3600 s of its creation",
    );
    expect(describeEvent({ kind: "created", data: { heartbeat: { ...heartbeat, lastPingAt: "2025-01-02T03:04:05.000Z", event: "missed" } } }, incident)).toBe(
      "Heartbeat backup missed: no ping within 3600 s of its last ping (2025-01-02T03:04:05.000Z)",
    );
    expect(describeEvent({ kind: "status_changed", data: { fromStatus: "triggered", toStatus: "resolved", heartbeat: { ...heartbeat, event: "pinged" } } }, incident)).toBe(
      "Heartbeat backup pinged again: status changed from triggered to resolved",
    );
  });
});

it("an SLA warning and a breach say which deadline and when it is due (every channel's headline and text)", () => {
  const dueAt = "2025-01-02T03:09:05.000Z";
  const warning = makePayload({ type: "incident.sla_at_risk" });
  warning.event = { ...warning.event, kind: "sla_at_risk", data: { kind: "acknowledge", dueAt } };
  const body = teamsMessageFor(warning, PUBLIC_URL).attachments[0]?.content.body;
  expect(body?.[0]).toMatchObject({ text: "[SEV2] SLA at risk: Database down" });
  expect(body?.[2]).toMatchObject({ text: `SLA at risk: a first response is due by ${dueAt}` });
  expect(describeEvent({ kind: "sla_at_risk", data: { kind: "resolve", dueAt } }, warning.incident)).toBe(`SLA at risk: resolving is due by ${dueAt}`);
  expect(describeEvent({ kind: "sla_breached", data: { kind: "resolve", dueAt } }, warning.incident)).toBe(`SLA breached: not resolved by ${dueAt}`);
});

it("an unassignment names who left the incident and why (notifications and the postmortem's timeline)", () => {
  const incident = { description: null, severity: "sev2", status: "triggered", title: "Checkout down" };
  expect(describeEvent({ kind: "unassigned", data: { unassigned: { id: "3c4d5e6f-a7b8-4c9d-8e0f-2a3b4c5d6e02", name: "Ada" }, assignees: [], reason: "member_removed" } }, incident)).toBe(
    "Unassigned Ada (removed from the organisation)",
  );
});

/** A JSON answer, as the services send their refusals. */
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({ status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

/** Sends a message of `type` to a loopback receiver answering `answer`: the outcome. */
async function answered(type: ChatTargetType, answer: Answer) {
  const receiver = closing(await startWebhookReceiver(() => answer));
  return deliverChat(type, { url: `${receiver.url}/hooks/SECRETPATH`, payload: makePayload(), publicUrl: PUBLIC_URL }, { timeoutMs: 5000, allowPrivate: true });
}

/** What an outcome says when the service refused for good: its reason must open so, and say what to do. */
const forGood = (service: string, answer: string, advice: string) => ({
  permanent: true,
  error: expect.stringMatching(new RegExp(`^${service} refused the message for good \\(HTTP ${answer}\\), not retried: .*${advice}`)) as unknown,
});

describe("deliverChat: what each service's refusal comes to", () => {
  it("Discord: a deleted webhook, a bad token, a missing permission and a malformed message end the attempt, saying what to do", async () => {
    expect(await answered("discord", json(404, { message: "Unknown Webhook", code: 10015 }))).toMatchObject(
      forGood("Discord", "404 10015 Unknown Webhook", "the webhook was deleted; create a new one and update the target"),
    );
    expect(await answered("discord", json(401, { message: "Invalid Webhook Token", code: 50027 }))).toMatchObject(
      forGood("Discord", "401 50027 Invalid Webhook Token", "token is not valid .*create a new one and update the target"),
    );
    expect(await answered("discord", json(403, { message: "Missing Permissions", code: 50013 }))).toMatchObject(forGood("Discord", "403 50013 Missing Permissions", "check its permissions"));
    expect(await answered("discord", json(400, { message: "Cannot send an empty message", code: 50006 }))).toMatchObject(forGood("Discord", "400 50006 Cannot send an empty message", "Discord webhook's URL"));
  });

  it("Discord: a 429 waits as its body's retry_after asks when no Retry-After header says so; 5xx are retried", async () => {
    const limited = { message: "You are being rate limited.", retry_after: 1.5, global: false };
    const fromBody = await answered("discord", json(429, limited));
    expect(fromBody).toMatchObject({ httpStatus: 429, error: "Discord refused the message (HTTP 429)", retryAfterMs: 1_500 });
    expect(fromBody.permanent).toBeUndefined();
    expect(await answered("discord", json(429, limited, { "retry-after": "3" }))).toMatchObject({ retryAfterMs: 3_000 });
    for (const absurd of [-1, 0, "2", 10 ** 9]) expect((await answered("discord", json(429, { ...limited, retry_after: absurd }))).retryAfterMs, String(absurd)).toBeUndefined();
    const down = await answered("discord", { status: 502, body: "<html><title>502 Bad Gateway</title></html>" });
    expect(down).toMatchObject({ httpStatus: 502, error: "Discord refused the message (HTTP 502)" });
    expect(down.permanent).toBeUndefined();
  });

  it("Teams: a removed or rejected webhook (400, 401, 403, 404) ends the attempt; 429 and 5xx are retried", async () => {
    expect(await answered("teams", json(404, { error: { code: "WorkflowNotFound", message: "The workflow could not be found." } }))).toMatchObject(
      forGood("Teams", "404 WorkflowNotFound", "the webhook or its workflow was deleted; create a new one and update the target"),
    );
    expect(await answered("teams", json(401, { error: { code: "DirectApiInvalidAuthorizationSignature", message: "..." } }))).toMatchObject(
      forGood("Teams", "401 DirectApiInvalidAuthorizationSignature", "copy the workflow's current URL into the target"),
    );
    expect(await answered("teams", { status: 403, body: "Forbidden" })).toMatchObject(forGood("Teams", "403", "the webhook was removed"));
    expect(await answered("teams", { status: 400, body: "Bad payload received by generic incoming webhook." })).toMatchObject(forGood("Teams", "400", "Workflows webhook's URL"));
    const limited = await answered("teams", json(429, { error: { code: "TooManyRequests" } }, { "retry-after": "2" }));
    expect(limited).toMatchObject({ error: "Teams refused the message (HTTP 429 TooManyRequests)", retryAfterMs: 2_000 });
    expect(limited.permanent).toBeUndefined();
    expect((await answered("teams", { status: 502, body: "Bad Gateway" })).permanent).toBeUndefined();
  });

  it("Mattermost: a deleted or disabled hook, a locked channel and a deleted channel end the attempt; 5xx are retried", async () => {
    const refusal = (status: number, id: string) => json(status, { id, message: "...", detailed_error: "", request_id: "r1", status_code: status });
    expect(await answered("mattermost", refusal(400, "web.incoming_webhook.invalid.app_error"))).toMatchObject(
      forGood("Mattermost", "400 web.incoming_webhook.invalid.app_error", "the webhook was deleted .*create a new webhook and update the target"),
    );
    expect(await answered("mattermost", refusal(403, "web.incoming_webhook.channel_locked.app_error"))).toMatchObject(forGood("Mattermost", "403 web.incoming_webhook.channel_locked.app_error", "fix it in Mattermost"));
    expect(await answered("mattermost", refusal(404, "app.channel.get.existing.app_error"))).toMatchObject(forGood("Mattermost", "404 app.channel.get.existing.app_error", "channel was deleted"));
    for (const status of [500, 501, 503]) {
      const outcome = await answered("mattermost", refusal(status, "web.incoming_webhook.disabled.app_error"));
      expect(outcome, String(status)).toMatchObject({ error: `Mattermost refused the message (HTTP ${status} web.incoming_webhook.disabled.app_error)` });
      expect(outcome.permanent, String(status)).toBeUndefined();
    }
  });

  it("410 Gone ends the attempt on each, and nothing of a body but the service's code is kept", async () => {
    for (const type of ["teams", "discord", "mattermost"] as const) {
      expect(await answered(type, { status: 410, body: "gone" }), type).toMatchObject({ httpStatus: 410, permanent: true, error: expect.stringContaining("refused the message for good (HTTP 410), not retried: the webhook is gone") as unknown });
      const leaky = await answered(type, { status: 404, body: "<html>No hook at https://chat.example/hooks/SECRETPATH</html>" });
      expect(leaky.error, type).toMatch(/\(HTTP 404\), not retried/);
      expect(leaky.error, type).not.toContain("SECRETPATH");
    }
  });
});
