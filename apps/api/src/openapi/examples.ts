/**
 * Request and response samples of every operation, keyed by operation (the procedure path, or the
 * operationId of a route outside tRPC). The OpenAPI document shows them in Swagger UI; a test
 * checks that each one passes its operation's own schemas, so they cannot drift from the API.
 */
import { DATADOG_WEBHOOK_MAPPING } from "@incidentops/core";

const ids = {
  user: "5b0f6f64-1c2e-4f3a-9d7b-2a8c4e6f1a01",
  otherUser: "5b0f6f64-1c2e-4f3a-9d7b-2a8c4e6f1a02",
  org: "7d3e9c12-4b5a-4e8f-a1c2-3b4d5e6f7a01",
  service: "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01",
  incident: "c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01",
  event: "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a01",
  target: "f0e1d2c3-b4a5-4968-8776-655443322101",
  policy: "a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c01",
  apiKey: "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d01",
  integration: "d2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f01",
  invitation: "e3f4a5b6-c7d8-4e9f-8a0b-1c2d3e4f5a01",
  attempt: "f4a5b6c7-d8e9-4f0a-9b1c-2d3e4f5a6b01",
  pageAttempt: "f4a5b6c7-d8e9-4f0a-9b1c-2d3e4f5a6b02",
  audit: "a5b6c7d8-e9f0-4a1b-8c2d-3e4f5a6b7c01",
  task: "b6c7d8e9-f0a1-4b2c-9d3e-4f5a6b7c8d01",
  statusUpdate: "c7d8e9f0-a1b2-4c3d-8e4f-5a6b7c8d9e01",
  attachment: "d8e9f0a1-b2c3-4d4e-9f5a-6b7c8d9e0f01",
  emailMethod: "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c01",
  smsMethod: "a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c02",
  team: "1b6c7d8e-f0a1-4b2c-9d3e-4f5a6b7c8d01",
  schedule: "2c7d8e9f-a1b2-4c3d-8e4f-5a6b7c8d9e01",
  layer: "3d8e9f0a-b2c3-4d4e-9f5a-6b7c8d9e0f01",
  nightLayer: "3d8e9f0a-b2c3-4d4e-9f5a-6b7c8d9e0f02",
  override: "e9f0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a01",
  feed: "f0a1b2c3-d4e5-4f6a-9b7c-8d9e0f1a2b01",
  changeEvent: "0a1b2c3d-e4f5-4a6b-9c7d-8e9f0a1b2c01",
  maintenanceWindow: "1a2b3c4d-e5f6-4a7b-8c9d-0e1f2a3b4c01",
  suppressedAlert: "2b3c4d5e-f6a7-4b8c-9d0e-1f2a3b4c5d01",
  heartbeat: "3c4d5e6f-a7b8-4c9d-8e0f-2a3b4c5d6e01",
} as const;

const at = (minute: number) => `2025-03-14T09:${String(minute).padStart(2, "0")}:00.000Z`;
const routingKey = "0f3c8a1e9b7d4c2a8e6f1b3d5a7c9e0f";

