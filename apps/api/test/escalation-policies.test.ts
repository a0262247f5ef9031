import { randomUUID } from "node:crypto";
import type { EscalationPolicy as Policy, EscalationTarget, Service } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anOrgOwner,
  aService,
  aUserWithRole,
  aWebhookTarget,
  countRows,
  expectValidationFailed,
  uniqueName,
  useTestApi,
  type ErrorBody,
  type HttpResponse,
} from "@incidentops/testkit";

// Escalation policies: creating, replacing, listing and deleting them, and services naming
// them. The jobs that follow an incident's escalation: escalation-jobs.test.ts.

const api = useTestApi();

type Level = Policy["levels"][number];

let token: string;
let orgId: string;
let ownerId: string;
/** A second member of the org, to be paged. */
let responderId: string;
let targetId: string;
let otherTargetId: string;

const createTarget = async (name: string) => (await aWebhookTarget(api.current, token, "https://hooks.example.com/escalations", { name })).id;

beforeAll(async () => {
  const owner = await anOrgOwner(api.current, { orgName: "Escalations Org" });
  token = owner.accessToken;
  orgId = owner.org.id;
  ownerId = owner.user.id;
  responderId = (await aUserWithRole(api.current, orgId, "member")).user.id;
  targetId = await createTarget("Primary hook");
  otherTargetId = await createTarget("Secondary hook");
});

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

const serviceWithPolicy = (policyId: string) => aService(api.current, token, { escalationPolicyId: policyId });

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

const policyCount = () => countRows(api.current.db, "escalation_policies", { org_id: orgId });

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
    expect(Object.keys(res.body).sort()).toEqual(["createdAt", "description", "id", "levels", "name", "repeat", "teamId", "updatedAt"]);
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
    { label: "an unknown target type", body: { levels: [{ delaySeconds: 0, targets: [{ type: "rotation", rotationId: randomUUID() }] }] }, fields: ["levels.0.targets.0.type"] },
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
      teamId: null,
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

