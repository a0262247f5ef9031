import { z } from "zod";
import { serviceIdInput } from "../catalog/schema.js";
import { incidentIdInput } from "../incidents/schema.js";
import { isoDateTime, pageQuery } from "../schema.js";

export const changeEventLinkSchema = z.object({ href: z.string(), text: z.string().optional() });

/** A change (a deploy, a config push, a flag flip) reported by a tool; it opens no incident and pages nobody. */
export const changeEventSchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  integrationId: z.uuid().nullable().describe("null once the integration key that received it is deleted"),
  summary: z.string(),
  source: z.string().nullable(),
  occurredAt: isoDateTime.describe("The sender's timestamp, or the time of arrival when it sent none this service can read"),
  receivedAt: isoDateTime,
  customDetails: z.unknown().describe("As sent (`payload.custom_details`); null when none"),
  links: z.array(changeEventLinkSchema),
  notes: z.array(z.string()).describe("What was sent but could not be used as is (an unreadable timestamp)"),
});
export type ChangeEvent = z.infer<typeof changeEventSchema>;

export const listServiceChangeEventsInput = serviceIdInput.extend(pageQuery);
export type ListServiceChangeEventsInput = z.infer<typeof listServiceChangeEventsInput>;

export const listIncidentChangeEventsInput = incidentIdInput.extend(pageQuery);
export type ListIncidentChangeEventsInput = z.infer<typeof listIncidentChangeEventsInput>;

/** A change event as an ingestion route hands it over, already validated in its sender's format. */
export interface IncomingChangeEvent {
  summary: string;
  source: string | null;
  occurredAt: Date | undefined;
  customDetails: unknown;
  links: { href: string; text?: string | undefined }[];
  notes: string[];
}