const user = { id: ids.user, email: "ada@example.com", name: "Ada Lovelace", timeZone: "Europe/London", handoffReminderMinutes: 30, createdAt: at(0) };
const org = { id: ids.org, name: "Acme", createdAt: at(0), role: "admin" };
const tokens = {
  accessToken: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI1YjBmNmY2NCJ9.c2lnbmF0dXJl",
  refreshToken: "iort_8Jd1cQm3sV0xZ7yW4tR6pL9kN2bH5gF1",
  tokenType: "Bearer",
  expiresIn: 900,
  user,
  org,
};
const { refreshToken: _cookieOnly, ...browserSession } = tokens;
const service = {
  id: ids.service,
  name: "checkout-api",
  description: "Takes payments",
  escalationPolicyId: ids.policy,
  ackTimeoutMinutes: 30,
  pageMinSeverity: "sev3",
  teamId: ids.team,
  createdAt: at(1),
  updatedAt: at(1),
};
const incident = {
  id: ids.incident,
  serviceId: ids.service,
  title: "Checkout returns 502",
  description: "Half of the payment attempts fail since 09:02",
  type: "payments",
  status: "triggered",
  severity: "sev2",
  version: 1,
  dedupKey: null,
  alertCount: 1,
  createdBy: ids.user,
  createdAt: at(2),
  updatedAt: at(2),
  triggeredAt: at(2),
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  firstAcknowledgedAt: null,
  acknowledgeDueAt: at(17),
  resolveDueAt: "2025-03-14T13:02:00.000Z",
  acknowledgeBreachedAt: null,
  resolveBreachedAt: null,
  acknowledgeWarnAt: at(14),
  resolveWarnAt: "2025-03-14T12:14:00.000Z",
  acknowledgeWarnedAt: null,
  resolveWarnedAt: null,
  assignees: [{ id: ids.user, name: "Ada Lovelace" }],
  snoozedUntil: null,
  ackTimeoutAt: null,
};
const acknowledged = {
  ...incident,
  status: "acknowledged",
  version: 2,
  updatedAt: at(4),
  acknowledgedAt: at(4),
  firstAcknowledgedAt: at(4),
  ackTimeoutAt: "2025-03-14T09:34:00.000Z",
};
const emailMethod = { id: ids.emailMethod, type: "email", name: "Account email", address: "ada@example.com", isAccountEmail: true, createdAt: at(0) };
const smsMethod = { id: ids.smsMethod, type: "sms", name: "Work phone", address: "+14155550100", isAccountEmail: false, createdAt: at(15) };
const rules = {
  rules: [
    { contactMethodId: ids.emailMethod, delayMinutes: 0 },
    { contactMethodId: ids.smsMethod, delayMinutes: 5 },
  ],
};
const comment = { id: ids.event, incidentId: ids.incident, kind: "commented", actorUserId: ids.user, data: { body: "Rolling back 1.42" }, createdAt: at(5) };
const webhookTarget = {
  id: ids.target,
  name: "ops webhook",
  type: "webhook",
  config: { url: "https://hooks.example.com/incidentops" },
  enabled: true,
  eventKinds: ["triggered", "resolved"],
  minSeverity: "sev2",
  serviceIds: null,
  teamIds: [ids.team],
  createdAt: at(3),
  updatedAt: at(3),
};
const signingSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const policy = {
  id: ids.policy,
  name: "checkout on-call",
  description: "Page whoever is on call, then the team's managers and the ops webhook",
  repeat: 1,
  teamId: ids.team,
  levels: [
    { delaySeconds: 300, targets: [{ type: "schedule", scheduleId: ids.schedule }] },
    {
      delaySeconds: 600,
      targets: [
        { type: "team", teamId: ids.team, role: "manager" },
        { type: "notification_target", targetId: ids.target },
      ],
    },
    { delaySeconds: 600, targets: [{ type: "user", userId: ids.user }] },
  ],
  createdAt: at(3),
  updatedAt: at(3),
};
const apiKey = {
  id: ids.apiKey,
  name: "ci deployer",
  scope: "write",
  prefix: "iok_3kQ9",
  createdBy: ids.user,
  createdAt: at(6),
  expiresAt: "2026-03-14T00:00:00.000Z",
  lastUsedAt: null,
  revokedAt: null,
  status: "active",
};
const integration = {
  id: ids.integration,
  serviceId: ids.service,
  name: "prometheus",
  routingKey,
  grouping: "group",
  signingSecretSet: false,
  mapping: null,
  createdBy: ids.user,
  createdAt: at(7),
};
const invitation = {
  id: ids.invitation,
  email: "grace@example.com",
  role: "member",
  status: "pending",
  invitedBy: ids.user,
  createdAt: at(8),
  expiresAt: "2025-03-21T09:08:00.000Z",
  acceptedAt: null,
  acceptedBy: null,
  revokedAt: null,
};
const member = { user: { id: ids.otherUser, email: "grace@example.com", name: "Grace Hopper" }, role: "member", joinedAt: at(9) };
const team = { id: ids.team, name: "Payments", description: "Checkout and billing", createdAt: at(0), updatedAt: at(0) };
const memberRemovalChanges = {
  escalationPolicies: [{ id: ids.policy, name: "Payments", levels: [2] }],
  schedules: [{ id: ids.schedule, name: "Payments primary", layers: [{ id: ids.layer, name: "Weekdays" }], overrides: 1 }],
  teams: [{ id: ids.team, name: "Payments", role: "member" }],
  incidents: [{ id: ids.incident, title: "Checkout latency above 2 s", status: "acknowledged" }],
  tasks: [{ id: ids.task, incidentId: ids.incident, title: "Roll back the payments deploy" }],
};
const teamMember = { user: { id: ids.otherUser, name: "Grace Hopper" }, role: "manager", addedAt: at(9) };
const ada = { id: ids.user, name: "Ada Lovelace" };
const grace = { id: ids.otherUser, name: "Grace Hopper" };
const layerInput = {
  name: "Primary",
  start: "2025-03-03T08:00:00Z",
  rotationStart: "2025-03-03T08:00:00Z",
  rotation: { unit: "week", length: 1 },
  participants: [ids.user, ids.otherUser],
};
const nightLayerInput = {
  name: "Nights",
  start: "2025-03-03T08:00:00Z",
  rotationStart: "2025-03-03T08:00:00Z",
  rotation: { unit: "day", length: 1 },
  participants: [ids.otherUser],
  restrictions: [{ type: "daily", startTime: "22:00", durationMinutes: 480 }],
};
const schedule = {
  id: ids.schedule,
  name: "Payments primary",
  description: "Weekly rotation, Grace covers nights",
  timeZone: "Europe/Berlin",
  teamId: ids.team,
  layers: [
    { id: ids.layer, ...layerInput, start: "2025-03-03T08:00:00.000Z", rotationStart: "2025-03-03T08:00:00.000Z", end: null, restrictions: [] },
    { id: ids.nightLayer, ...nightLayerInput, start: "2025-03-03T08:00:00.000Z", rotationStart: "2025-03-03T08:00:00.000Z", end: null },
  ],
  people: [ada, grace],
  createdAt: at(0),
  updatedAt: at(0),
};
const override = {
  id: ids.override,
  scheduleId: ids.schedule,
  userId: ids.otherUser,
  start: "2025-03-14T12:00:00.000Z",
  end: "2025-03-14T18:00:00.000Z",
  createdBy: ids.user,
  createdAt: at(16),
};
const feed = {
  id: ids.feed,
  name: "My on-call shifts",
  scheduleId: null,
  fullSchedule: false,
  prefix: "iocal_Xk2m",
  createdAt: at(17),
  lastUsedAt: null,
};
const feedToken = "iocal_Xk2mQ8vR4tW1zY7bN3cJ5dF9gH0jK2lP4qS6uV8wY0a";
const ok = { ok: true };
const page = <T>(item: T) => ({ items: [item], nextCursor: null });
/** What an attempt delivered at its first try shows besides its recipient. */
const deliveredAttempt = {
  eventId: ids.event,
  status: "succeeded",
  attemptCount: 1,
  lastError: null,
  note: null,
  nextAttemptAt: null,
  createdAt: at(2),
  updatedAt: at(2),
  completedAt: at(2),
};
const pageInput = { limit: 20 };

