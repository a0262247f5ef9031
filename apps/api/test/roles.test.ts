import type { OrgRole } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  aMember,
  anApiKey,
  anIncident,
  anInvitation,
  anOrgOwner,
  aPolicy,
  aService,
  aUserWithRole,
  aWebhookTarget,
  countRows,
  escalationKey,
  expectError,
  incidentState,
  queuedJobs,
  rowsOf,
  startWebhookReceiver,
  uniqueEmail,
  uniqueName,
  useStarted,
  useTestApi,
} from "@incidentops/testkit";

const api = useTestApi();

const ROLES = ["viewer", "member", "admin"] as const satisfies readonly OrgRole[];

/** One org with an owner (admin who registered it), one user per role, and some data. */
interface Fixture {
  orgId: string;
  ownerToken: string;
  ownerId: string;
  tokens: Record<OrgRole, string>;
  userIds: Record<OrgRole, string>;
  serviceId: string;
  incidentId: string;
  /** A webhook target at the loopback receiver below. */
  targetId: string;
  policyId: string;
  /** A service that names `policyId`: its incidents can be escalated. */
  escalatingServiceId: string;
}

let fx: Fixture;
/** Counts the test deliveries: a refused POST .../test must send nothing. */
const receiver = useStarted("The receiver", () => startWebhookReceiver());

const newTarget = async (token: string, name: string) => (await aWebhookTarget(api.current, token, `${receiver.current.url}/hook`, { name })).id;

const newPolicy = async (token: string, userId: string, targetId: string) =>
  (
    await aPolicy(
      api.current,
      token,
      [
        { delaySeconds: 300, targets: [{ type: "user", userId }] },
        { delaySeconds: 600, targets: [{ type: "notification_target", targetId }] },
      ],
      { name: uniqueName("roles-policy") },
    )
  ).id;

beforeAll(async () => {
  const owner = await anOrgOwner(api.current, { orgName: "Roles Org" });
  const orgId = owner.org.id;
  const [viewer, member, admin] = await Promise.all(ROLES.map((role) => aUserWithRole(api.current, orgId, role)));
  if (viewer === undefined || member === undefined || admin === undefined) throw new Error("seeding users failed");
  const service = await aService(api.current, owner.accessToken, { name: "roles-base-service" });
  const incident = await anIncident(api.current, owner.accessToken, service.id);
  const targetId = await newTarget(owner.accessToken, "roles-base-hook");
  const policyId = await newPolicy(owner.accessToken, owner.user.id, targetId);
  const escalating = await aService(api.current, owner.accessToken, { name: "roles-escalating-service", escalationPolicyId: policyId });
  fx = {
    orgId,
    ownerToken: owner.accessToken,
    ownerId: owner.user.id,
    tokens: { viewer: viewer.accessToken, member: member.accessToken, admin: admin.accessToken },
    userIds: { viewer: viewer.user.id, member: member.user.id, admin: admin.user.id },
    serviceId: service.id,
    incidentId: incident.id,
    targetId,
    policyId,
    escalatingServiceId: escalating.id,
  };
});

// ---------------------------------------------------------------------------------------------
// DB probes: what a refused call must leave untouched.

const countOf = (table: "services" | "incidents" | "incident_events" | "notification_targets" | "escalation_policies" | "api_keys" | "invitations", orgId: string) =>
  countRows(api.current.db, table, { org_id: orgId });

/** A target's whole row, secret included (none once deleted). */
const targetRow = (targetId: string) => rowsOf(api.current.db, "notification_targets", { id: targetId });

/** A policy's row with its levels and their targets (none once deleted). */
async function policyState(policyId: string) {
  const db = api.current.db;
  return {
    row: await rowsOf(db, "escalation_policies", { id: policyId }),
    levels: await rowsOf(db, "escalation_levels", { policy_id: policyId }),
    targets: await rowsOf(db, "escalation_level_targets", { policy_id: policyId }),
  };
}

// ---------------------------------------------------------------------------------------------
// Mutations. Each case prepares its own target (a fresh incident where the call changes one), so
// an allowed call for one role never disturbs the next role's case.

interface PreparedCall {
  path: string;
  body?: unknown;
  /** The state the call may change; equal before and after means nothing changed. */
  snapshot: () => Promise<unknown>;
  /** What an allowed call answers; by default the created or changed object, with its id. */
  expectAllowed?: (body: Record<string, unknown>) => void;
}

type Expected = 200 | 201 | 403;

