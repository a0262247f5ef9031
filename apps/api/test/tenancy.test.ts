import { randomUUID } from "node:crypto";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addMember,
  anIncident,
  anOrgOwner,
  aService,
  aUserWithRole,
  fieldsOf,
  incidentState,
  queuedJobs,
  startWebhookReceiver,
  uniqueEmail,
  useTestApi,
  type HttpResponse,
  type IncidentBody,
  type WebhookReceiver,
} from "@incidentops/testkit";

const api = useTestApi();

interface OrgFixture {
  orgId: string;
  userId: string;
  token: string;
  /** Follows `policyId`, so its incidents escalate. */
  serviceId: string;
  /** Left untouched at `triggered`, version 1: a foreign transition to `acknowledged` would be valid. */
  incident: IncidentBody;
  /** A webhook at the org's own loopback receiver: a foreign test delivery would show there. */
  targetId: string;
  /** Levels naming `targetId` and the owner; used by `serviceId`. */
  policyId: string;
  /** An API key of the org's, never used: a foreign revocation would show in its row. */
  apiKeyId: string;
  /** A pending invitation of the org's: a foreign revocation would show in its row. */
  invitationId: string;
  /** A viewer of the org (not its owner, so removing or demoting it is allowed to the owner). */
  memberId: string;
}

let A: OrgFixture;
let B: OrgFixture;
/** A viewer of B: refused by role on mutations, so its answers must not depend on A's data either. */
let viewerOfB: string;
/** Each org's webhook receiver, by org id. */
const receivers = new Map<string, WebhookReceiver>();

async function ok<T>(res: Promise<HttpResponse<T>>, status: number, what: string): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function createTarget(token: string, receiver: WebhookReceiver, name: string): Promise<string> {
  const body = { name, type: "webhook", config: { url: `${receiver.url}/${encodeURIComponent(name)}` } };
  return (await ok(api.current.request<{ id: string }>("POST", "/v1/org/notification-targets", { token, body }), 201, "create target")).id;
}

async function createPolicy(token: string, name: string, userId: string, targetId: string): Promise<string> {
  const body = {
    name,
    repeat: 2,
    levels: [
      { delaySeconds: 120, targets: [{ type: "notification_target", targetId }] },
      { delaySeconds: 300, targets: [{ type: "user", userId }] },
    ],
  };
  return (await ok(api.current.request<{ id: string }>("POST", "/v1/org/escalation-policies", { token, body }), 201, "create policy")).id;
}

async function createApiKey(token: string, name: string): Promise<string> {
  return (await ok(api.current.request<{ id: string }>("POST", "/v1/org/api-keys", { token, body: { name, scope: "write" } }), 201, "create key")).id;
}

async function createInvitation(token: string): Promise<string> {
  const body = { email: uniqueEmail("tenancy-invitee"), role: "member" };
  return (await ok(api.current.request<{ id: string }>("POST", "/v1/org/invitations", { token, body }), 201, "create invitation")).id;
}