// The work around an incident, SLAs and analytics.
const gracePerson = { id: ids.otherUser, email: "grace@example.com", name: "Grace Hopper" };
const task = {
  id: ids.task,
  incidentId: ids.incident,
  title: "Roll back checkout to 1.41",
  assignee: gracePerson,
  done: false,
  doneAt: null,
  createdBy: ids.user,
  createdAt: at(6),
  updatedAt: at(6),
};
const changeEvent = {
  id: ids.changeEvent,
  serviceId: ids.service,
  integrationId: ids.integration,
  summary: "Deploy checkout v2.31.0",
  source: "ci-runner-7",
  occurredAt: "2025-03-14T09:03:00.000Z",
  receivedAt: "2025-03-14T09:03:01.000Z",
  customDetails: { commit: "9f2c1ab", author: "ada" },
  links: [{ href: "https://ci.example.com/builds/2231", text: "Build 2231" }],
  notes: [],
};
const maintenanceWindow = {
  id: ids.maintenanceWindow,
  serviceId: ids.service,
  start: "2030-03-14T22:00:00.000Z",
  end: "2030-03-15T00:00:00.000Z",
  reason: "Database upgrade to PostgreSQL 17",
  inEffect: false,
  suppressedAlerts: 0,
  createdBy: ids.user,
  createdAt: at(30),
};
const heartbeatToken = "iohb_4f9a2c7e1b8d3a6f0c5e9b2d7a4f1c8e";
const heartbeat = {
  id: ids.heartbeat,
  serviceId: ids.service,
  name: "nightly-backup",
  intervalSeconds: 93_600,
  status: "healthy",
  lastPingAt: at(40),
  dueAt: "2025-03-15T11:40:00.000Z",
  pingUrl: `https://incidentops.example.com/v1/heartbeats/${heartbeatToken}`,
  createdBy: ids.user,
  createdAt: at(35),
  updatedAt: at(35),
};
const suppressedAlert = {
  id: ids.suppressedAlert,
  windowId: ids.maintenanceWindow,
  integrationId: ids.integration,
  dedupKey: "disk-full/db-1",
  summary: "Disk full on db-1",
  severity: "sev1",
  alert: { event_action: "trigger", payload: { summary: "Disk full on db-1", source: "db-1", severity: "critical" } },
  receivedAt: "2030-03-14T22:10:00.000Z",
};
const statusUpdate = {
  id: ids.statusUpdate,
  incidentId: ids.incident,
  body: "Some card payments fail. We are rolling back the last release.",
  status: "identified",
  author: { id: ids.user, email: user.email, name: user.name },
  createdAt: at(7),
};
const slaTargets = {
  sev1: { acknowledgeWithinMinutes: 5, resolveWithinMinutes: 240 },
  sev2: { acknowledgeWithinMinutes: 15, resolveWithinMinutes: 480 },
  sev3: { acknowledgeWithinMinutes: 60, resolveWithinMinutes: 1440 },
  sev4: { acknowledgeWithinMinutes: null, resolveWithinMinutes: null },
  warnAtPercent: 80,
};
const resolvedAt = "2025-03-14T10:25:00.000Z";
const postmortem = {
  incidentId: ids.incident,
  summary: "Checkout returned 502 for half of the payment attempts after release 1.42.",
  impact: "SEV2 incident on checkout-api: triggered 2025-03-14 09:02:00 UTC, resolved 2025-03-14 10:25:00 UTC (1 h 23 min).",
  rootCause: "A connection pool limit halved by the new configuration.",
  actionItems: [{ title: "Alert on pool saturation", ownerId: ids.otherUser, done: false }],
  status: "draft",
  version: 1,
  createdBy: ids.user,
  updatedBy: ids.user,
  createdAt: "2025-03-14T11:00:00.000Z",
  updatedAt: "2025-03-14T11:00:00.000Z",
  publishedAt: null,
  facts: {
    title: incident.title,
    severity: "sev2",
    service: { id: ids.service, name: service.name },
    triggeredAt: at(2),
    firstAcknowledgedAt: at(4),
    mitigatedAt: null,
    resolvedAt,
    timeToAcknowledgeSeconds: 120,
    timeToResolveSeconds: 4980,
    acknowledgeDueAt: at(17),
    resolveDueAt: "2025-03-14T17:02:00.000Z",
    acknowledgeBreachedAt: null,
    resolveBreachedAt: null,
    alertCount: 1,
  },
  timeline: [
    { at: at(2), kind: "created", summary: "Incident triggered at SEV2: Half of the payment attempts fail since 09:02", actorUserId: ids.user },
    { at: at(4), kind: "status_changed", summary: "Status changed from triggered to acknowledged", actorUserId: ids.user },
    { at: resolvedAt, kind: "status_changed", summary: "Status changed from acknowledged to resolved", actorUserId: ids.user },
  ],
  timelineTruncated: false,
};
const attachment = {
  id: ids.attachment,
  incidentId: ids.incident,
  fileName: "checkout-errors.png",
  contentType: "image/png",
  sizeBytes: 48213,
  sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  uploadedBy: ids.user,
  createdAt: at(8),
  downloadPath: `/v1/incidents/${ids.incident}/attachments/${ids.attachment}`,
};
const stats = (mean: number, p50: number, p90: number, p95: number) => ({ mean, p50, p90, p95 });
const metrics = {
  count: 12,
  acknowledged: 11,
  resolved: 10,
  mtta: stats(184.5, 120, 410.2, 598.75),
  mttr: stats(5210.3, 3600, 10800, 14250),
  escalations: { timeout: 3, manual: 1 },
  ackSlaMetPercent: 90.91,
  resolveSlaMetPercent: 80,
};
const analyticsWindow = { since: "2025-03-01T00:00:00.000Z", until: "2025-03-15T00:00:00.000Z" };

export interface OperationExamples {
  /** The operation's whole input (path, query and body fields together); absent when it takes none. */
  input?: Record<string, unknown>;
  /** Its success response. */
  output: unknown;
}

