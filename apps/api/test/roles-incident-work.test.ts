import type { OrgRole } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import { anApiKey, anIncident, anOrgOwner, aService, aUserWithRole, expectError, ok, rowsOf, uniqueName, useTestApi, type HttpResponse } from "@incidentops/testkit";
import { uploadAttachment } from "./support/attachments.js";
import { aResolvedIncidentWithWork } from "./support/two-orgs.js";

// The role matrix (as roles.test.ts) of editing, assigning and snoozing incidents, their work (tasks, status updates,
// postmortems, attachments), SLA policies and analytics: each role's answer, and that a refused
// call changes nothing.

const api = useTestApi();

const ROLES = ["viewer", "member", "admin"] as const satisfies readonly OrgRole[];

interface Fixture {
  ownerToken: string;
  tokens: Record<OrgRole, string>;
  userIds: Record<OrgRole, string>;
  serviceId: string;
  /** Resolved, with a task and an attachment (uploaded by the owner). */
  work: { resolvedIncidentId: string; taskId: string; attachmentId: string };
}

let fx: Fixture;

beforeAll(async () => {
  const owner = await anOrgOwner(api.current, { orgName: "Work Roles Org" });
  const [viewer, member, admin] = await Promise.all(ROLES.map((role) => aUserWithRole(api.current, owner.org.id, role)));
  if (viewer === undefined || member === undefined || admin === undefined) throw new Error("seeding users failed");
  const service = await aService(api.current, owner.accessToken);
  fx = {
    ownerToken: owner.accessToken,
    tokens: { viewer: viewer.accessToken, member: member.accessToken, admin: admin.accessToken },
    userIds: { viewer: viewer.user.id, member: member.user.id, admin: admin.user.id },
    serviceId: service.id,
    work: await aResolvedIncidentWithWork(api.current, owner.accessToken, service.id, "roles"),
  };
});

interface Prepared {
  path: string;
  body?: unknown;
  /** The state the call may change: equal before and after means nothing changed. */
  snapshot: () => Promise<unknown>;
  /** How to send it, when not as JSON. */
  send?: (token: string) => Promise<HttpResponse<unknown>>;
}

interface MutationCase {
  route: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  expected: Record<OrgRole, 200 | 201 | 403>;
  prepare: (f: Fixture) => Promise<Prepared>;
}

const memberUp = { viewer: 403, member: 200, admin: 200 } as const;
const memberUpCreates = { viewer: 403, member: 201, admin: 201 } as const;
const adminOnly = { viewer: 403, member: 403, admin: 200 } as const;

const freshIncident = (f: Fixture) => anIncident(api.current, f.ownerToken, f.serviceId, { title: uniqueName("work-roles") });
const freshWork = (f: Fixture) => aResolvedIncidentWithWork(api.current, f.ownerToken, f.serviceId, uniqueName("work"));
const incidentRow = (incidentId: string) => rowsOf(api.current.db, "incidents", { id: incidentId });
const incidentAndAssignees = async (incidentId: string) => [await incidentRow(incidentId), await rowsOf(api.current.db, "incident_assignees", { incident_id: incidentId })];
const SLA_TARGETS = Object.fromEntries(["sev1", "sev2", "sev3", "sev4"].map((sev) => [sev, { acknowledgeWithinMinutes: 5, resolveWithinMinutes: 60 }]));