interface MutationCase {
  route: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  expected: Record<OrgRole, Expected>;
  prepare: (f: Fixture, role: OrgRole) => PreparedCall | Promise<PreparedCall>;
}

const adminOnlyMutation = { viewer: 403, member: 403, admin: 200 } as const;

async function freshIncident(f: Fixture, serviceId = f.serviceId) {
  return anIncident(api.current, f.ownerToken, serviceId, { title: uniqueName("role-matrix") });
}

const expectOk = (body: Record<string, unknown>) => expect(body).toEqual({ ok: true });

const MUTATIONS: MutationCase[] = [
  {
    route: "POST /v1/org/services",
    method: "POST",
    expected: { viewer: 403, member: 201, admin: 201 },
    prepare: (f, role) => ({
      path: "/v1/org/services",
      body: { name: uniqueName(`svc-${role}`), description: "made by the role matrix" },
      snapshot: () => countOf("services", f.orgId),
    }),
  },
  {
    route: "POST /v1/services/{serviceId}/incidents",
    method: "POST",
    expected: { viewer: 403, member: 201, admin: 201 },
    prepare: (f) => ({
      path: `/v1/services/${f.serviceId}/incidents`,
      body: { title: uniqueName("opened"), severity: "sev2" },
      snapshot: async () => ({ org: await countOf("incidents", f.orgId), service: await countRows(api.current.db, "incidents", { service_id: f.serviceId }) }),
    }),
  },
  {
    route: "POST /v1/incidents/{incidentId}/transition",
    method: "POST",
    expected: { viewer: 403, member: 200, admin: 200 },
    prepare: async (f) => {
      const incident = await freshIncident(f);
      return {
        path: `/v1/incidents/${incident.id}/transition`,
        body: { toStatus: "acknowledged", version: incident.version },
        snapshot: () => incidentState(api.current.db, incident.id),
      };
    },
  },
  {
    route: "POST /v1/incidents/{incidentId}/comment",
    method: "POST",
    expected: { viewer: 403, member: 201, admin: 201 },
    prepare: async (f) => {
      const incident = await freshIncident(f);
      return {
        path: `/v1/incidents/${incident.id}/comment`,
        body: { body: "looking into it" },
        snapshot: async () => ({ incident: await incidentState(api.current.db, incident.id), orgEvents: await countOf("incident_events", f.orgId) }),
      };
    },
  },
  {
    route: "POST /v1/org/notification-targets",
    method: "POST",
    expected: { viewer: 403, member: 403, admin: 201 },
    prepare: (f, role) => ({
      path: "/v1/org/notification-targets",
      body: { name: uniqueName(`hook-${role}`), type: "webhook", config: { url: "https://hooks.example.com/incidentops" } },
      snapshot: () => countOf("notification_targets", f.orgId),
    }),
  },
  {
    route: "PATCH /v1/org/notification-targets/{targetId}",
    method: "PATCH",
    expected: adminOnlyMutation,
    prepare: async (f, role) => {
      const targetId = await newTarget(f.ownerToken, uniqueName("patch-me"));
      return {
        path: `/v1/org/notification-targets/${targetId}`,
        body: { name: uniqueName(`renamed-by-${role}`), enabled: false, minSeverity: "sev2" },
        snapshot: () => targetRow(targetId),
      };
    },
  },
  {
    route: "DELETE /v1/org/notification-targets/{targetId}",
    method: "DELETE",
    expected: adminOnlyMutation,
    prepare: async (f) => {
      const targetId = await newTarget(f.ownerToken, uniqueName("delete-me"));
      return { path: `/v1/org/notification-targets/${targetId}`, snapshot: () => targetRow(targetId), expectAllowed: expectOk };
    },
  },
  {
    route: "POST /v1/org/notification-targets/{targetId}/rotate-secret",
    method: "POST",
    expected: adminOnlyMutation,
    prepare: async (f) => {
      const targetId = await newTarget(f.ownerToken, uniqueName("rotate-me"));
      return {
        path: `/v1/org/notification-targets/${targetId}/rotate-secret`,
        snapshot: () => targetRow(targetId),
        expectAllowed: (body) => {
          expect(body.id).toBe(targetId);
          expect(body.secret).toMatch(/^whsec_/);
        },
      };
    },
  },
  {
    route: "POST /v1/org/notification-targets/{targetId}/test",
    method: "POST",
    expected: adminOnlyMutation,
    prepare: (f) => ({
      path: `/v1/org/notification-targets/${f.targetId}/test`,
      // Nothing in the database changes: the receiver's request count is the state.
      snapshot: () => Promise.resolve(receiver.current.requests.length),
      expectAllowed: (body) => expect(body).toMatchObject({ ok: true, httpStatus: 200, error: null }),
    }),
  },
  {
    route: "POST /v1/org/escalation-policies",
    method: "POST",
    expected: { viewer: 403, member: 403, admin: 201 },
    prepare: (f, role) => ({
      path: "/v1/org/escalation-policies",
      body: {
        name: uniqueName(`policy-${role}`),
        levels: [{ delaySeconds: 60, targets: [{ type: "user", userId: f.ownerId }, { type: "notification_target", targetId: f.targetId }] }],
      },
      snapshot: () => countOf("escalation_policies", f.orgId),
    }),
  },
  {
    route: "PUT /v1/org/escalation-policies/{policyId}",
    method: "PUT",
    expected: adminOnlyMutation,
    prepare: async (f, role) => {
      const policyId = await newPolicy(f.ownerToken, f.ownerId, f.targetId);
      return {
        path: `/v1/org/escalation-policies/${policyId}`,
        body: { name: uniqueName(`replaced-by-${role}`), repeat: 3, levels: [{ delaySeconds: 5, targets: [{ type: "user", userId: f.userIds[role] }] }] },
        snapshot: () => policyState(policyId),
      };
    },
  },
  {
    route: "DELETE /v1/org/escalation-policies/{policyId}",
    method: "DELETE",
    expected: adminOnlyMutation,
    prepare: async (f) => {
      const policyId = await newPolicy(f.ownerToken, f.ownerId, f.targetId);
      return { path: `/v1/org/escalation-policies/${policyId}`, snapshot: () => policyState(policyId), expectAllowed: expectOk };
    },
  },
  {
    route: "PATCH /v1/org/services/{serviceId}",
    method: "PATCH",
    expected: adminOnlyMutation,
    prepare: async (f, role) => {
      const service = await aService(api.current, f.ownerToken, { name: uniqueName("patch-service") });
      return {
        path: `/v1/org/services/${service.id}`,
        body: { description: `set by ${role}`, escalationPolicyId: f.policyId },
        snapshot: () => rowsOf(api.current.db, "services", { id: service.id }),
      };
    },
  },
  {
    route: "POST /v1/incidents/{incidentId}/escalate",
    method: "POST",
    expected: { viewer: 403, member: 200, admin: 200 },
    prepare: async (f) => {
      const incident = await freshIncident(f, f.escalatingServiceId);
      return {
        path: `/v1/incidents/${incident.id}/escalate`,
        // The incident row does not change: the escalation job (replaced by key) does.
        snapshot: async () => ({ incident: await incidentState(api.current.db, incident.id), jobs: await queuedJobs(api.current.db, { key: escalationKey(incident.id) }) }),
      };
    },
  },
  {
    route: "PUT /v1/users/me/notification-preferences",
    method: "PUT",
    expected: { viewer: 200, member: 200, admin: 200 },
    prepare: (f, role) => ({
      path: "/v1/users/me/notification-preferences",
      body: { eventKinds: ["resolved", "triggered"] },
      snapshot: async () => ({
        mine: await rowsOf(api.current.db, "user_notification_preferences", { user_id: f.userIds[role] }),
        owner: await rowsOf(api.current.db, "user_notification_preferences", { user_id: f.ownerId }),
      }),
      expectAllowed: (body) => expect(body.eventKinds).toEqual(["triggered", "resolved"]),
    }),
  },
  {
    route: "POST /v1/org/api-keys",
    method: "POST",
    expected: { viewer: 403, member: 403, admin: 201 },
    prepare: (f, role) => ({
      path: "/v1/org/api-keys",
      body: { name: uniqueName(`key-${role}`), scope: "write" },
      snapshot: () => countOf("api_keys", f.orgId),
      expectAllowed: (body) => {
        expect(body).toHaveProperty("id");
        expect(body.secret).toMatch(/^iok_/);
      },
    }),
  },
  {
    route: "POST /v1/org/api-keys/{keyId}/revoke",
    method: "POST",
    expected: adminOnlyMutation,
    prepare: async (f) => {
      const keyId = (await anApiKey(api.current, f.ownerToken, { name: uniqueName("revoke-me") })).id;
      return {
        path: `/v1/org/api-keys/${keyId}/revoke`,
        snapshot: () => rowsOf(api.current.db, "api_keys", { id: keyId }),
        expectAllowed: (body) => expect(body).toMatchObject({ id: keyId, status: "revoked" }),
      };
    },
  },
  {
    route: "POST /v1/org/invitations",
    method: "POST",
    expected: { viewer: 403, member: 403, admin: 201 },
    prepare: (f, role) => ({
      path: "/v1/org/invitations",
      body: { email: uniqueEmail(`invited-by-${role}`), role: "member" },
      snapshot: async () => ({ invitations: await countOf("invitations", f.orgId), emails: (await queuedJobs(api.current.db, { task: "send_account_email" })).length }),
      expectAllowed: (body) => {
        expect(body).toMatchObject({ status: "pending", role: "member" });
        expect(body.token).toMatch(/^ioi_/);
      },
    }),
  },
  {
    route: "DELETE /v1/org/invitations/{invitationId}",
    method: "DELETE",
    expected: adminOnlyMutation,
    prepare: async (f) => {
      const invitationId = (await anInvitation(api.current, f.ownerToken, { email: uniqueEmail("revoke-invite"), role: "viewer" })).invitation.id;
      return {
        path: `/v1/org/invitations/${invitationId}`,
        snapshot: () => rowsOf(api.current.db, "invitations", { id: invitationId }),
        expectAllowed: (body) => expect(body).toMatchObject({ id: invitationId, status: "revoked" }),
      };
    },
  },
  {
    route: "PATCH /v1/org/members/{userId}",
    method: "PATCH",
    expected: adminOnlyMutation,
    prepare: async (f) => {
      const userId = await aMember(api.current, f.orgId, "viewer");
      return {
        path: `/v1/org/members/${userId}`,
        body: { role: "member" },
        snapshot: () => rowsOf(api.current.db, "org_members", { org_id: f.orgId, user_id: userId }),
        expectAllowed: (body) => expect(body).toMatchObject({ user: { id: userId }, role: "member" }),
      };
    },
  },
  {
    route: "DELETE /v1/org/members/{userId}",
    method: "DELETE",
    expected: adminOnlyMutation,
    prepare: async (f) => {
      const userId = await aMember(api.current, f.orgId, "viewer");
      return {
        path: `/v1/org/members/${userId}`,
        snapshot: () => rowsOf(api.current.db, "org_members", { org_id: f.orgId, user_id: userId }),
        expectAllowed: (body) => expect(body).toMatchObject({ ok: true }),
      };
    },
  },
  {
    route: "PATCH /v1/org",
    method: "PATCH",
    expected: adminOnlyMutation,
    prepare: (f, role) => ({
      path: "/v1/org",
      body: { name: uniqueName(`Roles Org renamed by ${role}`) },
      snapshot: () => rowsOf(api.current.db, "orgs", { id: f.orgId }),
      expectAllowed: (body) => expect(body).toMatchObject({ id: f.orgId, role: "admin" }),
    }),
  },
  {
    route: "POST /v1/orgs",
    method: "POST",
    expected: { viewer: 201, member: 201, admin: 201 },
    prepare: (f, role) => ({
      path: "/v1/orgs",
      body: { name: uniqueName(`own org of the ${role}`) },
      snapshot: () => countRows(api.current.db, "org_members", { user_id: f.userIds[role] }),
      expectAllowed: (body) => expect(body).toMatchObject({ role: "admin" }),
    }),
  },
];

