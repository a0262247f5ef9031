import {
  contactMethodIdInput,
  contactMethodListSchema,
  contactMethodService,
  createContactMethodInput,
  createdContactMethodSchema,
  notificationPreferencesSchema,
  notificationRulesSchema,
  okSchema,
  setNotificationPreferencesInput,
  setNotificationRulesInput,
  updateProfileInput,
  userSchema,
  userService,
} from "@incidentops/core";
import { z } from "zod";
import { router, userProcedure } from "../trpc.js";
import { ok } from "./shared.js";

const tags = ["users"];

export const usersRouter = router({
  me: router({
    update: userProcedure
      .meta({ openapi: { method: "PATCH", path: "/users/me", tags, summary: "Change your name or time zone (IANA, e.g. Europe/Berlin)" } })
      .input(updateProfileInput)
      .output(userSchema)
      .mutation(({ ctx, input }) => userService.updateProfile(ctx.db, ctx.actor, input)),
    notificationPreferences: router({
      get: userProcedure
        .meta({ openapi: { method: "GET", path: "/users/me/notification-preferences", tags, summary: "Which event kinds you are notified about" } })
        .input(z.void())
        .output(notificationPreferencesSchema)
        .query(({ ctx }) => userService.getNotificationPreferences(ctx.db, ctx.actor)),
      update: userProcedure
        .meta({ openapi: { method: "PUT", path: "/users/me/notification-preferences", tags, summary: "Choose the event kinds you are notified about" } })
        .input(setNotificationPreferencesInput)
        .output(notificationPreferencesSchema)
        .mutation(({ ctx, input }) => userService.setNotificationPreferences(ctx.db, ctx.actor, input)),
    }),
    contactMethods: router({
      list: userProcedure
        .meta({ openapi: { method: "GET", path: "/users/me/contact-methods", tags, summary: "How you can be paged: your contact methods" } })
        .input(z.void())
        .output(contactMethodListSchema)
        .query(({ ctx }) => contactMethodService.listContactMethods(ctx.db, ctx.actor)),
      create: userProcedure
        .meta({
          openapi: {
            method: "POST",
            path: "/users/me/contact-methods",
            tags,
            summary: "Add a contact method: email, Slack, webhook, SMS or voice",
            description:
              "SMS and voice need the deployment's Twilio configuration (else 400 CHANNEL_NOT_CONFIGURED). A webhook's response alone carries its signing secret. Add a notification rule to be paged through it.",
          },
          successStatus: 201,
        })
        .input(createContactMethodInput)
        .output(createdContactMethodSchema)
        .mutation(({ ctx, input }) => contactMethodService.createContactMethod(ctx.db, ctx.actor, input, ctx.config.delivery)),
      delete: userProcedure
        .meta({
          openapi: {
            method: "DELETE",
            path: "/users/me/contact-methods/{contactMethodId}",
            tags,
            summary: "Delete a contact method and the rules using it",
            description: "Not your account email, nor the contact method every one of your rules uses (409 CONFLICT).",
          },
        })
        .input(contactMethodIdInput)
        .output(okSchema)
        .mutation(({ ctx, input }) => ok(contactMethodService.deleteContactMethod(ctx.db, ctx.actor, input))),
    }),
    notificationRules: router({
      get: userProcedure
        .meta({ openapi: { method: "GET", path: "/users/me/notification-rules", tags, summary: "When you are paged through which contact method" } })
        .input(z.void())
        .output(notificationRulesSchema)
        .query(({ ctx }) => contactMethodService.getNotificationRules(ctx.db, ctx.actor)),
      update: userProcedure
        .meta({
          openapi: {
            method: "PUT",
            path: "/users/me/notification-rules",
            tags,
            summary: "Set your notification rules: each sends to a contact method after its delay, unless the incident was acknowledged by then",
          },
        })
        .input(setNotificationRulesInput)
        .output(notificationRulesSchema)
        .mutation(({ ctx, input }) => contactMethodService.setNotificationRules(ctx.db, ctx.actor, input)),
    }),
  }),
});
