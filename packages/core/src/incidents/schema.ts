import { z } from "zod";
import { incidentStatusSchema, isoDateTime, pageQuery, severitySchema } from "../schema.js";

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
export type IncidentEventKind = z.infer<typeof incidentEventKindSchema>;

export const incidentEventSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  kind: incidentEventKindSchema,
  actorUserId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: isoDateTime,
});
export type IncidentEvent = z.infer<typeof incidentEventSchema>;

export const listIncidentsInput = z.object({
  status: incidentStatusSchema.optional(),
  serviceId: z.uuid().optional(),
  severity: severitySchema.optional(),
  ...pageQuery,
});
export type ListIncidentsInput = z.infer<typeof listIncidentsInput>;

export const createIncidentInput = z.object({
  serviceId: z.uuid(),
  title: z.string().trim().min(1).max(300),
  description: z.string().max(10_000).optional(),
  severity: severitySchema.optional(),
});
export type CreateIncidentInput = z.infer<typeof createIncidentInput>;

export const incidentIdInput = z.object({ incidentId: z.uuid() });
export type IncidentIdInput = z.infer<typeof incidentIdInput>;

/** A page of something of one incident: its timeline, its notifications. */
export const incidentPageInput = incidentIdInput.extend(pageQuery);
export type IncidentPageInput = z.infer<typeof incidentPageInput>;

export const transitionIncidentInput = incidentIdInput.extend({ toStatus: incidentStatusSchema, version: z.number().int().min(1) });
export type TransitionIncidentInput = z.infer<typeof transitionIncidentInput>;

export const commentInput = incidentIdInput.extend({ body: z.string().trim().min(1).max(10_000) });
export type CommentInput = z.infer<typeof commentInput>;
