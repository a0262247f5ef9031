import { randomUUID } from "node:crypto";
import { TRPCClientError } from "@trpc/client";
import { beforeAll, describe, expect, it } from "vitest";
import type { IncidentCounts } from "@incidentops/core";
import { anIncident, countRows, expectError, fieldsOf, rejectionOf, useTestApi } from "@incidentops/testkit";
import { openLiveStream } from "./support/live.js";
import { comparable, list as listIds, orgState as orgStateOf, useTwoOrgs, type OrgFixture } from "./support/two-orgs.js";

// Tenant isolation beyond single ids (tenancy.test.ts): lists are the caller's org's, another
// org's ids inside a body are refused as unknown, and tRPC applies the same rules.

const api = useTestApi();

const orgs = useTwoOrgs(api);
let A: OrgFixture;
let B: OrgFixture;
/** A viewer of B's (a token). */
let viewerOfB: string;
beforeAll(() => {
  ({ A, B, viewerOfB } = orgs.current);
});

const orgState = (orgId: string) => orgStateOf(api.current, orgs.receiverOf, orgId);
const list = (token: string, path: string) => listIds(api.current, token, path);
const serviceIncidentCount = (serviceId: string) => countRows(api.current.db, "incidents", { service_id: serviceId });

// ---------------------------------------------------------------------------------------------
// Lists are scoped to the token's org.

async function allIds(orgId: string) {
  const db = api.current.db;
  const ids = await Promise.all([
    db.selectFrom("incidents").select("id").where("org_id", "=", orgId).execute(),
    db.selectFrom("services").select("id").where("org_id", "=", orgId).execute(),
    db.selectFrom("notification_targets").select("id").where("org_id", "=", orgId).execute(),
    db.selectFrom("org_members").select("user_id as id").where("org_id", "=", orgId).execute(),
    db.selectFrom("escalation_policies").select("id").where("org_id", "=", orgId).execute(),
    db.selectFrom("api_keys").select("id").where("org_id", "=", orgId).execute(),
    db.selectFrom("invitations").select("id").where("org_id", "=", orgId).execute(),
    db.selectFrom("teams").select("id").where("org_id", "=", orgId).execute(),
    db.selectFrom("schedules").select("id").where("org_id", "=", orgId).execute(),
    db.selectFrom("calendar_feeds").select("id").where("org_id", "=", orgId).execute(),
  ]);
  return ids.flat().map((r) => r.id);
}

describe("lists are scoped to the caller's org", () => {
  const LISTS: { path: string; own: (f: OrgFixture) => string }[] = [
    { path: "/v1/incidents?limit=100", own: (f) => f.incident.id },
    { path: "/v1/org/services?limit=100", own: (f) => f.serviceId },
    { path: "/v1/org/notification-targets?limit=100", own: (f) => f.targetId },
    { path: "/v1/org/members?limit=100", own: (f) => f.userId },
    { path: "/v1/org/people?limit=100", own: (f) => f.userId },
    { path: "/v1/org/escalation-policies?limit=100", own: (f) => f.policyId },
    { path: "/v1/org/api-keys?limit=100", own: (f) => f.apiKeyId },
    { path: "/v1/org/invitations?limit=100", own: (f) => f.invitationId },
    { path: "/v1/org/teams?limit=100", own: (f) => f.teamId },
    { path: "/v1/org/schedules?limit=100", own: (f) => f.scheduleId },
  ];

  for (const { path, own } of LISTS) it(`${path} never contains A's items`, async () => {
    // A user who belongs to both orgs rightly shows in both member lists.
    const bIds = new Set(await allIds(B.orgId));
    const aIds = (await allIds(A.orgId)).filter((id) => !bIds.has(id));
    expect(aIds).toContain(A.incident.id);
    expect(aIds).toContain(A.userId);
    const ids = await list(B.token, path);
    expect(ids).toContain(own(B));
    for (const id of aIds) expect(ids).not.toContain(id);
    // Control: A's own list does show A's item.
    expect(await list(A.token, path)).toContain(own(A));
  });

  it("incident counts are B's own, and zero when filtered by A's service", async () => {
    const own = await api.current.request<IncidentCounts>("GET", "/v1/incidents/counts", { token: B.token });
    expect(own.body.open.byService.map((s) => s.serviceId)).not.toContain(A.serviceId);
    const foreign = await api.current.request<IncidentCounts>("GET", `/v1/incidents/counts?serviceId=${A.serviceId}`, { token: B.token });
    expect(foreign.body).toEqual({
      byStatus: { triggered: 0, acknowledged: 0, mitigated: 0, resolved: 0 },
      open: { total: 0, bySeverity: { sev1: 0, sev2: 0, sev3: 0, sev4: 0 }, byService: [] },
    });
    // Control: A's own count of its service.
    const control = await api.current.request<IncidentCounts>("GET", `/v1/incidents/counts?serviceId=${A.serviceId}`, { token: A.token });
    expect(control.body.open.total).toBeGreaterThan(0);
  });

  it("filtering incidents by A's service id gives B an empty list", async () => {
    expect(await serviceIncidentCount(A.serviceId)).toBeGreaterThan(0);
    expect(await list(B.token, `/v1/incidents?serviceId=${A.serviceId}`)).toEqual([]);
    // Control: the filter works for the owner, and for B on B's own service.
    expect(await list(A.token, `/v1/incidents?serviceId=${A.serviceId}&limit=100`)).toContain(A.incident.id);
    expect(await list(B.token, `/v1/incidents?serviceId=${B.serviceId}`)).toContain(B.incident.id);
  });
});