const mutationMatrix = MUTATIONS.flatMap((c) => ROLES.map((role) => ({ ...c, role, status: c.expected[role] })));

describe("role matrix: mutations", () => {
  for (const { route, method, role, status, prepare } of mutationMatrix) it(`${route} as ${role} -> ${status}`, async () => {
    const call = await prepare(fx, role);
    const before = await call.snapshot();
    const res = await api.current.request(method, call.path, { token: fx.tokens[role], body: call.body });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const after = await call.snapshot();
    if (status === 403) {
      expectError(res, 403, "FORBIDDEN");
      expect(after).toEqual(before);
    } else {
      if (call.expectAllowed === undefined) expect(res.body).toHaveProperty("id");
      else call.expectAllowed(res.body);
      // The probe sees the allowed call, so its equality on refused calls means something.
      expect(after).not.toEqual(before);
    }
  });

  it("the role matrix covers every role for every mutation", () => {
    expect(mutationMatrix).toHaveLength(MUTATIONS.length * ROLES.length);
  });
});

// ---------------------------------------------------------------------------------------------
// Reads.

interface ReadCase {
  route: string;
  expected: Record<OrgRole, 200 | 403>;
  path: (f: Fixture) => string;
}

const adminOnly = { viewer: 403, member: 403, admin: 200 } as const;
const everyone = { viewer: 200, member: 200, admin: 200 } as const;

