import {
  channelSchema,
  checkTargetConfig,
  deliveryOutcomeSchema,
  notificationEventKindSchema,
  notificationTargetConfigSchemas,
  notificationTargetSchema,
  notificationTargetService,
  pageSchema,
  severitySchema,
  type NotificationTargetConfig,
} from "@incidentops/core";
import { z } from "zod";
import { procedureFor, router } from "../trpc.js";
import { pageInput } from "./shared.js";

const tags = ["notification targets"];
const targetId = z.uuid();
const name = z.string().trim().min(1).max(200);
const eventKinds = z.array(notificationEventKindSchema).min(1);
const anyConfig = z.union([
  notificationTargetConfigSchemas.webhook,
  notificationTargetConfigSchemas.email,
  notificationTargetConfigSchemas.slack,
]);
const withSecret = notificationTargetSchema.extend({ secret: z.string().describe("whsec_ signing secret, shown once") });

// One object (the REST adapter needs one), with the type-specific config checked across fields.
const createInput = z
  .object({
    name,
    type: channelSchema,
    config: anyConfig,
    enabled: z.boolean().optional(),
    eventKinds: eventKinds.optional(),
    minSeverity: severitySchema.optional().describe("Only incidents at least this severe (sev1 is the most severe)"),
  })
  .superRefine(checkTargetConfig);

export const notificationTargetsRouter = router({
  list: procedureFor("notification-target:read")
    .meta({ openapi: { method: "GET", path: "/org/notification-targets", tags, summary: "Notification targets (admin); secrets are never shown" } })
    .input(z.object(pageInput))
    .output(pageSchema(notificationTargetSchema))
    .query(({ ctx, input }) => notificationTargetService.listNotificationTargets(ctx.db, ctx.actor, input)),

  create: procedureFor("notification-target:manage")
    .meta({
      openapi: { method: "POST", path: "/org/notification-targets", tags, summary: "Create a notification target (admin); the response alone carries the signing secret" },
      successStatus: 201,
    })
    .input(createInput)
    .output(withSecret)
    .mutation(({ ctx, input }) =>
      notificationTargetService.createNotificationTarget(ctx.db, ctx.actor, input as typeof input & NotificationTargetConfig, {
        allowPrivate: ctx.config.delivery.allowPrivate,
      }),
    ),

  get: procedureFor("notification-target:read")
    .meta({ openapi: { method: "GET", path: "/org/notification-targets/{targetId}", tags, summary: "One notification target (admin)" } })
    .input(z.object({ targetId }))
    .output(notificationTargetSchema)
    .query(({ ctx, input }) => notificationTargetService.getNotificationTarget(ctx.db, ctx.actor, input.targetId)),

  update: procedureFor("notification-target:manage")
    .meta({ openapi: { method: "PATCH", path: "/org/notification-targets/{targetId}", tags, summary: "Change a notification target (admin); its type is fixed" } })
    .input(
      z.object({
        targetId,
        name: name.optional(),
        enabled: z.boolean().optional(),
        config: anyConfig.optional(),
        eventKinds: eventKinds.nullable().optional().describe("null: every kind"),
        minSeverity: severitySchema.nullable().optional().describe("null: every severity"),
      }),
    )
    .output(notificationTargetSchema)
    .mutation(({ ctx, input }) =>
      notificationTargetService.updateNotificationTarget(ctx.db, ctx.actor, input, { allowPrivate: ctx.config.delivery.allowPrivate }),
    ),

  delete: procedureFor("notification-target:manage")
    .meta({ openapi: { method: "DELETE", path: "/org/notification-targets/{targetId}", tags, summary: "Delete a notification target (admin)" } })
    .input(z.object({ targetId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await notificationTargetService.deleteNotificationTarget(ctx.db, ctx.actor, input.targetId);
      return { ok: true as const };
    }),

  rotateSecret: procedureFor("notification-target:manage")
    .meta({ openapi: { method: "POST", path: "/org/notification-targets/{targetId}/rotate-secret", tags, summary: "Replace the signing secret (admin); shown once" } })
    .input(z.object({ targetId }))
    .output(withSecret)
    .mutation(({ ctx, input }) => notificationTargetService.rotateSigningSecret(ctx.db, ctx.actor, input.targetId)),

  test: procedureFor("notification-target:manage")
    .meta({ openapi: { method: "POST", path: "/org/notification-targets/{targetId}/test", tags, summary: "Send a test notification now and report the outcome (admin)" } })
    .input(z.object({ targetId }))
    .output(deliveryOutcomeSchema)
    .mutation(({ ctx, input }) => notificationTargetService.sendTestNotification(ctx.db, ctx, ctx.actor, input.targetId)),
});
