import {
  createdInvitationSchema,
  createInvitationInput,
  invitationIdInput,
  invitationSchema,
  invitationService,
  listInvitationsInput,
  pageSchema,
} from "@incidentops/core";
import { procedureFor, router } from "../trpc.js";

const tags = ["org"];

export const invitationsRouter = router({
  list: procedureFor("invitation:read")
    .meta({ openapi: { method: "GET", path: "/org/invitations", tags, summary: "Invitations, newest first, with their status (admin)" } })
    .input(listInvitationsInput)
    .output(pageSchema(invitationSchema))
    .query(({ ctx, input }) => invitationService.listInvitations(ctx.db, ctx.actor, input)),

  create: procedureFor("invitation:manage")
    .meta({
      openapi: {
        method: "POST",
        path: "/org/invitations",
        tags,
        summary: "Invite someone by email (admin)",
        description:
          "Emails a single-use link valid 7 days. The token comes back only in this response. A pending invitation for the same email is replaced (revoked); inviting a current member is 409 CONFLICT.",
      },
      successStatus: 201,
      answersSecret: true,
    })
    .input(createInvitationInput)
    .output(createdInvitationSchema)
    .mutation(({ ctx, input }) => invitationService.createInvitation(ctx.db, ctx.actor, ctx.config, input)),

  revoke: procedureFor("invitation:manage")
    .meta({ openapi: { method: "DELETE", path: "/org/invitations/{invitationId}", tags, summary: "Revoke an invitation: its token stops working (admin)" } })
    .input(invitationIdInput)
    .output(invitationSchema)
    .mutation(({ ctx, input }) => invitationService.revokeInvitation(ctx.db, ctx.actor, input)),
});
