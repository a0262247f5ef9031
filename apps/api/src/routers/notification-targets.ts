import {
  createNotificationTargetInput,
  deliveryOutcomeSchema,
  notificationTargetSchema,
  notificationTargetService,
  notificationTargetWithSecretSchema,
  okSchema,
  pageQuerySchema,
  pageSchema,
  targetIdInput,
  updateNotificationTargetInput,
} from "@incidentops/core";
import { procedureFor, router } from "../trpc.js";
import { ok } from "./shared.js";

const tags = ["notification targets"];

/** What a fix of a target does to its waiting deliveries (docs/decisions/0054-holds-end-and-refusals-read.md). */
const RECEIVER_FIXED =
  "A change of the target's config, enabling it, a new secret, or a test that reaches it (a 2xx) ends a wait its receiver asked for (a 429's or 503's Retry-After) and the pause after its failures: its waiting notifications are due at once.";

export const notificationTargetsRouter = router({
  list: procedureFor("notification-target:read")
    .meta({ openapi: { method: "GET", path: "/org/notification-targets", tags, summary: "Notification targets (admin); secrets are never shown" } })
    .input(pageQuerySchema)
    .output(pageSchema(notificationTargetSchema))
    .query(({ ctx, input }) => notificationTargetService.listNotificationTargets(ctx.db, ctx.actor, input)),

  create: procedureFor("notification-target:manage")
    .meta({
      openapi: { method: "POST", path: "/org/notification-targets", tags, summary: "Create a notification target (admin); the response alone carries the signing secret" },
      successStatus: 201,
      answersSecret: true,
    })
    .input(createNotificationTargetInput)
    .output(notificationTargetWithSecretSchema)
    .mutation(({ ctx, input }) => notificationTargetService.createNotificationTarget(ctx.db, ctx.actor, input, ctx.config.delivery)),

  get: procedureFor("notification-target:read")
    .meta({ openapi: { method: "GET", path: "/org/notification-targets/{targetId}", tags, summary: "One notification target (admin)" } })
    .input(targetIdInput)
    .output(notificationTargetSchema)
    .query(({ ctx, input }) => notificationTargetService.getNotificationTarget(ctx.db, ctx.actor, input)),

  update: procedureFor("notification-target:manage")
    .meta({
      openapi: {
        method: "PATCH",
        path: "/org/notification-targets/{targetId}",
        tags,
        summary: "Change a notification target (admin); its type is fixed",
        description: RECEIVER_FIXED,
      },
    })
    .input(updateNotificationTargetInput)
    .output(notificationTargetSchema)
    .mutation(({ ctx, input }) => notificationTargetService.updateNotificationTarget(ctx.db, ctx.actor, input, ctx.config.delivery)),

  delete: procedureFor("notification-target:manage")
    .meta({
      openapi: {
        method: "DELETE",
        path: "/org/notification-targets/{targetId}",
        tags,
        summary: "Delete a notification target (admin)",
        description:
          "It leaves the org's targets and escalation levels and is never sent to again: its pending notifications end cancelled. Incidents keep their notifications to it, under its name and type (target.deleted).",
      },
    })
    .input(targetIdInput)
    .output(okSchema)
    .mutation(({ ctx, input }) => ok(notificationTargetService.deleteNotificationTarget(ctx.db, ctx.actor, input))),

  rotateSecret: procedureFor("notification-target:manage")
    .meta({
      openapi: { method: "POST", path: "/org/notification-targets/{targetId}/rotate-secret", tags, summary: "Replace the signing secret (admin); shown once", description: RECEIVER_FIXED },
      answersSecret: true,
    })
    .input(targetIdInput)
    .output(notificationTargetWithSecretSchema)
    .mutation(({ ctx, input }) => notificationTargetService.rotateSigningSecret(ctx.db, ctx.actor, input)),

  test: procedureFor("notification-target:manage")
    .meta({
      openapi: { method: "POST", path: "/org/notification-targets/{targetId}/test", tags, summary: "Send a test notification now and report the outcome (admin)", description: RECEIVER_FIXED },
    })
    .input(targetIdInput)
    .output(deliveryOutcomeSchema)
    .mutation(({ ctx, input }) => notificationTargetService.sendTestNotification(ctx.db, ctx, ctx.actor, input)),
});
