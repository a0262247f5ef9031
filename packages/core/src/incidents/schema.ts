import { z } from "zod";
import { incidentStatusSchema, incidentTypeSchema, isoDateTime, pageQuery, severitySchema } from "../schema.js";

export const incidentSchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  type: z.string().nullable().describe("What kind of incident it is, in the org's words (database, deploy, ...); from an alert, PagerDuty's payload.class; null: not said"),
  status: incidentStatusSchema,
  severity: severitySchema,
  version: z.number().int(),
  dedupKey: z.string().nullable().describe("Set when the incident was opened by an alert"),
  alertCount: z.number().int().describe("How many alerts this incident stands for"),
  createdBy: z.uuid().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  triggeredAt: isoDateTime,
  acknowledgedAt: isoDateTime.nullable(),
  mitigatedAt: isoDateTime.nullable(),
  resolvedAt: isoDateTime.nullable(),
  assignees: z
    .array(z.object({ id: z.uuid(), name: z.string() }))
    .describe("Who owns it: the people its escalation level paged last, or those someone assigned"),
  snoozedUntil: isoDateTime.nullable().describe("While snoozed: when it returns to triggered"),
  ackTimeoutAt: isoDateTime.nullable().describe("While acknowledged on a service with an acknowledgement timeout: when it returns to triggered"),
  firstAcknowledgedAt: isoDateTime.nullable().describe("The first acknowledgement: MTTA is measured to it"),
  acknowledgeDueAt: isoDateTime.nullable().describe("The SLA's deadline for a first response (acknowledge or resolve); null: no target"),
  resolveDueAt: isoDateTime.nullable().describe("The SLA's deadline for resolving; null: no target"),
  acknowledgeBreachedAt: isoDateTime.nullable().describe("When the acknowledge deadline was recorded as breached"),
  resolveBreachedAt: isoDateTime.nullable().describe("When the resolve deadline was recorded as breached"),
  acknowledgeWarnAt: isoDateTime.nullable().describe("When the acknowledge deadline warns that it nears (the SLA policy's warnAtPercent of its time); null: no warning"),
  resolveWarnAt: isoDateTime.nullable().describe("When the resolve deadline warns that it nears; null: no warning"),
  acknowledgeWarnedAt: isoDateTime.nullable().describe("When the acknowledge deadline's warning was recorded (an sla_at_risk event)"),
  resolveWarnedAt: isoDateTime.nullable().describe("When the resolve deadline's warning was recorded (an sla_at_risk event)"),
});
export type Incident = z.infer<typeof incidentSchema>;
export type Assignee = Incident["assignees"][number];

/** What the work around an incident adds to its timeline (tasks, status updates, postmortem, attachments). */
export const incidentActivityKindSchema = z.enum([
  "task_created",
  "task_updated",
  "status_update_posted",
  "postmortem_published",
  "attachment_added",
  "attachment_deleted",
]);
export type IncidentActivityKind = z.infer<typeof incidentActivityKindSchema>;

export const incidentEventKindSchema = z.enum([
  "created",
  "status_changed",
  "commented",
  "escalated",
  "alert_repeated",
  "assigned",
  "unassigned",
  "snoozed",
  "unsnoozed",
  "ack_timed_out",
  "no_one_on_call",
  "title_changed",
  "type_changed",
  "description_changed",
  "severity_changed",
  "sla_at_risk",
  "sla_breached",
  ...incidentActivityKindSchema.options,
]);
export type IncidentEventKind = z.infer<typeof incidentEventKindSchema>;

/** How an escalation step came about: the first page, a timeout, or a person's request. */
export type EscalationCause = "trigger" | "timeout" | "manual";

export const incidentEventSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  kind: incidentEventKindSchema,
  actorUserId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: isoDateTime,
});
export type IncidentEvent = z.infer<typeof incidentEventSchema>;

