import type { Db, TeamRole, Tx } from "@incidentops/db";
import { newestFirst } from "../keyset.js";

export function findTeam(db: Db | Tx, orgId: string, teamId: string) {
  return db.selectFrom("teams").selectAll().where("org_id", "=", orgId).where("id", "=", teamId).executeTakeFirst();
}

/**
 * The team, locked FOR KEY SHARE until the transaction ends: a write that goes on to refer to it
 * holds it, so a delete of the team waits for that write (and then sees what it wrote) rather than
 * removing the team under it. Likewise the other ...ForKeyShare reads of this codebase.
 */
export function findTeamForKeyShare(tx: Tx, orgId: string, teamId: string) {
  return tx.selectFrom("teams").selectAll().where("org_id", "=", orgId).where("id", "=", teamId).forKeyShare().executeTakeFirst();
}

export function findTeamForUpdate(tx: Tx, orgId: string, teamId: string) {
  return tx.selectFrom("teams").selectAll().where("org_id", "=", orgId).where("id", "=", teamId).forUpdate().executeTakeFirst();
}

/** Fails with a unique violation on `teams_org_name_key` when the name is taken. */
export function insertTeam(tx: Tx, team: { orgId: string; name: string; description: string | null }) {
  return tx.insertInto("teams").values({ org_id: team.orgId, name: team.name, description: team.description }).returningAll().executeTakeFirstOrThrow();
}

/** Sets the given fields; fails with a unique violation on `teams_org_name_key` like insertTeam. */
export function updateTeam(tx: Tx, orgId: string, teamId: string, changes: { name?: string | undefined; description?: string | null | undefined }) {
  return tx
    .updateTable("teams")
    .set({
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.description === undefined ? {} : { description: changes.description }),
      updated_at: new Date(),
    })
    .where("org_id", "=", orgId)
    .where("id", "=", teamId)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteTeam(tx: Tx, orgId: string, teamId: string): Promise<void> {
  await tx.deleteFrom("teams").where("org_id", "=", orgId).where("id", "=", teamId).execute();
}

export function listTeams(db: Db | Tx, orgId: string, limit: number, after: { createdAt: string; id: string } | undefined) {
  return newestFirst(db.selectFrom("teams").selectAll().where("org_id", "=", orgId), limit, after).execute();
}

/** The team's people with their names, managers first, then by name. */
export function listTeamMembers(db: Db | Tx, orgId: string, teamId: string) {
  return db
    .selectFrom("team_members")
    .innerJoin("users", "users.id", "team_members.user_id")
    .select(["users.id", "users.name", "team_members.role", "team_members.created_at"])
    .where("team_members.org_id", "=", orgId)
    .where("team_members.team_id", "=", teamId)
    .orderBy("team_members.role")
    .orderBy("users.name")
    .orderBy("users.id")
    .execute();
}

/** The user ids of the team's people (with `role`, only those), managers first, in the order they joined. */
export async function teamMemberIds(db: Db | Tx, orgId: string, teamId: string, role?: TeamRole): Promise<string[]> {
  let query = db.selectFrom("team_members").select("user_id").where("org_id", "=", orgId).where("team_id", "=", teamId);
  if (role !== undefined) query = query.where("role", "=", role);
  const rows = await query.orderBy("role").orderBy("created_at").orderBy("user_id").execute();
  return rows.map((r) => r.user_id);
}

export function findTeamMember(db: Db | Tx, orgId: string, teamId: string, userId: string) {
  return db
    .selectFrom("team_members")
    .select(["role", "created_at"])
    .where("org_id", "=", orgId)
    .where("team_id", "=", teamId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

/** Adds the person to the team or changes their role there. */
export function upsertTeamMember(tx: Tx, member: { orgId: string; teamId: string; userId: string; role: TeamRole }) {
  return tx
    .insertInto("team_members")
    .values({ org_id: member.orgId, team_id: member.teamId, user_id: member.userId, role: member.role })
    .onConflict((oc) => oc.columns(["org_id", "team_id", "user_id"]).doUpdateSet({ role: member.role }))
    .returning(["role", "created_at"])
    .executeTakeFirstOrThrow();
}

/** False when the person was not in the team. */
export async function deleteTeamMember(tx: Tx, orgId: string, teamId: string, userId: string): Promise<boolean> {
  const row = await tx
    .deleteFrom("team_members")
    .where("org_id", "=", orgId)
    .where("team_id", "=", teamId)
    .where("user_id", "=", userId)
    .returning("user_id")
    .executeTakeFirst();
  return row !== undefined;
}

/** The ids of the teams the person manages. */
export async function teamsManagedBy(db: Db | Tx, orgId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("team_members")
    .select("team_id")
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .where("role", "=", "manager")
    .execute();
  return rows.map((r) => r.team_id);
}

/** The person's org membership (its role), if any, locked FOR KEY SHARE (see findTeamForKeyShare). */
export function findOrgMemberForKeyShare(tx: Tx, orgId: string, userId: string) {
  return tx.selectFrom("org_members").select(["role"]).where("org_id", "=", orgId).where("user_id", "=", userId).forKeyShare().executeTakeFirst();
}

/** The names of the given people (unknown ids are left out). */
export function findPeople(db: Db | Tx, userIds: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom("users").select(["id", "name"]).where("id", "in", [...new Set(userIds)]).orderBy("name").orderBy("id").execute();
}
