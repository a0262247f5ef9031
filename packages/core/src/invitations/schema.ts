import { z } from "zod";
import { passwordSchema } from "../auth/password-policy.js";
import { isoDateTime, pageQuery, roleSchema } from "../schema.js";

export const invitationStatusSchema = z.enum(["pending", "accepted", "revoked", "expired"]);

/** An invitation as lists show it: never its token (only the creation response carries that). */
export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  role: roleSchema,
  status: invitationStatusSchema,
  invitedBy: z.uuid().nullable().describe("The admin who sent it (null once that user is deleted)"),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  acceptedAt: isoDateTime.nullable(),
  acceptedBy: z.uuid().nullable(),
  revokedAt: isoDateTime.nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** The creation response: the invitation plus its single-use token, shown this once. */
export const createdInvitationSchema = invitationSchema.extend({
  token: z.string().describe("The single-use invitation token (ioi_...), also emailed to the invitee; shown only here"),
});
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export const listInvitationsInput = z.object({
  ...pageQuery,
  status: invitationStatusSchema.optional().describe("Only the invitations of this status"),
});
export type ListInvitationsInput = z.infer<typeof listInvitationsInput>;

export const createInvitationInput = z.object({ email: z.email().max(254), role: roleSchema });
export type CreateInvitationInput = z.infer<typeof createInvitationInput>;

export const invitationIdInput = z.object({ invitationId: z.uuid() });
export type InvitationIdInput = z.infer<typeof invitationIdInput>;

export const acceptInvitationInput = z.object({
  token: z.string().min(1).max(512),
  name: z.string().trim().min(1).max(200).optional().describe("Required when no account exists for the invited email"),
  password: passwordSchema,
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;
