import type { Incident, Page } from "@incidentops/core";
import { afterAll, beforeAll, expect } from "vitest";
import {
  aContactMethod,
  aMember,
  anApiKey,
  anIncident,
  anInvitation,
  anOrgOwner,
  aPolicy,
  aService,
  aUserWithRole,
  aWebhookTarget,
  ok,
  queuedJobs,
  startWebhookReceiver,
  uniqueEmail,
  type HttpResponse,
  type TestApi,
  type WebhookReceiver,
} from "@incidentops/testkit";
import { uploadAttachment } from "./attachments.js";
import { aCalendarFeed, aSchedule, anOverride, aTeam, dailyBerlinLayer, isoIn, setTeamMember } from "./oncall.js";

// Two orgs, A and B, each with one of everything a route can reach by id: what the tenancy
// tests (tenancy*.test.ts) call across.

export interface OrgFixture {
  orgId: string;
  userId: string;
  token: string;
  /** Follows `policyId`, so its incidents escalate. */
  serviceId: string;
  /** Left untouched at `triggered`, version 1: a foreign transition to `acknowledged` would be valid. */
  incident: Incident;
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
  /** A resolved incident (it may have a postmortem), with a task and an attachment. */
  resolvedIncidentId: string;
  taskId: string;
  attachmentId: string;
  /** A maintenance window of `serviceId`, in the future. */
  maintenanceWindowId: string;
  /** A team with `memberId` in it. */
  teamId: string;
  /** A schedule of the team, rotating the owner and `memberId`, with `overrideId` in the future. */
  scheduleId: string;
  overrideId: string;
  /** The owner's calendar feed. */
  feedId: string;
  /** An email contact method of the owner's (not the account email, so it may be deleted). */
  contactMethodId: string;
}

export interface TwoOrgs {
  A: OrgFixture;
  B: OrgFixture;
  /** A viewer of B: refused by role on mutations, so its answers must not depend on A's data either. */
  viewerOfB: string;
}

/**
 * Seeds A and B before the file's tests, each with a receiver of its own (closed after them);
 * read `.current` inside tests and hooks.
 */
export function useTwoOrgs(api: { current: TestApi }): { current: TwoOrgs; receiverOf: (orgId: string) => WebhookReceiver } {
  let orgs: TwoOrgs | undefined;
  const receivers = new Map<string, WebhookReceiver>();

  const seedOrg = async (label: string): Promise<OrgFixture> => {
    const receiver = await startWebhookReceiver();
    const owner = await anOrgOwner(api.current, { orgName: `Tenancy ${label}`, name: `Owner ${label}` });
    receivers.set(owner.org.id, receiver);
    const token = owner.accessToken;
    const target = await aWebhookTarget(api.current, token, `${receiver.url}/${label}`, { name: `${label} hook` });
    const policy = await aPolicy(
      api.current,
      token,
      [
        { delaySeconds: 120, targets: [{ type: "notification_target", targetId: target.id }] },
        { delaySeconds: 300, targets: [{ type: "user", userId: owner.user.id }] },
      ],
      { name: `${label} policy`, repeat: 2 },
    );
    const service = await aService(api.current, token, { name: `tenancy-${label}-service`, escalationPolicyId: policy.id });
    const memberId = await aMember(api.current, owner.org.id, "viewer");
    const onCall = await seedOnCall(api.current, token, { ownerId: owner.user.id, memberId, label });
    return {
      orgId: owner.org.id,
      userId: owner.user.id,
      token,
      serviceId: service.id,
      incident: await anIncident(api.current, token, service.id, { title: `${label} is down` }),
      targetId: target.id,
      policyId: policy.id,
      apiKeyId: (await anApiKey(api.current, token, { name: `${label} key`, scope: "write" })).id,
      invitationId: (await anInvitation(api.current, token, { email: uniqueEmail("tenancy-invitee") })).invitation.id,
      memberId,
      contactMethodId: await aDeletableContactMethod(api.current, token),
      ...onCall,
      ...(await aResolvedIncidentWithWork(api.current, token, service.id, label)),
      maintenanceWindowId: await aFutureMaintenanceWindow(api.current, token, service.id),
    };
  };

  beforeAll(async () => {
    const A = await seedOrg("A");
    const B = await seedOrg("B");
    const viewerOfB = (await aUserWithRole(api.current, B.orgId, "viewer")).accessToken;
    // A second incident in A with a timeline beyond "created", so "nothing changed" covers more rows.
    const busy = await anIncident(api.current, A.token, A.serviceId, { title: "A is busy", severity: "sev1" });
    await ok(api.current.request("POST", `/v1/incidents/${busy.id}/comment`, { token: A.token, body: { body: "on it" } }), 201, "seed comment");
    orgs = { A, B, viewerOfB };
  });
  afterAll(async () => {
    for (const receiver of receivers.values()) await receiver.close();
  });

  return {
    get current(): TwoOrgs {
      if (orgs === undefined) throw new Error("The two orgs are not seeded: use them inside tests or hooks");
      return orgs;
    },
    receiverOf: (orgId) => {
      const receiver = receivers.get(orgId);
      if (receiver === undefined) throw new Error(`no receiver for org ${orgId}`);
      return receiver;
    },
  };
}

