import { z } from "zod";
import { instantInput, isoDateTime } from "../schema.js";
import { checkRange, MAX_RENDER_DAYS } from "../schedules/schema.js";
import { namedPersonSchema } from "../users/schema.js";

export const onCallsInput = z.object({
  at: instantInput.optional().describe("The instant (default: now)"),
  scheduleId: z.uuid().optional().describe("Only who is on call through this schedule"),
  userId: z.uuid().optional().describe("Only this person"),
  escalationPolicyId: z.uuid().optional().describe("Only who this escalation policy would page"),
});
export type OnCallsInput = z.infer<typeof onCallsInput>;

export const onCallSchema = z.object({
  userId: z.uuid(),
  scheduleId: z.uuid().nullable().describe("The schedule they are on call through (null: named on a level, directly or through a team)"),
  escalationPolicyId: z.uuid().nullable().describe("The policy whose level pages them (null: a schedule no policy names)"),
  level: z.number().int().min(1).nullable().describe("That level, from 1"),
  start: isoDateTime.describe("Since when (a schedule looks back at most 93 days; someone named on a level, or in a team a level names: `at`)"),
  end: isoDateTime.nullable().describe("Until when (null: not within 93 days, or for as long as they are named on the level)"),
});
export type OnCall = z.infer<typeof onCallSchema>;

export const onCallsSchema = z.object({
  items: z.array(onCallSchema).describe("Schedules by name, then escalation policies by name and level"),
  people: z.array(namedPersonSchema).describe("Everyone the items name"),
});
export type OnCalls = z.infer<typeof onCallsSchema>;

/** The default span of "my shifts". */
export const MY_SHIFTS_DEFAULT_DAYS = 28;

export const myShiftsInput = z
  .object({
    since: instantInput.optional().describe("Start of the range (default: now)"),
    until: instantInput.optional().describe(`End of the range (default: ${MY_SHIFTS_DEFAULT_DAYS} days after since; at most ${MAX_RENDER_DAYS} days after it)`),
  })
  .superRefine((value, ctx) => {
    if (value.since !== undefined && value.until !== undefined) checkRange({ since: value.since, until: value.until }, ctx, MAX_RENDER_DAYS);
  });
export type MyShiftsInput = z.infer<typeof myShiftsInput>;

export const myShiftSchema = z.object({
  scheduleId: z.uuid(),
  scheduleName: z.string(),
  timeZone: z.string().describe("The schedule's time zone"),
  start: isoDateTime,
  end: isoDateTime,
});
export type MyShift = z.infer<typeof myShiftSchema>;

export const myShiftsSchema = z.object({
  items: z.array(myShiftSchema).describe("Your stretches on call in the range, by start; each cut at the range"),
  since: isoDateTime,
  until: isoDateTime,
});
export type MyShifts = z.infer<typeof myShiftsSchema>;
