import type { Db, Tx } from "@incidentops/db";

/** A member of the org as a notice addresses them (undefined: not a member, or gone). */
export function findMemberToNotify(db: Db | Tx, orgId: string, userId: string) {
  return db
    .selectFrom("org_members")
    .innerJoin("users", "users.id", "org_members.user_id")
    .select(["users.id", "users.email", "users.name", "users.time_zone"])
    .where("org_members.org_id", "=", orgId)
    .where("org_members.user_id", "=", userId)
    .executeTakeFirst();
}

/** Each of these people's handoff reminder (minutes before a shift), where they set one. */
export async function reminderMinutesOf(db: Db | Tx, userIds: readonly string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["id", "handoff_reminder_minutes"])
    .where("id", "in", [...new Set(userIds)])
    .where("handoff_reminder_minutes", "is not", null)
    .execute();
  return new Map(rows.flatMap((r) => (r.handoff_reminder_minutes === null ? [] : [[r.id, r.handoff_reminder_minutes] as const])));
}

/** The orgs the person is a member of (read in their own scope: app.user_id). */
export async function orgIdsOf(db: Db | Tx, userId: string): Promise<string[]> {
  const rows = await db.selectFrom("org_members").select("org_id").where("user_id", "=", userId).execute();
  return rows.map((r) => r.org_id);
}
