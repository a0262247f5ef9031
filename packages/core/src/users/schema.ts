import { z } from "zod";
import { isoDateTime, notificationEventKindSchema } from "../schema.js";

export const userSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  createdAt: isoDateTime,
});
export type User = z.infer<typeof userSchema>;

export const notificationPreferencesSchema = z.object({
  eventKinds: z.array(notificationEventKindSchema).describe("The event kinds you want to be told about"),
  updatedAt: isoDateTime.nullable(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const setNotificationPreferencesInput = z.object({ eventKinds: z.array(notificationEventKindSchema) });
export type SetNotificationPreferencesInput = z.infer<typeof setNotificationPreferencesInput>;
