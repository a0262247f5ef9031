import { z } from "zod";
import { isoDateTime, roleSchema } from "../schemas.js";

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
