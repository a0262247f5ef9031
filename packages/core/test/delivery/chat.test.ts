import { describe, expect, it } from "vitest";
import { describeEvent, discordMessageFor, mattermostMessageFor, teamsMessageFor } from "../../src/delivery/index.js";
import { makePayload, PUBLIC_URL } from "./helpers.js";

// The chat messages' shapes and limits; delivery itself (to a loopback receiver, retried like
// every target) is apps/worker/test/chat-channels.test.ts.

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
