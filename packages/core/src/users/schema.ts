import { z } from "zod";
import { isoDateTime, notificationEventKindSchema, timeZoneSchema } from "../schema.js";

export const userSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  timeZone: z.string().describe("IANA time zone: shifts, reminders and off-hours are read on it"),
  handoffReminderMinutes: z.number().int().nullable().describe("How long before each on-call shift you are reminded of it (null: no reminder)"),
  createdAt: isoDateTime,
});
export type User = z.infer<typeof userSchema>;

/** Someone named in another resource (an assignee, an author, a responder). */
export const personSchema = userSchema.pick({ id: true, email: true, name: true });
export type Person = z.infer<typeof personSchema>;

/** A person named without their email (team rosters, schedules). */
export const namedPersonSchema = userSchema.pick({ id: true, name: true });
export type NamedPerson = z.infer<typeof namedPersonSchema>;

export const updateProfileInput = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    timeZone: timeZoneSchema.optional(),
    handoffReminderMinutes: z.number().int().min(1).max(1440).nullable().optional().describe("Minutes before each on-call shift to be reminded (null: no reminder)"),
  })
  .refine((input) => input.name !== undefined || input.timeZone !== undefined || input.handoffReminderMinutes !== undefined, "send name, timeZone or handoffReminderMinutes");
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

export const notificationPreferencesSchema = z.object({
  eventKinds: z.array(notificationEventKindSchema).describe("The event kinds you want to be told about"),
  updatedAt: isoDateTime.nullable(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const setNotificationPreferencesInput = z.object({ eventKinds: z.array(notificationEventKindSchema) });
export type SetNotificationPreferencesInput = z.infer<typeof setNotificationPreferencesInput>;
