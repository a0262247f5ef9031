import { randomUUID } from "node:crypto";
import { sql } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aUserWithRole,
  escalationKey,
  fieldsOf,
  queuedJobs,
  useTestApi,
  type ErrorBody,
  type HttpResponse,
  type IncidentBody,
} from "@incidentops/testkit";

const api = useTestApi();

type EscalationTarget = { type: "user"; userId: string } | { type: "notification_target"; targetId: string };

interface Level {
  delaySeconds: number;
  targets: EscalationTarget[];
}

interface Policy {
  id: string;
  name: string;
  description: string | null;
  repeat: number;
  levels: Level[];
  createdAt: string;
  updatedAt: string;
}

interface Service {
  id: string;
  name: string;
  description: string | null;
  escalationPolicyId: string | null;
  createdAt: string;
  updatedAt: string;
}

let token: string;
let orgId: string;
let ownerId: string;
/** A second member of the org, to be paged. */
let responderId: string;
let targetId: string;
let otherTargetId: string;

beforeAll(async () => {
  const owner = await anOrgOwner(api.current, { orgName: "Escalations Org" });
  token = owner.accessToken;
  orgId = owner.org.id;
  ownerId = owner.user.id;
  responderId = (await aUserWithRole(api.current, orgId, "member")).user.id;
  targetId = await createTarget("Primary hook");
  otherTargetId = await createTarget("Secondary hook");
});

