import { z } from "zod";

export const usageDaySchema = z.object({
  day: z.iso.date().describe("UTC date"),
  writeCalls: z.number().int(),
});

export const usageSchema = z.object({
  quota: z.number().int().nullable().describe("Write calls allowed per UTC day; null: unlimited"),
  today: usageDaySchema.extend({
    remaining: z.number().int().nullable().describe("Write calls left today; null: unlimited"),
    resetsAt: z.iso.datetime().describe("When the next UTC day (and its quota) starts"),
  }),
  days: z.array(usageDaySchema).describe("The last 30 UTC days, today first; days without calls count 0"),
});
export type Usage = z.infer<typeof usageSchema>;
