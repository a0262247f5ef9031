import { z } from "zod";
import { incidentTypeSchema, instantInput, isoDateTime, severitySchema, timeZoneSchema } from "../schema.js";
import { personSchema } from "../users/schema.js";

/** The longest window one analytics query covers. */
export const MAX_WINDOW_DAYS = 366;
/** The window when none is given: the last 30 days. */
export const DEFAULT_WINDOW_DAYS = 30;

const windowInput = {
  since: instantInput.optional().describe(`Start of the window (inclusive); default: ${DEFAULT_WINDOW_DAYS} days before until`),
  until: instantInput.optional().describe("End of the window (exclusive); default: now"),
};

export const incidentGroupBySchema = z.enum(["service", "team", "severity", "type", "day", "week"]);
export type IncidentGroupBy = z.infer<typeof incidentGroupBySchema>;

export const incidentAnalyticsInput = z.object({
  ...windowInput,
  groupBy: incidentGroupBySchema.default("day").describe("day and week buckets are read in timeZone; weeks start on Monday"),
  serviceId: z.uuid().optional(),
  teamId: z.uuid().optional().describe("Only incidents of the team's services"),
  severity: severitySchema.optional(),
  type: incidentTypeSchema.optional().describe("Only incidents of this type"),
  timeZone: timeZoneSchema.default("UTC").describe("Where days and weeks begin (IANA name)"),
});
export type IncidentAnalyticsInput = z.infer<typeof incidentAnalyticsInput>;

const seconds = z.number().nullable();

/** A duration's distribution over a group's incidents, in seconds; null when no incident has it. */
export const durationStatsSchema = z.object({ mean: seconds, p50: seconds, p90: seconds, p95: seconds });
export type DurationStats = z.infer<typeof durationStatsSchema>;

export const incidentMetricsSchema = z.object({
  count: z.number().int().describe("Incidents first triggered in the window (and the group)"),
  acknowledged: z.number().int().describe("Of them, acknowledged (explicitly, by a person or an integration)"),
  resolved: z.number().int(),
  mtta: durationStatsSchema.describe("First trigger to first acknowledgement, over the acknowledged ones"),
  mttr: durationStatsSchema.describe("First trigger to resolution, over the resolved ones"),
  escalations: z.object({
    timeout: z.number().int().describe("Escalations to a next level because nobody acknowledged in time"),
    manual: z.number().int().describe("Escalations someone asked for"),
  }),
  ackSlaMetPercent: z
    .number()
    .nullable()
    .describe("Of the incidents with an acknowledge target whose outcome is known (responded to, or past due), the share responded to in time; null: none"),
  resolveSlaMetPercent: z.number().nullable().describe("The same for the resolve target"),
});
export type IncidentMetrics = z.infer<typeof incidentMetricsSchema>;

export const incidentGroupSchema = incidentMetricsSchema.extend({
  key: z.string().describe("day: 2025-03-14; week: its Monday, 2025-03-10; service, team: its id (team: `none` for services of no team); severity: sev1..sev4; type: the type (`none` for incidents of no type)"),
  label: z.string().describe("For people: the date, the service's or team's name (No team), SEV1 ..., the type (No type)"),
  start: isoDateTime.nullable().describe("day and week: the instant the bucket starts (in timeZone); else null"),
});
export type IncidentGroup = z.infer<typeof incidentGroupSchema>;

export const incidentAnalyticsSchema = z.object({
  since: isoDateTime,
  until: isoDateTime,
  groupBy: incidentGroupBySchema,
  timeZone: z.string(),
  totals: incidentMetricsSchema,
  groups: z
    .array(incidentGroupSchema)
    .describe("day and week: every bucket of the window in order, empty ones included; service, team, type: by count, most first; severity: sev1 first, those with incidents"),
});
export type IncidentAnalytics = z.infer<typeof incidentAnalyticsSchema>;

export const responderAnalyticsInput = z.object(windowInput);
export type ResponderAnalyticsInput = z.infer<typeof responderAnalyticsInput>;

export const interruptionsSchema = z
  .object({
    business: z.number().int().describe("08:00-18:00, Monday to Friday"),
    offHours: z.number().int().describe("18:00-22:00 Monday to Friday, and 08:00-22:00 at weekends"),
    sleep: z.number().int().describe("22:00-08:00, every day"),
  })
  .describe("Pages received, by the hour each arrived (its first notification sent) in the person's own time zone");

export const responderSchema = z.object({
  user: personSchema,
  timeZone: z.string().describe("The zone the hours were read in: the person's own"),
  pagesReceived: z
    .number()
    .int()
    .describe(
      "Pages that reached the person in the window: each event paging them (an escalation level, an assignment) of which at least one notification was sent, once however many contact methods it went through; one whose every notification failed, is pending or was cancelled is not counted",
    ),
  incidentsAcknowledged: z.number().int().describe("Incidents the person acknowledged in the window"),
  interruptions: interruptionsSchema,
});
export type Responder = z.infer<typeof responderSchema>;

export const responderAnalyticsSchema = z.object({
  since: isoDateTime,
  until: isoDateTime,
  totals: z.object({ pagesReceived: z.number().int(), incidentsAcknowledged: z.number().int(), interruptions: interruptionsSchema }),
  items: z.array(responderSchema).describe("Everyone paged or acknowledging in the window, most paged first"),
});
export type ResponderAnalytics = z.infer<typeof responderAnalyticsSchema>;

/** The same rows as GET /analytics/incidents, as CSV. */
export const incidentAnalyticsCsvSchema = z.string().describe("text/csv");
