import { notificationPreferencesSchema, setNotificationPreferencesInput, userService } from "@incidentops/core";
import { z } from "zod";
import { router, userProcedure } from "../trpc.js";

const tags = ["users"];

export const usersRouter = router({
  me: router({
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
