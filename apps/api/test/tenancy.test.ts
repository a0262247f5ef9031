import { randomUUID } from "node:crypto";
import type { Incident } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addMember,
  aMember,
  anApiKey,
  anIncident,
  anInvitation,
  aPolicy,
  aService,
  aUserWithRole,
  aWebhookTarget,
  countRows,
  expectError,
  incidentState,
  PASSWORD,
  uniqueEmail,
  useTestApi,
} from "@incidentops/testkit";
import { dailyBerlinLayer, isoIn } from "./support/oncall.js";
import { aDeletableContactMethod, aFutureMaintenanceWindow, aResolvedIncidentWithWork, comparable, list as listIds, orgState as orgStateOf, seedOnCall, useTwoOrgs, type OrgFixture } from "./support/two-orgs.js";

// Tenant isolation, route by route: every route that takes an id answers another org's id
// exactly as a missing one (404, never 403) and changes nothing. A new route is one entry of
// ID_ROUTES. Lists, ids inside bodies and tRPC: tenancy-lists.test.ts.

const api = useTestApi();

const orgs = useTwoOrgs(api);
let A: OrgFixture;
let B: OrgFixture;
/** A viewer of B: refused by role on mutations, so its answers must not depend on A's data either. */
let viewerOfB: string;
beforeAll(() => {
  ({ A, B, viewerOfB } = orgs.current);
});

const orgState = (orgId: string) => orgStateOf(api.current, orgs.receiverOf, orgId);
const list = (token: string, path: string) => listIds(api.current, token, path);
const serviceIncidentCount = (serviceId: string) => countRows(api.current.db, "incidents", { service_id: serviceId });

// ---------------------------------------------------------------------------------------------
// Every route that takes an id, table-driven: a new route is one entry.

