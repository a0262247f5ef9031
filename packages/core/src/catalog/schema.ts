import { z } from "zod";
import { isoDateTime, severitySchema } from "../schema.js";

const PAGE_MIN_SEVERITY =
  "The least severe incident its escalation policy pages for (sev2: sev1 and sev2). A less severe one opens, notifies the targets subscribed to it and shows on the timeline, but pages no one until its severity is raised to this or someone escalates it by hand; lowered below it, its escalation stops. null: every severity";

/** A service of the org's catalogue: what incidents are opened against. */
export const serviceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  escalationPolicyId: z.uuid().nullable(),
  ackTimeoutMinutes: z.number().int().nullable().describe("An acknowledged incident neither mitigated nor resolved within it returns to triggered; null: never"),
  pageMinSeverity: severitySchema.nullable().describe(PAGE_MIN_SEVERITY),
  teamId: z.uuid().nullable().describe("The team that owns it; its incidents are the team's"),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Service = z.infer<typeof serviceSchema>;

const name = z.string().trim().min(1).max(200);
const description = z.string().max(2000);
const ackTimeoutMinutes = z
  .number()
  .int()
  .min(1)
  .max(1440)
  .nullable()
  .describe("Minutes an acknowledgement holds before the incident returns to triggered and escalation restarts; null: forever");

export const createServiceInput = z.object({
  name,
  description: description.optional(),
  ackTimeoutMinutes: ackTimeoutMinutes.optional(),
  pageMinSeverity: severitySchema.optional().describe(PAGE_MIN_SEVERITY),
  escalationPolicyId: z.uuid().optional().describe("The escalation policy that pages for it (none: no escalation)"),
  teamId: z.uuid().optional().describe("The team that owns it"),
});
export type CreateServiceInput = z.infer<typeof createServiceInput>;

export const serviceIdInput = z.object({ serviceId: z.uuid() });
export type ServiceIdInput = z.infer<typeof serviceIdInput>;

export const updateServiceInput = serviceIdInput.extend({
  name: name.optional(),
  description: description.nullable().optional(),
  escalationPolicyId: z.uuid().nullable().optional().describe("null: no escalation"),
  ackTimeoutMinutes: ackTimeoutMinutes.optional(),
  pageMinSeverity: severitySchema.nullable().optional().describe(PAGE_MIN_SEVERITY),
  teamId: z.uuid().nullable().optional().describe("The team that owns it; null: no team"),
});
export type UpdateServiceInput = z.infer<typeof updateServiceInput>;