// ---------------------------------------------------------------------------------------------
// Ids of another org inside a body: refused as unknown (400 on the field), never linked.

describe("another org's ids inside a request body", () => {
  it("PATCH of B's service naming A's policy -> 400 VALIDATION_FAILED on escalationPolicyId, nothing changed", async () => {
    const beforeA = await orgState(A.orgId);
    const beforeB = await orgState(B.orgId);
    const res = await api.current.request("PATCH", `/v1/org/services/${B.serviceId}`, {
      token: B.token,
      body: { description: "linked to A", escalationPolicyId: A.policyId },
    });
    expectError(res, 400, "VALIDATION_FAILED");
    expect(Object.keys(fieldsOf(res.body))).toEqual(["escalationPolicyId"]);
    // Same answer as for a policy that exists nowhere.
    const missing = await api.current.request("PATCH", `/v1/org/services/${B.serviceId}`, {
      token: B.token,
      body: { description: "linked to A", escalationPolicyId: randomUUID() },
    });
    expect(comparable(missing)).toEqual(comparable(res));
    expect(await orgState(B.orgId)).toEqual(beforeB);
    expect(await orgState(A.orgId)).toEqual(beforeA);
    // Control: B's own policy is accepted.
    const own = await api.current.request("PATCH", `/v1/org/services/${B.serviceId}`, { token: B.token, body: { escalationPolicyId: B.policyId } });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.escalationPolicyId).toBe(B.policyId);
  });

  it("a policy created in B whose levels name A's target or A's user -> 400 with the field paths, nothing created", async () => {
    const beforeA = await orgState(A.orgId);
    const beforeB = await orgState(B.orgId);
    const res = await api.current.request("POST", "/v1/org/escalation-policies", {
      token: B.token,
      body: {
        name: "reaches into A",
        levels: [
          { delaySeconds: 0, targets: [{ type: "notification_target", targetId: A.targetId }, { type: "user", userId: B.userId }] },
          { delaySeconds: 60, targets: [{ type: "notification_target", targetId: B.targetId }, { type: "user", userId: A.userId }] },
        ],
      },
    });
    expectError(res, 400, "VALIDATION_FAILED");
    expect(Object.keys(fieldsOf(res.body)).sort()).toEqual(["levels.0.targets.0.targetId", "levels.1.targets.1.userId"]);
    expect(await orgState(B.orgId)).toEqual(beforeB);
    expect(await orgState(A.orgId)).toEqual(beforeA);
  });

  it("a PUT of B's policy naming A's target -> 400, B's policy unchanged", async () => {
    const before = await orgState(B.orgId);
    const res = await api.current.request("PUT", `/v1/org/escalation-policies/${B.policyId}`, {
      token: B.token,
      body: { name: "reaches into A", levels: [{ delaySeconds: 0, targets: [{ type: "notification_target", targetId: A.targetId }] }] },
    });
    expectError(res, 400, "VALIDATION_FAILED");
    expect(Object.keys(fieldsOf(res.body))).toEqual(["levels.0.targets.0.targetId"]);
    expect(await orgState(B.orgId)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// tRPC applies the same rules.

describe("tenancy over tRPC", () => {
  it("incidents.get rejects another org's incident with NOT_FOUND", async () => {
    const error = await rejectionOf(api.current.trpc(B.token).incidents.get.query({ incidentId: A.incident.id }));
    expect(error).toBeInstanceOf(TRPCClientError);
    if (!(error instanceof TRPCClientError)) return;
    expect(error.data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404, message: "Incident not found" });
    // Control: the owner reads it.
    const own = await api.current.trpc(A.token).incidents.get.query({ incidentId: A.incident.id });
    expect(own.id).toBe(A.incident.id);
  });

  it("incidents.transition rejects another org's incident with NOT_FOUND and changes nothing", async () => {
    const before = await orgState(A.orgId);
    const error = await rejectionOf(
      api.current.trpc(B.token).incidents.transition.mutate({ incidentId: A.incident.id, toStatus: "resolved", version: A.incident.version }),
    );
    expect(error).toBeInstanceOf(TRPCClientError);
    if (!(error instanceof TRPCClientError)) return;
    expect(error.data).toMatchObject({ code: "NOT_FOUND" });
    expect(await orgState(A.orgId)).toEqual(before);
  });

  it("targets, policies and services of A are NOT_FOUND for B over tRPC too", async () => {
    const client = api.current.trpc(B.token);
    await expect(client.org.notificationTargets.get.query({ targetId: A.targetId })).rejects.toMatchObject({
      data: { code: "NOT_FOUND", message: "Notification target not found" },
    });
    await expect(client.org.escalationPolicies.get.query({ policyId: A.policyId })).rejects.toMatchObject({
      data: { code: "NOT_FOUND", message: "Escalation policy not found" },
    });
    await expect(client.org.services.get.query({ serviceId: A.serviceId })).rejects.toMatchObject({
      data: { code: "NOT_FOUND", message: "Service not found" },
    });
    const before = await orgState(A.orgId);
    await expect(client.org.notificationTargets.rotateSecret.mutate({ targetId: A.targetId })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    expect(await orgState(A.orgId)).toEqual(before);
  });

  it("incidents.list filtered by A's service is empty for B", async () => {
    const page = await api.current.trpc(B.token).incidents.list.query({ serviceId: A.serviceId });
    expect(page.items).toEqual([]);
  });
});


// ---------------------------------------------------------------------------------------------
// Live streams (the web app's tRPC subscription): never another org's events.

describe("live incident streams", () => {
  it("carry none of A's changes to B's subscribers (owner and viewer), while carrying B's own", async () => {
    const streams = [await openLiveStream(api.current, B.token), await openLiveStream(api.current, viewerOfB)];
    try {
      const inA = await anIncident(api.current, A.token, A.serviceId, { title: "A's secret incident" });
      await api.current.request("POST", `/v1/incidents/${inA.id}/comment`, { token: A.token, body: { body: "A's secret comment" } });
      const inB = await anIncident(api.current, B.token, B.serviceId, { title: "B's own incident" });
      for (const stream of streams) {
        // B's change arrives after A's (announcements are delivered in commit order): A's had its chance.
        await stream.next((m) => m.timelineChanged.includes(inB.id));
        const seen = JSON.stringify(stream.messages);
        expect(seen).not.toContain(inA.id);
        expect(seen).not.toContain("secret");
      }
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Ids nested under the caller's own incident, the Markdown postmortem, and the work lists.

describe("the work around incidents", () => {
  it("refuses A's task or attachment under B's own incident as unknown", async () => {
    const beforeA = await orgState(A.orgId);
    const task = await api.current.request("PATCH", `/v1/incidents/${B.resolvedIncidentId}/tasks/${A.taskId}`, { token: B.token, body: { done: true } });
    expect(expectError(task, 404, "NOT_FOUND").message).toBe("Task not found");
    const attachment = await api.current.request("DELETE", `/v1/incidents/${B.resolvedIncidentId}/attachments/${A.attachmentId}`, { token: B.token });
    expect(expectError(attachment, 404, "NOT_FOUND").message).toBe("Attachment not found");
    const download = await fetch(`${api.current.baseUrl}/v1/incidents/${B.resolvedIncidentId}/attachments/${A.attachmentId}`, { headers: { authorization: `Bearer ${B.token}` } });
    expect(download.status).toBe(404);
    expect(await orgState(A.orgId)).toEqual(beforeA);
  });

  it("renders A's postmortem for A only: B gets the 404 of a missing incident", async () => {
    const markdown = (token: string, incidentId: string) => fetch(`${api.current.baseUrl}/v1/incidents/${incidentId}/postmortem.md`, { headers: { authorization: `Bearer ${token}` } });
    const foreign = await markdown(B.token, A.resolvedIncidentId);
    const missing = await markdown(B.token, randomUUID());
    expect(foreign.status).toBe(404);
    const strip = (body: unknown) => ({ ...(body as Record<string, unknown>), traceId: null });
    expect(strip(await foreign.json())).toEqual(strip(await missing.json()));
    expect((await markdown(A.token, A.resolvedIncidentId)).status).toBe(200);
  });

  it("lists only the incident's own tasks, status updates and attachments", async () => {
    expect(await list(A.token, `/v1/incidents/${A.resolvedIncidentId}/tasks`)).toEqual([A.taskId]);
    expect(await list(A.token, `/v1/incidents/${A.resolvedIncidentId}/attachments`)).toEqual([A.attachmentId]);
    expect(await list(B.token, `/v1/incidents/${B.resolvedIncidentId}/status-updates`)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// On call: another org's schedules, teams and people are unknown everywhere.

describe("on call across orgs", () => {
  it("who is on call, and the incidents of a team, never show A's", async () => {
    const res = await api.current.request<{ items: { scheduleId: string | null; userId: string }[] }>("GET", "/v1/oncalls?at=2027-03-28T12:00:00Z", { token: B.token });
    expect(res.body.items.map((i) => i.scheduleId)).toContain(B.scheduleId);
    expect(res.body.items.map((i) => i.scheduleId)).not.toContain(A.scheduleId);
    const filtered = await api.current.request<{ items: unknown[] }>("GET", `/v1/oncalls?scheduleId=${A.scheduleId}&at=2027-03-28T12:00:00Z`, { token: B.token });
    expect(filtered.body.items).toEqual([]);
    expect(await list(B.token, `/v1/incidents?teamId=${A.teamId}`)).toEqual([]);
    const feeds = await api.current.request<{ items: { id: string }[] }>("GET", "/v1/users/me/calendar-feeds", { token: B.token });
    expect(feeds.body.items.map((f) => f.id)).toEqual([B.feedId]);
  });

  it("refuses A's team, schedule and people inside B's bodies as unknown (400), changing nothing", async () => {
    const before = await orgState(B.orgId);
    const cases: { method: "POST" | "PATCH" | "PUT"; path: string; body: unknown; field: string }[] = [
      { method: "POST", path: "/v1/org/schedules", body: { name: "stolen team", timeZone: "UTC", teamId: A.teamId }, field: "teamId" },
      { method: "PATCH", path: `/v1/org/services/${B.serviceId}`, body: { teamId: A.teamId }, field: "teamId" },
      {
        method: "POST",
        path: "/v1/org/escalation-policies",
        body: { name: "stolen", teamId: A.teamId, levels: [{ delaySeconds: 0, targets: [{ type: "user", userId: B.userId }] }] },
        field: "teamId",
      },
      {
        method: "PATCH",
        path: `/v1/org/schedules/${B.scheduleId}`,
        body: { layers: [{ name: "x", start: "2027-01-01T00:00:00Z", rotationStart: "2027-01-01T00:00:00Z", rotation: { unit: "day", length: 1 }, participants: [A.userId] }] },
        field: "layers.0.participants.0",
      },
      { method: "POST", path: `/v1/org/schedules/${B.scheduleId}/overrides`, body: { userId: A.userId, start: "2030-01-01T00:00:00Z", end: "2030-01-02T00:00:00Z" }, field: "userId" },
      { method: "POST", path: "/v1/users/me/calendar-feeds", body: { scheduleId: A.scheduleId }, field: "scheduleId" },
    ];
    for (const c of cases) {
      const res = await api.current.request(c.method, c.path, { token: B.token, body: c.body });
      expectError(res, 400, "VALIDATION_FAILED");
      expect(Object.keys(fieldsOf(res.body)), c.path).toEqual([c.field]);
    }
    // A's people are not B's members to put in a team.
    expectError(await api.current.request("PUT", `/v1/org/teams/${B.teamId}/members/${A.userId}`, { token: B.token, body: { role: "member" } }), 404, "NOT_FOUND");
    expect(await orgState(B.orgId)).toEqual(before);
  });
  it("a policy of B whose levels page A's schedule or team -> 404 NOT_FOUND, as for ids that exist nowhere, changing nothing", async () => {
    const before = await orgState(B.orgId);
    const beforeA = await orgState(A.orgId);
    const bodyPaging = (target: Record<string, unknown>) => ({
      name: "pages into A",
      levels: [{ delaySeconds: 0, targets: [{ type: "user", userId: B.userId }] }, { delaySeconds: 60, targets: [target] }],
    });
    const cases = [
      { foreign: { type: "schedule", scheduleId: A.scheduleId }, missing: { type: "schedule", scheduleId: randomUUID() }, message: "Schedule not found" },
      { foreign: { type: "team", teamId: A.teamId }, missing: { type: "team", teamId: randomUUID() }, message: "Team not found" },
      { foreign: { type: "team", teamId: A.teamId, role: "manager" }, missing: { type: "team", teamId: randomUUID(), role: "manager" }, message: "Team not found" },
    ];
    for (const c of cases) {
      for (const [method, path] of [["POST", "/v1/org/escalation-policies"], ["PUT", `/v1/org/escalation-policies/${B.policyId}`]] as const) {
        const foreign = await api.current.request(method, path, { token: B.token, body: bodyPaging(c.foreign) });
        expectError(foreign, 404, "NOT_FOUND");
        expect(foreign.body.message).toBe(c.message);
        const missing = await api.current.request(method, path, { token: B.token, body: bodyPaging(c.missing) });
        expect(comparable(missing)).toEqual(comparable(foreign));
      }
    }
    expect(await orgState(B.orgId)).toEqual(before);
    expect(await orgState(A.orgId)).toEqual(beforeA);
  });
});
