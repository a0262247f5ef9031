import { z } from "zod";
import { incidentEventKindSchema, incidentIdInput } from "../incidents/schema.js";
import { isoDateTime, severitySchema } from "../schema.js";

export const postmortemStatusSchema = z.enum(["draft", "published"]);

export const actionItemSchema = z.object({
  title: z.string().trim().min(1).max(500),
  ownerId: z.uuid().nullable().default(null).describe("A member of the organisation; null: nobody yet"),
  done: z.boolean().default(false),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

const seconds = z.number().nullable();

/** What the incident was, read live from it (not stored with the postmortem). */
export const postmortemFactsSchema = z.object({
  title: z.string(),
  severity: severitySchema,
  service: z.object({ id: z.uuid(), name: z.string() }),
  triggeredAt: isoDateTime.describe("The first trigger"),
  firstAcknowledgedAt: isoDateTime.nullable(),
  mitigatedAt: isoDateTime.nullable(),
  resolvedAt: isoDateTime.nullable(),
  timeToAcknowledgeSeconds: seconds,
  timeToResolveSeconds: seconds,
  acknowledgeDueAt: isoDateTime.nullable(),
  resolveDueAt: isoDateTime.nullable(),
  acknowledgeBreachedAt: isoDateTime.nullable(),
  resolveBreachedAt: isoDateTime.nullable(),
  alertCount: z.number().int(),
});
export type PostmortemFacts = z.infer<typeof postmortemFactsSchema>;

export const postmortemTimelineEntrySchema = z.object({
  at: isoDateTime,
  kind: incidentEventKindSchema,
  summary: z.string(),
  actorUserId: z.uuid().nullable(),
});
export type PostmortemTimelineEntry = z.infer<typeof postmortemTimelineEntrySchema>;

/**
 * A resolved incident's postmortem. Until it is first saved it is a draft pre-filled from the
 * incident (version 0, createdAt null): its summary and impact from the facts, its action items
 * from the incident's open tasks. `facts` and `timeline` are always read live from the incident.
 */
export const postmortemSchema = z.object({
  incidentId: z.uuid(),
  summary: z.string(),
  impact: z.string(),
  rootCause: z.string(),
  actionItems: z.array(actionItemSchema),
  status: postmortemStatusSchema,
  version: z.number().int().describe("0: not saved yet; send it back with PUT"),
  createdBy: z.uuid().nullable(),
  updatedBy: z.uuid().nullable(),
  createdAt: isoDateTime.nullable(),
  updatedAt: isoDateTime.nullable(),
  publishedAt: isoDateTime.nullable(),
  facts: postmortemFactsSchema,
  timeline: z.array(postmortemTimelineEntrySchema).describe("The incident's events, oldest first, without repeated alerts"),
  timelineTruncated: z.boolean().describe("true: the timeline has more events than shown"),
});
export type Postmortem = z.infer<typeof postmortemSchema>;

const text = z.string().max(50_000);

export const putPostmortemInput = incidentIdInput.extend({
  summary: text,
  impact: text,
  rootCause: text,
  actionItems: z.array(actionItemSchema).max(100),
  status: postmortemStatusSchema,
  version: z.number().int().min(0).describe("The version you last read (0 for a postmortem not saved yet): a stale one is 409 VERSION_CONFLICT"),
});
export type PutPostmortemInput = z.infer<typeof putPostmortemInput>;

/** The Markdown rendering of a postmortem. */
export const postmortemMarkdownSchema = z.string().describe("text/markdown");