const READS: ReadCase[] = [
  { route: "GET /v1/org/members", expected: adminOnly, path: () => "/v1/org/members" },
  { route: "GET /v1/org/members/{userId}/removal", expected: adminOnly, path: (f) => `/v1/org/members/${f.userIds.viewer}/removal` },
  { route: "GET /v1/org/members/{userId}/notification-preferences", expected: adminOnly, path: (f) => `/v1/org/members/${f.userIds.viewer}/notification-preferences` },
  { route: "GET /v1/org/people", expected: everyone, path: () => "/v1/org/people" },
  { route: "GET /v1/org/notification-targets", expected: adminOnly, path: () => "/v1/org/notification-targets" },
  { route: "GET /v1/org", expected: everyone, path: () => "/v1/org" },
  { route: "GET /v1/org/services", expected: everyone, path: () => "/v1/org/services" },
  { route: "GET /v1/incidents", expected: everyone, path: () => "/v1/incidents" },
  { route: "GET /v1/incidents/counts", expected: everyone, path: () => "/v1/incidents/counts" },
  { route: "GET /v1/incidents/{incidentId}", expected: everyone, path: (f) => `/v1/incidents/${f.incidentId}` },
  { route: "GET /v1/incidents/{incidentId}/events", expected: everyone, path: (f) => `/v1/incidents/${f.incidentId}/events` },
  {
    route: "GET /v1/org/notification-targets/{targetId}",
    expected: adminOnly,
    path: (f) => `/v1/org/notification-targets/${f.targetId}`,
  },
  { route: "GET /v1/org/escalation-policies", expected: adminOnly, path: () => "/v1/org/escalation-policies" },
  { route: "GET /v1/org/escalation-policies/{policyId}", expected: adminOnly, path: (f) => `/v1/org/escalation-policies/${f.policyId}` },
  { route: "GET /v1/org/services/{serviceId}", expected: everyone, path: (f) => `/v1/org/services/${f.escalatingServiceId}` },
  {
    route: "GET /v1/incidents/{incidentId}/notifications",
    expected: everyone,
    path: (f) => `/v1/incidents/${f.incidentId}/notifications`,
  },
  { route: "GET /v1/users/me/notification-preferences", expected: everyone, path: () => "/v1/users/me/notification-preferences" },
  { route: "GET /v1/audit-logs", expected: adminOnly, path: () => "/v1/audit-logs" },
  { route: "GET /v1/usage", expected: adminOnly, path: () => "/v1/usage" },
  { route: "GET /v1/org/api-keys", expected: adminOnly, path: () => "/v1/org/api-keys" },
  { route: "GET /v1/org/invitations", expected: adminOnly, path: () => "/v1/org/invitations" },
  { route: "GET /v1/orgs", expected: everyone, path: () => "/v1/orgs" },
];

