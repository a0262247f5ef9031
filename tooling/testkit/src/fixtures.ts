import type {
  Alert,
  ContactMethod,
  CreatedApiKey,
  CreatedContactMethod,
  CreatedInvitation,
  EscalationPolicy,
  EscalationTarget,
  Heartbeat,
  Incident,
  Invitation,
  NotificationRule,
  NotificationTargetWithSecret,
  Override,
  Schedule,
  Service,
  Team,
  TokenResponse,
} from "@incidentops/core";
import type { Db, OrgRole } from "@incidentops/db";
import type { HttpResponse, TestApi } from "./test-api.js";

// Builders of the things tests need, made through the public API as a client would (a member
// added straight in the database says so). Each returns what the API answered.

let counter = 0;

/** A name no other call of this process has produced. */
export const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export const uniqueEmail = (prefix = "user") => `${prefix}-${process.pid}-${Date.now()}-${++counter}@example.com`;

/** A UUID, any version: what every id looks like. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The password every built account has. */
export const PASSWORD = "correct horse battery";

/** The body of an answer with `status`; anything else fails with the answer in the message. */
export async function ok<T>(response: Promise<HttpResponse<T>>, status: number, what: string): Promise<T> {
  const res = await response;
  if (res.status !== status) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A signed-in person: the token response, with the email and password that sign in again. */
export type Account = TokenResponse & { email: string; password: string };

/** A person who signed up (POST /v1/auth/register) with an org of their own, whose admin they are. */
export async function anOrgOwner(api: TestApi, overrides: Partial<{ email: string; password: string; name: string; orgName: string }> = {}): Promise<Account> {
  const body = { email: uniqueEmail(), password: PASSWORD, name: "Test User", orgName: "Test Org", ...overrides };
  const tokens = await ok(api.request<TokenResponse>("POST", "/v1/auth/register", { body }), 201, "register");
  return { ...tokens, email: body.email, password: body.password };
}

/** Adds an existing user to an org straight in the database. */
export async function addMember(db: Db, orgId: string, userId: string, role: OrgRole): Promise<void> {
  await db.insertInto("org_members").values({ org_id: orgId, user_id: userId, role }).execute();
}

/** Changes a member's role straight in the database (their tokens still name the old one). */
export async function setMemberRole(db: Db, orgId: string, userId: string, role: OrgRole): Promise<void> {
  const result = await db.updateTable("org_members").set({ role }).where("org_id", "=", orgId).where("user_id", "=", userId).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new Error(`setMemberRole: ${userId} is not a member of ${orgId}`);
}

/** A new person who is `role` in `orgId` (and admin of an org of their own), signed in to `orgId`. */
export async function aUserWithRole(api: TestApi, orgId: string, role: OrgRole): Promise<Account> {
  const user = await anOrgOwner(api);
  await addMember(api.db, orgId, user.user.id, role);
  const login = await ok(api.request<TokenResponse>("POST", "/v1/auth/login", { body: { email: user.email, password: user.password, orgId } }), 200, "login");
  return { ...login, email: user.email, password: user.password };
}

/** A person made `role` of the org straight in the database, who never signs in (calls act on them): their user id. */
export async function aMember(api: TestApi, orgId: string, role: OrgRole = "viewer"): Promise<string> {
  const user = await api.db
    .insertInto("users")
    .values({ email: uniqueEmail("member"), name: "Seeded Member", password_hash: "not-a-usable-hash" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await addMember(api.db, orgId, user.id, role);
  return user.id;
}

/** A service of the token's org; with `escalationPolicyId`, following that policy; with `teamId`, the team's. */
export async function aService(
  api: TestApi,
  token: string,
  overrides: { name?: string; description?: string; escalationPolicyId?: string; teamId?: string; pageMinSeverity?: string } = {},
): Promise<Service> {
  return ok(api.request<Service>("POST", "/v1/org/services", { token, body: { name: uniqueName("svc"), ...overrides } }), 201, "create service");
}

/** An incident opened on the service (title "Something is down" unless given). */
export async function anIncident(api: TestApi, token: string, serviceId: string, body: Record<string, unknown> = {}): Promise<Incident> {
  return ok(
    api.request<Incident>("POST", `/v1/services/${serviceId}/incidents`, { token, body: { title: "Something is down", ...body } }),
    201,
    "create incident",
  );
}

/** SLA targets in minutes per severity (null: none), as PUT /v1/org/sla-policy takes them. */
/** An org's owner, and an incident of theirs (on a new service) at its REST path. */
export async function anOwnerWithAnIncident(api: TestApi): Promise<{ owner: Account; incident: Incident; incidentPath: string }> {
  const owner = await anOrgOwner(api);
  const service = await aService(api, owner.accessToken);
  const incident = await anIncident(api, owner.accessToken, service.id);
  return { owner, incident, incidentPath: `/v1/incidents/${incident.id}` };
}

export type SlaTargetsBody = Record<"sev1" | "sev2" | "sev3" | "sev4", { acknowledgeWithinMinutes: number | null; resolveWithinMinutes: number | null }>;

/** Targets of every kind: each severity's from 5 minutes (sev1's acknowledgement) to 8 hours, and none for sev4. */
export const SLA_TARGETS: SlaTargetsBody = {
  sev1: { acknowledgeWithinMinutes: 5, resolveWithinMinutes: 60 },
  sev2: { acknowledgeWithinMinutes: 15, resolveWithinMinutes: 240 },
  sev3: { acknowledgeWithinMinutes: 30, resolveWithinMinutes: 480 },
  sev4: { acknowledgeWithinMinutes: null, resolveWithinMinutes: null },
};

/** A PUT of an SLA policy: the targets, and when their deadlines warn (omitted: never). */
export type SlaPolicyBody = SlaTargetsBody & { warnAtPercent?: number | null };

/** Sets the org's SLA policy (admin token), or with `serviceId` that service's own. */
export async function anSlaPolicy(api: TestApi, token: string, policy: SlaPolicyBody, serviceId?: string): Promise<Record<string, unknown>> {
  const path = serviceId === undefined ? "/v1/org/sla-policy" : `/v1/org/services/${serviceId}/sla-policy`;
  return ok(api.request("PUT", path, { token, body: policy }), 200, "set SLA policy");
}

/** An alert as ingestAlerts takes it: a sev2 trigger with dedup key `dedupKey`, unless `overrides` says otherwise. */
export const anAlert = (dedupKey: string, overrides: Partial<Alert> = {}): Alert => ({
  action: "trigger",
  dedupKey,
  summary: `alert ${dedupKey}`,
  severity: "sev2",
  raw: {},
  ...overrides,
});

/** A webhook notification target at `url` (admin token); `extra` adds name, eventKinds, minSeverity, enabled... */
export async function aWebhookTarget(api: TestApi, token: string, url: string, extra: Record<string, unknown> = {}): Promise<NotificationTargetWithSecret> {
  const body = { name: uniqueName("hook"), type: "webhook", config: { url }, ...extra };
  return ok(api.request<NotificationTargetWithSecret>("POST", "/v1/org/notification-targets", { token, body }), 201, "create target");
}

/** An escalation policy with these levels (admin token); `extra` adds name, description, repeat. */
export async function aPolicy(
  api: TestApi,
  token: string,
  levels: { delaySeconds: number; targets: EscalationTarget[] }[],
  extra: { name?: string; description?: string; repeat?: number } = {},
): Promise<EscalationPolicy> {
  const body = { name: uniqueName("policy"), levels, ...extra };
  return ok(api.request<EscalationPolicy>("POST", "/v1/org/escalation-policies", { token, body }), 201, "create policy");
}

/** An API key of the token's org (read scope unless given). */
export async function anApiKey(api: TestApi, token: string, body: { name?: string; scope?: "read" | "write"; expiresAt?: string } = {}): Promise<CreatedApiKey> {
  return ok(api.request<CreatedApiKey>("POST", "/v1/org/api-keys", { token, body: { name: uniqueName("key"), scope: "read", ...body } }), 201, "create key");
}

/** A pending invitation of the token's org, and its token (shown at creation only). */
export async function anInvitation(
  api: TestApi,
  token: string,
  body: { email?: string; role?: OrgRole } = {},
  headers: Record<string, string> = {},
): Promise<{ invitation: Invitation; token: string }> {
  const { token: invitationToken, ...invitation } = await ok(
    api.request<CreatedInvitation>("POST", "/v1/org/invitations", {
      token,
      body: { email: uniqueEmail("invitee"), role: "member", ...body },
      headers,
    }),
    201,
    "invite",
  );
  return { invitation, token: invitationToken };
}

/** An integration key of the service (alert ingestion: PagerDuty Events v2, Alertmanager, Grafana, webhook): its id and routing key. */
export async function anIntegrationKey(api: TestApi, token: string, serviceId: string, body: { name?: string } = {}): Promise<{ id: string; routingKey: string }> {
  return ok(
    api.request<{ id: string; routingKey: string }>("POST", `/v1/org/services/${serviceId}/integrations`, { token, body: { name: uniqueName("integration"), ...body } }),
    201,
    "create integration key",
  );
}

/** PATCHes an integration key's settings (grouping, signingSecret, mapping); returns it as read back. */
export async function setIntegrationSettings(
  api: TestApi,
  token: string,
  serviceId: string,
  integrationId: string,
  settings: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return ok(api.request("PATCH", `/v1/org/services/${serviceId}/integrations/${integrationId}`, { token, body: settings }), 200, "update integration settings");
}

/** The service's incidents as GET /v1/incidents lists them (newest first, up to 200). */
export async function incidentsOfService(api: TestApi, token: string, serviceId: string): Promise<Incident[]> {
  return (await ok(api.request<{ items: Incident[] }>("GET", `/v1/incidents?serviceId=${serviceId}&limit=200`, { token }), 200, "list incidents")).items;
}

/** An owner, a service and an integration key with `settings` (if any): what an ingestion test sends with. */
export async function anAlertSource(api: TestApi, settings?: Record<string, unknown>): Promise<{ token: string; serviceId: string; integrationId: string; routingKey: string }> {
  const { accessToken: token } = await anOrgOwner(api);
  const service = await aService(api, token);
  const { id: integrationId, routingKey } = await anIntegrationKey(api, token, service.id);
  if (settings !== undefined) await setIntegrationSettings(api, token, service.id, integrationId, settings);
  return { token, serviceId: service.id, integrationId, routingKey };
}

/** A heartbeat monitor of the service (admin token): it shows its ping URL. */
export async function aHeartbeat(api: TestApi, token: string, serviceId: string, body: { name?: string; intervalSeconds?: number } = {}): Promise<Heartbeat> {
  return ok(
    api.request<Heartbeat>("POST", `/v1/org/services/${serviceId}/heartbeats`, { token, body: { name: uniqueName("heartbeat"), intervalSeconds: 60, ...body } }),
    201,
    "create heartbeat",
  );
}

/** A contact method of the token's person: `address` for `type` (email, slack, webhook, sms, voice). */
export async function aContactMethod(
  api: TestApi,
  token: string,
  body: { type: ContactMethod["type"]; address: string; name?: string },
): Promise<CreatedContactMethod> {
  return ok(api.request<CreatedContactMethod>("POST", "/v1/users/me/contact-methods", { token, body: { name: uniqueName(body.type), ...body } }), 201, "add contact method");
}

/** Sets the token's person's notification rules. */
export async function setNotificationRules(api: TestApi, token: string, rules: NotificationRule[]): Promise<NotificationRule[]> {
  return (await ok(api.request<{ rules: NotificationRule[] }>("PUT", "/v1/users/me/notification-rules", { token, body: { rules } }), 200, "set rules")).rules;
}

/** The token's person's contact methods, the account email first. */
export async function contactMethodsOf(api: TestApi, token: string): Promise<ContactMethod[]> {
  return (await ok(api.request<{ items: ContactMethod[] }>("GET", "/v1/users/me/contact-methods", { token }), 200, "list contact methods")).items;
}

// On call: teams, schedules (Europe/Berlin unless given), overrides.

export async function aTeam(api: TestApi, token: string, body: { name?: string; description?: string } = {}): Promise<Team> {
  return ok(api.request<Team>("POST", "/v1/org/teams", { token, body: { name: uniqueName("team"), ...body } }), 201, "create team");
}

export async function setTeamMember(api: TestApi, token: string, teamId: string, userId: string, role: "manager" | "member"): Promise<void> {
  await ok(api.request("PUT", `/v1/org/teams/${teamId}/members/${userId}`, { token, body: { role } }), 200, "set team member");
}

export async function aSchedule(api: TestApi, token: string, body: Record<string, unknown> = {}): Promise<Schedule> {
  return ok(api.request<Schedule>("POST", "/v1/org/schedules", { token, body: { name: uniqueName("schedule"), timeZone: "Europe/Berlin", ...body } }), 201, "create schedule");
}

export async function anOverride(api: TestApi, token: string, scheduleId: string, body: { userId: string; start: string; end: string }): Promise<Override> {
  return ok(api.request<Override>("POST", `/v1/org/schedules/${scheduleId}/overrides`, { token, body }), 201, "create override");
}