/** A viewer added straight in the database: the calls act on it, it never signs in. */
async function seedViewer(orgId: string): Promise<string> {
  const user = await api.current.db
    .insertInto("users")
    .values({ email: uniqueEmail("tenancy-viewer"), name: "Seeded Viewer", password_hash: "not-a-usable-hash" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await addMember(api.current.db, orgId, user.id, "viewer");
  return user.id;
}

async function attachPolicy(token: string, serviceId: string, escalationPolicyId: string | null): Promise<void> {
  await ok(api.current.request("PATCH", `/v1/org/services/${serviceId}`, { token, body: { escalationPolicyId } }), 200, "attach policy");
}

async function seedOrg(label: string): Promise<OrgFixture> {
  const receiver = await startWebhookReceiver();
  const owner = await anOrgOwner(api.current, { orgName: `Tenancy ${label}`, name: `Owner ${label}` });
  receivers.set(owner.org.id, receiver);
  const service = await aService(api.current, owner.accessToken, { name: `tenancy-${label}-service` });
  const targetId = await createTarget(owner.accessToken, receiver, `${label} hook`);
  const policyId = await createPolicy(owner.accessToken, `${label} policy`, owner.user.id, targetId);
  await attachPolicy(owner.accessToken, service.id, policyId);
  const incident = await anIncident(api.current, owner.accessToken, service.id, { title: `${label} is down` });
  const apiKeyId = await createApiKey(owner.accessToken, `${label} key`);
  const invitationId = await createInvitation(owner.accessToken);
  const memberId = await seedViewer(owner.org.id);
  return {
    orgId: owner.org.id,
    userId: owner.user.id,
    token: owner.accessToken,
    serviceId: service.id,
    incident,
    targetId,
    policyId,
    apiKeyId,
    invitationId,
    memberId,
  };
}

afterAll(async () => {
  for (const receiver of receivers.values()) await receiver.close();
});

beforeAll(async () => {
  A = await seedOrg("A");
  B = await seedOrg("B");
  viewerOfB = (await aUserWithRole(api.current, B.orgId, "viewer")).accessToken;
  // A second incident in A with a timeline beyond "created", so "nothing changed" covers more rows.
  const busy = await anIncident(api.current, A.token, A.serviceId, { title: "A is busy", severity: "sev1" });
  const comment = await api.current.request("POST", `/v1/incidents/${busy.id}/comment`, { token: A.token, body: { body: "on it" } });
  if (comment.status !== 201) throw new Error(`seed comment failed: ${comment.status}`);
});

// ---------------------------------------------------------------------------------------------
// Probes.

/** Everything of an org's that a foreign call could change, read straight from the database. */
async function orgState(orgId: string) {
  const db = api.current.db;
  const incidents = await db
    .selectFrom("incidents")
    .select(["id", "service_id", "status", "version", "updated_at", "acknowledged_at", "resolved_at"])
    .where("org_id", "=", orgId)
    .orderBy("id")
    .execute();
  const events = await db
    .selectFrom("incident_events")
    .select(["incident_id", (eb) => eb.fn.countAll<string>().as("n")])
    .where("org_id", "=", orgId)
    .groupBy("incident_id")
    .orderBy("incident_id")
    .execute();
  const services = await db
    .selectFrom("services")
    .select(["id", "name", "description", "escalation_policy_id", "updated_at"])
    .where("org_id", "=", orgId)
    .orderBy("id")
    .execute();
  // Whole rows: config, filters, enabled and the signing secret must all stay as they were.
  const targets = await db.selectFrom("notification_targets").selectAll().where("org_id", "=", orgId).orderBy("id").execute();
  const policies = await db.selectFrom("escalation_policies").selectAll().where("org_id", "=", orgId).orderBy("id").execute();
  const levels = await db
    .selectFrom("escalation_levels")
    .selectAll()
    .where("org_id", "=", orgId)
    .orderBy("policy_id")
    .orderBy("level")
    .execute();
  const levelTargets = await db
    .selectFrom("escalation_level_targets")
    .selectAll()
    .where("org_id", "=", orgId)
    .orderBy("policy_id")
    .orderBy("level")
    .orderBy("position")
    .execute();
  const attempts = await db.selectFrom("notification_attempts").selectAll().where("org_id", "=", orgId).orderBy("id").execute();
  const apiKeys = await db.selectFrom("api_keys").selectAll().where("org_id", "=", orgId).orderBy("id").execute();
  const invitations = await db.selectFrom("invitations").selectAll().where("org_id", "=", orgId).orderBy("id").execute();
  const members = await db.selectFrom("org_members").selectAll().where("org_id", "=", orgId).orderBy("user_id").execute();
  const org = await db.selectFrom("orgs").selectAll().where("id", "=", orgId).execute();
  const escalation = await db
    .selectFrom("incidents")
    .select(["id", "escalation_policy_id", "escalation_step"])
    .where("org_id", "=", orgId)
    .orderBy("id")
    .execute();
  // Jobs enqueued on the org's behalf (escalations replaced by key bump their revision).
  const jobs = await queuedJobs(db, { orgId });
  const deliveries = receivers.get(orgId)?.requests.length ?? 0;
  return JSON.parse(
    JSON.stringify({ incidents, events, services, targets, policies, levels, levelTargets, attempts, escalation, jobs, deliveries, apiKeys, invitations, members, org }),
  ) as unknown;
}

async function serviceIncidentCount(serviceId: string): Promise<number> {
  const row = await api.current.db
    .selectFrom("incidents")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("service_id", "=", serviceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function expectErrorBody(res: HttpResponse, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(Object.keys(res.body).sort()).toEqual(["code", "details", "message", "traceId"]);
  expect(res.body.code).toBe(code);
  expect(typeof res.body.message).toBe("string");
  expect(res.body.traceId).toBe(res.headers.get("x-request-id"));
}

/** The parts of an error body that must not differ between "another org's" and "missing". */
const comparable = (res: HttpResponse) => ({ status: res.status, code: res.body.code, message: res.body.message, details: res.body.details });

// ---------------------------------------------------------------------------------------------
// Every route that takes an id, table-driven: a new route is one entry.

interface IdRoute {
  route: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Which of A's ids the route takes. */
  idOf: (f: OrgFixture) => string;
  path: (id: string) => string;
  /** A body that would succeed for A's own fixture (same version, valid move). */
  body?: (f: OrgFixture) => unknown;
  /** What A's owner gets on the same call: proves the route and body are right. */
  ownerStatus: 200 | 201;
  notFoundMessage: string;
}

const ID_ROUTES: IdRoute[] = [
  {
    route: "GET /v1/incidents/{incidentId}",
    method: "GET",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Incident not found",
  },
  {
    route: "GET /v1/incidents/{incidentId}/events",
    method: "GET",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}/events`,
    ownerStatus: 200,
    notFoundMessage: "Incident not found",
  },
  {
    route: "POST /v1/incidents/{incidentId}/transition",
    method: "POST",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}/transition`,
    body: (f) => ({ toStatus: "acknowledged", version: f.incident.version }),
    ownerStatus: 200,
    notFoundMessage: "Incident not found",
  },
  {
    route: "POST /v1/incidents/{incidentId}/comment",
    method: "POST",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}/comment`,
    body: () => ({ body: "a comment from the wrong org" }),
    ownerStatus: 201,
    notFoundMessage: "Incident not found",
  },
  {
    route: "POST /v1/services/{serviceId}/incidents",
    method: "POST",
    idOf: (f) => f.serviceId,
    path: (id) => `/v1/services/${id}/incidents`,
    body: () => ({ title: "opened from the wrong org", severity: "sev1" }),
    ownerStatus: 201,
    notFoundMessage: "Service not found",
  },
  {
    route: "POST /v1/incidents/{incidentId}/escalate",
    method: "POST",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}/escalate`,
    ownerStatus: 200,
    notFoundMessage: "Incident not found",
  },
  {
    route: "GET /v1/incidents/{incidentId}/notifications",
    method: "GET",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}/notifications`,
    ownerStatus: 200,
    notFoundMessage: "Incident not found",
  },
  {
    route: "GET /v1/org/services/{serviceId}",
    method: "GET",
    idOf: (f) => f.serviceId,
    path: (id) => `/v1/org/services/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Service not found",
  },
  {
    route: "PATCH /v1/org/services/{serviceId}",
    method: "PATCH",
    idOf: (f) => f.serviceId,
    path: (id) => `/v1/org/services/${id}`,
    // Names the fixture's own policy: the service is looked up (404) before the policy is checked.
    body: (f) => ({ name: "renamed from the wrong org", description: "changed", escalationPolicyId: f.policyId }),
    ownerStatus: 200,
    notFoundMessage: "Service not found",
  },
  {
    route: "GET /v1/org/notification-targets/{targetId}",
    method: "GET",
    idOf: (f) => f.targetId,
    path: (id) => `/v1/org/notification-targets/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Notification target not found",
  },
  {
    route: "PATCH /v1/org/notification-targets/{targetId}",
    method: "PATCH",
    idOf: (f) => f.targetId,
    path: (id) => `/v1/org/notification-targets/${id}`,
    body: () => ({ name: "hijacked", enabled: false, config: { url: "https://attacker.example.com/hook" }, eventKinds: ["resolved"], minSeverity: "sev1" }),
    ownerStatus: 200,
    notFoundMessage: "Notification target not found",
  },
  {
    route: "DELETE /v1/org/notification-targets/{targetId}",
    method: "DELETE",
    idOf: (f) => f.targetId,
    path: (id) => `/v1/org/notification-targets/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Notification target not found",
  },
  {
    route: "POST /v1/org/notification-targets/{targetId}/rotate-secret",
    method: "POST",
    idOf: (f) => f.targetId,
    path: (id) => `/v1/org/notification-targets/${id}/rotate-secret`,
    ownerStatus: 200,
    notFoundMessage: "Notification target not found",
  },
  {
    route: "POST /v1/org/notification-targets/{targetId}/test",
    method: "POST",
    idOf: (f) => f.targetId,
    path: (id) => `/v1/org/notification-targets/${id}/test`,
    ownerStatus: 200,
    notFoundMessage: "Notification target not found",
  },
  {
    route: "GET /v1/org/escalation-policies/{policyId}",
    method: "GET",
    idOf: (f) => f.policyId,
    path: (id) => `/v1/org/escalation-policies/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Escalation policy not found",
  },
  {
    route: "PUT /v1/org/escalation-policies/{policyId}",
    method: "PUT",
    idOf: (f) => f.policyId,
    path: (id) => `/v1/org/escalation-policies/${id}`,
    // Valid for the fixture's own org: its own target and user.
    body: (f) => ({
      name: "replaced from the wrong org",
      repeat: 1,
      levels: [{ delaySeconds: 0, targets: [{ type: "user", userId: f.userId }, { type: "notification_target", targetId: f.targetId }] }],
    }),
    ownerStatus: 200,
    notFoundMessage: "Escalation policy not found",
  },
  {
    route: "DELETE /v1/org/escalation-policies/{policyId}",
    method: "DELETE",
    idOf: (f) => f.policyId,
    path: (id) => `/v1/org/escalation-policies/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Escalation policy not found",
  },
  {
    route: "POST /v1/org/api-keys/{keyId}/revoke",
    method: "POST",
    idOf: (f) => f.apiKeyId,
    path: (id) => `/v1/org/api-keys/${id}/revoke`,
    ownerStatus: 200,
    notFoundMessage: "API key not found",
  },
  {
    route: "DELETE /v1/org/invitations/{invitationId}",
    method: "DELETE",
    idOf: (f) => f.invitationId,
    path: (id) => `/v1/org/invitations/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Invitation not found",
  },
  {
    route: "PATCH /v1/org/members/{userId}",
    method: "PATCH",
    idOf: (f) => f.memberId,
    path: (id) => `/v1/org/members/${id}`,
    body: () => ({ role: "admin" }),
    ownerStatus: 200,
    notFoundMessage: "Member not found",
  },
  {
    route: "DELETE /v1/org/members/{userId}",
    method: "DELETE",
    idOf: (f) => f.memberId,
    path: (id) => `/v1/org/members/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Member not found",
  },
];

let controlCounter = 0;

/**
 * Fresh resources of A's for the owner's control call, so a successful call (a deletion, a
 * rotation, an escalation) never touches the shared fixture: a new incident on A's escalating
 * service, and a new target, an unused policy and a new service without a policy.
 */
async function controlFixture(f: OrgFixture): Promise<OrgFixture> {
  const n = ++controlCounter;
  const receiver = receivers.get(f.orgId);
  if (receiver === undefined) throw new Error("no receiver for the org");
  const incident = await anIncident(api.current, f.token, f.serviceId, { title: "control" });
  const targetId = await createTarget(f.token, receiver, `control hook ${n}`);
  const policyId = await createPolicy(f.token, `control policy ${n}`, f.userId, targetId);
  const service = await aService(api.current, f.token, { name: `control-service-${n}` });
  const apiKeyId = await createApiKey(f.token, `control key ${n}`);
  const invitationId = await createInvitation(f.token);
  const memberId = await seedViewer(f.orgId);
  return { ...f, incident, targetId, policyId, serviceId: service.id, apiKeyId, invitationId, memberId };
}

function call(route: IdRoute, token: string, id: string, bodyFrom: OrgFixture) {
  const body = route.body?.(bodyFrom);
  return api.current.request(route.method, route.path(id), body === undefined ? { token } : { token, body });
}

for (const route of ID_ROUTES) describe(route.route, () => {
  it("answers 404 NOT_FOUND (never 403) to another org's admin, and changes nothing in A", async () => {
    const beforeA = await orgState(A.orgId);
    const beforeIncident = await incidentState(api.current.db, A.incident.id);
    const beforeServiceCount = await serviceIncidentCount(A.serviceId);
    const beforeB = await orgState(B.orgId);

    const res = await call(route, B.token, route.idOf(A), A);
    expectErrorBody(res, 404, "NOT_FOUND");
    expect(res.body.message).toBe(route.notFoundMessage);

    expect(await incidentState(api.current.db, A.incident.id)).toEqual(beforeIncident);
    expect(await serviceIncidentCount(A.serviceId)).toBe(beforeServiceCount);
    expect(await orgState(A.orgId)).toEqual(beforeA);
    // Nor did the call land in the caller's own org.
    expect(await orgState(B.orgId)).toEqual(beforeB);
  });

  it("answers a random uuid with the identical 404 (existence does not leak)", async () => {
    const foreign = await call(route, B.token, route.idOf(A), A);
    const missing = await call(route, B.token, randomUUID(), A);
    expectErrorBody(missing, 404, "NOT_FOUND");
    expect(comparable(missing)).toEqual(comparable(foreign));
  });

  it("answers a non-uuid id with 400 VALIDATION_FAILED", async () => {
    const before = await orgState(B.orgId);
    const res = await call(route, B.token, "not-a-uuid", B);
    expectErrorBody(res, 400, "VALIDATION_FAILED");
    expect(await orgState(B.orgId)).toEqual(before);
  });

  it("gives a low-role caller of another org the same answer for A's id as for a missing one", async () => {
    const before = await orgState(A.orgId);
    const foreign = await call(route, viewerOfB, route.idOf(A), A);
    const missing = await call(route, viewerOfB, randomUUID(), A);
    expect(foreign.status).not.toBe(200);
    expect(foreign.status).not.toBe(201);
    expect(comparable(foreign)).toEqual(comparable(missing));
    expect(await orgState(A.orgId)).toEqual(before);
  });

  it("serves the same call to the owning org (control)", async () => {
    // A fresh fixture in A so the control leaves A's shared data untouched.
    const own = await controlFixture(A);
    const res = await call(route, A.token, route.idOf(own), own);
    expect(res.status, JSON.stringify(res.body)).toBe(route.ownerStatus);
  });
});

// ---------------------------------------------------------------------------------------------
// Lists are scoped to the token's org.

interface Page {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

function idsOf(page: Page): string[] {
  return page.items.map((item) => {
    const user = item.user;
    if (typeof user === "object" && user !== null && "id" in user) return String(user.id);
    return String(item.id);
  });
}

async function list(token: string, path: string): Promise<string[]> {
  const res = await api.current.request<Page>("GET", path, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.nextCursor).toBeNull();
  return idsOf(res.body);
}

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
  ]);
  return ids.flat().map((r) => r.id);
}

