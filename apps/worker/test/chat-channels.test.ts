import type { Incident, NotificationTarget } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  expectValidationFailed,
  ok,
  startWebhookReceiver,
  uniqueName,
  useTestStack,
  waitFor,
  waitForSettledAttempts,
  type Account,
  type ReceivedRequest,
} from "@incidentops/testkit";

// Teams, Discord and Mattermost targets, with a real worker and a loopback receiver standing in
// for each chat service: each gets its documented payload for a triggered incident, showing the
// status at each event and linking to the incident; failures are retried like any target's.

const stack = useTestStack();

let owner: Account;

beforeAll(async () => {
  owner = await anOrgOwner(stack.current.api, { orgName: "Chat Org" });
  await stack.current.startWorker();
});

const PATHS = { teams: "/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=secret", discord: "/api/webhooks/123/secret-token", mattermost: "/hooks/secret-key" } as const;
type ChatType = keyof typeof PATHS;
const TYPES = Object.keys(PATHS) as ChatType[];

function aChatTarget(token: string, type: ChatType, url: string, extra: Record<string, unknown> = {}) {
  return ok(
    stack.current.api.request<NotificationTarget>("POST", "/v1/org/notification-targets", { token, body: { name: uniqueName(type), type, config: { url }, ...extra } }),
    201,
    `create ${type} target`,
  );
}

const transition = (token: string, incident: Incident, toStatus: string, version: number) =>
  ok(stack.current.api.request<Incident>("POST", `/v1/incidents/${incident.id}/transition`, { token, body: { toStatus, version } }), 200, toStatus);

/** A new org's target of each chat type at `receiver`, an incident sent to them, and its three attempts once settled. */
async function attemptsOfEachType(receiver: { url: string }) {
  const { api } = stack.current;
  const { accessToken: token } = await anOrgOwner(api);
  for (const type of TYPES) await aChatTarget(token, type, `${receiver.url}${PATHS[type]}`);
  const service = await aService(api, token);
  const incident = await anIncident(api, token, service.id);
  return waitForSettledAttempts(api, token, incident.id, 3);
}

const requestsTo = (requests: ReceivedRequest[], type: ChatType) => requests.filter((r) => r.path === PATHS[type]).map((r) => JSON.parse(r.body) as Record<string, unknown>);

