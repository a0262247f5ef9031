import { z } from "zod";
import { instantInput, isoDateTime, pageQuery, timeZoneSchema } from "../schema.js";
import { namedPersonSchema } from "../users/schema.js";

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

export const restrictionSchema = z
  .object({
    type: z.enum(["daily", "weekly"]).describe("daily: a window every day; weekly: a window every week, from startDay"),
    startTime: z.string().regex(HH_MM, "must be HH:mm (00:00 to 23:59)").describe("Wall-clock time in the schedule's time zone, HH:mm"),
    durationMinutes: z.number().int().min(1).max(MINUTES_PER_WEEK).describe("Wall-clock minutes; a daily window may span midnight (at most 1440)"),
    startDay: z.number().int().min(1).max(7).optional().describe("ISO weekday the weekly window starts on: 1 = Monday ... 7 = Sunday"),
  })
  .superRefine((r, ctx) => {
    if (r.type === "daily" && r.durationMinutes > MINUTES_PER_DAY) {
      ctx.addIssue({ code: "custom", path: ["durationMinutes"], message: "a daily window lasts at most 1440 minutes" });
    }
    if (r.type === "daily" && r.startDay !== undefined) ctx.addIssue({ code: "custom", path: ["startDay"], message: "only weekly restrictions take a startDay" });
    if (r.type === "weekly" && r.startDay === undefined) ctx.addIssue({ code: "custom", path: ["startDay"], message: "a weekly restriction needs its startDay" });
  });
export type RestrictionInput = z.infer<typeof restrictionSchema>;

export const rotationSchema = z.object({
  unit: z.enum(["hour", "day", "week"]),
  length: z.number().int().min(1).max(1000).describe("Turns last length x unit, counted on the schedule's wall clock"),
});

const layerFields = {
  name: z.string().trim().min(1).max(200),
  start: instantInput.describe("When the layer takes effect"),
  end: instantInput.nullable().optional().describe("When it stops (absent or null: never)"),
  rotationStart: instantInput.describe("When the first participant's first turn starts; turns repeat from there both ways"),
  rotation: rotationSchema,
  participants: z.array(z.uuid()).min(1).max(100).describe("The rotation order (user ids, members of the organisation); a person may appear more than once"),
  restrictions: z.array(restrictionSchema).max(50).optional().describe("Windows the layer's shifts are kept inside (none: always)"),
};

export const layerInputSchema = z
  .object({ id: z.uuid().optional().describe("A layer of this schedule to keep (its id stays); absent: a new layer"), ...layerFields })
  .refine((l) => l.end === undefined || l.end === null || Date.parse(l.end) > Date.parse(l.start), { path: ["end"], message: "must be after start" });
export type LayerInput = z.infer<typeof layerInputSchema>;

export const layerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  start: isoDateTime,
  end: isoDateTime.nullable(),
  rotationStart: isoDateTime,
  rotation: rotationSchema,
  participants: z.array(z.uuid()),
  restrictions: z.array(restrictionSchema),
});
export type Layer = z.infer<typeof layerSchema>;

export const scheduleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  timeZone: z.string().describe("IANA time zone whose wall clock the turns and restrictions follow"),
  teamId: z.uuid().nullable(),
  layers: z.array(layerSchema).describe("In precedence order: a later layer wins wherever it has someone"),
  people: z.array(namedPersonSchema).describe("Everyone the layers name"),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const scheduleIdInput = z.object({ scheduleId: z.uuid() });
export type ScheduleIdInput = z.infer<typeof scheduleIdInput>;

const name = z.string().trim().min(1).max(200);
const description = z.string().max(2000);
const layers = z.array(layerInputSchema).max(20).describe("In precedence order: a later layer wins wherever it has someone");

export const createScheduleInput = z.object({
  name,
  description: description.optional(),
  timeZone: timeZoneSchema,
  teamId: z.uuid().optional().describe("The team that owns it (its managers manage it)"),
  layers: layers.default([]),
});
export type CreateScheduleInput = z.infer<typeof createScheduleInput>;