/** A timeline entry as the timeline lists it: the event and who did it (null: an API key, an alert or the system). */
export const timelineEventSchema = incidentEventSchema.extend({
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable().describe("The person who did it; null for an API key, an alert or the system"),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

const assignedTo = z
  .union([z.literal("me"), z.uuid()])
  .optional()
  .describe("Only incidents assigned to this person: `me` (a signed-in caller) or a user id");

/** Where an incident stands with its SLA deadlines, as the list filters by it. */
export const slaStandingSchema = z
  .enum(["at_risk", "breached"])
  .describe(
    "at_risk: unresolved, with a deadline still running whose warning was recorded (sla_at_risk; the SLA policy's warnAtPercent); breached: a deadline was recorded as breached",
  );
export type SlaStanding = z.infer<typeof slaStandingSchema>;

export const listIncidentsInput = z.object({
  status: incidentStatusSchema.optional(),
  serviceId: z.uuid().optional(),
  severity: severitySchema.optional(),
  assignedTo,
  teamId: z.uuid().optional().describe("Incidents of the services this team owns"),
  type: incidentTypeSchema.optional().describe("Incidents of this type (exactly)"),
  sla: slaStandingSchema.optional(),
  ...pageQuery,
});
export type ListIncidentsInput = z.infer<typeof listIncidentsInput>;

/** The filters the incident counts take: the list's, less the status (the counts are per status). */
export const incidentCountsInput = listIncidentsInput.pick({ serviceId: true, severity: true, assignedTo: true, teamId: true, type: true, sla: true });
export type IncidentCountsInput = z.infer<typeof incidentCountsInput>;

const count = z.number().int();

export const incidentCountsSchema = z.object({
  byStatus: z.object({ triggered: count, acknowledged: count, mitigated: count, resolved: count }).describe("Incidents matching the filters, per status"),
  open: z
    .object({
      total: count,
      bySeverity: z.object({ sev1: count, sev2: count, sev3: count, sev4: count }),
      byService: z.array(z.object({ serviceId: z.uuid(), count })).describe("Services with open incidents, most first"),
    })
    .describe("Incidents matching the filters that are not resolved"),
});
export type IncidentCounts = z.infer<typeof incidentCountsSchema>;

/** One message of the live incident stream (a tRPC subscription): what changed, re-read for the subscriber. */
export const incidentUpdatesSchema = z.object({
  reset: z.boolean().describe("true: changes may have been missed (the stream just started or reconnected, or a batch was too large): refetch what is shown"),
  incidents: z.array(incidentSchema).describe("The changed incidents as they are now"),
  timelineChanged: z.array(z.uuid()).describe("Incidents whose timeline changed (status, comment, escalation, alert)"),
  notificationsChanged: z.array(z.uuid()).describe("Incidents whose notification deliveries changed"),
});
export type IncidentUpdates = z.infer<typeof incidentUpdatesSchema>;
/** What an incident opened without a severity gets (the column's default too). */
export const DEFAULT_SEVERITY = "sev3" satisfies z.infer<typeof severitySchema>;

const title = z.string().trim().min(1).max(300);
const description = z.string().max(10_000);
export const createIncidentInput = z.object({
  serviceId: z.uuid(),
  title,
  description: description.optional(),
  severity: severitySchema.optional(),
  type: incidentTypeSchema.optional().describe("What kind of incident it is (database, deploy, ...)"),
});
export type CreateIncidentInput = z.infer<typeof createIncidentInput>;

export const incidentIdInput = z.object({ incidentId: z.uuid() });
export type IncidentIdInput = z.infer<typeof incidentIdInput>;

/** A page of something of one incident: its timeline, its notifications. */
export const incidentPageInput = incidentIdInput.extend(pageQuery);
export type IncidentPageInput = z.infer<typeof incidentPageInput>;

/** A page of the timeline, of one kind of event if asked (`escalated`: its escalations). */
export const incidentTimelineInput = incidentPageInput.extend({ kind: incidentEventKindSchema.optional().describe("Only the events of this kind") });
export type IncidentTimelineInput = z.infer<typeof incidentTimelineInput>;

export const transitionIncidentInput = incidentIdInput.extend({ toStatus: incidentStatusSchema, version: z.number().int().min(1) });
export type TransitionIncidentInput = z.infer<typeof transitionIncidentInput>;

const version = z.number().int().min(1).describe("The version you last read: a stale one is 409 VERSION_CONFLICT");

export const MAX_ASSIGNEES = 20;

export const assignIncidentInput = incidentIdInput.extend({
  userIds: z
    .array(z.uuid())
    .min(1)
    .max(MAX_ASSIGNEES)
    .refine((ids) => new Set(ids).size === ids.length, "each person once")
    .describe("The new assignees (members of the org): they replace the current ones, and those new to it are paged"),
  version,
});
export type AssignIncidentInput = z.infer<typeof assignIncidentInput>;

export const snoozeIncidentInput = incidentIdInput.extend({
  minutes: z.number().int().min(1).max(1440).describe("How long it stays acknowledged before it returns to triggered"),
  version,
});
export type SnoozeIncidentInput = z.infer<typeof snoozeIncidentInput>;
export const updateIncidentInput = incidentIdInput
  .extend({
    title: title.optional(),
    description: description.nullable().optional().describe("null clears it"),
    severity: severitySchema.optional().describe("Re-arms the SLA deadlines still running"),
    type: incidentTypeSchema.nullable().optional().describe("null clears it"),
    version: z.number().int().min(1).describe("The version you last read: a stale one is 409 VERSION_CONFLICT"),
  })
  .refine((input) => input.title !== undefined || input.description !== undefined || input.severity !== undefined || input.type !== undefined, {
    message: "Give at least one of title, description, severity, type",
    path: ["title"],
  });
export type UpdateIncidentInput = z.infer<typeof updateIncidentInput>;

export const commentInput = incidentIdInput.extend({ body: z.string().trim().min(1).max(10_000) });
export type CommentInput = z.infer<typeof commentInput>;
