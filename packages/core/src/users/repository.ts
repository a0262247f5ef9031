import type { Db, Tx } from "@incidentops/db";
import { sql } from "kysely";

export function findUserById(db: Db | Tx, userId: string) {
  return db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
}

/** `email` as stored: lower case (see normalizeEmail). */
export function findUserByEmail(db: Db | Tx, email: string) {
  return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

/** Fails with a unique violation on `users_email_key` when the email is taken. */
export function insertUser(tx: Tx, user: { email: string; name: string; passwordHash: string }) {
  return tx
    .insertInto("users")
    .values({ email: user.email, name: user.name, password_hash: user.passwordHash })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setPasswordHash(tx: Tx, userId: string, passwordHash: string): Promise<void> {
  await tx.updateTable("users").set({ password_hash: passwordHash, updated_at: sql<Date>`now()` }).where("id", "=", userId).execute();
}

export function updateUserProfile(
  db: Db | Tx,
  userId: string,
  profile: { name?: string | undefined; timeZone?: string | undefined; handoffReminderMinutes?: number | null | undefined },
) {
  return db
    .updateTable("users")
    .set({
      ...(profile.name === undefined ? {} : { name: profile.name }),
      ...(profile.timeZone === undefined ? {} : { time_zone: profile.timeZone }),
      ...(profile.handoffReminderMinutes === undefined ? {} : { handoff_reminder_minutes: profile.handoffReminderMinutes }),
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", userId)
    .returningAll()
    .executeTakeFirst();
}

export function findNotificationPreferences(db: Db | Tx, userId: string) {
  return db.selectFrom("user_notification_preferences").selectAll().where("user_id", "=", userId).executeTakeFirst();
}

export function upsertNotificationPreferences(db: Db | Tx, userId: string, eventKinds: string[]) {
  return db
    .insertInto("user_notification_preferences")
    .values({ user_id: userId, event_kinds: eventKinds })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ event_kinds: eventKinds, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The people with these ids (those that still exist). */
export function findPeople(db: Db | Tx, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("users").select(["id", "name", "email"]).where("id", "in", userIds).execute();
}
