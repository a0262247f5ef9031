import { z } from "zod";

/** Wire shapes of the domain objects: camelCase, UUID ids, ISO-8601 UTC times. */
export const isoDateTime = z.iso.datetime({ offset: false });
export const roleSchema = z.enum(["viewer", "member", "admin"]);
export const incidentStatusSchema = z.enum(["triggered", "acknowledged", "mitigated", "resolved"]);
export const severitySchema = z.enum(["sev1", "sev2", "sev3", "sev4"]);
export const channelSchema = z.enum(["webhook", "email", "slack"]);

export const userSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  createdAt: isoDateTime,
});
export type User = z.infer<typeof userSchema>;

export const orgSchema = z.object({ id: z.uuid(), name: z.string(), createdAt: isoDateTime });
export type Org = z.infer<typeof orgSchema>;

export const orgWithRoleSchema = orgSchema.extend({ role: roleSchema });
export type OrgWithRole = z.infer<typeof orgWithRoleSchema>;

export const memberSchema = z.object({
  user: userSchema.pick({ id: true, email: true, name: true }),
  role: roleSchema,
  joinedAt: isoDateTime,
});
export type Member = z.infer<typeof memberSchema>;

export const serviceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  escalationPolicyId: z.uuid().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Service = z.infer<typeof serviceSchema>;

export const incidentSchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
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
});
export type Incident = z.infer<typeof incidentSchema>;

export const incidentEventKindSchema = z.enum(["created", "status_changed", "commented", "escalated", "alert_repeated"]);
export const incidentEventSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  kind: incidentEventKindSchema,
  actorUserId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: isoDateTime,
});
export type IncidentEvent = z.infer<typeof incidentEventSchema>;

export const notificationEventKindSchema = z.enum([
  "triggered",
  "acknowledged",
  "mitigated",
  "resolved",
  "escalated",
  "commented",
]);

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

/** The config each target type takes. */
export const notificationTargetConfigSchemas = {
  webhook: z.object({ url: httpUrl }).strict(),
  email: z.object({ address: z.email() }).strict(),
  slack: z.object({ webhookUrl: httpUrl }).strict(),
} as const;

export type NotificationTargetConfig =
  | { type: "webhook"; config: z.infer<typeof notificationTargetConfigSchemas.webhook> }
  | { type: "email"; config: z.infer<typeof notificationTargetConfigSchemas.email> }
  | { type: "slack"; config: z.infer<typeof notificationTargetConfigSchemas.slack> };

/** Adds an issue under `config.*` for each way `config` does not fit `type`. */
export function checkTargetConfig(
  value: { type: z.infer<typeof channelSchema>; config: unknown },
  ctx: z.RefinementCtx,
): void {
  const result = notificationTargetConfigSchemas[value.type].safeParse(value.config);
  if (result.success) return;
  for (const issue of result.error.issues) {
    ctx.addIssue({ code: "custom", message: issue.message, path: ["config", ...issue.path] });
  }
}

export const notificationTargetSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  type: channelSchema,
  /** Slack webhook URLs carry their secret in the path; they are masked on every read. */
  config: z.record(z.string(), z.string()),
  enabled: z.boolean(),
  eventKinds: z.array(notificationEventKindSchema).nullable(),
  minSeverity: severitySchema.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type NotificationTarget = z.infer<typeof notificationTargetSchema>;

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const escalationTargetSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("user"), userId: z.uuid() }),
  z.object({ type: z.literal("notification_target"), targetId: z.uuid() }),
]);

export const escalationLevelSchema = z.object({
  delaySeconds: z
    .number()
    .int()
    .min(0)
    .max(86_400)
    .describe("How long an unacknowledged incident waits at this level before the next level is notified"),
  targets: z.array(escalationTargetSchema).min(1).max(20),
});

export const escalationPolicySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  repeat: z.number().int().describe("How many times the levels are run through"),
  // Deleting a notification target removes it from the levels naming it, which can leave a
  // level empty: a stored policy is shown as it is, not held to the input's one-target minimum.
  levels: z.array(escalationLevelSchema.extend({ targets: z.array(escalationTargetSchema).max(20) })),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;

export const notificationPreferencesSchema = z.object({
  eventKinds: z.array(notificationEventKindSchema).describe("The event kinds you want to be told about"),
  updatedAt: isoDateTime.nullable(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const notificationAttemptSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  channel: channelSchema,
  target: z.object({ id: z.uuid(), name: z.string(), type: channelSchema }).nullable(),
  user: z.object({ id: z.uuid(), email: z.string() }).nullable(),
  status: z.enum(["pending", "succeeded", "failed"]),
  attemptCount: z.number().int(),
  lastHttpStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
});
export type NotificationAttempt = z.infer<typeof notificationAttemptSchema>;

export const deliveryOutcomeSchema = z.object({
  ok: z.boolean(),
  httpStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  note: z.string().nullable(),
  durationMs: z.number(),
});
