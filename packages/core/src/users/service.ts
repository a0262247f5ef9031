import type { Db, UserRow } from "@incidentops/db";
import { AppError } from "../errors.js";
import { enqueueJob } from "../jobs/enqueue.js";
import { iso } from "../mapping.js";
import type { UserActor } from "../policy.js";
import { notificationEventKindSchema } from "../schema.js";
import { findNotificationPreferences, updateUserProfile, upsertNotificationPreferences } from "./repository.js";
import type { NotificationPreferences, Person, SetNotificationPreferencesInput, UpdateProfileInput, User } from "./schema.js";

/** Emails are stored and compared trimmed and in lower case. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export const toUser = (row: Pick<UserRow, "id" | "email" | "name" | "time_zone" | "handoff_reminder_minutes" | "created_at">): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  timeZone: row.time_zone,
  handoffReminderMinutes: row.handoff_reminder_minutes,
  createdAt: iso(row.created_at),
});

/** A person named by a row (an assignee, an author) read through a left join: null when there is none. */
export const personOrNull = (id: string | null, name: string | null, email: string | null): Person | null =>
  id === null || name === null || email === null ? null : { id, name, email };

/** Changes the caller's own name, time zone or shift reminder (their planned reminders follow). */
export async function updateProfile(db: Db, actor: UserActor, input: UpdateProfileInput): Promise<User> {
  const row = await updateUserProfile(db, actor.userId, input);
  if (row === undefined) throw new AppError("UNAUTHORIZED", "This account no longer exists");
  if (input.handoffReminderMinutes !== undefined) await enqueueJob(db, "replan_user_shift_notices", { userId: actor.userId, requestId: actor.requestId });
  return toUser(row);
}

const ALL_KINDS = notificationEventKindSchema.options;

/** Which event kinds the caller wants to be told about; everything until they say otherwise. */
export const getNotificationPreferences = (db: Db, actor: UserActor): Promise<NotificationPreferences> => notificationPreferencesOf(db, actor.userId);

/** The event kinds a person is notified about (every kind until they choose). */
export async function notificationPreferencesOf(db: Db, userId: string): Promise<NotificationPreferences> {
  const row = await findNotificationPreferences(db, userId);
  if (row === undefined) return { eventKinds: [...ALL_KINDS], updatedAt: null };
  return { eventKinds: row.event_kinds.map((k) => notificationEventKindSchema.parse(k)), updatedAt: iso(row.updated_at) };
}

export async function setNotificationPreferences(
  db: Db,
  actor: UserActor,
  input: SetNotificationPreferencesInput,
): Promise<NotificationPreferences> {
  const eventKinds = ALL_KINDS.filter((k) => input.eventKinds.includes(k));
  const row = await upsertNotificationPreferences(db, actor.userId, eventKinds);
  return { eventKinds, updatedAt: iso(row.updated_at) };
}