async function createTarget(name: string): Promise<string> {
  const res = await api.current.request<{ id: string }>("POST", "/v1/org/notification-targets", {
    token,
    body: { name, type: "webhook", config: { url: "https://hooks.example.com/escalations" } },
  });
  if (res.status !== 201) throw new Error(`create target failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

let counter = 0;
const uniqueName = (prefix: string) => `${prefix} ${++counter}`;

const user = (userId: string): EscalationTarget => ({ type: "user", userId });
const hook = (id: string): EscalationTarget => ({ type: "notification_target", targetId: id });

function createRaw(body: Record<string, unknown>, as = token) {
  return api.current.request<Policy & ErrorBody>("POST", "/v1/org/escalation-policies", { token: as, body });
}

async function createPolicy(body: Partial<Omit<Policy, "id" | "createdAt" | "updatedAt">> = {}): Promise<Policy> {
  const res = await createRaw({
    name: uniqueName("policy"),
    levels: [{ delaySeconds: 60, targets: [user(ownerId)] }],
    ...body,
  });
  if (res.status !== 201) throw new Error(`create policy failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const getPolicy = (id: string) => api.current.request<Policy & ErrorBody>("GET", `/v1/org/escalation-policies/${id}`, { token });
const putPolicy = (id: string, body: unknown) => api.current.request<Policy & ErrorBody>("PUT", `/v1/org/escalation-policies/${id}`, { token, body });
const deletePolicy = (id: string) => api.current.request<ErrorBody>("DELETE", `/v1/org/escalation-policies/${id}`, { token });
const patchService = (id: string, body: unknown) => api.current.request<Service & ErrorBody>("PATCH", `/v1/org/services/${id}`, { token, body });
const getService = (id: string) => api.current.request<Service & ErrorBody>("GET", `/v1/org/services/${id}`, { token });

async function serviceWithPolicy(policyId: string): Promise<Service> {
  const service = await aService(api.current, token, { name: uniqueName("svc") });
  const res = await patchService(service.id, { escalationPolicyId: policyId });
  if (res.status !== 200) throw new Error(`attach policy failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The stored form of a policy: its row, its levels and their targets, in order. */
async function storedPolicy(policyId: string) {
  const db = api.current.db;
  const row = await db.selectFrom("escalation_policies").selectAll().where("id", "=", policyId).executeTakeFirst();
  const levels = await db.selectFrom("escalation_levels").select(["level", "delay_seconds"]).where("policy_id", "=", policyId).orderBy("level").execute();
  const targets = await db
    .selectFrom("escalation_level_targets")
    .select(["level", "position", "user_id", "notification_target_id"])
    .where("policy_id", "=", policyId)
    .orderBy("level")
    .orderBy("position")
    .execute();
  return JSON.parse(JSON.stringify({ row: row ?? null, levels, targets })) as unknown;
}

async function policyCount(): Promise<number> {
  const row = await api.current.db
    .selectFrom("escalation_policies")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("org_id", "=", orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function expectValidationFailed(res: HttpResponse<ErrorBody>): string[] {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.code).toBe("VALIDATION_FAILED");
  return Object.keys(fieldsOf(res.body)).sort();
}

// ---------------------------------------------------------------------------------------------

describe("creating policies", () => {
  it("echoes the levels in order, with their delays and targets in order", async () => {
    const levels: Level[] = [
      { delaySeconds: 0, targets: [user(ownerId), hook(targetId)] },
      { delaySeconds: 300, targets: [hook(otherTargetId), user(responderId)] },
      { delaySeconds: 900, targets: [user(responderId)] },
    ];
    const res = await createRaw({ name: "Primary on-call", description: "Pages the owner first", repeat: 3, levels });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(["createdAt", "description", "id", "levels", "name", "repeat", "updatedAt"]);
    expect(res.body).toMatchObject({ name: "Primary on-call", description: "Pages the owner first", repeat: 3, levels });
    expect(await getPolicy(res.body.id).then((r) => r.body)).toEqual(res.body);
    expect(await storedPolicy(res.body.id)).toMatchObject({
      levels: [
        { level: 1, delay_seconds: 0 },
        { level: 2, delay_seconds: 300 },
        { level: 3, delay_seconds: 900 },
      ],
      targets: [
        { level: 1, position: 0, user_id: ownerId, notification_target_id: null },
        { level: 1, position: 1, user_id: null, notification_target_id: targetId },
        { level: 2, position: 0, user_id: null, notification_target_id: otherTargetId },
        { level: 2, position: 1, user_id: responderId, notification_target_id: null },
        { level: 3, position: 0, user_id: responderId, notification_target_id: null },
      ],
    });
  });

  it("repeats once by default, without a description", async () => {
    const res = await createRaw({ name: "Defaults", levels: [{ delaySeconds: 30, targets: [user(ownerId)] }] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ repeat: 1, description: null });
  });

  const INVALID: { label: string; body: Record<string, unknown>; fields: string[] }[] = [
    { label: "repeat 0", body: { repeat: 0 }, fields: ["repeat"] },
    { label: "repeat 11", body: { repeat: 11 }, fields: ["repeat"] },
    { label: "a fractional repeat", body: { repeat: 1.5 }, fields: ["repeat"] },
    { label: "a negative delay", body: { levels: [{ delaySeconds: -1, targets: [{ type: "user", userId: randomUUID() }] }] }, fields: ["levels.0.delaySeconds"] },
    { label: "a delay over a day", body: { levels: [{ delaySeconds: 86_401, targets: [{ type: "user", userId: randomUUID() }] }] }, fields: ["levels.0.delaySeconds"] },
    { label: "no levels", body: { levels: [] }, fields: ["levels"] },
    { label: "a level without targets", body: { levels: [{ delaySeconds: 0, targets: [] }] }, fields: ["levels.0.targets"] },
    { label: "an unknown target type", body: { levels: [{ delaySeconds: 0, targets: [{ type: "team", teamId: randomUUID() }] }] }, fields: ["levels.0.targets.0.type"] },
    { label: "a user id that is not a uuid", body: { levels: [{ delaySeconds: 0, targets: [{ type: "user", userId: "bob" }] }] }, fields: ["levels.0.targets.0.userId"] },
    { label: "an empty name", body: { name: "" }, fields: ["name"] },
  ];

  for (const { label, body, fields } of INVALID) it(`refuses ${label} with 400 on ${fields.join(", ")}, creating nothing`, async () => {
    const before = await policyCount();
    const res = await createRaw({ name: uniqueName("invalid"), levels: [{ delaySeconds: 60, targets: [user(ownerId)] }], ...body });
    expect(expectValidationFailed(res)).toEqual(fields);
    expect(await policyCount()).toBe(before);
  });

  it("refuses unknown users and targets with the path of each, creating nothing", async () => {
    const before = await policyCount();
    const outsider = await anOrgOwner(api.current, { orgName: "Elsewhere" });
    const res = await createRaw({
      name: "Ghosts",
      levels: [
        { delaySeconds: 0, targets: [user(ownerId), user(randomUUID())] },
        { delaySeconds: 60, targets: [hook(randomUUID()), hook(targetId), user(outsider.user.id)] },
      ],
    });
    expect(expectValidationFailed(res)).toEqual(["levels.0.targets.1.userId", "levels.1.targets.0.targetId", "levels.1.targets.2.userId"]);
    expect(await policyCount()).toBe(before);
  });

  it("is refused to a member (403)", async () => {
    const member = await aUserWithRole(api.current, orgId, "member");
    const res = await createRaw({ name: "Mine", levels: [{ delaySeconds: 0, targets: [user(member.user.id)] }] }, member.accessToken);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("FORBIDDEN");
  });
});

describe("PUT replaces a policy entirely", () => {
  it("levels, repeat and description become exactly the new ones", async () => {
    const created = await createPolicy({
      description: "before",
      repeat: 4,
      levels: [
        { delaySeconds: 10, targets: [user(ownerId), hook(targetId)] },
        { delaySeconds: 20, targets: [hook(otherTargetId)] },
      ],
    });
    const res = await putPolicy(created.id, { name: "After", levels: [{ delaySeconds: 45, targets: [user(responderId)] }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      id: created.id,
      name: "After",
      description: null,
      repeat: 1,
      levels: [{ delaySeconds: 45, targets: [user(responderId)] }],
      createdAt: created.createdAt,
      updatedAt: res.body.updatedAt,
    });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
    expect(await getPolicy(created.id).then((r) => r.body)).toEqual(res.body);
    expect(await storedPolicy(created.id)).toMatchObject({
      levels: [{ level: 1, delay_seconds: 45 }],
      targets: [{ level: 1, position: 0, user_id: responderId, notification_target_id: null }],
    });
  });

  it("an invalid replacement changes nothing", async () => {
    const created = await createPolicy({ levels: [{ delaySeconds: 10, targets: [hook(targetId)] }] });
    const before = await storedPolicy(created.id);
    const unknown = await putPolicy(created.id, { name: "Broken", levels: [{ delaySeconds: 5, targets: [hook(randomUUID())] }] });
    expect(expectValidationFailed(unknown)).toEqual(["levels.0.targets.0.targetId"]);
    const empty = await putPolicy(created.id, { name: "Broken", levels: [] });
    expect(expectValidationFailed(empty)).toEqual(["levels"]);
    expect(await storedPolicy(created.id)).toEqual(before);
  });

  it("a missing policy is 404", async () => {
    const res = await putPolicy(randomUUID(), { name: "x", levels: [{ delaySeconds: 0, targets: [user(ownerId)] }] });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: "NOT_FOUND", message: "Escalation policy not found" });
  });
});

describe("listing policies", () => {
  it("paginates newest first with an opaque cursor, every policy exactly once", async () => {
    // An org of its own, so the list holds exactly what this test made.
    const other = await anOrgOwner(api.current, { orgName: "Paging Org" });
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await createRaw({ name: `page ${i}`, levels: [{ delaySeconds: i, targets: [user(other.user.id)] }] }, other.accessToken);
      expect(res.status).toBe(201);
      made.push(res.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? "?limit=2" : `?limit=2&cursor=${encodeURIComponent(cursor)}`;
      const res: HttpResponse<{ items: Policy[]; nextCursor: string | null }> = await api.current.request("GET", `/v1/org/escalation-policies${query}`, {
        token: other.accessToken,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      for (const item of res.body.items) expect(item.levels).toHaveLength(1);
      seen.push(...res.body.items.map((p) => p.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());
  });

  it("refuses a forged cursor with 400", async () => {
    const res = await api.current.request<ErrorBody>("GET", "/v1/org/escalation-policies?cursor=not-a-cursor", { token });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
  });
});

describe("services name their policy", () => {
  it("PATCH sets and GET shows escalationPolicyId; null detaches it", async () => {
    const policy = await createPolicy();
    const service = await aService(api.current, token, { name: uniqueName("svc") });
    expect((await getService(service.id)).body.escalationPolicyId).toBeNull();
    const attached = await patchService(service.id, { escalationPolicyId: policy.id });
    expect(attached.status, JSON.stringify(attached.body)).toBe(200);
    expect(attached.body).toMatchObject({ id: service.id, name: service.name, escalationPolicyId: policy.id });
    expect((await getService(service.id)).body.escalationPolicyId).toBe(policy.id);
    const list = await api.current.request<{ items: Service[] }>("GET", "/v1/org/services?limit=100", { token });
    expect(list.body.items.find((s) => s.id === service.id)?.escalationPolicyId).toBe(policy.id);
    // Leaving the field out leaves the policy alone.
    const renamed = await patchService(service.id, { description: "described" });
    expect(renamed.body).toMatchObject({ description: "described", escalationPolicyId: policy.id });
    const detached = await patchService(service.id, { escalationPolicyId: null });
    expect(detached.status).toBe(200);
    expect(detached.body.escalationPolicyId).toBeNull();
    expect((await getService(service.id)).body).toMatchObject({ description: "described", escalationPolicyId: null });
  });

  it("an unknown policy -> 400 on escalationPolicyId; a missing service -> 404", async () => {
    const service = await aService(api.current, token, { name: uniqueName("svc") });
    const before = (await getService(service.id)).body;
    const res = await patchService(service.id, { escalationPolicyId: randomUUID() });
    expect(expectValidationFailed(res)).toEqual(["escalationPolicyId"]);
    expect((await getService(service.id)).body).toEqual(before);
    const missing = await patchService(randomUUID(), { escalationPolicyId: (await createPolicy()).id });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: "NOT_FOUND", message: "Service not found" });
  });
});

describe("deleting policies", () => {
  it("is refused with 409 CONFLICT naming the services that use it; detached, it deletes", async () => {
    const policy = await createPolicy({ levels: [{ delaySeconds: 5, targets: [user(ownerId)] }, { delaySeconds: 5, targets: [hook(targetId)] }] });
    const first = await serviceWithPolicy(policy.id);
    const second = await serviceWithPolicy(policy.id);
    const before = await storedPolicy(policy.id);

    const refused = await deletePolicy(policy.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("CONFLICT");
    const services = (refused.body.details as { services?: { id: string; name: string }[] }).services ?? [];
    expect([...services].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: first.id, name: first.name },
        { id: second.id, name: second.name },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await storedPolicy(policy.id)).toEqual(before);

    expect((await patchService(first.id, { escalationPolicyId: null })).status).toBe(200);
    const stillUsed = await deletePolicy(policy.id);
    expect(stillUsed.status).toBe(409);
    expect((stillUsed.body.details as { services?: unknown[] }).services).toEqual([{ id: second.id, name: second.name }]);

    expect((await patchService(second.id, { escalationPolicyId: null })).status).toBe(200);
    const deleted = await deletePolicy(policy.id);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body).toEqual({ ok: true });
    const gone = await getPolicy(policy.id);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ code: "NOT_FOUND", message: "Escalation policy not found" });
    expect(await storedPolicy(policy.id)).toEqual({ row: null, levels: [], targets: [] });
    expect((await deletePolicy(policy.id)).status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------
// Jobs: enqueued in the transaction of the change that causes them.

describe("graphile-worker's job storage", () => {
  it("0.17 keeps jobs in the table _private_jobs behind the view jobs", async () => {
    const { rows } = await sql<{ table_name: string; table_type: string }>`
      SELECT table_name, table_type FROM information_schema.tables
      WHERE table_schema = 'graphile_worker' AND table_name IN ('jobs', '_private_jobs')
      ORDER BY table_name`.execute(api.current.db);
    expect(rows).toEqual([
      { table_name: "_private_jobs", table_type: "BASE TABLE" },
      { table_name: "jobs", table_type: "VIEW" },
    ]);
  });
});

function transition(incident: { id: string; version: number }, toStatus: string, headers: Record<string, string> = {}) {
  return api.current.request<IncidentBody & ErrorBody>("POST", `/v1/incidents/${incident.id}/transition`, {
    token,
    body: { toStatus, version: incident.version },
    headers,
  });
}

const escalate = (incidentId: string, headers: Record<string, string> = {}) =>
  api.current.request<IncidentBody & ErrorBody>("POST", `/v1/incidents/${incidentId}/escalate`, { token, headers });

const escalationJobs = (incidentId: string) => queuedJobs(api.current.db, { key: escalationKey(incidentId) });

describe("escalation jobs follow the incident", () => {
  let policy: Policy;
  let escalating: Service;
  let quiet: Service;

  beforeAll(async () => {
    policy = await createPolicy({
      repeat: 2,
      levels: [
        { delaySeconds: 120, targets: [user(ownerId)] },
        { delaySeconds: 300, targets: [hook(targetId)] },
      ],
    });
    escalating = await serviceWithPolicy(policy.id);
    quiet = await aService(api.current, token, { name: uniqueName("quiet") }).then((s) => getService(s.id)).then((r) => r.body);
  });

  it("creating an incident on a service with a policy enqueues escalate_if_unacked for step 0 at once", async () => {
    const startedAt = Date.now();
    const res = await api.current.request<IncidentBody>("POST", `/v1/services/${escalating.id}/incidents`, {
      token,
      body: { title: "Paging" },
      headers: { "x-request-id": "esc-create-1" },
    });
    expect(res.status).toBe(201);
    const jobs = await escalationJobs(res.body.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      task: "escalate_if_unacked",
      queue: "critical",
      key: escalationKey(res.body.id),
      payload: { orgId, incidentId: res.body.id, step: 0, manual: false, requestId: "esc-create-1" },
    });
    // Level 1 is notified at once: the job is due now, not after the level's delay.
    expect(Date.parse(jobs[0]?.runAt ?? "")).toBeLessThanOrEqual(Date.now() + 1000);
    expect(Date.parse(jobs[0]?.runAt ?? "")).toBeGreaterThanOrEqual(startedAt - 5000);
    // The incident records the policy it follows.
    const row = await api.current.db
      .selectFrom("incidents")
      .select(["escalation_policy_id", "escalation_step"])
      .where("id", "=", res.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ escalation_policy_id: policy.id, escalation_step: 0 });
  });

  it("acknowledging removes the pending escalation job", async () => {
    const incident = await anIncident(api.current, token, escalating.id);
    expect(await escalationJobs(incident.id)).toHaveLength(1);
    const acked = await transition(incident, "acknowledged");
    expect(acked.status).toBe(200);
    expect(await escalationJobs(incident.id)).toEqual([]);
  });

  it("resolving straight from triggered removes it too", async () => {
    const incident = await anIncident(api.current, token, escalating.id);
    expect(await escalationJobs(incident.id)).toHaveLength(1);
    expect((await transition(incident, "resolved")).status).toBe(200);
    expect(await escalationJobs(incident.id)).toEqual([]);
  });

  it("a refused transition (stale version) keeps the job", async () => {
    const incident = await anIncident(api.current, token, escalating.id);
    const before = await escalationJobs(incident.id);
    const res = await transition({ id: incident.id, version: incident.version + 1 }, "acknowledged");
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("VERSION_CONFLICT");
    expect(await escalationJobs(incident.id)).toEqual(before);
  });

  it("an incident on a service without a policy gets no escalation job", async () => {
    const incident = await anIncident(api.current, token, quiet.id);
    expect(await escalationJobs(incident.id)).toEqual([]);
  });

  describe("POST /v1/incidents/{incidentId}/escalate", () => {
    it("on a service without a policy -> 409 CONFLICT, nothing enqueued", async () => {
      const incident = await anIncident(api.current, token, quiet.id);
      const res = await escalate(incident.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe("CONFLICT");
      expect(await escalationJobs(incident.id)).toEqual([]);
    });

    it("with a policy -> 200, the incident, and the escalation job replaced by a manual one due now", async () => {
      const incident = await anIncident(api.current, token, escalating.id);
      const [scheduled] = await escalationJobs(incident.id);
      const res = await escalate(incident.id, { "x-request-id": "esc-manual-1" });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ id: incident.id, status: "triggered", version: incident.version });
      const jobs = await escalationJobs(incident.id);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({
        task: "escalate_if_unacked",
        queue: "critical",
        payload: { orgId, incidentId: incident.id, step: 0, manual: true, requestId: "esc-manual-1" },
      });
      // Replaced by key, not added beside it.
      expect(jobs[0]?.id).toBe(scheduled?.id);
      expect(jobs[0]?.revision).toBe((scheduled?.revision ?? 0) + 1);
      expect(Date.parse(jobs[0]?.runAt ?? "")).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it("an acknowledged incident may still be escalated by hand", async () => {
      const incident = await anIncident(api.current, token, escalating.id);
      const acked = await transition(incident, "acknowledged");
      expect(await escalationJobs(incident.id)).toEqual([]);
      const res = await escalate(incident.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: "acknowledged", version: acked.body.version });
      expect(await escalationJobs(incident.id)).toMatchObject([{ payload: { manual: true, step: 0 } }]);
    });

    it("a resolved incident -> 409, nothing enqueued", async () => {
      const incident = await anIncident(api.current, token, escalating.id);
      expect((await transition(incident, "resolved")).status).toBe(200);
      const res = await escalate(incident.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe("INVALID_TRANSITION");
      expect(await escalationJobs(incident.id)).toEqual([]);
    });

    it("once every level (times repeat) was notified -> 409 CONFLICT", async () => {
      const incident = await anIncident(api.current, token, escalating.id);
      // Two levels run through twice: four steps in all.
      await api.current.db.updateTable("incidents").set({ escalation_step: 4 }).where("id", "=", incident.id).execute();
      const before = await escalationJobs(incident.id);
      const res = await escalate(incident.id);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: "CONFLICT", details: { step: 4, steps: 4 } });
      expect(await escalationJobs(incident.id)).toEqual(before);
      // One step short, it goes on.
      await api.current.db.updateTable("incidents").set({ escalation_step: 3 }).where("id", "=", incident.id).execute();
      expect((await escalate(incident.id)).status).toBe(200);
      expect(await escalationJobs(incident.id)).toMatchObject([{ payload: { step: 3, manual: true } }]);
    });

    it("an incident whose policy was deleted since -> 409 CONFLICT", async () => {
      const doomed = await createPolicy();
      const service = await serviceWithPolicy(doomed.id);
      const incident = await anIncident(api.current, token, service.id);
      expect((await patchService(service.id, { escalationPolicyId: null })).status).toBe(200);
      expect((await deletePolicy(doomed.id)).status).toBe(200);
      const res = await escalate(incident.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe("CONFLICT");
    });

    it("a viewer is refused (403) and the job is untouched", async () => {
      const viewer = await aUserWithRole(api.current, orgId, "viewer");
      const incident = await anIncident(api.current, token, escalating.id);
      const before = await escalationJobs(incident.id);
      const res = await api.current.request("POST", `/v1/incidents/${incident.id}/escalate`, { token: viewer.accessToken });
      expect(res.status).toBe(403);
      expect(await escalationJobs(incident.id)).toEqual(before);
    });

    it("a missing incident -> 404", async () => {
      const res = await escalate(randomUUID());
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: "NOT_FOUND", message: "Incident not found" });
    });
  });
});

describe("every timeline event enqueues exactly one incident_event job with its id and the request id", () => {
  let serviceId: string;

  beforeAll(async () => {
    serviceId = (await aService(api.current, token, { name: uniqueName("events") })).id;
  });

  const eventJobs = () => queuedJobs(api.current.db, { task: "incident_event", orgId });

  async function newJobsDuring(action: () => Promise<void>) {
    const before = new Set((await eventJobs()).map((j) => j.id));
    await action();
    return (await eventJobs()).filter((j) => !before.has(j.id));
  }

  async function eventIds(incidentId: string): Promise<{ id: string; kind: string }[]> {
    const res = await api.current.request<{ items: { id: string; kind: string }[] }>("GET", `/v1/incidents/${incidentId}/events?limit=100`, { token });
    return res.body.items;
  }

  it("create, transition and comment: one job each, carrying the event id, the org and x-request-id", async () => {
    let incident: IncidentBody | undefined;
    const created = await newJobsDuring(async () => {
      const res = await api.current.request<IncidentBody>("POST", `/v1/services/${serviceId}/incidents`, {
        token,
        body: { title: "Jobs" },
        headers: { "x-request-id": "req-create-42" },
      });
      expect(res.status).toBe(201);
      incident = res.body;
    });
    if (incident === undefined) throw new Error("no incident");
    const [createdEvent] = await eventIds(incident.id);
    expect(createdEvent?.kind).toBe("created");
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ queue: null, payload: { orgId, eventId: createdEvent?.id, requestId: "req-create-42" } });

    const acked = await newJobsDuring(async () => {
      const res = await transition(incident ?? { id: "", version: 0 }, "acknowledged", { "x-request-id": "req-ack-42" });
      expect(res.status).toBe(200);
    });
    const statusEvent = (await eventIds(incident.id))[1];
    expect(statusEvent?.kind).toBe("status_changed");
    expect(acked).toHaveLength(1);
    expect(acked[0]?.payload).toEqual({ orgId, eventId: statusEvent?.id, requestId: "req-ack-42" });

    let commentId = "";
    const commented = await newJobsDuring(async () => {
      const res = await api.current.request<{ id: string }>("POST", `/v1/incidents/${incident?.id ?? ""}/comment`, {
        token,
        body: { body: "checking" },
        headers: { "x-request-id": "req-comment-42" },
      });
      expect(res.status).toBe(201);
      commentId = res.body.id;
    });
    expect(commented).toHaveLength(1);
    expect(commented[0]?.payload).toEqual({ orgId, eventId: commentId, requestId: "req-comment-42" });
  });

  it("a request without x-request-id carries the generated one it was answered with", async () => {
    let requestId: string | null = null;
    const jobs = await newJobsDuring(async () => {
      const res = await api.current.request<IncidentBody>("POST", `/v1/services/${serviceId}/incidents`, { token, body: { title: "Generated id" } });
      expect(res.status).toBe(201);
      requestId = res.headers.get("x-request-id");
    });
    expect(requestId).toMatch(/^[\w.:-]+$/);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload.requestId).toBe(requestId);
  });

  it("refused changes enqueue nothing", async () => {
    const incident = await anIncident(api.current, token, serviceId);
    const jobs = await newJobsDuring(async () => {
      expect((await transition({ id: incident.id, version: 99 }, "acknowledged")).status).toBe(409);
      expect((await transition(incident, "mitigated")).status).toBe(409);
      const empty = await api.current.request("POST", `/v1/incidents/${incident.id}/comment`, { token, body: { body: "  " } });
      expect(empty.status).toBe(400);
      const missing = await api.current.request("POST", `/v1/services/${randomUUID()}/incidents`, { token, body: { title: "nowhere" } });
      expect(missing.status).toBe(404);
    });
    expect(jobs).toEqual([]);
  });

  it("a manual escalation appends no event itself (the escalation job does), so no incident_event job", async () => {
    const escalatingService = await serviceWithPolicy((await createPolicy()).id);
    const incident = await anIncident(api.current, token, escalatingService.id);
    const jobs = await newJobsDuring(async () => {
      expect((await escalate(incident.id)).status).toBe(200);
    });
    expect(jobs).toEqual([]);
    expect(await eventIds(incident.id)).toHaveLength(1);
  });
});