interface IdRoute {
  route: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Which of A's ids the route takes. */
  idOf: (f: OrgFixture) => string;
  /** The route's path with that id (and, where it takes a second one, the same fixture's: a nested id such as a task of the incident). */
  path: (id: string, f: OrgFixture) => string;
  /** A body that would succeed for A's own fixture (same version, valid move). */
  body?: (f: OrgFixture) => unknown;
  /** What A's owner gets on the same call: proves the route and body are right (409: the route's own refusal of the fixture's state). */
  ownerStatus: 200 | 201 | 409;
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
    route: "POST /v1/incidents/{incidentId}/assign",
    method: "POST",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}/assign`,
    body: (f) => ({ userIds: [f.userId], version: f.incident.version }),
    ownerStatus: 200,
    notFoundMessage: "Incident not found",
  },
  {
    route: "POST /v1/incidents/{incidentId}/snooze",
    method: "POST",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}/snooze`,
    body: (f) => ({ minutes: 30, version: f.incident.version }),
    // The fixture's incident is triggered: the owner reaches the route and is told only acknowledged ones snooze.
    ownerStatus: 409,
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
    route: "PATCH /v1/incidents/{incidentId}",
    method: "PATCH",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}`,
    body: (f) => ({ title: "renamed from the wrong org", severity: "sev1", version: f.incident.version }),
    ownerStatus: 200,
    notFoundMessage: "Incident not found",
  },
  ...(["tasks", "status-updates", "attachments", "change-events"] as const).map(
    (list): IdRoute => ({
      route: `GET /v1/incidents/{incidentId}/${list}`,
      method: "GET",
      idOf: (f) => f.resolvedIncidentId,
      path: (id) => `/v1/incidents/${id}/${list}`,
      ownerStatus: 200,
      notFoundMessage: "Incident not found",
    }),
  ),
  {
    route: "POST /v1/incidents/{incidentId}/tasks",
    method: "POST",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}/tasks`,
    body: (f) => ({ title: "a task from the wrong org", assigneeId: f.userId }),
    ownerStatus: 201,
    notFoundMessage: "Incident not found",
  },
  {
    route: "PATCH /v1/incidents/{incidentId}/tasks/{taskId}",
    method: "PATCH",
    idOf: (f) => f.resolvedIncidentId,
    path: (id, f) => `/v1/incidents/${id}/tasks/${f.taskId}`,
    body: () => ({ title: "hijacked", done: true }),
    ownerStatus: 200,
    notFoundMessage: "Incident not found",
  },
  {
    route: "POST /v1/incidents/{incidentId}/status-updates",
    method: "POST",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}/status-updates`,
    body: () => ({ body: "an update from the wrong org", status: "resolved" }),
    ownerStatus: 201,
    notFoundMessage: "Incident not found",
  },
  {
    route: "GET /v1/incidents/{incidentId}/postmortem",
    method: "GET",
    idOf: (f) => f.resolvedIncidentId,
    path: (id) => `/v1/incidents/${id}/postmortem`,
    ownerStatus: 200,
    notFoundMessage: "Incident not found",
  },
  {
    route: "PUT /v1/incidents/{incidentId}/postmortem",
    method: "PUT",
    idOf: (f) => f.resolvedIncidentId,
    path: (id) => `/v1/incidents/${id}/postmortem`,
    body: (f) => ({ summary: "from the wrong org", impact: "", rootCause: "", actionItems: [{ title: "x", ownerId: f.userId }], status: "published", version: 0 }),
    ownerStatus: 200,
    notFoundMessage: "Incident not found",
  },
  {
    route: "DELETE /v1/incidents/{incidentId}/attachments/{attachmentId}",
    method: "DELETE",
    idOf: (f) => f.resolvedIncidentId,
    path: (id, f) => `/v1/incidents/${id}/attachments/${f.attachmentId}`,
    ownerStatus: 200,
    notFoundMessage: "Incident not found",
  },
  ...(["GET", "PUT", "DELETE"] as const).map(
    (method): IdRoute => ({
      route: `${method} /v1/org/services/{serviceId}/sla-policy`,
      method,
      idOf: (f) => f.serviceId,
      path: (id) => `/v1/org/services/${id}/sla-policy`,
      ...(method === "PUT" ? { body: () => SLA_TARGETS } : {}),
      ownerStatus: 200,
      notFoundMessage: "Service not found",
    }),
  ),
  {
    route: "GET /v1/org/services/{serviceId}/maintenance-windows",
    method: "GET",
    idOf: (f) => f.serviceId,
    path: (id) => `/v1/org/services/${id}/maintenance-windows`,
    ownerStatus: 200,
    notFoundMessage: "Service not found",
  },
  {
    route: "POST /v1/org/services/{serviceId}/maintenance-windows",
    method: "POST",
    idOf: (f) => f.serviceId,
    path: (id) => `/v1/org/services/${id}/maintenance-windows`,
    body: () => ({ end: new Date(Date.now() + 3_600_000).toISOString(), reason: "from the wrong org" }),
    ownerStatus: 201,
    notFoundMessage: "Service not found",
  },
  ...(["DELETE", "GET"] as const).map(
    (method): IdRoute => ({
      route: `${method} /v1/org/services/{serviceId}/maintenance-windows/{windowId}${method === "GET" ? "/alerts" : ""}`,
      method,
      idOf: (f) => f.maintenanceWindowId,
      path: (id, f) => `/v1/org/services/${f.serviceId}/maintenance-windows/${id}${method === "GET" ? "/alerts" : ""}`,
      ownerStatus: 200,
      notFoundMessage: "Maintenance window not found",
    }),
  ),
  {
    route: "GET /v1/org/services/{serviceId}/change-events",
    method: "GET",
    idOf: (f) => f.serviceId,
    path: (id) => `/v1/org/services/${id}/change-events`,
    ownerStatus: 200,
    notFoundMessage: "Service not found",
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
    route: "DELETE /v1/users/me/contact-methods/{contactMethodId}",
    method: "DELETE",
    idOf: (f) => f.contactMethodId,
    path: (id) => `/v1/users/me/contact-methods/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Contact method not found",
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
    route: "GET /v1/org/members/{userId}/notification-preferences",
    method: "GET",
    idOf: (f) => f.memberId,
    path: (id) => `/v1/org/members/${id}/notification-preferences`,
    ownerStatus: 200,
    notFoundMessage: "Member not found",
  },
  {
    route: "GET /v1/org/members/{userId}/removal",
    method: "GET",
    idOf: (f) => f.memberId,
    path: (id) => `/v1/org/members/${id}/removal`,
    ownerStatus: 200,
    notFoundMessage: "Member not found",
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

  {
    route: "GET /v1/org/teams/{teamId}",
    method: "GET",
    idOf: (f) => f.teamId,
    path: (id) => `/v1/org/teams/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Team not found",
  },
  {
    route: "PATCH /v1/org/teams/{teamId}",
    method: "PATCH",
    idOf: (f) => f.teamId,
    path: (id) => `/v1/org/teams/${id}`,
    body: () => ({ name: `renamed from the wrong org ${++controlCounter}`, description: "changed" }),
    ownerStatus: 200,
    notFoundMessage: "Team not found",
  },
  {
    route: "DELETE /v1/org/teams/{teamId}",
    method: "DELETE",
    idOf: (f) => f.teamId,
    path: (id) => `/v1/org/teams/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Team not found",
  },
  {
    route: "GET /v1/org/teams/{teamId}/members",
    method: "GET",
    idOf: (f) => f.teamId,
    path: (id) => `/v1/org/teams/${id}/members`,
    ownerStatus: 200,
    notFoundMessage: "Team not found",
  },
  {
    route: "PUT /v1/org/teams/{teamId}/members/{userId}",
    method: "PUT",
    idOf: (f) => f.teamId,
    path: (id, f) => `/v1/org/teams/${id}/members/${f.memberId}`,
    body: () => ({ role: "member" }),
    ownerStatus: 200,
    notFoundMessage: "Team not found",
  },
  {
    route: "DELETE /v1/org/teams/{teamId}/members/{userId}",
    method: "DELETE",
    idOf: (f) => f.teamId,
    path: (id, f) => `/v1/org/teams/${id}/members/${f.memberId}`,
    ownerStatus: 200,
    notFoundMessage: "Team not found",
  },
  {
    route: "GET /v1/org/schedules/{scheduleId}",
    method: "GET",
    idOf: (f) => f.scheduleId,
    path: (id) => `/v1/org/schedules/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Schedule not found",
  },
  {
    route: "PATCH /v1/org/schedules/{scheduleId}",
    method: "PATCH",
    idOf: (f) => f.scheduleId,
    path: (id) => `/v1/org/schedules/${id}`,
    // Valid for the fixture's own org: its own people and team.
    body: (f) => ({ name: `changed from the wrong org ${++controlCounter}`, teamId: f.teamId, layers: [dailyBerlinLayer([f.userId])] }),
    ownerStatus: 200,
    notFoundMessage: "Schedule not found",
  },
  {
    route: "DELETE /v1/org/schedules/{scheduleId}",
    method: "DELETE",
    idOf: (f) => f.scheduleId,
    path: (id) => `/v1/org/schedules/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Schedule not found",
  },
  {
    route: "GET /v1/org/schedules/{scheduleId}/shifts",
    method: "GET",
    idOf: (f) => f.scheduleId,
    path: (id) => `/v1/org/schedules/${id}/shifts?since=2027-03-27T00:00:00Z&until=2027-03-29T00:00:00Z`,
    ownerStatus: 200,
    notFoundMessage: "Schedule not found",
  },
  {
    route: "GET /v1/org/schedules/{scheduleId}/overrides",
    method: "GET",
    idOf: (f) => f.scheduleId,
    path: (id) => `/v1/org/schedules/${id}/overrides`,
    ownerStatus: 200,
    notFoundMessage: "Schedule not found",
  },
  {
    route: "POST /v1/org/schedules/{scheduleId}/overrides",
    method: "POST",
    idOf: (f) => f.scheduleId,
    path: (id) => `/v1/org/schedules/${id}/overrides`,
    body: (f) => ({ userId: f.userId, start: isoIn(60), end: isoIn(61) }),
    ownerStatus: 201,
    notFoundMessage: "Schedule not found",
  },
  {
    route: "DELETE /v1/org/schedules/{scheduleId}/overrides/{overrideId}",
    method: "DELETE",
    idOf: (f) => f.scheduleId,
    path: (id, f) => `/v1/org/schedules/${id}/overrides/${f.overrideId}`,
    ownerStatus: 200,
    notFoundMessage: "Schedule not found",
  },
  {
    route: "DELETE /v1/users/me/calendar-feeds/{feedId}",
    method: "DELETE",
    idOf: (f) => f.feedId,
    path: (id) => `/v1/users/me/calendar-feeds/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Calendar feed not found",
  },
];

const SLA_TARGETS = Object.fromEntries(["sev1", "sev2", "sev3", "sev4"].map((sev) => [sev, { acknowledgeWithinMinutes: 1, resolveWithinMinutes: 2 }]));

let controlCounter = 0;

/**
 * Fresh resources of A's for the owner's control call, so a successful call (a deletion, a
 * rotation, an escalation) never touches the shared fixture: a new incident on A's escalating
 * service, and a new target, an unused policy and a new service without a policy.
 */
let controlMethodId: string | undefined;

async function controlFixture(f: OrgFixture): Promise<OrgFixture> {
  const n = ++controlCounter;
  const incident = await anIncident(api.current, f.token, f.serviceId, { title: "control" });
  const target = await aWebhookTarget(api.current, f.token, `${orgs.receiverOf(f.orgId).url}/control-${n}`, { name: `control hook ${n}` });
  const policy = await aPolicy(
    api.current,
    f.token,
    [
      { delaySeconds: 120, targets: [{ type: "notification_target", targetId: target.id }] },
      { delaySeconds: 300, targets: [{ type: "user", userId: f.userId }] },
    ],
    { name: `control policy ${n}`, repeat: 2 },
  );
  const service = await aService(api.current, f.token, { name: `control-service-${n}` });
  const apiKey = await anApiKey(api.current, f.token, { name: `control key ${n}`, scope: "write" });
  const { invitation } = await anInvitation(api.current, f.token, { email: uniqueEmail("tenancy-invitee") });
  const memberId = await aMember(api.current, f.orgId, "viewer");
  const work = await aResolvedIncidentWithWork(api.current, f.token, service.id, `control-${n}`);
  const maintenanceWindowId = await aFutureMaintenanceWindow(api.current, f.token, service.id);
  const onCall = await seedOnCall(api.current, f.token, { ownerId: f.userId, memberId, label: `control ${n}` });
  // One control contact method at a time (a person has at most 20): a new one once the last was deleted (a deleted one is kept, marked).
  if (controlMethodId === undefined || (await countRows(api.current.db, "contact_methods", { id: controlMethodId, deleted_at: null })) === 0) {
    controlMethodId = await aDeletableContactMethod(api.current, f.token);
  }
  return { ...f, incident, targetId: target.id, policyId: policy.id, serviceId: service.id, apiKeyId: apiKey.id, invitationId: invitation.id, memberId, ...work, ...onCall, maintenanceWindowId, contactMethodId: controlMethodId };
}

function call(route: IdRoute, token: string, id: string, bodyFrom: OrgFixture) {
  const body = route.body?.(bodyFrom);
  return api.current.request(route.method, route.path(id, bodyFrom), body === undefined ? { token } : { token, body });
}

for (const route of ID_ROUTES) describe(route.route, () => {
  it("answers 404 NOT_FOUND (never 403) to another org's admin, and changes nothing in A", async () => {
    const beforeA = await orgState(A.orgId);
    const beforeIncident = await incidentState(api.current.db, A.incident.id);
    const beforeServiceCount = await serviceIncidentCount(A.serviceId);
    const beforeB = await orgState(B.orgId);

    const res = await call(route, B.token, route.idOf(A), A);
    expectError(res, 404, "NOT_FOUND");
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
    expectError(missing, 404, "NOT_FOUND");
    expect(comparable(missing)).toEqual(comparable(foreign));
  });

  it("answers a non-uuid id with 400 VALIDATION_FAILED", async () => {
    const before = await orgState(B.orgId);
    const res = await call(route, B.token, "not-a-uuid", B);
    expectError(res, 400, "VALIDATION_FAILED");
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
// The org comes from the token, not from the set of the user's memberships.

describe("a member of both orgs acting with a token for B", () => {
  let tokenForB: string;
  let tokenForA: string;

  beforeAll(async () => {
    const both = await aUserWithRole(api.current, B.orgId, "admin");
    await addMember(api.current.db, A.orgId, both.user.id, "admin");
    tokenForB = both.accessToken;
    const login = await api.current.request<{ accessToken: string; org: { id: string } }>("POST", "/v1/auth/login", {
      body: { email: both.user.email, password: PASSWORD, orgId: A.orgId },
    });
    expect(login.status).toBe(200);
    expect(login.body.org.id).toBe(A.orgId);
    tokenForA = login.body.accessToken;
  });

  for (const route of ID_ROUTES) it(`${route.route} with A's id -> 404 NOT_FOUND, nothing changed`, async () => {
    const before = await orgState(A.orgId);
    const res = await call(route, tokenForB, route.idOf(A), A);
    expectError(res, 404, "NOT_FOUND");
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
    const res = await api.current.request<Incident>("GET", `/v1/incidents/${A.incident.id}`, { token: tokenForA });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(A.incident.id);
  });
});
