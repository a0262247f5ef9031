import { randomUUID } from "node:crypto";
import { runDelivery, type DeliveryOutcome, type NotificationAttempt, type NotificationTarget, type NotificationTargetWithSecret, type Page } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aTeam,
  aUserWithRole,
  aWebhookTarget,
  closedPort,
  countRows,
  expectValidationFailed,
  hasValidSignature,
  runQueuedJobs,
  startWebhookReceiver,
  uniqueName,
  useStarted,
  useTestApi,
  type ErrorBody,
  type TestApi,
} from "@incidentops/testkit";

const api = useTestApi();

const TARGET_KEYS = ["config", "createdAt", "enabled", "eventKinds", "id", "minSeverity", "name", "serviceIds", "teamIds", "type", "updatedAt"];
/** `whsec_` + base64 of 32 random bytes. */
const SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]{43}=$/;

let token: string;
let orgId: string;
let orgName: string;
/** Answers 200. */
const receiver = useStarted("The receiver", () => startWebhookReceiver(200));
/** Answers 500. */
const failing = useStarted("The failing receiver", () => startWebhookReceiver(500));
/** Nothing listens there: connections are refused. */
let closedUrl: string;

beforeAll(async () => {
  const owner = await anOrgOwner(api.current, { orgName: "Targets Org" });
  token = owner.accessToken;
  orgId = owner.org.id;
  orgName = owner.org.name;
  closedUrl = `http://127.0.0.1:${await closedPort()}`;
});

function createRaw(body: unknown, t: TestApi = api.current, as = token) {
  return t.request<NotificationTargetWithSecret & ErrorBody>("POST", "/v1/org/notification-targets", { token: as, body });
}

