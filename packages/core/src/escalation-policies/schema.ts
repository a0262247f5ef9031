import { z } from "zod";
import { isoDateTime } from "../schema.js";

/**
 * Whom a level pages. People, schedules and teams are resolved to people when the level fires:
 * whoever is on call on the schedule then (overrides included), the team's people then (only its
 * managers, or only its members, with `role`).
 */
export const escalationTargetSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("user"), userId: z.uuid() }),
  z.object({ type: z.literal("notification_target"), targetId: z.uuid() }),
  z.object({ type: z.literal("schedule"), scheduleId: z.uuid().describe("Pages whoever is on call on it when the level fires") }),
  z.object({
    type: z.literal("team"),
    teamId: z.uuid(),
    role: z.enum(["manager", "member"]).optional().describe("Only the team's managers, or only its members; absent: everyone in the team"),
  }),
]);
export type EscalationTarget = z.infer<typeof escalationTargetSchema>;

export const escalationLevelSchema = z.object({
  delaySeconds: z
    .number()
    .int()
    .min(0)
    .max(86_400)
    .describe("How long an unacknowledged incident waits at this level before the next level is notified"),
  targets: z.array(escalationTargetSchema).min(1).max(20),
});

export const escalationPolicySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  repeat: z.number().int().describe("How many times the levels are run through"),
  teamId: z.uuid().nullable().describe("The team that owns it: its managers manage it"),
  // Deleting a notification target removes it from the levels naming it, which can leave a
  // level empty: a stored policy is shown as it is, not held to the input's one-target minimum.
  levels: z.array(escalationLevelSchema.extend({ targets: z.array(escalationTargetSchema).max(20) })),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;

export const policyIdInput = z.object({ policyId: z.uuid() });
export type PolicyIdInput = z.infer<typeof policyIdInput>;

const policyFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  repeat: z.number().int().min(1).max(10).default(1).describe("How many times the levels are run through"),
  teamId: z.uuid().nullable().optional().describe("The team that owns it (its managers manage it); absent or null: no team"),
  levels: z.array(escalationLevelSchema).min(1).max(20),
};

export const createEscalationPolicyInput = z.object(policyFields);
export type CreateEscalationPolicyInput = z.infer<typeof createEscalationPolicyInput>;

/** PUT: the policy becomes exactly this, levels included. */
export const replaceEscalationPolicyInput = z.object({ ...policyIdInput.shape, ...policyFields });
export type ReplaceEscalationPolicyInput = z.infer<typeof replaceEscalationPolicyInput>;
