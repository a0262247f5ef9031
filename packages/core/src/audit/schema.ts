import { z } from "zod";
import { isoDateTime, pageQuery } from "../schema.js";

export const auditActorTypeSchema = z.enum(["user", "api_key", "anonymous"]);

export const auditLogEntrySchema = z.object({
  id: z.uuid(),
  action: z.string().describe("What happened, e.g. notification_target.created or escalation_policy.deleted"),
  actor: z.object({
    type: auditActorTypeSchema,
    id: z.uuid().nullable().describe("The user or API key; null for an anonymous actor"),
  }),
  target: z.object({ type: z.string(), id: z.string() }).nullable().describe("What it was done to, if anything"),
  requestId: z.string().nullable().describe("The x-request-id of the request that did it"),
  ip: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).describe("Details of the action (never a secret)"),
  createdAt: isoDateTime,
});
export type AuditLogEntry = z.infer<typeof auditLogEntrySchema>;

export const listAuditLogInput = z.object({
  action: z.string().trim().min(1).max(100).optional().describe("Only this action, e.g. notification_target.created"),
  actorId: z.uuid().optional().describe("Only what this user or API key did"),
  ...pageQuery,
});
export type ListAuditLogInput = z.infer<typeof listAuditLogInput>;
