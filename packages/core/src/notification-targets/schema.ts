import { z } from "zod";
import type { ChatTargetType } from "@incidentops/db";
import { targetTypeSchema, isoDateTime, notificationEventKindSchema, severitySchema } from "../schema.js";

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

/** The config each target type takes. */
export const notificationTargetConfigSchemas = {
  webhook: z.object({ url: httpUrl }).strict(),
  email: z.object({ address: z.email() }).strict(),
  slack: z.object({ webhookUrl: httpUrl }).strict(),
  teams: z.object({ url: httpUrl.describe("A Teams Workflows webhook URL (\"When a Teams webhook request is received\")") }).strict(),
  discord: z.object({ url: httpUrl.describe("A Discord channel webhook URL") }).strict(),
  mattermost: z.object({ url: httpUrl.describe("A Mattermost incoming webhook URL") }).strict(),
} as const;

export type NotificationTargetConfig =
  | { type: "webhook"; config: z.infer<typeof notificationTargetConfigSchemas.webhook> }
  | { type: "email"; config: z.infer<typeof notificationTargetConfigSchemas.email> }
  | { type: "slack"; config: z.infer<typeof notificationTargetConfigSchemas.slack> }
  | { type: ChatTargetType; config: { url: string } };

/** Adds an issue under `config.*` for each way `config` does not fit `type`. */
export function checkTargetConfig(
  value: { type: z.infer<typeof targetTypeSchema>; config: unknown },
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
  type: targetTypeSchema,
  /** Slack, Teams, Discord and Mattermost webhook URLs carry their secret; they are masked on every read. */
  config: z.record(z.string(), z.string()),
  enabled: z.boolean(),
  eventKinds: z.array(notificationEventKindSchema).nullable(),
  minSeverity: severitySchema.nullable(),
  serviceIds: z.array(z.uuid()).nullable(),
  teamIds: z.array(z.uuid()).nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type NotificationTarget = z.infer<typeof notificationTargetSchema>;

/** The creation and rotation responses: the target plus its signing secret, shown this once. */
export const notificationTargetWithSecretSchema = notificationTargetSchema.extend({
  secret: z.string().describe("whsec_ signing secret, shown once"),
});
export type NotificationTargetWithSecret = z.infer<typeof notificationTargetWithSecretSchema>;

/** What a test notification did. */
export const deliveryOutcomeSchema = z.object({
  ok: z.boolean(),
  httpStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  note: z.string().nullable(),
  durationMs: z.number(),
});

const name = z.string().trim().min(1).max(200);
const eventKinds = z.array(notificationEventKindSchema).min(1);
/** A target's routing: at most 100 services, and 100 teams. */
const routeIds = z.array(z.uuid()).min(1).max(100);
const ROUTING =
  "A target with serviceIds or teamIds takes only the incidents of those services, or of services those teams own (either list matching is enough)";
const anyConfig = z.union([
  notificationTargetConfigSchemas.webhook,
  notificationTargetConfigSchemas.email,
  notificationTargetConfigSchemas.slack,
]);

// One object (the REST adapter needs one), with the type-specific config checked across fields.
export const createNotificationTargetInput = z
  .object({
    name,
    type: targetTypeSchema,
    config: anyConfig,
    enabled: z.boolean().optional(),
    eventKinds: eventKinds.optional(),
    minSeverity: severitySchema.optional().describe("Only incidents at least this severe (sev1 is the most severe)"),
    serviceIds: routeIds.optional().describe(`Only incidents of these services. ${ROUTING}`),
    teamIds: routeIds.optional().describe(`Only incidents of services these teams own. ${ROUTING}`),
  })
  .superRefine(checkTargetConfig);
export type CreateNotificationTargetInput = z.infer<typeof createNotificationTargetInput>;

export const targetIdInput = z.object({ targetId: z.uuid() });
export type TargetIdInput = z.infer<typeof targetIdInput>;

/** PATCH: the type is fixed at creation; `config` replaces the whole config. */
export const updateNotificationTargetInput = targetIdInput.extend({
  name: name.optional(),
  enabled: z.boolean().optional(),
  config: anyConfig.optional(),
  eventKinds: eventKinds.nullable().optional().describe("null: every kind"),
  minSeverity: severitySchema.nullable().optional().describe("null: every severity"),
  serviceIds: routeIds.nullable().optional().describe(`null: no service named. ${ROUTING}; with both null, every incident`),
  teamIds: routeIds.nullable().optional().describe(`null: no team named. ${ROUTING}; with both null, every incident`),
});
export type UpdateNotificationTargetInput = z.infer<typeof updateNotificationTargetInput>;
