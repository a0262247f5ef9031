import { z } from "zod";
import { isoDateTime, severitySchema } from "../schema.js";

const MINUTES_PER_YEAR = 525_600;
const minutes = z.number().int().min(1).max(MINUTES_PER_YEAR).nullable();

/** One severity's targets, in minutes from the incident's first trigger; null: no target. */
export const slaTargetSchema = z
  .object({
    acknowledgeWithinMinutes: minutes.describe("A first response (acknowledge or resolve) is due this many minutes after the trigger"),
    resolveWithinMinutes: minutes.describe("Resolving is due this many minutes after the trigger"),
  })
  .strict()
  .refine(
    (t) => t.acknowledgeWithinMinutes === null || t.resolveWithinMinutes === null || t.resolveWithinMinutes >= t.acknowledgeWithinMinutes,
    { message: "must not be shorter than acknowledgeWithinMinutes", path: ["resolveWithinMinutes"] },
  );
export type SlaTarget = z.infer<typeof slaTargetSchema>;

/** The targets of every severity: a whole policy (a service's override replaces the org's as a whole). */
export const slaTargetsSchema = z.object({ sev1: slaTargetSchema, sev2: slaTargetSchema, sev3: slaTargetSchema, sev4: slaTargetSchema }).strict();
export type SlaTargets = z.infer<typeof slaTargetsSchema>;

/** An org without a policy: no severity has a target. */
export const NO_SLA_TARGETS: SlaTargets = Object.fromEntries(
  severitySchema.options.map((severity) => [severity, { acknowledgeWithinMinutes: null, resolveWithinMinutes: null }]),
) as SlaTargets;

/** When a deadline warns, as the share of its time that has passed; null: no warnings. */
const warnAtPercentSchema = z
  .number()
  .int()
  .min(1)
  .max(99)
  .nullable()
  .describe(
    "Warn (an sla_at_risk event, notification kind sla_at_risk) when this percentage of the time to a deadline has passed and the deadline is still unmet: 75 warns 15 minutes before a 60-minute target. null: no warnings",
  );

/** What an admin sets: the targets of every severity, and when their deadlines warn. */
export const slaPolicyInputSchema = slaTargetsSchema.extend({ warnAtPercent: warnAtPercentSchema.default(null) });
export type SlaPolicyInput = z.infer<typeof slaPolicyInputSchema>;

export const slaPolicySchema = slaTargetsSchema.extend({
  warnAtPercent: warnAtPercentSchema,
  updatedAt: isoDateTime.nullable().describe("null: never set (no targets)"),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

/** A service's policy as its incidents get it: its own override, or the org's. */
export const serviceSlaPolicySchema = slaPolicySchema.extend({
  serviceId: z.uuid(),
  source: z.enum(["service", "org"]).describe("service: the service's own override; org: the org's policy applies"),
});
export type ServiceSlaPolicy = z.infer<typeof serviceSlaPolicySchema>;

export const putSlaPolicyInput = slaPolicyInputSchema;
export type PutSlaPolicyInput = z.infer<typeof putSlaPolicyInput>;

export const putServiceSlaPolicyInput = slaPolicyInputSchema.extend({ serviceId: z.uuid() });
export type PutServiceSlaPolicyInput = z.infer<typeof putServiceSlaPolicyInput>;

/** Which deadline a breach (or a warning) is of. */
export const slaKindSchema = z.enum(["acknowledge", "resolve"]);
export type SlaKind = z.infer<typeof slaKindSchema>;

/** What a check at a deadline's time records: a warning that it nears, or its breach. */
export type SlaStage = "warning" | "breach";