describe("chat targets", () => {
  it("each gets its documented payload for every event of an incident, with the status at that event and a link to it", { timeout: 40_000 }, async () => {
    const { api } = stack.current;
    const receiver = await startWebhookReceiver((request) => (request.path.startsWith("/api/webhooks/") ? 204 : request.path.startsWith("/workflows/") ? 202 : 200));
    try {
      const { accessToken: token } = await anOrgOwner(api, { orgName: "Chat Org" });
      for (const type of TYPES) await aChatTarget(token, type, `${receiver.url}${PATHS[type]}`, { eventKinds: ["triggered", "acknowledged"] });
      const service = await aService(api, token);
      const incident = await anIncident(api, token, service.id, { title: "Checkout returns 502", severity: "sev1" });
      await transition(token, incident, "acknowledged", 1);
      const attempts = await waitForSettledAttempts(api, token, incident.id, 6);
      expect(attempts.map((a) => [a.target?.type, a.status, a.attemptCount]).sort()).toEqual(
        TYPES.flatMap((type) => [[type, "succeeded", 1], [type, "succeeded", 1]]).sort(),
      );
      const link = `${api.config.publicUrl ?? `http://localhost:${api.config.port}`}/incidents/${incident.id}`;
      for (const request of receiver.requests) expect(request.headers["content-type"]).toMatch(/^application\/json/);

      const teams = requestsTo(receiver.requests, "teams") as { type: string; attachments: { contentType: string; content: { type: string; version: string; body: { type: string; text?: string; facts?: { title: string; value: string }[] }[]; actions: { type: string; url: string }[] } }[] }[];
      expect(teams).toHaveLength(2);
      for (const message of teams) {
        expect(message.type).toBe("message");
        expect(message.attachments).toHaveLength(1);
        expect(message.attachments[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
        expect(message.attachments[0]?.content).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
        expect(message.attachments[0]?.content.actions).toEqual([{ type: "Action.OpenUrl", title: "View incident", url: link }]);
      }
      const teamsStatus = (m: (typeof teams)[number]) => m.attachments[0]?.content.body.find((b) => b.type === "FactSet")?.facts?.find((f) => f.title === "Status")?.value;
      expect(teams.map(teamsStatus).sort()).toEqual(["Acknowledged", "Triggered"]);

      const discord = requestsTo(receiver.requests, "discord") as { content: string; allowed_mentions: unknown; embeds: { title: string; url: string; description: string; fields: { name: string; value: string }[] }[] }[];
      expect(discord).toHaveLength(2);
      for (const message of discord) {
        expect(message.allowed_mentions).toEqual({ parse: [] });
        expect(message.embeds).toHaveLength(1);
        expect(message.embeds[0]).toMatchObject({ title: "Checkout returns 502", url: link });
      }
      expect(discord.map((m) => m.content).sort()).toEqual(["[SEV1] Acknowledged: Checkout returns 502", "[SEV1] Triggered: Checkout returns 502"]);
      expect(discord.map((m) => m.embeds[0]?.fields.find((f) => f.name === "Status")?.value).sort()).toEqual(["Acknowledged", "Triggered"]);

      const mattermost = requestsTo(receiver.requests, "mattermost") as { text: string; attachments: { title_link: string; fields: { title: string; value: string }[] }[] }[];
      expect(mattermost).toHaveLength(2);
      for (const message of mattermost) {
        expect(message.text).toContain(`(${link})`);
        expect(message.attachments[0]?.title_link).toBe(link);
      }
      expect(mattermost.map((m) => m.attachments[0]?.fields.find((f) => f.title === "Status")?.value).sort()).toEqual(["Acknowledged", "Triggered"]);
    } finally {
      await receiver.close();
    }
  });

  it("are retried like any target when the receiver fails", { timeout: 40_000 }, async () => {
    const seen = new Map<string, number>();
    // Each path fails twice, then answers.
    const receiver = await startWebhookReceiver((request) => {
      const count = (seen.get(request.path) ?? 0) + 1;
      seen.set(request.path, count);
      return count <= 2 ? 500 : 200;
    });
    try {
      const attempts = await attemptsOfEachType(receiver);
      for (const attempt of attempts) expect(attempt).toMatchObject({ status: "succeeded", attemptCount: 3, lastHttpStatus: 200 });
      await waitFor(() => (receiver.requests.length === 9 ? true : undefined), 5_000, "nine requests");
      for (const type of TYPES) {
        const bodies = receiver.requests.filter((r) => r.path === PATHS[type]).map((r) => r.body);
        expect(bodies).toHaveLength(3);
        expect(new Set(bodies).size).toBe(1);
      }
    } finally {
      await receiver.close();
    }
  });

  it("end at once on a refusal the service documents as lasting, and wait as long as Discord's 429 body asks", { timeout: 40_000 }, async () => {
    const json = (status: number, body: unknown) => ({ status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    let discordTries = 0;
    const receiver = await startWebhookReceiver((request) => {
      if (request.path === PATHS.teams) return json(404, { error: { code: "WorkflowNotFound", message: "The workflow could not be found." } });
      if (request.path === PATHS.mattermost) return json(400, { id: "web.incoming_webhook.invalid.app_error", message: "Invalid webhook.", status_code: 400 });
      // Discord's 429 says how long to wait in its body only (no Retry-After header).
      return ++discordTries === 1 ? json(429, { message: "You are being rate limited.", retry_after: 1.5, global: false }) : 204;
    });
    try {
      const attempts = await attemptsOfEachType(receiver);
      const byType = new Map(attempts.map((a) => [a.target?.type, a]));
      expect(byType.get("teams")).toMatchObject({ status: "failed", attemptCount: 1, lastHttpStatus: 404 });
      expect(byType.get("teams")?.lastError).toMatch(/^Teams refused the message for good \(HTTP 404 WorkflowNotFound\), not retried: .*create a new one and update the target$/);
      expect(byType.get("mattermost")).toMatchObject({ status: "failed", attemptCount: 1, lastHttpStatus: 400 });
      expect(byType.get("mattermost")?.lastError).toMatch(/^Mattermost refused the message for good \(HTTP 400 web\.incoming_webhook\.invalid\.app_error\), not retried: the webhook was deleted/);
      expect(byType.get("discord")).toMatchObject({ status: "succeeded", attemptCount: 2, lastHttpStatus: 204 });
      const [limited, sent] = receiver.requests.filter((r) => r.path === PATHS.discord);
      expect((sent?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1_450);
      for (const type of ["teams", "mattermost"] as const) expect(receiver.requests.filter((r) => r.path === PATHS[type]), type).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it("validate their config, mask their URL on every read and keep it when written back as shown", async () => {
    const { api } = stack.current;
    const token = owner.accessToken;
    const create = (body: Record<string, unknown>) => api.request("POST", "/v1/org/notification-targets", { token, body: { name: "chat", ...body } });
    const underConfig = (keys: string[]) => {
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(key).toMatch(/^config(\.|$)/);
    };
    for (const type of TYPES) {
      underConfig(expectValidationFailed(await create({ type, config: {} })));
      underConfig(expectValidationFailed(await create({ type, config: { url: "ftp://example.com/hook" } })));
      underConfig(expectValidationFailed(await create({ type, config: { url: "not a url" } })));
      expect(expectValidationFailed(await create({ type, config: { webhookUrl: "https://example.com/hook" } }))).toContain("config.url");
      expect(expectValidationFailed(await create({ type, config: { address: "oncall@example.com" } }))).toContain("config.url");
    }
    expect((await api.request<{ items: unknown[] }>("GET", "/v1/org/notification-targets", { token })).body.items).toEqual([]);
    const url = `https://chat.example.com${PATHS.discord}`;
    const created = await aChatTarget(token, "discord", url);
    expect(created.config).toEqual({ url: "https://chat.example.com/****" });
    expect(JSON.stringify(created)).not.toContain("secret-token");
    const read = await ok(api.request<NotificationTarget>("GET", `/v1/org/notification-targets/${created.id}`, { token }), 200, "get");
    expect(read.config.url).toBe("https://chat.example.com/****");
    await ok(api.request("PATCH", `/v1/org/notification-targets/${created.id}`, { token, body: { config: read.config, name: "renamed" } }), 200, "write back");
    const row = await api.db.selectFrom("notification_targets").select("config").where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(row.config).toEqual({ url });
  });
});
