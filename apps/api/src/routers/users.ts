import { notificationPreferencesSchema, setNotificationPreferencesInput, updateProfileInput, userSchema, userService } from "@incidentops/core";
import { z } from "zod";
import { router, userProcedure } from "../trpc.js";

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
  }),
});
