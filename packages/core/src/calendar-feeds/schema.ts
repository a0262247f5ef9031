import { z } from "zod";
import { isoDateTime } from "../schema.js";

export const calendarFeedSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scheduleId: z.uuid().nullable().describe("Only this schedule (null: your shifts on every schedule)"),
  fullSchedule: z.boolean().describe("Everyone's shifts on the schedule, not only yours"),
  prefix: z.string().describe("The first characters of the secret, to tell feeds apart"),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable().describe("When a calendar last fetched it"),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export const calendarFeedsSchema = z.object({ items: z.array(calendarFeedSchema) });
export type CalendarFeeds = z.infer<typeof calendarFeedsSchema>;

/** The creation answer: the only time the secret and its URL are shown. */
export const createdCalendarFeedSchema = calendarFeedSchema.extend({
  secret: z.string().describe("Shown once: the feed's token"),
  url: z.url().describe("Shown once: the secret address to subscribe to in any calendar app (GET, text/calendar)"),
});
export type CreatedCalendarFeed = z.infer<typeof createdCalendarFeedSchema>;

export const createCalendarFeedInput = z
  .object({
    name: z.string().trim().min(1).max(200).default("My on-call shifts"),
    scheduleId: z.uuid().optional().describe("Only this schedule (absent: your shifts on every schedule)"),
    fullSchedule: z.boolean().default(false).describe("With scheduleId: everyone's shifts on that schedule"),
  })
  .refine((input) => !input.fullSchedule || input.scheduleId !== undefined, { path: ["fullSchedule"], message: "a full-schedule feed needs its scheduleId" });
export type CreateCalendarFeedInput = z.infer<typeof createCalendarFeedInput>;

export const calendarFeedIdInput = z.object({ feedId: z.uuid() });
export type CalendarFeedIdInput = z.infer<typeof calendarFeedIdInput>;

/** What the public route takes: `/calendar/{token}.ics`. */
export const CALENDAR_FEED_PREFIX = "iocal_";
export const calendarTokenSchema = z.string().regex(/^iocal_[A-Za-z0-9_-]{43}$/);
