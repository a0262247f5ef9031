import type { IncidentSeverity, Tx } from "@incidentops/db";

/** Of the given people, those still members of the org, with what they want to be notified about. */
export function findMembersToPage(tx: Tx, orgId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom("org_members")
    .innerJoin("users", "users.id", "org_members.user_id")
    .leftJoin("user_notification_preferences as prefs", "prefs.user_id", "users.id")
    .select(["users.id", "users.email", "users.name", "prefs.event_kinds"])
    .where("org_members.org_id", "=", orgId)
    .where("users.id", "in", userIds)
    .execute();
}

/** Of the given notification targets, the org's enabled ones. */
export function findEnabledTargets(tx: Tx, orgId: string, targetIds: string[]) {
  if (targetIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom("notification_targets")
    .select(["id", "name", "type"])
    .where("org_id", "=", orgId)
    .where("id", "in", targetIds)
    .where("enabled", "=", true)
    .execute();
}

/** The org's admins: who is told when no escalation level finds anyone. */
export function findOrgAdmins(tx: Tx, orgId: string) {
  return tx
    .selectFrom("org_members")
    .innerJoin("users", "users.id", "org_members.user_id")
    .select(["users.id", "users.name"])
    .where("org_members.org_id", "=", orgId)
    .where("org_members.role", "=", "admin")
    .orderBy("users.name")
    .execute();
}

/** The least severe incident the service's escalation pages for (null: every severity; undefined: no such service). */
export async function findPageMinSeverity(tx: Tx, orgId: string, serviceId: string): Promise<IncidentSeverity | null | undefined> {
  const row = await tx.selectFrom("services").select("page_min_severity").where("org_id", "=", orgId).where("id", "=", serviceId).executeTakeFirst();
  return row?.page_min_severity;
}