async function create(body: Record<string, unknown>): Promise<NotificationTargetWithSecret> {
  const res = await createRaw({ name: uniqueName("target"), ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const webhook = (url = `${receiver.current.url}/hook`, extra: Record<string, unknown> = {}) => create({ type: "webhook", config: { url }, ...extra });

const get = (id: string) => api.current.request<NotificationTarget & ErrorBody>("GET", `/v1/org/notification-targets/${id}`, { token });
const patch = (id: string, body: unknown) => api.current.request<NotificationTarget & ErrorBody>("PATCH", `/v1/org/notification-targets/${id}`, { token, body });
const sendTest = (id: string) => api.current.request<DeliveryOutcome & ErrorBody>("POST", `/v1/org/notification-targets/${id}/test`, { token });

async function storedRow(id: string) {
  return api.current.db.selectFrom("notification_targets").selectAll().where("id", "=", id).executeTakeFirst();
}

const targetCount = () => countRows(api.current.db, "notification_targets", { org_id: orgId });

const withoutSecret = ({ secret: _secret, ...rest }: NotificationTargetWithSecret): NotificationTarget => rest;

// ---------------------------------------------------------------------------------------------

describe("creating targets", () => {
  it("a webhook: 201, the target with defaults, and the signing secret only here", async () => {
    const res = await createRaw({ name: "Ops webhook", type: "webhook", config: { url: `${receiver.current.url}/ops` } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual([...TARGET_KEYS, "secret"].sort());
    expect(res.body).toMatchObject({
      name: "Ops webhook",
      type: "webhook",
      config: { url: `${receiver.current.url}/ops` },
      enabled: true,
      eventKinds: null,
      minSeverity: null,
      serviceIds: null,
      teamIds: null,
    });
    expect(res.body.secret).toMatch(SECRET_PATTERN);
    const row = await storedRow(res.body.id);
    expect(row?.secret).toBe(res.body.secret);
    expect(row?.org_id).toBe(orgId);
  });

  it("an email target", async () => {
    const target = await create({ type: "email", config: { address: "oncall@example.com" } });
    expect(target).toMatchObject({ type: "email", config: { address: "oncall@example.com" }, enabled: true });
    expect(target.secret).toMatch(SECRET_PATTERN);
  });

  it("a Slack target, whose webhook URL (a credential) is masked in every answer but stored whole", async () => {
    const url = `${receiver.current.url}/services/T000/B000/XXXXSECRET`;
    const target = await create({ type: "slack", config: { webhookUrl: url } });
    expect(target.type).toBe("slack");
    expect(target.config).toEqual({ webhookUrl: `${receiver.current.url}/****` });
    expect(JSON.stringify(target)).not.toContain("XXXXSECRET");
    const read = await get(target.id);
    expect(read.body.config).toEqual({ webhookUrl: `${receiver.current.url}/****` });
    expect((await storedRow(target.id))?.config).toEqual({ webhookUrl: url });
  });

  it("a webhook whose URL carries credentials: masked in every answer (create, read, list, update), stored and sent whole", async () => {
    const url = `${receiver.current.url.replace("http://", "http://hooks:S3CRET-PASS@")}/hook?token=S3CRET-TOKEN&team=ops`;
    const masked = `${receiver.current.url.replace("http://", "http://hooks:****@")}/hook?token=****&team=ops`;
    const target = await webhook(url);
    expect(target.config).toEqual({ url: masked });
    expect((await get(target.id)).body.config).toEqual({ url: masked });
    const list = await api.current.request<{ items: NotificationTarget[] }>("GET", "/v1/org/notification-targets?limit=200", { token });
    expect(list.body.items.find((t) => t.id === target.id)?.config).toEqual({ url: masked });
    // Written back as it was shown, the URL keeps its credentials.
    const renamed = await patch(target.id, { name: "renamed", config: { url: masked } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.config).toEqual({ url: masked });
    expect(JSON.stringify([target, renamed.body, list.body])).not.toMatch(/S3CRET/);
    expect((await storedRow(target.id))?.config).toEqual({ url });
  });

  it("takes filters and a disabled state; duplicate kinds are stored once", async () => {
    const target = await webhook(undefined, { enabled: false, eventKinds: ["triggered", "resolved", "triggered"], minSeverity: "sev2" });
    expect(target).toMatchObject({ enabled: false, eventKinds: ["triggered", "resolved"], minSeverity: "sev2" });
    const row = await storedRow(target.id);
    expect(row).toMatchObject({ enabled: false, event_kinds: ["triggered", "resolved"], min_severity: "sev2" });
  });

  it("gives every target its own secret", async () => {
    const [a, b] = await Promise.all([webhook(), webhook()]);
    expect(a.secret).not.toBe(b.secret);
  });
});

describe("creation is validated", () => {
  const INVALID: { label: string; body: Record<string, unknown>; fields: (keys: string[]) => void }[] = [
    {
      label: "a webhook configured like an email",
      body: { type: "webhook", config: { address: "oncall@example.com" } },
      fields: (keys) => expect(keys).toContain("config.url"),
    },
    {
      label: "an email configured like a webhook",
      body: { type: "email", config: { url: "https://hooks.example.com/x" } },
      fields: (keys) => expect(keys).toContain("config.address"),
    },
    {
      label: "a Slack target configured like a webhook",
      body: { type: "slack", config: { url: "https://hooks.example.com/x" } },
      fields: (keys) => expect(keys).toContain("config.webhookUrl"),
    },
    {
      label: "a URL that is not a URL",
      body: { type: "webhook", config: { url: "not a url" } },
      fields: (keys) => allUnderConfig(keys),
    },
    {
      label: "an ftp URL",
      body: { type: "webhook", config: { url: "ftp://files.example.com/hook" } },
      fields: (keys) => allUnderConfig(keys),
    },
    {
      label: "a bad email address",
      body: { type: "email", config: { address: "not-an-address" } },
      fields: (keys) => allUnderConfig(keys),
    },
    {
      label: "no config",
      body: { type: "webhook" },
      fields: (keys) => expect(keys).toEqual(["config"]),
    },
    {
      label: "an unknown type",
      body: { type: "sms", config: { url: "https://hooks.example.com/x" } },
      fields: (keys) => expect(keys).toContain("type"),
    },
    {
      label: "an empty name",
      body: { name: "  ", type: "webhook", config: { url: "https://hooks.example.com/x" } },
      fields: (keys) => expect(keys).toEqual(["name"]),
    },
    {
      label: "an empty event kind list",
      body: { type: "webhook", config: { url: "https://hooks.example.com/x" }, eventKinds: [] },
      fields: (keys) => expect(keys).toEqual(["eventKinds"]),
    },
    {
      label: "an unknown event kind",
      body: { type: "webhook", config: { url: "https://hooks.example.com/x" }, eventKinds: ["triggered", "exploded"] },
      fields: (keys) => expect(keys).toEqual(["eventKinds.1"]),
    },
    {
      label: "an unknown severity",
      body: { type: "webhook", config: { url: "https://hooks.example.com/x" }, minSeverity: "sev9" },
      fields: (keys) => expect(keys).toEqual(["minSeverity"]),
    },
    {
      label: "an empty service list",
      body: { type: "webhook", config: { url: "https://hooks.example.com/x" }, serviceIds: [] },
      fields: (keys) => expect(keys).toEqual(["serviceIds"]),
    },
    {
      label: "a team id that is not a uuid",
      body: { type: "webhook", config: { url: "https://hooks.example.com/x" }, teamIds: [randomUUID(), "payments"] },
      fields: (keys) => expect(keys).toEqual(["teamIds.1"]),
    },
    {
      label: "more than 100 services",
      body: { type: "webhook", config: { url: "https://hooks.example.com/x" }, serviceIds: Array.from({ length: 101 }, () => randomUUID()) },
      fields: (keys) => expect(keys).toEqual(["serviceIds"]),
    },
  ];

  function allUnderConfig(keys: string[]): void {
    for (const key of keys) expect(key === "config" || key.startsWith("config.")).toBe(true);
  }

  for (const { label, body, fields } of INVALID) it(`refuses ${label} with 400 and field paths, creating nothing`, async () => {
    const before = await targetCount();
    const res = await createRaw({ name: uniqueName("invalid"), ...body });
    fields(expectValidationFailed(res));
    expect(JSON.stringify(res.body)).not.toContain("whsec_");
    expect(await targetCount()).toBe(before);
  });
});

describe("routing by service and team", () => {
  it("stores the services and teams named, each once; null clears either; PATCH leaves out what it is not given", async () => {
    const [team, service] = [await aTeam(api.current, token), await aService(api.current, token)];
    const created = await webhook(undefined, { serviceIds: [service.id, service.id], teamIds: [team.id] });
    expect(created).toMatchObject({ serviceIds: [service.id], teamIds: [team.id] });
    expect(await storedRow(created.id)).toMatchObject({ service_ids: [service.id], team_ids: [team.id] });
    expect((await patch(created.id, { name: "renamed" })).body).toMatchObject({ serviceIds: [service.id], teamIds: [team.id] });
    const cleared = await patch(created.id, { serviceIds: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ serviceIds: null, teamIds: [team.id] });
    expect((await patch(created.id, { teamIds: null })).body).toMatchObject({ serviceIds: null, teamIds: null });
  });

  it("a service or team of another org, or of none: 404, and nothing created or changed", async () => {
    const other = await anOrgOwner(api.current);
    const [theirTeam, theirService] = [await aTeam(api.current, other.accessToken), await aService(api.current, other.accessToken)];
    const mine = await aService(api.current, token);
    const before = await targetCount();
    for (const [body, what] of [
      [{ serviceIds: [mine.id, theirService.id] }, "Service"],
      [{ teamIds: [theirTeam.id] }, "Team"],
      [{ teamIds: [randomUUID()] }, "Team"],
    ] as const) {
      const res = await createRaw({ name: uniqueName("routed"), type: "webhook", config: { url: "https://hooks.example.com/x" }, ...body });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: "NOT_FOUND", message: `${what} not found` });
    }
    expect(await targetCount()).toBe(before);
    const target = await webhook();
    const stored = await storedRow(target.id);
    expect((await patch(target.id, { serviceIds: [theirService.id] })).status).toBe(404);
    expect((await patch(target.id, { name: "renamed", teamIds: [theirTeam.id] })).status).toBe(404);
    expect(await storedRow(target.id)).toEqual(stored);
  });

  it("a team a target routes by cannot be deleted (409 CONFLICT naming the targets); once none does, it goes", async () => {
    const team = await aTeam(api.current, token);
    const target = await webhook(undefined, { teamIds: [team.id] });
    const refused = await api.current.request<ErrorBody>("DELETE", `/v1/org/teams/${team.id}`, { token });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "CONFLICT", details: { notificationTargets: [{ id: target.id, name: target.name }] } });
    expect(await countRows(api.current.db, "teams", { id: team.id })).toBe(1);
    expect((await patch(target.id, { teamIds: null })).status).toBe(200);
    expect((await api.current.request("DELETE", `/v1/org/teams/${team.id}`, { token })).status).toBe(200);
    expect(await countRows(api.current.db, "teams", { id: team.id })).toBe(0);
  });
});

describe("reading targets", () => {
  it("GET one is the created target without its secret", async () => {
    const created = await webhook();
    const res = await get(created.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(withoutSecret(created));
    expect(res.body).not.toHaveProperty("secret");
    expect(JSON.stringify(res.body)).not.toContain(created.secret);
  });

  it("the list shows targets, newest first, and no secret", async () => {
    const created = await webhook();
    const res = await api.current.request<{ items: NotificationTarget[]; nextCursor: string | null }>("GET", "/v1/org/notification-targets?limit=100", { token });
    expect(res.status).toBe(200);
    expect(res.body.items[0]?.id).toBe(created.id);
    expect(res.body.items.map((t) => t.id)).toContain(created.id);
    expect(JSON.stringify(res.body)).not.toContain("whsec_");
    expect(res.body.items.length).toBe(await targetCount());
  });

  it("GET of a missing target is 404 NOT_FOUND", async () => {
    const res = await get(randomUUID());
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: "NOT_FOUND", message: "Notification target not found" });
  });
});

describe("PATCH", () => {
  it("changes name, enabled, event kinds and minimum severity, and only those", async () => {
    const created = await webhook();
    const res = await patch(created.id, { name: "Renamed hook", enabled: false, eventKinds: ["resolved", "acknowledged"], minSeverity: "sev1" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      ...withoutSecret(created),
      name: "Renamed hook",
      enabled: false,
      eventKinds: ["resolved", "acknowledged"],
      minSeverity: "sev1",
      updatedAt: res.body.updatedAt,
    });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
    expect(await get(created.id).then((r) => r.body)).toEqual(res.body);
    // The secret is not touched by a PATCH.
    expect((await storedRow(created.id))?.secret).toBe(created.secret);
  });

  it("leaves out what it is not given", async () => {
    const created = await webhook(undefined, { eventKinds: ["triggered"], minSeverity: "sev2", enabled: false });
    const res = await patch(created.id, { name: "Only the name" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Only the name", enabled: false, eventKinds: ["triggered"], minSeverity: "sev2" });
  });

  it("null clears the event-kind and severity filters", async () => {
    const created = await webhook(undefined, { eventKinds: ["triggered"], minSeverity: "sev2" });
    const res = await patch(created.id, { eventKinds: null, minSeverity: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ eventKinds: null, minSeverity: null });
    expect(await storedRow(created.id)).toMatchObject({ event_kinds: null, min_severity: null });
  });

  it("replaces the config when it fits the target's type", async () => {
    const created = await webhook();
    const res = await patch(created.id, { config: { url: `${receiver.current.url}/moved` } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.config).toEqual({ url: `${receiver.current.url}/moved` });
    expect((await storedRow(created.id))?.config).toEqual({ url: `${receiver.current.url}/moved` });
  });

  it("checks the config against the target's fixed type (an email config on a webhook -> 400 config.url)", async () => {
    const created = await webhook();
    const before = await storedRow(created.id);
    const res = await patch(created.id, { config: { address: "oncall@example.com" } });
    const keys = expectValidationFailed(res);
    expect(keys).toContain("config.url");
    expect(await storedRow(created.id)).toEqual(before);
  });

  it("checks a webhook config on an email target (-> 400 config.address)", async () => {
    const created = await create({ type: "email", config: { address: "first@example.com" } });
    const before = await storedRow(created.id);
    const keys = expectValidationFailed(await patch(created.id, { config: { url: `${receiver.current.url}/x` } }));
    expect(keys).toContain("config.address");
    expect(await storedRow(created.id)).toEqual(before);
  });

  it("refuses an ftp URL and a bad name, changing nothing", async () => {
    const created = await webhook();
    const before = await storedRow(created.id);
    for (const key of expectValidationFailed(await patch(created.id, { config: { url: "ftp://files.example.com/x" } }))) {
      expect(key === "config" || key.startsWith("config.")).toBe(true);
    }
    expect(expectValidationFailed(await patch(created.id, { name: "" }))).toEqual(["name"]);
    expect(expectValidationFailed(await patch(created.id, { eventKinds: [] }))).toEqual(["eventKinds"]);
    expect(await storedRow(created.id)).toEqual(before);
  });

  it("does not change the type", async () => {
    const created = await webhook();
    const res = await patch(created.id, { type: "email" });
    expect(res.status).toBe(200);
    expect(res.body.type).toBe("webhook");
    expect((await storedRow(created.id))?.type).toBe("webhook");
  });

  it("a missing target is 404", async () => {
    const res = await patch(randomUUID(), { name: "ghost" });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("NOT_FOUND");
  });
});

describe("DELETE", () => {
  it("deletes: then GET, PATCH and a second DELETE are 404", async () => {
    const created = await webhook();
    const res = await api.current.request("DELETE", `/v1/org/notification-targets/${created.id}`, { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    // Kept for the delivery history that names it: disabled, its credentials erased.
    expect(await storedRow(created.id)).toMatchObject({ enabled: false, config: {}, secret: "", deleted_at: expect.any(Date) });
    const listed = await api.current.request<Page<NotificationTarget>>("GET", "/v1/org/notification-targets?limit=100", { token });
    expect(listed.body.items.map((t) => t.id)).not.toContain(created.id);
    expect((await get(created.id)).status).toBe(404);
    expect((await sendTest(created.id)).status).toBe(404);
    expect((await api.current.request("POST", `/v1/org/notification-targets/${created.id}/rotate-secret`, { token })).status).toBe(404);
    expect((await patch(created.id, { name: "back" })).status).toBe(404);
    const again = await api.current.request("DELETE", `/v1/org/notification-targets/${created.id}`, { token });
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ code: "NOT_FOUND", message: "Notification target not found" });
  });

  it("removes the target from escalation levels; the policy still reads", async () => {
    const kept = await webhook();
    const doomed = await webhook();
    const policy = await api.current.request<{ id: string }>("POST", "/v1/org/escalation-policies", {
      token,
      body: {
        name: uniqueName("policy"),
        levels: [
          { delaySeconds: 60, targets: [{ type: "notification_target", targetId: doomed.id }, { type: "notification_target", targetId: kept.id }] },
          { delaySeconds: 60, targets: [{ type: "notification_target", targetId: doomed.id }] },
        ],
      },
    });
    expect(policy.status).toBe(201);
    expect((await api.current.request("DELETE", `/v1/org/notification-targets/${doomed.id}`, { token })).status).toBe(200);
    const read = await api.current.request<{ levels: { delaySeconds: number; targets: unknown[] }[] }>(
      "GET",
      `/v1/org/escalation-policies/${policy.body.id}`,
      { token },
    );
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.levels).toEqual([
      { delaySeconds: 60, targets: [{ type: "notification_target", targetId: kept.id }] },
      { delaySeconds: 60, targets: [] },
    ]);
    const list = await api.current.request("GET", "/v1/org/escalation-policies?limit=100", { token });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    // Nor can a policy take it in again.
    const again = await api.current.request("POST", "/v1/org/escalation-policies", {
      token,
      body: { name: uniqueName("policy"), levels: [{ delaySeconds: 60, targets: [{ type: "notification_target", targetId: doomed.id }] }] },
    });
    expect(again.status).toBe(400);
  });

  describe("an incident's delivery history", () => {
    /** An org with a webhook target and an incident whose `created` event was sent to it (succeeded) and whose comment is pending. */
    async function aTargetWithHistory() {
      const owner = await anOrgOwner(api.current);
      const path = `/deleted-history/${randomUUID()}`;
      const hook = await aWebhookTarget(api.current, owner.accessToken, `${receiver.current.url}${path}`, { name: "Payments pager" });
      const incident = await anIncident(api.current, owner.accessToken, (await aService(api.current, owner.accessToken)).id);
      const deps = { db: api.current.db, config: api.current.config, mailer: api.current.mailer };
      const sendLane = () => runDelivery(deps, { orgId: owner.org.id, recipientId: hook.id, requestId: "deleted-history" }, "webhook");
      await runQueuedJobs(api.current, ["incident_event"]);
      expect((await sendLane()).tried.map((t) => t.result)).toEqual(["succeeded"]);
      const comment = await api.current.request("POST", `/v1/incidents/${incident.id}/comment`, { token: owner.accessToken, body: { body: "still down" } });
      expect(comment.status).toBe(201);
      await runQueuedJobs(api.current, ["incident_event"]);
      const attempts = () =>
        api.current.request<Page<NotificationAttempt>>("GET", `/v1/incidents/${incident.id}/notifications`, { token: owner.accessToken }).then((res) => res.body.items);
      const sentToIt = () => receiver.current.requests.filter((r) => r.path === path).length;
      const remove = (as = owner.accessToken) => api.current.request("DELETE", `/v1/org/notification-targets/${hook.id}`, { token: as });
      return { hook, sendLane, attempts, sentToIt, remove };
    }

    it("keeps its attempts under the target's name; what was pending ends cancelled and is never sent", async () => {
      const { hook, sendLane, attempts, sentToIt, remove } = await aTargetWithHistory();
      expect((await attempts()).map((a) => a.status)).toEqual(["succeeded", "pending"]);

      expect((await remove()).status).toBe(200);
      const deletedTarget = { id: hook.id, name: "Payments pager", type: "webhook", deleted: true };
      const [sent, cancelled] = await attempts();
      expect(sent).toMatchObject({ target: deletedTarget, status: "succeeded", attemptCount: 1, lastHttpStatus: 200 });
      expect(cancelled).toMatchObject({
        target: deletedTarget,
        status: "cancelled",
        attemptCount: 0,
        note: "not sent: the notification target was deleted",
        nextAttemptAt: null,
        completedAt: expect.any(String),
      });

      expect((await sendLane()).tried).toEqual([]);
      expect(sentToIt()).toBe(1);
    });

    it("an attempt a fan-out made after the delete, having read the target before it, is cancelled when claimed, never sent", async () => {
      const { sendLane, attempts, sentToIt, remove } = await aTargetWithHistory();
      expect((await remove()).status).toBe(200);
      const [, late] = await attempts();
      await api.current.db.updateTable("notification_attempts").set({ status: "pending", note: null, completed_at: null }).where("id", "=", late?.id ?? "").execute();

      expect((await sendLane()).tried.map((t) => t.result)).toEqual(["cancelled"]);
      expect(sentToIt()).toBe(1);
      expect((await attempts()).map((a) => [a.status, a.note])).toEqual([
        ["succeeded", null],
        ["cancelled", "not sent: the notification target was deleted"],
      ]);
    });

    it("another org's admin cannot delete it (404), and its history stays as it was", async () => {
      const { attempts, remove } = await aTargetWithHistory();
      const before = await attempts();
      expect((await remove(token)).status).toBe(404);
      expect(await attempts()).toEqual(before);
      expect(before.map((a) => a.target?.deleted)).toEqual([false, false]);
    });
  });
});

describe("rotate-secret", () => {
  it("returns a new whsec_ secret, stores it, and signs with it from then on", async () => {
    const created = await webhook(`${receiver.current.url}/rotating`);
    const res = await api.current.request<NotificationTargetWithSecret>("POST", `/v1/org/notification-targets/${created.id}/rotate-secret`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([...TARGET_KEYS, "secret"].sort());
    expect(res.body.id).toBe(created.id);
    expect(res.body.secret).toMatch(SECRET_PATTERN);
    expect(res.body.secret).not.toBe(created.secret);
    expect((await storedRow(created.id))?.secret).toBe(res.body.secret);
    // Still never shown on a read.
    expect(JSON.stringify((await get(created.id)).body)).not.toContain("whsec_");

    const seen = receiver.current.requests.length;
    expect((await sendTest(created.id)).body.ok).toBe(true);
    const delivery = receiver.current.requests[seen];
    if (delivery === undefined) throw new Error("the receiver got no request");
    expect(hasValidSignature(res.body.secret, delivery)).toBe(true);
    expect(hasValidSignature(created.secret, delivery)).toBe(false);
  });

  it("a missing target is 404", async () => {
    const res = await api.current.request("POST", `/v1/org/notification-targets/${randomUUID()}/rotate-secret`, { token });
    expect(res.status).toBe(404);
  });
});

describe("POST /test", () => {
  it("delivers a signed test event to a webhook receiver and reports {ok, httpStatus: 200}", async () => {
    const created = await webhook(`${receiver.current.url}/test-hook`);
    const seen = receiver.current.requests.length;
    const res = await sendTest(created.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ ok: true, httpStatus: 200, error: null, note: null, durationMs: expect.any(Number) });
    expect(receiver.current.requests).toHaveLength(seen + 1);
    const delivery = receiver.current.requests[seen];
    if (delivery === undefined) throw new Error("the receiver got no request");
    expect(delivery.method).toBe("POST");
    expect(delivery.path).toBe("/test-hook");
    expect(delivery.headers["content-type"]).toMatch(/^application\/json/);
    expect(delivery.headers["webhook-signature"]).toMatch(/^v1,/);
    expect(hasValidSignature(created.secret, delivery)).toBe(true);
    // A tampered body no longer matches the signature.
    expect(hasValidSignature(created.secret, { ...delivery, body: delivery.body.replace("test", "tset") })).toBe(false);
    const payload = JSON.parse(delivery.body) as { id: string; type: string; org: { id: string; name: string }; incident: { title: string } };
    expect(payload.type).toBe("test");
    expect(payload.org).toEqual({ id: orgId, name: orgName });
    expect(payload.incident.title).toMatch(/test/i);
    expect(delivery.headers["webhook-id"]).toBe(payload.id);
  });

  it("reports a receiver's 500 as {ok: false, httpStatus: 500, error}", async () => {
    const created = await webhook(`${failing.current.url}/hook`);
    const seen = failing.current.requests.length;
    const res = await sendTest(created.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, httpStatus: 500, error: "HTTP 500" });
    expect(failing.current.requests).toHaveLength(seen + 1);
  });

  it("reports a refused connection with no HTTP status", async () => {
    const created = await webhook(`${closedUrl}/hook`);
    const res = await sendTest(created.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, httpStatus: null, error: "connection refused" });
  });

  it("tests a disabled target too", async () => {
    const created = await webhook(`${receiver.current.url}/disabled`, { enabled: false });
    const seen = receiver.current.requests.length;
    expect((await sendTest(created.id)).body).toMatchObject({ ok: true, httpStatus: 200 });
    expect(receiver.current.requests.slice(seen).map((r) => r.path)).toEqual(["/disabled"]);
  });

  it("an email target without SMTP_URL: ok, with a note that the email was written to the log", async () => {
    const created = await create({ type: "email", config: { address: "oncall@example.com" } });
    const res = await sendTest(created.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, httpStatus: null, error: null });
    expect(res.body.note).toMatch(/written to the log/);
  });

  it("a Slack target gets an unsigned Slack message with blocks", async () => {
    const created = await create({ type: "slack", config: { webhookUrl: `${receiver.current.url}/slack/T1/B1/abc` } });
    const seen = receiver.current.requests.length;
    const res = await sendTest(created.id);
    expect(res.body).toMatchObject({ ok: true, httpStatus: 200 });
    const delivery = receiver.current.requests[seen];
    if (delivery === undefined) throw new Error("the receiver got no request");
    expect(delivery.path).toBe("/slack/T1/B1/abc");
    expect(delivery.headers["webhook-signature"]).toBeUndefined();
    const message = JSON.parse(delivery.body) as { text: string; blocks: { type: string }[] };
    expect(message.text).toContain("Test notification from IncidentOps");
    expect(message.blocks.map((b) => b.type)).toContain("header");
  });

  it("accepts the call with no body and no content type (the operation documents no request body)", async () => {
    const created = await webhook(`${receiver.current.url}/bare`);
    const res = await fetch(`${api.current.baseUrl}/v1/org/notification-targets/${created.id}/test`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, httpStatus: 200 });
    // A body of another media type is still refused.
    const typed = await fetch(`${api.current.baseUrl}/v1/org/notification-targets/${created.id}/test`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
      body: "hello",
    });
    expect(typed.status).toBe(415);
  });

  it("a missing target is 404 and nothing is sent", async () => {
    const seen = receiver.current.requests.length;
    const res = await sendTest(randomUUID());
    expect(res.status).toBe(404);
    expect(receiver.current.requests).toHaveLength(seen);
  });
});

