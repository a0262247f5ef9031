import {
  memberSchema,
  channelSchema,
  checkTargetConfig,
  type NotificationTargetConfig,
  notificationTargetConfigSchemas,
  notificationTargetSchema,
  notificationEventKindSchema,
  notificationTargetService,
  orgService,
  orgWithRoleSchema,
  pageSchema,
  serviceCatalog,
  serviceSchema,
  severitySchema,
} from "@incidentops/core";
import { z } from "zod";
import { procedureFor, router } from "../trpc.js";
import { pageInput } from "./shared.js";

const tags = ["org"];

// One object (the REST adapter needs one), with the type-specific config checked across fields.
const notificationTargetInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    type: channelSchema,
    config: z.union([
      notificationTargetConfigSchemas.webhook,
      notificationTargetConfigSchemas.email,
      notificationTargetConfigSchemas.slack,
    ]),
    enabled: z.boolean().optional(),
    eventKinds: z.array(notificationEventKindSchema).min(1).optional(),
    minSeverity: severitySchema.optional(),
  })
  .superRefine(checkTargetConfig);

export const orgRouter = router({
  get: procedureFor("org:read")
    .meta({ openapi: { method: "GET", path: "/org", tags, summary: "The caller's current organisation" } })
    .input(z.void())
    .output(orgWithRoleSchema)
    .query(({ ctx }) => orgService.getCurrentOrg(ctx.db, ctx.actor)),

  members: router({
    list: procedureFor("member:read")
      .meta({ openapi: { method: "GET", path: "/org/members", tags, summary: "Members and their roles (admin)" } })
      .input(z.object(pageInput))
      .output(pageSchema(memberSchema))
      .query(({ ctx, input }) => orgService.listMembers(ctx.db, ctx.actor, input)),
  }),

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
  }),

  notificationTargets: router({
    list: procedureFor("notification-target:read")
      .meta({ openapi: { method: "GET", path: "/org/notification-targets", tags, summary: "Notification targets (admin); secrets are never shown" } })
      .input(z.object(pageInput))
      .output(pageSchema(notificationTargetSchema))
      .query(({ ctx, input }) => notificationTargetService.listNotificationTargets(ctx.db, ctx.actor, input)),
    create: procedureFor("notification-target:manage")
      .meta({
        openapi: {
          method: "POST",
          path: "/org/notification-targets",
          tags,
          summary: "Create a notification target (admin); the response alone carries the signing secret",
        },
        successStatus: 201,
      })
      .input(notificationTargetInput)
      .output(notificationTargetSchema.extend({ secret: z.string().describe("whsec_ signing secret, shown once") }))
      .mutation(({ ctx, input }) =>
        notificationTargetService.createNotificationTarget(ctx.db, ctx.actor, input as typeof input & NotificationTargetConfig),
      ),
  }),
});