export const updateScheduleInput = scheduleIdInput.extend({
  name: name.optional(),
  description: description.nullable().optional(),
  timeZone: timeZoneSchema.optional(),
  teamId: z.uuid().nullable().optional().describe("null: no team"),
  layers: layers.optional().describe("Replaces every layer (give a layer's id to keep it)"),
});
export type UpdateScheduleInput = z.infer<typeof updateScheduleInput>;

export const listSchedulesInput = z.object({ teamId: z.uuid().optional().describe("Only this team's schedules"), ...pageQuery });
export type ListSchedulesInput = z.infer<typeof listSchedulesInput>;

// ---------------------------------------------------------------------------------------------
// The rendered schedule.

/** The longest range a rendering covers. */
export const MAX_RENDER_DAYS = 93;

/** A time range of at most `maxDays`, checked as a whole: since before until. */
export function rangeInput(maxDays: number) {
  return {
    since: instantInput.describe("Start of the range (inclusive)"),
    until: instantInput.describe(`End of the range (exclusive), at most ${maxDays} days after since`),
  };
}

export function checkRange(value: { since: string; until: string }, ctx: z.RefinementCtx, maxDays: number): void {
  const since = Date.parse(value.since);
  const until = Date.parse(value.until);
  if (until <= since) ctx.addIssue({ code: "custom", path: ["until"], message: "must be after since" });
  else if (until - since > maxDays * 86_400_000) ctx.addIssue({ code: "custom", path: ["until"], message: `must be at most ${maxDays} days after since` });
}

export const scheduleShiftsInput = scheduleIdInput
  .extend(rangeInput(MAX_RENDER_DAYS))
  .superRefine((value, ctx) => checkRange(value, ctx, MAX_RENDER_DAYS));
export type ScheduleShiftsInput = z.infer<typeof scheduleShiftsInput>;

export const shiftSchema = z.object({
  userId: z.uuid(),
  start: isoDateTime,
  end: isoDateTime,
  layerId: z.uuid().nullable().describe("The layer it comes from (null: an override)"),
  overrideId: z.uuid().nullable().describe("The override it comes from (null: a layer)"),
});
export type Shift = z.infer<typeof shiftSchema>;

export const intervalSchema = z.object({ start: isoDateTime, end: isoDateTime });

export const renderedScheduleSchema = z.object({
  items: z.array(shiftSchema).describe("Who is on call, in order, cut at the range; touching entries of one person from one source are joined"),
  gaps: z.array(intervalSchema).describe("Where nobody is on call"),
  coveragePercent: z.number().min(0).max(100).describe("The share of the range someone is on call"),
  people: z.array(namedPersonSchema).describe("Everyone the items name"),
});
export type RenderedScheduleOutput = z.infer<typeof renderedScheduleSchema>;

// ---------------------------------------------------------------------------------------------
// Overrides.

export const overrideSchema = z.object({
  id: z.uuid(),
  scheduleId: z.uuid(),
  userId: z.uuid(),
  start: isoDateTime,
  end: isoDateTime,
  createdBy: z.uuid().nullable(),
  createdAt: isoDateTime,
});
export type Override = z.infer<typeof overrideSchema>;

export const listOverridesInput = scheduleIdInput.extend({
  since: instantInput.optional().describe("Overrides ending after this (default: now)"),
  until: instantInput.optional().describe("Overrides starting before this"),
  ...pageQuery,
});
export type ListOverridesInput = z.infer<typeof listOverridesInput>;

export const createOverrideInput = scheduleIdInput
  .extend({ userId: z.uuid().describe("Who is on call instead"), start: instantInput, end: instantInput })
  .refine((o) => Date.parse(o.end) > Date.parse(o.start), { path: ["end"], message: "must be after start" });
export type CreateOverrideInput = z.infer<typeof createOverrideInput>;

export const overrideIdInput = scheduleIdInput.extend({ overrideId: z.uuid() });
export type OverrideIdInput = z.infer<typeof overrideIdInput>;
