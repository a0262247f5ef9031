import { z } from "zod";
import { isoDateTime, roleSchema } from "../schema.js";
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

/** Creating or renaming an org. */
export const orgInput = z.object({ name: z.string().trim().min(1).max(200) });
export type OrgInput = z.infer<typeof orgInput>;

export const memberInput = z.object({ userId: z.uuid() });
export type MemberInput = z.infer<typeof memberInput>;

export const updateMemberRoleInput = memberInput.extend({ role: roleSchema });
export type UpdateMemberRoleInput = z.infer<typeof updateMemberRoleInput>;
