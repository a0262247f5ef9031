import { orgService, orgWithRoleSchema, pageSchema } from "@incidentops/core";
import { z } from "zod";
import { router, userProcedure } from "../trpc.js";
import { pageInput } from "./shared.js";

const tags = ["org"];

/** The orgs of the signed-in person (not of the token's org): people only. */
export const orgsRouter = router({
  list: userProcedure
    .meta({ openapi: { method: "GET", path: "/orgs", tags, summary: "Your organisations and your role in each" } })
    .input(z.object(pageInput))
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
    .input(z.object({ name: z.string().trim().min(1).max(200) }))
    .output(orgWithRoleSchema)
    .mutation(({ ctx, input }) => orgService.createOrg(ctx.db, ctx.actor, input)),
});