describe("who may manage targets", () => {
  it("a member is refused (403) and nothing is sent or changed", async () => {
    const member = await aUserWithRole(api.current, orgId, "member");
    const created = await webhook(`${receiver.current.url}/guarded`);
    const seen = receiver.current.requests.length;
    const before = await storedRow(created.id);
    const as = member.accessToken;
    for (const [method, path] of [
      ["POST", `/v1/org/notification-targets/${created.id}/test`],
      ["POST", `/v1/org/notification-targets/${created.id}/rotate-secret`],
      ["DELETE", `/v1/org/notification-targets/${created.id}`],
      ["GET", `/v1/org/notification-targets/${created.id}`],
    ] as const) {
      const res = await api.current.request(method, path, { token: as });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await createRaw({ name: "nope", type: "webhook", config: { url: `${receiver.current.url}/x` } }, api.current, as)).status).toBe(403);
    expect(receiver.current.requests).toHaveLength(seen);
    expect(await storedRow(created.id)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// With private addresses refused (as in production), URLs are checked at creation and on PATCH.

describe("SSRF guard (WEBHOOK_ALLOW_PRIVATE=false)", () => {
  const strict = useTestApi({ env: { WEBHOOK_ALLOW_PRIVATE: "false" } });
  let strictToken: string;

  beforeAll(async () => {
    expect(strict.current.config.delivery.allowPrivate).toBe(false);
    strictToken = (await anOrgOwner(strict.current)).accessToken;
  });

  const FORBIDDEN = [
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/hook",
    "http://127.0.0.1:8080/hook",
    "http://[::1]/hook",
    "http://localhost/hook",
    "http://192.168.1.10/hook",
  ];

  for (const url of FORBIDDEN) it(`refuses a webhook at ${url}`, async () => {
    const res = await createRaw({ name: "internal", type: "webhook", config: { url } }, strict.current, strictToken);
    expect(expectValidationFailed(res)).toEqual(["config.url"]);
  });

  it("refuses a Slack URL at a private address under config.webhookUrl", async () => {
    const res = await createRaw({ name: "internal", type: "slack", config: { webhookUrl: "http://10.1.2.3/services/x" } }, strict.current, strictToken);
    expect(expectValidationFailed(res)).toEqual(["config.webhookUrl"]);
  });

  it("accepts a public address, and refuses moving it to a private one by PATCH", async () => {
    const res = await createRaw({ name: "public", type: "webhook", config: { url: "https://93.184.215.14/hook" } }, strict.current, strictToken);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const moved = await strict.current.request<ErrorBody>("PATCH", `/v1/org/notification-targets/${res.body.id}`, {
      token: strictToken,
      body: { config: { url: "http://169.254.169.254/" } },
    });
    expect(expectValidationFailed(moved)).toEqual(["config.url"]);
    const row = await strict.current.db.selectFrom("notification_targets").select("config").where("id", "=", res.body.id).executeTakeFirstOrThrow();
    expect(row.config).toEqual({ url: "https://93.184.215.14/hook" });
  });
});
