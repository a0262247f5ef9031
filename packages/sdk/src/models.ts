import type { ApiShape } from "./api-types.js";
import type { InputsOf, OutputsOf } from "./shape.js";

/** Every procedure's input: `RouterInputs["incidents"]["create"]`. */
export type RouterInputs = InputsOf<ApiShape>;
/** Every procedure's output: `RouterOutputs["incidents"]["get"]`. */
export type RouterOutputs = OutputsOf<ApiShape>;

/** One page of a list: `{ items, nextCursor }`; pass `nextCursor` back as `cursor`. */
export type Page<T> = { items: T[]; nextCursor: string | null };

export type Incident = RouterOutputs["incidents"]["get"];
/** `"triggered" | "acknowledged" | "mitigated" | "resolved"` */
export type IncidentStatus = Incident["status"];
/** `"sev1"` (most severe) to `"sev4"` */
export type Severity = Incident["severity"];
export type IncidentEvent = RouterOutputs["incidents"]["comment"];
export type Service = RouterOutputs["org"]["services"]["get"];
export type User = RouterOutputs["auth"]["me"]["user"];
export type OrgWithRole = RouterOutputs["auth"]["me"]["org"];
export type Role = OrgWithRole["role"];
export type NotificationTarget = RouterOutputs["org"]["notificationTargets"]["get"];
export type EscalationPolicy = RouterOutputs["org"]["escalationPolicies"]["get"];
export type NotificationPreferences = RouterOutputs["users"]["me"]["notificationPreferences"]["get"];
export type Task = RouterOutputs["incidents"]["tasks"]["create"];
export type StatusUpdate = RouterOutputs["incidents"]["statusUpdates"]["create"];
export type Postmortem = RouterOutputs["incidents"]["postmortem"]["get"];
export type Attachment = RouterOutputs["incidents"]["attachments"]["list"]["items"][number];
export type SlaPolicy = RouterOutputs["org"]["slaPolicy"]["get"];
export type ServiceSlaPolicy = RouterOutputs["org"]["services"]["slaPolicy"]["get"];
/** GET /analytics/incidents: totals and groups of MTTA, MTTR, escalations and SLA attainment. */
export type IncidentAnalytics = RouterOutputs["analytics"]["incidents"];
/** GET /analytics/responders: pages, acknowledgements and interruptions per person. */
export type ResponderAnalytics = RouterOutputs["analytics"]["responders"];