/** A resolved incident of the service with a task and an attachment: what the work routes reach by id. */
export async function aResolvedIncidentWithWork(api: TestApi, token: string, serviceId: string, label: string) {
  const incident = await anIncident(api, token, serviceId, { title: `${label} was down` });
  await ok(api.request("POST", `/v1/incidents/${incident.id}/transition`, { token, body: { toStatus: "resolved", version: incident.version } }), 200, "resolve");
  const task = await ok(api.request<{ id: string }>("POST", `/v1/incidents/${incident.id}/tasks`, { token, body: { title: `${label} follow-up` } }), 201, "task");
  const attachment = await ok(uploadAttachment(api, token, incident.id, { name: `${label}.log`, bytes: `${label} evidence` }), 201, "attachment");
  return { resolvedIncidentId: incident.id, taskId: task.id, attachmentId: attachment.id };
}

/** An email contact method of the token's person (not the account email, so it may be deleted). */
export async function aDeletableContactMethod(api: TestApi, token: string): Promise<string> {
  return (await aContactMethod(api, token, { type: "email", address: uniqueEmail("pager") })).id;
}

/** A team with the member in it, a schedule of that team with a future override, and the owner's calendar feed. */
export async function seedOnCall(api: TestApi, token: string, people: { ownerId: string; memberId: string; label: string }) {
  const team = await aTeam(api, token, { name: `${people.label} team` });
  await setTeamMember(api, token, team.id, people.memberId, "member");
  const schedule = await aSchedule(api, token, { name: `${people.label} rota`, teamId: team.id, layers: [dailyBerlinLayer([people.ownerId, people.memberId])] });
  const override = await anOverride(api, token, schedule.id, { userId: people.memberId, start: isoIn(48), end: isoIn(50) });
  const feed = await aCalendarFeed(api, token, { name: `${people.label} feed` });
  return { teamId: team.id, scheduleId: schedule.id, overrideId: override.id, feedId: feed.id };
}

/** A maintenance window of the service starting in a day. */
export async function aFutureMaintenanceWindow(api: TestApi, token: string, serviceId: string): Promise<string> {
  const res = await api.request<{ id: string }>("POST", `/v1/org/services/${serviceId}/maintenance-windows`, {
    token,
    body: { start: new Date(Date.now() + 86_400_000).toISOString(), end: new Date(Date.now() + 90_000_000).toISOString(), reason: "planned upgrade" },
  });
  if (res.status !== 201) throw new Error(`maintenance window: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Everything of an org's that a foreign call could change, read straight from the database. */
export async function orgState(api: TestApi, receiverOf: (orgId: string) => WebhookReceiver, orgId: string) {
  const db = api.db;
  const incidents = await db
    .selectFrom("incidents")
    .select(["id", "service_id", "title", "description", "severity", "status", "version", "updated_at", "acknowledged_at", "resolved_at", "acknowledge_due_at", "resolve_due_at"])
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
    .select(["id", "name", "description", "escalation_policy_id", "team_id", "updated_at"])
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
  const onCall = await Promise.all(
    (["teams", "team_members", "schedules", "schedule_layers", "schedule_layer_participants", "schedule_overrides", "calendar_feeds"] as const).map((table) =>
      db
        .selectFrom(table)
        .selectAll()
        .where("org_id", "=", orgId)
        .execute()
        .then((rows) => rows.map((row) => JSON.stringify(row)).sort()),
    ),
  );
  const escalation = await db
    .selectFrom("incidents")
    .select(["id", "escalation_policy_id", "escalation_step"])
    .where("org_id", "=", orgId)
    .orderBy("id")
    .execute();
  // Jobs enqueued on the org's behalf (escalations replaced by key bump their revision).
  const jobs = await queuedJobs(db, { orgId });
  const deliveries = receiverOf(orgId).requests.length;
  // The work around incidents, and SLA policies: whole rows.
  const work = {
    tasks: await db.selectFrom("incident_tasks").selectAll().where("org_id", "=", orgId).orderBy("id").execute(),
    statusUpdates: await db.selectFrom("incident_status_updates").selectAll().where("org_id", "=", orgId).orderBy("id").execute(),
    postmortems: await db.selectFrom("postmortems").selectAll().where("org_id", "=", orgId).orderBy("incident_id").execute(),
    attachments: await db.selectFrom("incident_attachments").selectAll().where("org_id", "=", orgId).orderBy("id").execute(),
    slaPolicies: await db.selectFrom("sla_policies").selectAll().where("org_id", "=", orgId).orderBy("id").execute(),
    maintenanceWindows: await db.selectFrom("maintenance_windows").selectAll().where("org_id", "=", orgId).orderBy("id").execute(),
    suppressedAlerts: await db.selectFrom("suppressed_alerts").selectAll().where("org_id", "=", orgId).orderBy("id").execute(),
    changeEvents: await db.selectFrom("change_events").selectAll().where("org_id", "=", orgId).orderBy("id").execute(),
  };
  return JSON.parse(
    JSON.stringify({ incidents, events, services, targets, policies, levels, levelTargets, attempts, escalation, jobs, deliveries, apiKeys, invitations, members, org, work, onCall }),
  ) as unknown;
}

/** The parts of an error body that must not differ between "another org's" and "missing". */
export const comparable = (res: HttpResponse) => ({ status: res.status, code: res.body.code, message: res.body.message, details: res.body.details });

function idsOf(page: Page<Record<string, unknown>>): string[] {
  return page.items.map((item) => {
    const user = item.user;
    if (typeof user === "object" && user !== null && "id" in user) return String(user.id);
    return String(item.id);
  });
}

/** The ids of a list (of one page: it must have no next one). */
export async function list(api: TestApi, token: string, path: string): Promise<string[]> {
  const res = await api.request<Page<Record<string, unknown>>>("GET", path, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.nextCursor).toBeNull();
  return idsOf(res.body);
}