const readMatrix = READS.flatMap((c) => ROLES.map((role) => ({ ...c, role, status: c.expected[role] })));

describe("role matrix: reads", () => {
  for (const { route, role, status, path } of readMatrix) it(`${route} as ${role} -> ${status}`, async () => {
    const res = await api.current.request("GET", path(fx), { token: fx.tokens[role] });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status === 403) expectError(res, 403, "FORBIDDEN");
    else expect(res.body).not.toHaveProperty("code");
  });

  it("reads return the org's data to a viewer", async () => {
    const token = fx.tokens.viewer;
    const org = await api.current.request<{ id: string; role: string }>("GET", "/v1/org", { token });
    expect(org.body).toMatchObject({ id: fx.orgId, role: "viewer" });
    const services = await api.current.request<{ items: { id: string }[] }>("GET", "/v1/org/services", { token });
    expect(services.body.items.map((s) => s.id)).toContain(fx.serviceId);
    const incidents = await api.current.request<{ items: { id: string }[] }>("GET", "/v1/incidents", { token });
    expect(incidents.body.items.map((i) => i.id)).toContain(fx.incidentId);
    const incident = await api.current.request<{ id: string }>("GET", `/v1/incidents/${fx.incidentId}`, { token });
    expect(incident.body.id).toBe(fx.incidentId);
    const events = await api.current.request<{ items: { kind: string }[] }>("GET", `/v1/incidents/${fx.incidentId}/events`, { token });
    expect(events.body.items[0]?.kind).toBe("created");
  });

  it("new reads return the org's data to a viewer", async () => {
    const token = fx.tokens.viewer;
    const service = await api.current.request<{ id: string; escalationPolicyId: string | null }>("GET", `/v1/org/services/${fx.escalatingServiceId}`, {
      token,
    });
    expect(service.body).toMatchObject({ id: fx.escalatingServiceId, escalationPolicyId: fx.policyId });
    const notifications = await api.current.request("GET", `/v1/incidents/${fx.incidentId}/notifications`, { token });
    expect(notifications.body).toEqual({ items: [], nextCursor: null });
    // The viewer's own choice, made in the mutation matrix above (preferences are per user).
    const prefs = await api.current.request<{ eventKinds: string[] }>("GET", "/v1/users/me/notification-preferences", { token });
    expect(prefs.body.eventKinds).toEqual(["triggered", "resolved"]);
  });

  it("the admin reads targets and policies, without the target's secret", async () => {
    const token = fx.tokens.admin;
    const target = await api.current.request("GET", `/v1/org/notification-targets/${fx.targetId}`, { token });
    expect(target.body).toMatchObject({ id: fx.targetId, type: "webhook" });
    expect(target.body).not.toHaveProperty("secret");
    const policies = await api.current.request<{ items: { id: string }[] }>("GET", "/v1/org/escalation-policies?limit=100", { token });
    expect(policies.body.items.map((p) => p.id)).toContain(fx.policyId);
    const policy = await api.current.request<{ id: string; levels: unknown[] }>("GET", `/v1/org/escalation-policies/${fx.policyId}`, { token });
    expect(policy.body.id).toBe(fx.policyId);
    expect(policy.body.levels).toHaveLength(2);
  });

  it("the admin's member list shows every seeded role", async () => {
    const res = await api.current.request<{ items: { user: { id: string }; role: string }[] }>("GET", "/v1/org/members?limit=200", {
      token: fx.tokens.admin,
    });
    // The member-route cases above leave people of their own in the org: look at the seeded ones.
    const seeded = new Set([fx.ownerId, ...Object.values(fx.userIds)]);
    expect(res.body.items.filter((m) => seeded.has(m.user.id)).map((m) => m.role).sort()).toEqual(["admin", "admin", "member", "viewer"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every route of the tables is in the OpenAPI document, and every documented route of the
// notification and escalation areas has its row (other areas keep role checks of their own).

/** Documented paths whose every operation must be in the tables: these and everything under them. */
const TABLED_AREAS = ["/org/notification-targets", "/org/escalation-policies", "/users/me/notification-preferences", "/org/invitations", "/org/members", "/org/people", "/orgs"];
/** Single documented paths whose every operation must be in the tables. */
const TABLED_PATHS = ["/org/services/{serviceId}", "/incidents/{incidentId}/escalate", "/incidents/{incidentId}/notifications", "/org"];

describe("the role tables and the OpenAPI document agree", () => {
  it("every tabled route is documented, and every documented route of the tabled areas is tabled", async () => {
    const res = await api.current.request<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json");
    expect(res.status).toBe(200);
    const documented = Object.entries(res.body.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => ({ path: path.replace(/^\/v1(?=\/)/, ""), route: `${method.toUpperCase()} ${path}` })),
    );
    const tabled = [...MUTATIONS.map((c) => c.route), ...READS.map((c) => c.route)];
    expect(new Set(tabled).size).toBe(tabled.length);
    const documentedRoutes = documented.map((d) => d.route);
    expect(tabled.filter((route) => !documentedRoutes.includes(route))).toEqual([]);
    const inFamilies = documented.filter(
      (d) => TABLED_PATHS.includes(d.path) || TABLED_AREAS.some((area) => d.path === area || d.path.startsWith(`${area}/`)),
    );
    expect(inFamilies.length).toBeGreaterThanOrEqual(15);
    expect(inFamilies.map((d) => d.route).filter((route) => !tabled.includes(route))).toEqual([]);
    // The table's method is the one in its route name.
    for (const c of MUTATIONS) expect(c.route.startsWith(`${c.method} `), c.route).toBe(true);
  });
});
