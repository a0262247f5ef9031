import {
  calendarFeedIdInput,
  calendarFeedService,
  calendarFeedsSchema,
  createCalendarFeedInput,
  createdCalendarFeedSchema,
  myShiftsInput,
  myShiftsSchema,
  notificationPreferencesSchema,
  onCallService,
  setNotificationPreferencesInput,
  updateProfileInput,
  userSchema,
  okSchema,
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
  }),
});
