import { IANAZone } from "luxon";
import { z } from "zod";
import { isStorableInstant } from "./mapping.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./pagination.js";
import "./zod-messages.js";

/**
 * The wire primitives every feature shares: camelCase fields, UUID ids, ISO-8601 UTC times. A
 * feature's own shapes live in its folder's schema.ts.
 */
export const isoDateTime = z.iso.datetime({ offset: false });

/**
 * A point in time given by a caller: ISO-8601 with an offset (`Z` or `+02:00`), between 1970 and
 * the end of 9999 once in UTC, so that the database and every output schema can hold it. Use it
 * for every date input: a bare `z.iso.datetime` admits `9999-12-31T23:00:00-05:00` (year 10000).
 */
export const instantInput = z.iso.datetime({ offset: true }).refine(isStorableInstant, "must be between 1970-01-01 and 9999-12-31 (UTC)");

/** An IANA time zone name (`Europe/Berlin`, `UTC`), as the time-zone database knows it. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => IANAZone.isValidZone(zone), "must be an IANA time zone name, e.g. Europe/Berlin")
  .describe("IANA time zone name, e.g. Europe/Berlin");

export const roleSchema = z.enum(["viewer", "member", "admin"]);
export const incidentStatusSchema = z.enum(["triggered", "acknowledged", "mitigated", "resolved"]);
export const severitySchema = z.enum(["sev1", "sev2", "sev3", "sev4"]);
/** An incident's type, in the org's words. */
export const incidentTypeSchema = z.string().trim().min(1).max(100);
/** Whether `severity` is `than` or more severe (sev1 is the most severe). */
export const atLeastAsSevere = (severity: z.infer<typeof severitySchema>, than: z.infer<typeof severitySchema>) =>
  severitySchema.options.indexOf(severity) <= severitySchema.options.indexOf(than);
/** Whether a service that pages for incidents at least `pageMinSeverity` severe (null: for every one) pages for one this severe (decision 0069). */
export const pagesFor = (severity: z.infer<typeof severitySchema>, pageMinSeverity: z.infer<typeof severitySchema> | null | undefined) =>
  pageMinSeverity == null || atLeastAsSevere(severity, pageMinSeverity);
/** What a notification target is. */
export const chatTargetTypeSchema = z.enum(["teams", "discord", "mattermost"]);
export const targetTypeSchema = z.enum(["webhook", "email", "slack", ...chatTargetTypeSchema.options]);
/** How a notification goes out: a target's type, or a person's contact method (which may also text or call). */
export const channelSchema = z.enum([...targetTypeSchema.options, "sms", "voice"]);

/**
 * What a notification is about: the kinds targets and people subscribe to. `updated` is a change
 * of title or description; `status_update` a stakeholder message (POST .../status-updates).
 */
export const notificationEventKindSchema = z.enum([
  "triggered",
  "acknowledged",
  "mitigated",
  "resolved",
  "escalated",
  "commented",
  "severity_changed",
  "updated",
  "sla_at_risk",
  "sla_breached",
  "status_update",
]);
export type NotificationKind = z.infer<typeof notificationEventKindSchema>;

/** The query every list takes: spread it into the list's input object. */
export const pageQuery = {
  cursor: z.string().min(1).max(512).optional().describe("nextCursor of the previous page"),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};
export const pageQuerySchema = z.object(pageQuery);
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The answer of an action that has nothing else to return. */
export const okSchema = z.object({ ok: z.literal(true) });
export const OK = { ok: true } as const;
