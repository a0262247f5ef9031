import {
  calendarFeedIdInput,
  calendarFeedService,
  calendarFeedsSchema,
  contactMethodIdInput,
  contactMethodListSchema,
  contactMethodService,
  createCalendarFeedInput,
  createContactMethodInput,
  createdCalendarFeedSchema,
  createdContactMethodSchema,
  myShiftsInput,
  myShiftsSchema,
  notificationPreferencesSchema,
  notificationRulesSchema,
  okSchema,
  onCallService,
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
    oncall: userProcedure
      .meta({ openapi: { method: "GET", path: "/users/me/oncall", tags, summary: "Your shifts: when you are on call, on every schedule (default: the next 28 days)" } })
      .input(myShiftsInput)
      .output(myShiftsSchema)
      .query(({ ctx, input }) => onCallService.listMyShifts(ctx.db, ctx.actor, input, new Date())),
    calendarFeeds: router({
      list: userProcedure
        .meta({ openapi: { method: "GET", path: "/users/me/calendar-feeds", tags, summary: "Your calendar feeds (without their secrets)" } })
        .input(z.void())
        .output(calendarFeedsSchema)
        .query(({ ctx }) => calendarFeedService.listMyFeeds(ctx.db, ctx.actor)),
      create: userProcedure
        .meta({
          openapi: {
            method: "POST",
            path: "/users/me/calendar-feeds",
            tags,
            summary: "A secret iCalendar URL of your shifts (or of a whole schedule), shown once",
            description:
              "Subscribe to `url` in any calendar app: GET /calendar/{token}.ics answers text/calendar with one event per shift of the next 90 days. The token is stored only as a hash; revoke it with DELETE.",
          },
          successStatus: 201,
          answersSecret: true,
        })
        .input(createCalendarFeedInput)
        .output(createdCalendarFeedSchema)
        .mutation(({ ctx, input }) => calendarFeedService.createFeed(ctx.db, ctx.actor, ctx.config, input)),
      delete: userProcedure
        .meta({ openapi: { method: "DELETE", path: "/users/me/calendar-feeds/{feedId}", tags, summary: "Revoke a calendar feed: its URL stops working at once" } })
        .input(calendarFeedIdInput)
        .output(okSchema)
        .mutation(({ ctx, input }) => ok(calendarFeedService.deleteFeed(ctx.db, ctx.actor, input))),
    }),
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
          answersSecret: true,
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
