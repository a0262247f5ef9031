import { orgInput, orgService, orgWithRoleSchema, pageQuerySchema, pageSchema } from "@incidentops/core";
import { router, userProcedure } from "../trpc.js";

const tags = ["org"];

/** The orgs of the signed-in person (not of the token's org): people only. */
export const orgsRouter = router({
  list: userProcedure
    .meta({ openapi: { method: "GET", path: "/orgs", tags, summary: "Your organisations and your role in each" } })
    .input(pageQuerySchema)
    .output(pageSchema(orgWithRoleSchema))
    .query(({ ctx, input }) => orgService.listMyOrgs(ctx.db, ctx.actor, input)),

  create: userProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/orgs",
        tags,
        summary: "Create another organisation, with you as its admin",
        description: "The current tokens stay in their org: switch with POST /v1/auth/switch-org.",
      },
      successStatus: 201,
    })
    .input(orgInput)
    .output(orgWithRoleSchema)
    .mutation(({ ctx, input }) => orgService.createOrg(ctx.db, ctx.actor, input)),
});