export const operationExamples: Record<string, OperationExamples> = {
  "auth.register": {
    input: { email: "ada@example.com", password: "correct horse battery", name: "Ada Lovelace", orgName: "Acme" },
    output: tokens,
  },
  "auth.login": { input: { email: "ada@example.com", password: "correct horse battery" }, output: tokens },
  "auth.refresh": { input: { refreshToken: tokens.refreshToken }, output: tokens },
  "auth.switchOrg": { input: { refreshToken: tokens.refreshToken, orgId: ids.org }, output: tokens },
  "auth.logout": { input: { refreshToken: tokens.refreshToken }, output: ok },
  "auth.forgotPassword": { input: { email: "ada@example.com" }, output: ok },
  "auth.resetPassword": { input: { token: "iopr_Xk2mQ8vR4tW1zY7bN3cJ", password: "a new long passphrase" }, output: ok },
  "auth.changePassword": {
    input: { currentPassword: "correct horse battery", newPassword: "a new long passphrase", refreshToken: tokens.refreshToken },
    output: ok,
  },
  "auth.acceptInvitation": { input: { token: "ioi_Hq7wE2rT9yU4iO1pA6sD", name: "Grace Hopper", password: "debugging the mark II" }, output: tokens },
  "auth.me": { output: { user, org, memberships: [org] } },

  "org.get": { output: org },
  "org.update": { input: { name: "Acme Inc." }, output: { ...org, name: "Acme Inc." } },
  "org.members.list": { input: pageInput, output: page(member) },
  "org.members.update": { input: { userId: ids.otherUser, role: "admin" }, output: { ...member, role: "admin" } },
  "org.members.remove": { input: { userId: ids.otherUser }, output: { ...ok, changes: memberRemovalChanges } },
  "org.members.notificationPreferences": { input: { userId: ids.otherUser }, output: { eventKinds: ["triggered", "escalated", "resolved"], updatedAt: at(14) } },
  "org.members.removal": { input: { userId: ids.otherUser }, output: { changes: memberRemovalChanges, blockers: { escalationLevels: [], scheduleLayers: [] } } },
  "org.people.list": { input: pageInput, output: page(member.user) },
  "org.invitations.list": { input: { ...pageInput, status: "pending" }, output: page(invitation) },
  "org.invitations.create": { input: { email: "grace@example.com", role: "member" }, output: { ...invitation, token: "ioi_Hq7wE2rT9yU4iO1pA6sD" } },
  "org.invitations.revoke": { input: { invitationId: ids.invitation }, output: { ...invitation, status: "revoked", revokedAt: at(10) } },
  "org.services.list": { input: pageInput, output: page(service) },
  "org.services.create": {
    input: { name: "checkout-api", description: "Takes payments", ackTimeoutMinutes: 30, pageMinSeverity: "sev3", teamId: ids.team },
    output: { ...service, escalationPolicyId: null },
  },
  "org.services.get": { input: { serviceId: ids.service }, output: service },
  "org.services.update": { input: { serviceId: ids.service, escalationPolicyId: ids.policy }, output: service },
  "org.notificationTargets.list": { input: pageInput, output: page(webhookTarget) },
  "org.notificationTargets.create": {
    input: { name: "ops webhook", type: "webhook", config: { url: "https://hooks.example.com/incidentops" }, eventKinds: ["triggered", "resolved"], minSeverity: "sev2", teamIds: [ids.team] },
    output: { ...webhookTarget, secret: signingSecret },
  },
  "org.notificationTargets.get": { input: { targetId: ids.target }, output: webhookTarget },
  "org.notificationTargets.update": { input: { targetId: ids.target, enabled: false }, output: { ...webhookTarget, enabled: false, updatedAt: at(11) } },
  "org.notificationTargets.delete": { input: { targetId: ids.target }, output: ok },
  "org.notificationTargets.rotateSecret": { input: { targetId: ids.target }, output: { ...webhookTarget, secret: signingSecret } },
  "org.notificationTargets.test": { input: { targetId: ids.target }, output: { ok: true, httpStatus: 204, error: null, note: null, durationMs: 84 } },
  "org.escalationPolicies.list": { input: pageInput, output: page(policy) },
  "org.escalationPolicies.create": {
    input: { name: policy.name, description: policy.description, repeat: 1, teamId: ids.team, levels: policy.levels },
    output: policy,
  },
  "org.escalationPolicies.get": { input: { policyId: ids.policy }, output: policy },
  "org.escalationPolicies.replace": {
    input: { policyId: ids.policy, name: policy.name, repeat: 2, teamId: ids.team, levels: policy.levels },
    output: { ...policy, repeat: 2, updatedAt: at(12) },
  },
  "org.escalationPolicies.delete": { input: { policyId: ids.policy }, output: ok },
  "org.teams.list": { input: pageInput, output: page(team) },
  "org.teams.create": { input: { name: team.name, description: team.description }, output: team },
  "org.teams.get": { input: { teamId: ids.team }, output: team },
  "org.teams.update": { input: { teamId: ids.team, name: "Payments & billing" }, output: { ...team, name: "Payments & billing", updatedAt: at(15) } },
  "org.teams.delete": { input: { teamId: ids.team }, output: ok },
  "org.teams.members.list": { input: { teamId: ids.team }, output: { items: [teamMember, { user: { id: ids.user, name: user.name }, role: "member", addedAt: at(10) }] } },
  "org.teams.members.set": { input: { teamId: ids.team, userId: ids.otherUser, role: "manager" }, output: teamMember },
  "org.teams.members.remove": { input: { teamId: ids.team, userId: ids.otherUser }, output: ok },
  "org.schedules.list": { input: { teamId: ids.team, ...pageInput }, output: page(schedule) },
  "org.schedules.create": {
    input: { name: schedule.name, description: schedule.description, timeZone: "Europe/Berlin", teamId: ids.team, layers: [layerInput, nightLayerInput] },
    output: schedule,
  },
  "org.schedules.get": { input: { scheduleId: ids.schedule }, output: schedule },
  "org.schedules.update": {
    input: { scheduleId: ids.schedule, layers: [{ id: ids.layer, ...layerInput, rotation: { unit: "week", length: 2 } }] },
    output: { ...schedule, layers: [{ ...schedule.layers[0], rotation: { unit: "week", length: 2 } }], people: [ada, grace], updatedAt: at(18) },
  },
  "org.schedules.delete": { input: { scheduleId: ids.schedule }, output: ok },
  "org.schedules.shifts": {
    input: { scheduleId: ids.schedule, since: "2025-03-14T00:00:00Z", until: "2025-03-15T00:00:00Z" },
    output: {
      items: [
        { userId: ids.user, start: "2025-03-14T00:00:00.000Z", end: "2025-03-14T05:00:00.000Z", layerId: ids.nightLayer, overrideId: null },
        { userId: ids.user, start: "2025-03-14T05:00:00.000Z", end: "2025-03-14T12:00:00.000Z", layerId: ids.layer, overrideId: null },
        { userId: ids.otherUser, start: "2025-03-14T12:00:00.000Z", end: "2025-03-14T18:00:00.000Z", layerId: null, overrideId: ids.override },
        { userId: ids.user, start: "2025-03-14T18:00:00.000Z", end: "2025-03-14T21:00:00.000Z", layerId: ids.layer, overrideId: null },
      ],
      gaps: [{ start: "2025-03-14T21:00:00.000Z", end: "2025-03-15T00:00:00.000Z" }],
      coveragePercent: 87.5,
      people: [ada, grace],
    },
  },
  "org.schedules.overrides.list": { input: { scheduleId: ids.schedule, since: "2025-03-14T00:00:00Z", ...pageInput }, output: page(override) },
  "org.schedules.overrides.create": {
    input: { scheduleId: ids.schedule, userId: ids.otherUser, start: "2025-03-14T12:00:00Z", end: "2025-03-14T18:00:00Z" },
    output: override,
  },
  "org.schedules.overrides.delete": { input: { scheduleId: ids.schedule, overrideId: ids.override }, output: ok },
  "oncalls.list": {
    input: { at: "2025-03-14T13:00:00Z" },
    output: {
      items: [
        { userId: ids.otherUser, scheduleId: ids.schedule, escalationPolicyId: null, level: null, start: "2025-03-14T12:00:00.000Z", end: "2025-03-14T18:00:00.000Z" },
        { userId: ids.user, scheduleId: null, escalationPolicyId: ids.policy, level: 1, start: "2025-03-14T13:00:00.000Z", end: null },
      ],
      people: [ada, grace],
    },
  },
  "users.me.oncall": {
    input: { since: "2025-03-14T00:00:00Z", until: "2025-03-21T00:00:00Z" },
    output: {
      items: [{ scheduleId: ids.schedule, scheduleName: schedule.name, timeZone: "Europe/Berlin", start: "2025-03-17T08:00:00.000Z", end: "2025-03-21T00:00:00.000Z" }],
      since: "2025-03-14T00:00:00.000Z",
      until: "2025-03-21T00:00:00.000Z",
    },
  },
  "users.me.calendarFeeds.list": { output: { items: [feed] } },
  "users.me.calendarFeeds.create": {
    input: { name: "My on-call shifts" },
    output: { ...feed, secret: feedToken, url: `https://incidentops.example.com/calendar/${feedToken}.ics` },
  },
  "users.me.calendarFeeds.delete": { input: { feedId: ids.feed }, output: ok },
  "calendar.feed": {
    input: { token: feedToken },
    output: [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//IncidentOps//on-call//EN",
      "METHOD:PUBLISH",
      "NAME:My on-call shifts",
      "X-WR-CALNAME:My on-call shifts",
      "BEGIN:VEVENT",
      `UID:${ids.feed}-${ids.schedule}-2025-03-17T08:00:00.000Z@incidentops`,
      "DTSTAMP:20250317T080000Z",
      "DTSTART:20250317T080000Z",
      "DTEND:20250324T080000Z",
      "SUMMARY:On call: Payments primary",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n"),
  },
  "org.apiKeys.list": { input: pageInput, output: page(apiKey) },
  "org.apiKeys.create": {
    input: { name: "ci deployer", scope: "write", expiresAt: "2026-03-14T00:00:00Z" },
    output: { ...apiKey, secret: "iok_3kQ9vT7wB2nM5xC8zL1pR4sD6fG0hJ" },
  },
  "org.apiKeys.revoke": { input: { keyId: ids.apiKey }, output: { ...apiKey, revokedAt: at(13), status: "revoked" } },
  "live.tickets.create": { output: { ticket: "pZ4w0cQd7s2VbN9yR1kT6xL3mJ8hF5gA0eU2iO4qW7c", expiresAt: "2025-03-14T09:13:30.000Z" } },

  "orgs.list": { input: pageInput, output: page(org) },
  "orgs.create": { input: { name: "Acme Labs" }, output: { ...org, id: "7d3e9c12-4b5a-4e8f-a1c2-3b4d5e6f7a02", name: "Acme Labs" } },

  "incidents.list": { input: { status: "triggered", serviceId: ids.service, assignedTo: "me", ...pageInput }, output: page(incident) },
  "incidents.create": {
    input: { serviceId: ids.service, title: incident.title, description: incident.description, severity: "sev2", type: "payments" },
    output: incident,
  },
  "incidents.counts": {
    input: { serviceId: ids.service },
    output: {
      byStatus: { triggered: 3, acknowledged: 1, mitigated: 0, resolved: 42 },
      open: { total: 4, bySeverity: { sev1: 1, sev2: 2, sev3: 1, sev4: 0 }, byService: [{ serviceId: ids.service, count: 4 }] },
    },
  },
  "incidents.get": { input: { incidentId: ids.incident }, output: incident },
  "incidents.events": { input: { incidentId: ids.incident, ...pageInput }, output: page({ ...comment, actor: { id: ids.user, name: user.name } }) },
  "incidents.transition": { input: { incidentId: ids.incident, toStatus: "acknowledged", version: 1 }, output: acknowledged },
  "incidents.comment": { input: { incidentId: ids.incident, body: "Rolling back 1.42" }, output: comment },
  "incidents.escalate": { input: { incidentId: ids.incident }, output: { ...incident, version: 2, updatedAt: at(6) } },
  "incidents.assign": {
    input: { incidentId: ids.incident, userIds: [ids.otherUser], version: 1 },
    output: { ...incident, version: 2, updatedAt: at(6), assignees: [{ id: ids.otherUser, name: "Grace Hopper" }] },
  },
  "incidents.snooze": {
    input: { incidentId: ids.incident, minutes: 60, version: 2 },
    output: { ...acknowledged, version: 3, updatedAt: at(6), snoozedUntil: "2025-03-14T10:06:00.000Z", ackTimeoutAt: null },
  },
  "incidents.notifications": {
    input: { incidentId: ids.incident, ...pageInput },
    output: {
      items: [
        {
          id: ids.attempt,
          channel: "webhook",
          target: { id: ids.target, name: "ops webhook", type: "webhook", deleted: false },
          user: null,
          contactMethod: null,
          delayMinutes: null,
          lastHttpStatus: 204,
          ...deliveredAttempt,
        },
        {
          id: ids.pageAttempt,
          channel: "sms",
          target: null,
          user: { id: ids.user, email: "ada@example.com" },
          contactMethod: { id: ids.smsMethod, name: "Work phone", type: "sms", address: "+****0100", deleted: true },
          delayMinutes: 0,
          lastHttpStatus: 201,
          ...deliveredAttempt,
        },
      ],
      nextCursor: null,
    },
  },

  "incidents.update": {
    input: { incidentId: ids.incident, severity: "sev1", version: 2 },
    output: { ...acknowledged, severity: "sev1", version: 3, updatedAt: at(9), resolveDueAt: "2025-03-14T13:02:00.000Z" },
  },
  "incidents.tasks.list": { input: { incidentId: ids.incident, ...pageInput }, output: page(task) },
  "incidents.tasks.create": { input: { incidentId: ids.incident, title: task.title, assigneeId: ids.otherUser }, output: task },
  "incidents.tasks.update": {
    input: { incidentId: ids.incident, taskId: ids.task, done: true },
    output: { ...task, done: true, doneAt: at(30), updatedAt: at(30) },
  },
  "incidents.statusUpdates.list": { input: { incidentId: ids.incident, ...pageInput }, output: page(statusUpdate) },
  "incidents.statusUpdates.create": { input: { incidentId: ids.incident, body: statusUpdate.body, status: "identified" }, output: statusUpdate },
  "incidents.postmortem.get": { input: { incidentId: ids.incident }, output: postmortem },
  "incidents.postmortem.put": {
    input: {
      incidentId: ids.incident,
      summary: postmortem.summary,
      impact: postmortem.impact,
      rootCause: postmortem.rootCause,
      actionItems: postmortem.actionItems,
      status: "published",
      version: 1,
    },
    output: { ...postmortem, status: "published", version: 2, updatedAt: "2025-03-14T12:00:00.000Z", publishedAt: "2025-03-14T12:00:00.000Z" },
  },
  "incidents.postmortem.markdown": {
    input: { incidentId: ids.incident },
    output: "# Postmortem: Checkout returns 502\n\n_Draft_\n\n| | |\n|---|---|\n| Severity | SEV2 |\n| Service | checkout-api |\n...\n## Summary\n\nCheckout returned 502 for half of the payment attempts after release 1.42.\n",
  },
  "incidents.attachments.limits": { output: { maxBytes: 26_214_400 } },
  "incidents.changeEvents.list": { input: { incidentId: ids.incident, ...pageInput }, output: page(changeEvent) },
  "org.services.maintenanceWindows.list": { input: { serviceId: ids.service, ...pageInput }, output: page({ ...maintenanceWindow, suppressedAlerts: 1 }) },
  "org.services.maintenanceWindows.create": {
    input: { serviceId: ids.service, start: maintenanceWindow.start, end: maintenanceWindow.end, reason: maintenanceWindow.reason },
    output: maintenanceWindow,
  },
  "org.services.maintenanceWindows.end": { input: { serviceId: ids.service, windowId: ids.maintenanceWindow }, output: ok },
  "org.services.maintenanceWindows.alerts": { input: { serviceId: ids.service, windowId: ids.maintenanceWindow, ...pageInput }, output: page(suppressedAlert) },
  "org.services.heartbeats.list": { input: { serviceId: ids.service }, output: { items: [heartbeat] } },
  "org.services.heartbeats.create": {
    input: { serviceId: ids.service, name: heartbeat.name, intervalSeconds: heartbeat.intervalSeconds },
    output: { ...heartbeat, status: "inactive", lastPingAt: null, dueAt: "2025-03-15T11:35:00.000Z" },
  },
  "org.services.heartbeats.get": { input: { serviceId: ids.service, heartbeatId: ids.heartbeat }, output: heartbeat },
  "org.services.heartbeats.update": {
    input: { serviceId: ids.service, heartbeatId: ids.heartbeat, intervalSeconds: 3600 },
    output: { ...heartbeat, intervalSeconds: 3600, dueAt: "2025-03-14T10:40:00.000Z", updatedAt: at(45) },
  },
  "org.services.heartbeats.delete": { input: { serviceId: ids.service, heartbeatId: ids.heartbeat }, output: ok },
  "heartbeats.ping": { input: { token: heartbeatToken }, output: { ok: true, status: "healthy", dueAt: "2025-03-15T11:40:00.000Z" } },
  "org.services.changeEvents.list": { input: { serviceId: ids.service, ...pageInput }, output: page(changeEvent) },
  "incidents.attachments.list": { input: { incidentId: ids.incident, ...pageInput }, output: page(attachment) },
  "incidents.attachments.delete": { input: { incidentId: ids.incident, attachmentId: ids.attachment }, output: ok },
  "incidents.attachments.upload": { input: { incidentId: ids.incident }, output: attachment },
  "incidents.attachments.download": { input: { incidentId: ids.incident, attachmentId: ids.attachment }, output: "(the file's bytes)" },

  "org.slaPolicy.get": { output: { ...slaTargets, updatedAt: at(15) } },
  "org.slaPolicy.put": { input: slaTargets, output: { ...slaTargets, updatedAt: at(15) } },
  "org.services.slaPolicy.get": { input: { serviceId: ids.service }, output: { ...slaTargets, updatedAt: at(15), serviceId: ids.service, source: "org" } },
  "org.services.slaPolicy.put": {
    input: { serviceId: ids.service, ...slaTargets, sev1: { acknowledgeWithinMinutes: 2, resolveWithinMinutes: 60 } },
    output: { ...slaTargets, sev1: { acknowledgeWithinMinutes: 2, resolveWithinMinutes: 60 }, updatedAt: at(16), serviceId: ids.service, source: "service" },
  },
  "org.services.slaPolicy.delete": { input: { serviceId: ids.service }, output: { ...slaTargets, updatedAt: at(15), serviceId: ids.service, source: "org" } },

  "analytics.incidents": {
    input: { ...analyticsWindow, groupBy: "day", timeZone: "Europe/London" },
    output: {
      ...analyticsWindow,
      groupBy: "day",
      timeZone: "Europe/London",
      totals: metrics,
      groups: [{ key: "2025-03-14", label: "2025-03-14", start: "2025-03-14T00:00:00.000Z", ...metrics }],
    },
  },
  "analytics.incidentsCsv": {
    input: { ...analyticsWindow, groupBy: "service" },
    output:
      "key,label,start,count,acknowledged,resolved,mtta_mean_seconds,mtta_p50_seconds,mtta_p90_seconds,mtta_p95_seconds,mttr_mean_seconds,mttr_p50_seconds,mttr_p90_seconds,mttr_p95_seconds,escalations_timeout,escalations_manual,ack_sla_met_percent,resolve_sla_met_percent\r\n" +
      `${ids.service},checkout-api,,12,11,10,184.5,120,410.2,598.75,5210.3,3600,10800,14250,3,1,90.91,80\r\n`,
  },
  "analytics.responders": {
    input: analyticsWindow,
    output: {
      ...analyticsWindow,
      totals: { pagesReceived: 9, incidentsAcknowledged: 6, interruptions: { business: 4, offHours: 3, sleep: 2 } },
      items: [
        {
          user: { id: ids.user, email: user.email, name: user.name },
          timeZone: "Europe/London",
          pagesReceived: 9,
          incidentsAcknowledged: 6,
          interruptions: { business: 4, offHours: 3, sleep: 2 },
        },
      ],
    },
  },

  "integrations.list": { input: { serviceId: ids.service }, output: { items: [integration] } },
  "integrations.create": { input: { serviceId: ids.service, name: "prometheus" }, output: integration },
  "integrations.update": {
    input: { serviceId: ids.service, integrationId: ids.integration, grouping: "alert", signingSecret: "grafana-hmac-secret-0f3a9c" },
    output: { ...integration, grouping: "alert", signingSecretSet: true },
  },
  "integrations.mappingPresets": { output: { items: [DATADOG_WEBHOOK_MAPPING] } },
  "integrations.delete": { input: { serviceId: ids.service, integrationId: ids.integration }, output: ok },

  "users.me.update": { input: { timeZone: "Europe/London", handoffReminderMinutes: 30 }, output: user },
  "users.me.notificationPreferences.get": { output: { eventKinds: ["triggered", "escalated"], updatedAt: at(14) } },
  "users.me.notificationPreferences.update": { input: { eventKinds: ["triggered", "escalated"] }, output: { eventKinds: ["triggered", "escalated"], updatedAt: at(14) } },
  "users.me.contactMethods.list": { output: { items: [emailMethod, smsMethod] } },
  "users.me.contactMethods.create": { input: { type: "sms", name: "Work phone", address: "+14155550100" }, output: smsMethod },
  "users.me.contactMethods.delete": { input: { contactMethodId: ids.smsMethod }, output: ok },
  "users.me.notificationRules.get": { output: rules },
  "users.me.notificationRules.update": { input: rules, output: rules },

  "auditLogs.list": {
    input: { action: "api_key.created", ...pageInput },
    output: page({
      id: ids.audit,
      action: "api_key.created",
      actor: { type: "user", id: ids.user },
      target: { type: "api_key", id: ids.apiKey },
      requestId: "4f1d2c3b-5a69-4788-9a0b-1c2d3e4f5a6b",
      ip: "203.0.113.7",
      data: { name: "ci deployer", scope: "write" },
      createdAt: at(6),
    }),
  },
  "usage.get": {
    output: {
      quota: 10000,
      today: { day: "2025-03-14", writeCalls: 42, remaining: 9958, resetsAt: "2025-03-15T00:00:00.000Z" },
      days: [
        { day: "2025-03-14", writeCalls: 42 },
        { day: "2025-03-13", writeCalls: 0 },
      ],
    },
  },

  "alerts.pagerDuty": {
    input: {
      routing_key: routingKey,
      event_action: "trigger",
      dedup_key: "disk-full/db-1",
      payload: { summary: "Disk full on db-1", source: "db-1", severity: "critical", timestamp: "2025-03-14T09:02:00.315+0000", custom_details: { free: "1%" } },
    },
    output: { status: "success", message: "Event processed", dedup_key: "disk-full/db-1" },
  },
  "alerts.pagerDutyChange": {
    input: {
      routing_key: routingKey,
      payload: { summary: "Deploy checkout v2.31.0", timestamp: "2025-03-14T08:55:00.000+0000", source: "ci-runner-7", custom_details: { commit: "9f2c1ab", author: "ada" } },
      links: [{ href: "https://ci.example.com/builds/2231", text: "Build 2231" }],
    },
    output: { status: "success", message: "Change event processed" },
  },
  "alerts.pagerDutyV1": {
    input: { service_key: routingKey, event_type: "trigger", incident_key: "srv01/HTTP", description: "FAILURE for production/HTTP on machine srv01.example.com", details: { ping: "timeout" } },
    output: { status: "success", message: "Event processed", incident_key: "srv01/HTTP" },
  },
  "alerts.alertmanager": {
    input: {
      routingKey,
      version: "4",
      groupKey: '{}:{alertname="DiskFull"}',
      status: "firing",
      receiver: "incidentops",
      alerts: [
        {
          status: "firing",
          labels: { alertname: "DiskFull", instance: "db-1", severity: "critical" },
          annotations: { summary: "Disk full on db-1" },
          startsAt: "2025-03-14T09:02:00Z",
          fingerprint: "a3c1e5f7b9d2c4e6",
        },
      ],
    },
    output: {
      status: "success",
      grouping: "group",
      alerts: [{ fingerprint: "5d0c8a41f3b27e9c6a1d4f08b3e2c791", dedupKey: "5d0c8a41f3b27e9c6a1d4f08b3e2c791", outcome: "created", incidentId: ids.incident }],
    },
  },
  "alerts.grafana": {
    input: {
      routingKey,
      receiver: "incidentops",
      status: "firing",
      orgId: 1,
      alerts: [
        {
          status: "firing",
          labels: { alertname: "High memory usage", team: "blue", zone: "us-1" },
          annotations: { description: "The system has high memory usage", runbook_url: "https://myrunbook.com/runbook/1234", summary: "This alert was triggered for zone us-1" },
          startsAt: "2021-10-12T09:51:03.157076+02:00",
          endsAt: "0001-01-01T00:00:00Z",
          generatorURL: "https://play.grafana.org/alerting/1afz29v7z/edit",
          fingerprint: "c6eadffa33fcdf37",
          silenceURL: "https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1",
          dashboardURL: "",
          panelURL: "",
          values: { B: 44.23943737541908, C: 1 },
        },
      ],
      groupLabels: {},
      commonLabels: { alertname: "High memory usage", team: "blue", zone: "us-1" },
      commonAnnotations: {},
      externalURL: "https://play.grafana.org/",
      version: "1",
      groupKey: "{}:{}",
      truncatedAlerts: 0,
      title: "[FIRING:1]  (High memory usage blue us-1)",
      state: "alerting",
      message: "**Firing**\n\nLabels:\n - alertname = High memory usage\n - team = blue\n - zone = us-1\n",
    },
    output: {
      status: "success",
      grouping: "group",
      alerts: [{ fingerprint: "0b9e42d7c51a3f86e2d04c9b7a1f5e38", dedupKey: "0b9e42d7c51a3f86e2d04c9b7a1f5e38", outcome: "created", incidentId: ids.incident }],
    },
  },
  "alerts.webhook": {
    input: {
      routingKey,
      aggregateKey: "b7c1f0e2a9d34c58",
      title: "[P1] Checkout error rate above 5%",
      transition: "Triggered",
      priority: "P1",
      alertId: "1234567",
      hostname: "web-1",
      link: "https://app.datadoghq.com/event/event?id=7350101",
    },
    output: { status: "success", dedupKey: "b7c1f0e2a9d34c58", outcome: "created", incidentId: ids.incident },
  },
  "alerts.opsgenie": {
    input: {
      message: "Disk full on db-1",
      alias: "disk-full/db-1",
      description: "Less than 1% free on /var/lib/postgresql",
      tags: ["storage", "critical"],
      details: { free: "1%", threshold: 5, mounted: true },
      entity: "db-1",
      source: "prometheus",
      priority: "P1",
      responders: [{ name: "storage", type: "team" }],
    },
    output: { result: "Request will be processed", took: 0.012, requestId: "c4b6f0a2-5d3e-4f1a-9b8c-7e6d5c4b3a21" },
  },
  "alerts.opsgenieAcknowledge": {
    input: { identifier: "disk-full/db-1", identifierType: "alias", user: "Ada Lovelace", source: "runbook", note: "On it" },
    output: { result: "Request will be processed", took: 0.008, requestId: "c4b6f0a2-5d3e-4f1a-9b8c-7e6d5c4b3a22" },
  },
  "alerts.opsgenieClose": {
    input: { identifier: "42", identifierType: "tiny", source: "Alertmanager" },
    output: { result: "Request will be processed", took: 0.009, requestId: "c4b6f0a2-5d3e-4f1a-9b8c-7e6d5c4b3a23" },
  },
  "alerts.opsgenieNote": {
    input: { identifier: ids.incident, identifierType: "id", note: "Freed 20 GB of WAL", user: "Ada Lovelace" },
    output: { result: "Request will be processed", took: 0.007, requestId: "c4b6f0a2-5d3e-4f1a-9b8c-7e6d5c4b3a24" },
  },
  "alerts.opsgenieRequest": {
    input: { requestId: "c4b6f0a2-5d3e-4f1a-9b8c-7e6d5c4b3a21" },
    output: {
      data: {
        success: true,
        action: "Create",
        processedAt: "2025-03-14T09:02:00.412Z",
        integrationId: ids.integration,
        isSuccess: true,
        status: "Created alert",
        alertId: ids.incident,
        alias: "disk-full/db-1",
        tinyId: "42",
      },
      took: 0.003,
      requestId: "c4b6f0a2-5d3e-4f1a-9b8c-7e6d5c4b3a25",
    },
  },
  "meta.openapi": {
    output: { openapi: "3.1.0", info: { title: "IncidentOps API", version: "0.1.0" }, servers: [{ url: "https://incidentops.example.com" }], paths: {} },
  },
  "session.login": { input: { email: "ada@example.com", password: "correct horse battery" }, output: browserSession },
  "session.register": {
    input: { email: "ada@example.com", password: "correct horse battery", name: "Ada Lovelace", orgName: "Acme" },
    output: browserSession,
  },
  "session.acceptInvitation": { input: { token: "ioi_Xk2mQ8vR4tW1zY7bN3cJ", name: "Grace Hopper", password: "correct horse battery" }, output: browserSession },
  "session.refresh": { output: browserSession },
  "session.switchOrg": { input: { orgId: ids.org }, output: browserSession },
  "session.changePassword": { input: { currentPassword: "correct horse battery", newPassword: "a new long passphrase" }, output: ok },
  "session.logout": { output: ok },
  "health.live": { output: { status: "ok" } },
  "health.ready": { output: { status: "ok", database: "ok", migrations: "current" } },
};
