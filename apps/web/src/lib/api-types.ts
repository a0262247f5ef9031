import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "api";

// The API's shapes, inferred from its router: the web app's only dependency on the API is this type.

export type { AppRouter };
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export type TokenResponse = RouterOutputs["auth"]["login"];
/** What the cookie session routes answer: the token response without the refresh token. */
export type BrowserSession = Omit<TokenResponse, "refreshToken">;
export type User = TokenResponse["user"];
export type OrgWithRole = TokenResponse["org"];
export type Role = OrgWithRole["role"];

export type Incident = RouterOutputs["incidents"]["get"];
export type IncidentStatus = Incident["status"];
export type Severity = Incident["severity"];
export type TimelineEvent = RouterOutputs["incidents"]["events"]["items"][number];
export type NotificationAttempt = RouterOutputs["incidents"]["notifications"]["items"][number];
export type IncidentCounts = RouterOutputs["incidents"]["counts"];
export type IncidentUpdates = RouterOutputs["live"]["incidents"] extends AsyncIterable<infer U> ? U : never;
export type Service = RouterOutputs["org"]["services"]["get"];
export type EscalationPolicy = RouterOutputs["org"]["escalationPolicies"]["get"];
export type NotificationTarget = RouterOutputs["org"]["notificationTargets"]["get"];
export type Member = RouterOutputs["org"]["members"]["list"]["items"][number];
export type MemberRemovalPreview = RouterOutputs["org"]["members"]["removal"];
export type Invitation = RouterOutputs["org"]["invitations"]["list"]["items"][number];
export type ApiKey = RouterOutputs["org"]["apiKeys"]["list"]["items"][number];
export type AuditLogEntry = RouterOutputs["auditLogs"]["list"]["items"][number];
export type Usage = RouterOutputs["usage"]["get"];
export type Team = RouterOutputs["org"]["teams"]["get"];
export type TeamMember = RouterOutputs["org"]["teams"]["members"]["list"]["items"][number];
export type TeamRole = TeamMember["role"];
export type Schedule = RouterOutputs["org"]["schedules"]["get"];
export type Layer = Schedule["layers"][number];
export type LayerInput = RouterInputs["org"]["schedules"]["update"]["layers"] extends (infer L)[] | undefined ? L : never;
export type Restriction = Layer["restrictions"][number];
export type RenderedSchedule = RouterOutputs["org"]["schedules"]["shifts"];
export type Shift = RenderedSchedule["items"][number];
export type Override = RouterOutputs["org"]["schedules"]["overrides"]["list"]["items"][number];
export type OnCalls = RouterOutputs["oncalls"]["list"];
export type MyShifts = RouterOutputs["users"]["me"]["oncall"];
export type ContactMethod = RouterOutputs["users"]["me"]["contactMethods"]["list"]["items"][number];
export type ContactMethodType = ContactMethod["type"];
export type NotificationRule = RouterOutputs["users"]["me"]["notificationRules"]["get"]["rules"][number];
export type CalendarFeed = RouterOutputs["users"]["me"]["calendarFeeds"]["list"]["items"][number];
/** Someone named on a schedule (its participants and override people). */
export type NamedPerson = Schedule["people"][number];
export type Person = RouterOutputs["org"]["people"]["list"]["items"][number];
export type Task = RouterOutputs["incidents"]["tasks"]["list"]["items"][number];
export type StatusUpdate = RouterOutputs["incidents"]["statusUpdates"]["list"]["items"][number];
export type StatusUpdateStatus = StatusUpdate["status"];
export type Attachment = RouterOutputs["incidents"]["attachments"]["list"]["items"][number];
export type Postmortem = RouterOutputs["incidents"]["postmortem"]["get"];
export type ActionItem = Postmortem["actionItems"][number];
export type SlaPolicy = RouterOutputs["org"]["slaPolicy"]["get"];
export type ServiceSlaPolicy = RouterOutputs["org"]["services"]["slaPolicy"]["get"];
/** What the policy form sends: every field, warnAtPercent too (a PUT without it clears it). */
export type SlaTargets = Required<RouterInputs["org"]["slaPolicy"]["put"]>;
export type IncidentAnalytics = RouterOutputs["analytics"]["incidents"];
export type IncidentAnalyticsInput = RouterInputs["analytics"]["incidents"];
export type IncidentGroup = IncidentAnalytics["groups"][number];
export type IncidentMetrics = IncidentAnalytics["totals"];
export type ResponderAnalytics = RouterOutputs["analytics"]["responders"];
export type NotificationKind = NotificationTarget["eventKinds"] extends (infer K)[] | null ? K : never;

export const STATUSES = ["triggered", "acknowledged", "mitigated", "resolved"] as const satisfies readonly IncidentStatus[];
export const SEVERITIES = ["sev1", "sev2", "sev3", "sev4"] as const satisfies readonly Severity[];
export type SlaStanding = NonNullable<RouterInputs["incidents"]["list"]["sla"]>;
export const SLA_STANDINGS = ["at_risk", "breached"] as const satisfies readonly SlaStanding[];
export const ROLES = ["viewer", "member", "admin"] as const satisfies readonly Role[];
export const STATUS_UPDATE_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const satisfies readonly StatusUpdateStatus[];

const ROLE_RANK: Record<Role, number> = { viewer: 1, member: 2, admin: 3 };
/** Whether `role` is at least `least` (the API decides; this only hides what it would refuse). */
export const roleAtLeast = (role: Role, least: Role) => ROLE_RANK[role] >= ROLE_RANK[least];
