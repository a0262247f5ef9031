import type { Db } from "@incidentops/db";
import { iso } from "../mapping.js";
import type { UserActor } from "../policy.js";
import { notificationEventKindSchema, type NotificationPreferences } from "../schemas.js";

const ALL_KINDS = notificationEventKindSchema.options;

/** Which event kinds the caller wants to be told about; everything until they say otherwise. */
export async function getNotificationPreferences(db: Db, actor: UserActor): Promise<NotificationPreferences> {
  const row = await db.selectFrom("user_notification_preferences").selectAll().where("user_id", "=", actor.userId).executeTakeFirst();
  if (row === undefined) return { eventKinds: [...ALL_KINDS], updatedAt: null };
  return { eventKinds: row.event_kinds.map((k) => notificationEventKindSchema.parse(k)), updatedAt: iso(row.updated_at) };
}

export async function setNotificationPreferences(
  db: Db,
  actor: UserActor,
  input: { eventKinds: NotificationPreferences["eventKinds"] },
): Promise<NotificationPreferences> {
  const eventKinds = ALL_KINDS.filter((k) => input.eventKinds.includes(k));
  const row = await db
    .insertInto("user_notification_preferences")
    .values({ user_id: actor.userId, event_kinds: eventKinds })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ event_kinds: eventKinds, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
  return { eventKinds, updatedAt: iso(row.updated_at) };
}
