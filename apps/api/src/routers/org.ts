import {
  memberSchema,
  orgService,
  orgWithRoleSchema,
  pageSchema,
  roleSchema,
  serviceCatalog,
  serviceSchema,
} from "@incidentops/core";
import { z } from "zod";
import { procedureFor, router } from "../trpc.js";
import { apiKeysRouter } from "./api-keys.js";
import { escalationPoliciesRouter } from "./escalation-policies.js";
import { invitationsRouter } from "./invitations.js";
import { notificationTargetsRouter } from "./notification-targets.js";
import { okSchema, pageInput } from "./shared.js";

const tags = ["org"];

export const orgRouter = router({
  get: procedureFor("org:read")
    .meta({ openapi: { method: "GET", path: "/org", tags, summary: "The caller's current organisation" } })
    .input(z.void())
    .output(orgWithRoleSchema)
    .query(({ ctx }) => orgService.getCurrentOrg(ctx.db, ctx.actor)),

  update: procedureFor("org:update")
    .meta({ openapi: { method: "PATCH", path: "/org", tags, summary: "Rename the current organisation (admin)" } })
    .input(z.object({ name: z.string().trim().min(1).max(200) }))
    .output(orgWithRoleSchema)
    .mutation(({ ctx, input }) => orgService.updateOrg(ctx.db, ctx.actor, input)),

  members: router({
    list: procedureFor("member:read")
      .meta({ openapi: { method: "GET", path: "/org/members", tags, summary: "Members and their roles (admin)" } })
      .input(z.object(pageInput))
      .output(pageSchema(memberSchema))
      .query(({ ctx, input }) => orgService.listMembers(ctx.db, ctx.actor, input)),
    update: procedureFor("member:manage")
      .meta({
        openapi: {
          method: "PATCH",
          path: "/org/members/{userId}",
          tags,
          summary: "Change a member's role (admin)",
          description: "Applies from the member's next request. The last admin cannot be demoted (409 LAST_ADMIN).",
        },
      })
      .input(z.object({ userId: z.uuid(), role: roleSchema }))
      .output(memberSchema)
      .mutation(({ ctx, input }) => orgService.updateMemberRole(ctx.db, ctx.actor, input)),
    remove: procedureFor("member:manage")
      .meta({
        openapi: {
          method: "DELETE",
          path: "/org/members/{userId}",
          tags,
          summary: "Remove a member (admin)",
          description:
            "Their access is refused from the next request and their refresh tokens for this org are revoked at once. The last admin cannot be removed (409 LAST_ADMIN).",
        },
      })
      .input(z.object({ userId: z.uuid() }))
      .output(okSchema)
      .mutation(async ({ ctx, input }) => {
        await orgService.removeMember(ctx.db, ctx.actor, input.userId);
        return { ok: true as const };
      }),
  }),

  invitations: invitationsRouter,

  services: router({
    list: procedureFor("service:read")
      .meta({ openapi: { method: "GET", path: "/org/services", tags, summary: "Services, newest first" } })
      .input(z.object(pageInput))
      .output(pageSchema(serviceSchema))
      .query(({ ctx, input }) => serviceCatalog.listServices(ctx.db, ctx.actor, input)),
    create: procedureFor("service:create")
      .meta({ openapi: { method: "POST", path: "/org/services", tags, summary: "Create a service (member)" }, successStatus: 201 })
      .input(z.object({ name: z.string().trim().min(1).max(200), description: z.string().max(2000).optional() }))
      .output(serviceSchema)
      .mutation(({ ctx, input }) => serviceCatalog.createService(ctx.db, ctx.actor, input)),
    get: procedureFor("service:read")
      .meta({ openapi: { method: "GET", path: "/org/services/{serviceId}", tags, summary: "One service" } })
      .input(z.object({ serviceId: z.uuid() }))
      .output(serviceSchema)
      .query(({ ctx, input }) => serviceCatalog.getService(ctx.db, ctx.actor, input.serviceId)),
    update: procedureFor("service:update")
      .meta({ openapi: { method: "PATCH", path: "/org/services/{serviceId}", tags, summary: "Change a service's settings, e.g. its escalation policy (admin)" } })
      .input(
        z.object({
          serviceId: z.uuid(),
          name: z.string().trim().min(1).max(200).optional(),
          description: z.string().max(2000).nullable().optional(),
          escalationPolicyId: z.uuid().nullable().optional().describe("null: no escalation"),
        }),
      )
      .output(serviceSchema)
      .mutation(({ ctx, input }) => serviceCatalog.updateService(ctx.db, ctx.actor, input)),
  }),

  notificationTargets: notificationTargetsRouter,
  escalationPolicies: escalationPoliciesRouter,
  apiKeys: apiKeysRouter,
});