const MUTATIONS: MutationCase[] = [
  {
    route: "PATCH /v1/incidents/{incidentId}",
    method: "PATCH",
    expected: memberUp,
    prepare: async (f) => {
      const incident = await freshIncident(f);
      return { path: `/v1/incidents/${incident.id}`, body: { severity: "sev1", version: 1 }, snapshot: () => incidentRow(incident.id) };
    },
  },
  {
    route: "POST /v1/incidents/{incidentId}/assign",
    method: "POST",
    expected: memberUp,
    prepare: async (f) => {
      const incident = await freshIncident(f);
      return { path: `/v1/incidents/${incident.id}/assign`, body: { userIds: [f.userIds.member], version: 1 }, snapshot: () => incidentAndAssignees(incident.id) };
    },
  },
  {
    route: "POST /v1/incidents/{incidentId}/snooze",
    method: "POST",
    expected: memberUp,
    prepare: async (f) => {
      const incident = await freshIncident(f);
      const acked = await ok(
        api.current.request<{ version: number }>("POST", `/v1/incidents/${incident.id}/transition`, { token: f.ownerToken, body: { toStatus: "acknowledged", version: 1 } }),
        200,
        "acknowledge",
      );
      return { path: `/v1/incidents/${incident.id}/snooze`, body: { minutes: 30, version: acked.version }, snapshot: () => incidentRow(incident.id) };
    },
  },
  {
    route: "POST /v1/incidents/{incidentId}/tasks",
    method: "POST",
    expected: memberUpCreates,
    prepare: async (f) => {
      const incident = await freshIncident(f);
      return { path: `/v1/incidents/${incident.id}/tasks`, body: { title: "check the pool" }, snapshot: () => rowsOf(api.current.db, "incident_tasks", { incident_id: incident.id }) };
    },
  },
  {
    route: "PATCH /v1/incidents/{incidentId}/tasks/{taskId}",
    method: "PATCH",
    expected: memberUp,
    prepare: async (f) => {
      const work = await freshWork(f);
      return { path: `/v1/incidents/${work.resolvedIncidentId}/tasks/${work.taskId}`, body: { done: true }, snapshot: () => rowsOf(api.current.db, "incident_tasks", { id: work.taskId }) };
    },
  },
  {
    route: "POST /v1/incidents/{incidentId}/status-updates",
    method: "POST",
    expected: memberUpCreates,
    prepare: async (f) => {
      const incident = await freshIncident(f);
      return {
        path: `/v1/incidents/${incident.id}/status-updates`,
        body: { body: "We are on it." },
        snapshot: () => rowsOf(api.current.db, "incident_status_updates", { incident_id: incident.id }),
      };
    },
  },
  {
    route: "PUT /v1/incidents/{incidentId}/postmortem",
    method: "PUT",
    expected: memberUp,
    prepare: async (f) => {
      const work = await freshWork(f);
      return {
        path: `/v1/incidents/${work.resolvedIncidentId}/postmortem`,
        body: { summary: "s", impact: "i", rootCause: "r", actionItems: [], status: "draft", version: 0 },
        snapshot: () => rowsOf(api.current.db, "postmortems", { incident_id: work.resolvedIncidentId }),
      };
    },
  },
  {
    route: "POST /v1/incidents/{incidentId}/attachments",
    method: "POST",
    expected: memberUpCreates,
    prepare: async (f) => {
      const incident = await freshIncident(f);
      return {
        path: `/v1/incidents/${incident.id}/attachments`,
        snapshot: () => rowsOf(api.current.db, "incident_attachments", { incident_id: incident.id }),
        send: (token) => uploadAttachment(api.current, token, incident.id, { name: "evidence.txt", bytes: "evidence" }),
      };
    },
  },
  {
    // Uploaded by the owner: a member may delete only their own uploads.
    route: "DELETE /v1/incidents/{incidentId}/attachments/{attachmentId}",
    method: "DELETE",
    expected: adminOnly,
    prepare: async (f) => {
      const work = await freshWork(f);
      return { path: `/v1/incidents/${work.resolvedIncidentId}/attachments/${work.attachmentId}`, snapshot: () => rowsOf(api.current.db, "incident_attachments", { id: work.attachmentId }) };
    },
  },
  {
    route: "PUT /v1/org/sla-policy",
    method: "PUT",
    expected: adminOnly,
    prepare: () => Promise.resolve({ path: "/v1/org/sla-policy", body: SLA_TARGETS, snapshot: () => rowsOf(api.current.db, "sla_policies", {}).then((rows) => JSON.stringify(rows)) }),
  },
  {
    route: "PUT /v1/org/services/{serviceId}/sla-policy",
    method: "PUT",
    expected: adminOnly,
    prepare: async (f) => {
      const service = await aService(api.current, f.ownerToken);
      return { path: `/v1/org/services/${service.id}/sla-policy`, body: SLA_TARGETS, snapshot: () => rowsOf(api.current.db, "sla_policies", { service_id: service.id }) };
    },
  },
  {
    route: "DELETE /v1/org/services/{serviceId}/sla-policy",
    method: "DELETE",
    expected: adminOnly,
    prepare: async (f) => {
      const service = await aService(api.current, f.ownerToken);
      await ok(api.current.request("PUT", `/v1/org/services/${service.id}/sla-policy`, { token: f.ownerToken, body: SLA_TARGETS }), 200, "override");
      return { path: `/v1/org/services/${service.id}/sla-policy`, snapshot: () => rowsOf(api.current.db, "sla_policies", { service_id: service.id }) };
    },
  },
];

describe("role matrix: the work around incidents, SLA policies", () => {
  for (const c of MUTATIONS) for (const role of ROLES) it(`${c.route} as ${role} -> ${c.expected[role]}`, async () => {
    const call = await c.prepare(fx);
    const before = await call.snapshot();
    const token = fx.tokens[role];
    const res = call.send === undefined ? await api.current.request(c.method, call.path, { token, body: call.body }) : await call.send(token);
    expect(res.status, JSON.stringify(res.body)).toBe(c.expected[role]);
    const after = await call.snapshot();
    if (c.expected[role] === 403) {
      expectError(res, 403, "FORBIDDEN");
      expect(after).toEqual(before);
    } else {
      expect(after).not.toEqual(before);
    }
  });
});