describe("lists are scoped to the caller's org", () => {
  const LISTS: { path: string; own: (f: OrgFixture) => string }[] = [
    { path: "/v1/incidents?limit=100", own: (f) => f.incident.id },
    { path: "/v1/org/services?limit=100", own: (f) => f.serviceId },
    { path: "/v1/org/notification-targets?limit=100", own: (f) => f.targetId },
    { path: "/v1/org/members?limit=100", own: (f) => f.userId },
    { path: "/v1/org/escalation-policies?limit=100", own: (f) => f.policyId },
    { path: "/v1/org/api-keys?limit=100", own: (f) => f.apiKeyId },
    { path: "/v1/org/invitations?limit=100", own: (f) => f.invitationId },
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
    expectErrorBody(res, 400, "VALIDATION_FAILED");
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
    expectErrorBody(res, 400, "VALIDATION_FAILED");
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
    expectErrorBody(res, 400, "VALIDATION_FAILED");
    expect(Object.keys(fieldsOf(res.body))).toEqual(["levels.0.targets.0.targetId"]);
    expect(await orgState(B.orgId)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// tRPC applies the same rules.

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the call to be rejected");
    },
    (error: unknown) => error,
  );
}

describe("tenancy over tRPC", () => {
  it("incidents.get rejects another org's incident with NOT_FOUND", async () => {
    const error = await rejection(api.current.trpc(B.token).incidents.get.query({ incidentId: A.incident.id }));
    expect(error).toBeInstanceOf(TRPCClientError);
    if (!(error instanceof TRPCClientError)) return;
    expect(error.data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404, message: "Incident not found" });
    // Control: the owner reads it.
    const own = await api.current.trpc(A.token).incidents.get.query({ incidentId: A.incident.id });
    expect(own.id).toBe(A.incident.id);
  });

  it("incidents.transition rejects another org's incident with NOT_FOUND and changes nothing", async () => {
    const before = await orgState(A.orgId);
    const error = await rejection(
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
// The org comes from the token, not from the set of the user's memberships.

describe("a member of both orgs acting with a token for B", () => {
  let tokenForB: string;
  let tokenForA: string;

  beforeAll(async () => {
    const both = await aUserWithRole(api.current, B.orgId, "admin");
    await addMember(api.current.db, A.orgId, both.user.id, "admin");
    tokenForB = both.accessToken;
    const login = await api.current.request<{ accessToken: string; org: { id: string } }>("POST", "/v1/auth/login", {
      body: { email: both.user.email, password: "correct horse battery", orgId: A.orgId },
    });
    expect(login.status).toBe(200);
    expect(login.body.org.id).toBe(A.orgId);
    tokenForA = login.body.accessToken;
  });

  for (const route of ID_ROUTES) it(`${route.route} with A's id -> 404 NOT_FOUND, nothing changed`, async () => {
    const before = await orgState(A.orgId);
    const res = await call(route, tokenForB, route.idOf(A), A);
    expectErrorBody(res, 404, "NOT_FOUND");
    expect(await orgState(A.orgId)).toEqual(before);
  });

  it("does not see A's items in B's lists", async () => {
    const ids = await list(tokenForB, "/v1/incidents?limit=100");
    expect(ids).toContain(B.incident.id);
    expect(ids).not.toContain(A.incident.id);
    expect(await list(tokenForB, `/v1/incidents?serviceId=${A.serviceId}`)).toEqual([]);
  });

  it("over tRPC too, while a token for A reads the same incident (control)", async () => {
    await expect(api.current.trpc(tokenForB).incidents.get.query({ incidentId: A.incident.id })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    const res = await api.current.request<IncidentBody>("GET", `/v1/incidents/${A.incident.id}`, { token: tokenForA });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(A.incident.id);
  });
});
