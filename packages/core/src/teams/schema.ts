import { z } from "zod";
import { namedPersonSchema } from "../users/schema.js";
import { isoDateTime, pageQuery } from "../schema.js";

export const teamRoleSchema = z.enum(["manager", "member"]).describe("manager: manages the team's members, schedules and escalation policies");
export type TeamRoleName = z.infer<typeof teamRoleSchema>;

/** A group of the org's people that owns services, escalation policies and schedules. */
export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Team = z.infer<typeof teamSchema>;

/** Someone as the on-call screens name them (no email: every role reads these). */

export const teamMemberSchema = z.object({ user: namedPersonSchema, role: teamRoleSchema, addedAt: isoDateTime });
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamMembersSchema = z.object({ items: z.array(teamMemberSchema).describe("Managers first, then by name") });
export type TeamMembers = z.infer<typeof teamMembersSchema>;

const name = z.string().trim().min(1).max(200);
const description = z.string().max(2000);

export const teamIdInput = z.object({ teamId: z.uuid() });
export type TeamIdInput = z.infer<typeof teamIdInput>;

export const createTeamInput = z.object({ name, description: description.optional() });
export type CreateTeamInput = z.infer<typeof createTeamInput>;

export const updateTeamInput = teamIdInput.extend({ name: name.optional(), description: description.nullable().optional() });
export type UpdateTeamInput = z.infer<typeof updateTeamInput>;

export const listTeamsInput = z.object({ ...pageQuery });
export type ListTeamsInput = z.infer<typeof listTeamsInput>;

export const teamMemberInput = teamIdInput.extend({ userId: z.uuid() });
export type TeamMemberInput = z.infer<typeof teamMemberInput>;

export const setTeamMemberInput = teamMemberInput.extend({ role: teamRoleSchema });
export type SetTeamMemberInput = z.infer<typeof setTeamMemberInput>;

/** The optional owner of a service, escalation policy or schedule. */
export const teamIdField = z.uuid().describe("The team that owns it (its managers manage it)");
