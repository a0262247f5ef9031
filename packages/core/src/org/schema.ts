import { z } from "zod";
import { errorDetailsSchemas } from "../error-details.js";
import { incidentStatusSchema, isoDateTime, okSchema, pageQuery, roleSchema } from "../schema.js";
import { userSchema } from "../users/schema.js";

export const orgSchema = z.object({ id: z.uuid(), name: z.string(), createdAt: isoDateTime });
export type Org = z.infer<typeof orgSchema>;

export const orgWithRoleSchema = orgSchema.extend({ role: roleSchema });
export type OrgWithRole = z.infer<typeof orgWithRoleSchema>;

export const memberSchema = z.object({
  user: userSchema.pick({ id: true, email: true, name: true }),
  role: roleSchema,
  joinedAt: isoDateTime,
});
export type Member = z.infer<typeof memberSchema>;

/** A page of the members as people, narrowed to a team's and to those whose name or email contains `q`. */
export const listPeopleInput = z.object({
  ...pageQuery,
  teamId: z.uuid().optional().describe("Only the people of this team (404 when it is not the org's)"),
  q: z.string().trim().min(1).max(200).optional().describe("Only those whose name or email contains this text, in any case"),
});
export type ListPeopleInput = z.infer<typeof listPeopleInput>;

/** A page of the members, narrowed as people are, and to one role. */
export const listMembersInput = listPeopleInput.extend({ role: roleSchema.optional().describe("Only the members with this role") });
export type ListMembersInput = z.infer<typeof listMembersInput>;

/** Creating or renaming an org. */
export const orgInput = z.object({ name: z.string().trim().min(1).max(200) });
export type OrgInput = z.infer<typeof orgInput>;

export const memberInput = z.object({ userId: z.uuid() });
export type MemberInput = z.infer<typeof memberInput>;

export const updateMemberRoleInput = memberInput.extend({ role: roleSchema });
export type UpdateMemberRoleInput = z.infer<typeof updateMemberRoleInput>;

const named = { id: z.uuid(), name: z.string() };

/** Everything that stops naming a member when they leave the org (in the same transaction). */
export const memberRemovalChangesSchema = z.object({
  escalationPolicies: z.array(z.object({ ...named, levels: z.array(z.number().int()).describe("The 1-based levels that named them") })),
  schedules: z.array(
    z.object({
      ...named,
      layers: z.array(z.object(named)).describe("The rotations they took turns in"),
      overrides: z.number().int().describe("Their overrides on it, past ones included"),
    }),
  ),
  teams: z.array(z.object({ ...named, role: z.enum(["manager", "member"]) })),
  incidents: z.array(z.object({ id: z.uuid(), title: z.string(), status: incidentStatusSchema })).describe("Open incidents assigned to them (they are unassigned)"),
  tasks: z.array(z.object({ id: z.uuid(), incidentId: z.uuid(), title: z.string() })).describe("Incident tasks assigned to them and not done (they are unassigned)"),
});
export type MemberRemovalChanges = z.infer<typeof memberRemovalChangesSchema>;

/** What removing a member would change, and what must be fixed first (409 SOLE_RESPONDER otherwise). */
export const memberRemovalPreviewSchema = z.object({
  changes: memberRemovalChangesSchema,
  blockers: errorDetailsSchemas.SOLE_RESPONDER,
});
export type MemberRemovalPreview = z.infer<typeof memberRemovalPreviewSchema>;

export const memberRemovedSchema = okSchema.extend({ changes: memberRemovalChangesSchema });
export type MemberRemoved = z.infer<typeof memberRemovedSchema>;
