import { z } from "zod";
import { incidentIdInput, incidentPageInput } from "../incidents/schema.js";
import { isoDateTime } from "../schema.js";
import { personSchema } from "../users/schema.js";

/** The phase a status update tells stakeholders about (Statuspage's). */
export const statusUpdateStatusSchema = z.enum(["investigating", "identified", "monitoring", "resolved"]);
export type StatusUpdateStatus = z.infer<typeof statusUpdateStatusSchema>;

/** A stakeholder-facing message about an incident, kept apart from the responders' comments. */
export const statusUpdateSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  body: z.string(),
  status: statusUpdateStatusSchema,
  author: personSchema.nullable().describe("null: posted with an API key"),
  createdAt: isoDateTime,
});
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;

export const listStatusUpdatesInput = incidentPageInput;
export type ListStatusUpdatesInput = z.infer<typeof listStatusUpdatesInput>;

export const postStatusUpdateInput = incidentIdInput.extend({
  body: z.string().trim().min(1).max(5_000),
  status: statusUpdateStatusSchema
    .optional()
    .describe("Default from the incident: investigating while triggered or acknowledged, monitoring once mitigated, resolved once resolved"),
});
export type PostStatusUpdateInput = z.infer<typeof postStatusUpdateInput>;