/** Reads, including documents and downloads (answered as CSV, Markdown or bytes). */
const READS: { route: string; expected: Record<OrgRole, 200 | 403>; path: (f: Fixture) => string }[] = [
  ...["incidents", "incidents.csv", "responders"].map((what) => ({ route: `GET /v1/analytics/${what}`, expected: { viewer: 200, member: 200, admin: 200 } as const, path: () => `/v1/analytics/${what}` })),
  ...["tasks", "status-updates", "attachments", "postmortem", "postmortem.md", "change-events"].map((what) => ({
    route: `GET /v1/incidents/{incidentId}/${what}`,
    expected: { viewer: 200, member: 200, admin: 200 } as const,
    path: (f: Fixture) => `/v1/incidents/${f.work.resolvedIncidentId}/${what}`,
  })),
  {
    route: "GET /v1/incidents/{incidentId}/attachments/{attachmentId}",
    expected: { viewer: 200, member: 200, admin: 200 },
    path: (f) => `/v1/incidents/${f.work.resolvedIncidentId}/attachments/${f.work.attachmentId}`,
  },
  { route: "GET /v1/attachments/limits", expected: { viewer: 200, member: 200, admin: 200 }, path: () => "/v1/attachments/limits" },
  { route: "GET /v1/org/sla-policy", expected: { viewer: 403, member: 403, admin: 200 }, path: () => "/v1/org/sla-policy" },
  { route: "GET /v1/org/services/{serviceId}/sla-policy", expected: { viewer: 403, member: 403, admin: 200 }, path: (f) => `/v1/org/services/${f.serviceId}/sla-policy` },
  { route: "GET /v1/org/services/{serviceId}/change-events", expected: { viewer: 200, member: 200, admin: 200 }, path: (f) => `/v1/org/services/${f.serviceId}/change-events` },
];

describe("role matrix: reads", () => {
  for (const c of READS) for (const role of ROLES) it(`${c.route} as ${role} -> ${c.expected[role]}`, async () => {
    const res = await fetch(`${api.current.baseUrl}${c.path(fx)}`, { headers: { authorization: `Bearer ${fx.tokens[role]}` } });
    expect(res.status).toBe(c.expected[role]);
    if (c.expected[role] === 403) expectError({ status: res.status, body: (await res.json()), headers: res.headers }, 403, "FORBIDDEN");
  });
});

describe("API keys", () => {
  it("a read key reads analytics and the work, and changes none of it; a write key works like a member", async () => {
    const read = (await anApiKey(api.current, fx.ownerToken, { scope: "read" })).secret;
    const write = (await anApiKey(api.current, fx.ownerToken, { scope: "write" })).secret;
    expect((await api.current.request("GET", "/v1/analytics/incidents", { token: read })).status).toBe(200);
    expectError(await api.current.request("POST", `/v1/incidents/${fx.work.resolvedIncidentId}/tasks`, { token: read, body: { title: "no" } }), 403, "FORBIDDEN");
    expectError(await uploadAttachment(api.current, read, fx.work.resolvedIncidentId, { name: "a.txt", bytes: "a" }), 403, "FORBIDDEN");
    const task = await api.current.request("POST", `/v1/incidents/${fx.work.resolvedIncidentId}/tasks`, { token: write, body: { title: "by a key" } });
    expect(task.body).toMatchObject({ title: "by a key", createdBy: null });
    const upload = await uploadAttachment(api.current, write, fx.work.resolvedIncidentId, { name: "a.txt", bytes: "a" });
    expect(upload.body.uploadedBy).toBeNull();
    // A key is nobody's uploader: deleting is for an admin.
    expectError(await api.current.request("DELETE", `/v1/incidents/${fx.work.resolvedIncidentId}/attachments/${upload.body.id}`, { token: write }), 403, "FORBIDDEN");
    expectError(await api.current.request("PUT", "/v1/org/sla-policy", { token: write, body: SLA_TARGETS }), 403, "FORBIDDEN");
  });
});

describe("the tables and the OpenAPI document agree", () => {
  it("every documented route of these areas is in a table", async () => {
    const res = await api.current.request<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json");
    const AREAS = [/^\/v1\/analytics\//, /^\/v1\/attachments\//, /^\/v1\/org\/sla-policy$/, /^\/v1\/org\/services\/\{serviceId\}\/(sla-policy|change-events)$/, /^\/v1\/incidents\/\{incidentId\}\/(tasks|status-updates|postmortem|attachments|change-events)/];
    const documented = Object.entries(res.body.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    const inAreas = documented.filter((route) => AREAS.some((area) => area.test(route.split(" ")[1] ?? "")));
    const tabled = [...MUTATIONS.map((c) => c.route), ...READS.map((c) => c.route)];
    expect(inAreas.length).toBeGreaterThanOrEqual(20);
    expect(inAreas.filter((route) => !tabled.includes(route))).toEqual([]);
    expect(tabled.filter((route) => !documented.includes(route))).toEqual([]);
  });
});
