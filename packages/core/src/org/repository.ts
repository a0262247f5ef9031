import type { Db, OrgRole, Tx } from "@incidentops/db";
import { sql } from "kysely";
import { pastPosition } from "../keyset.js";

export interface MembershipRow {
  org_id: string;
  org_name: string;
  org_created_at: Date;
  role: OrgRole;
  joined_at: Date;
}

const membershipColumns = [
  "orgs.id as org_id",
  "orgs.name as org_name",
  "orgs.created_at as org_created_at",
  "org_members.role",
  "org_members.created_at as joined_at",
] as const;

function memberships(db: Db | Tx, userId: string) {
  return db
    .selectFrom("org_members")
    .innerJoin("orgs", "orgs.id", "org_members.org_id")
    .select(membershipColumns)
    .where("org_members.user_id", "=", userId);
}

export function findMembership(db: Db | Tx, userId: string, orgId: string): Promise<MembershipRow | undefined> {
  return memberships(db, userId).where("org_members.org_id", "=", orgId).executeTakeFirst();
}

/** Oldest membership first: the org a login lands in when it names none. */
export function listMemberships(db: Db | Tx, userId: string): Promise<MembershipRow[]> {
  return memberships(db, userId).orderBy("org_members.created_at").orderBy("orgs.id").execute();
}

/** A page of a person's memberships in the order they joined, past `after`. */
export function listMembershipsPage(db: Db | Tx, userId: string, limit: number, after: { joinedAt: string; orgId: string } | undefined) {
  let query = memberships(db, userId);
  if (after !== undefined) {
    query = query.where(pastPosition({ time: "org_members.created_at", id: "org_members.org_id" }, ">", { time: after.joinedAt, id: after.orgId }));
  }
  return query.orderBy("org_members.created_at").orderBy("org_members.org_id").limit(limit + 1).execute();
}

export async function insertOrgWithAdmin(tx: Tx, name: string, adminUserId: string) {
  const org = await tx.insertInto("orgs").values({ name }).returningAll().executeTakeFirstOrThrow();
  const member = await insertMember(tx, { orgId: org.id, userId: adminUserId, role: "admin" });
  return { org, role: member.role };
}

export function insertMember(tx: Tx, member: { orgId: string; userId: string; role: OrgRole }) {
  return tx
    .insertInto("org_members")
    .values({ org_id: member.orgId, user_id: member.userId, role: member.role })
    .returning(["role", "created_at"])
    .executeTakeFirstOrThrow();
}

export function findOrg(db: Db | Tx, orgId: string) {
  return db.selectFrom("orgs").select(["id", "name", "created_at"]).where("id", "=", orgId).executeTakeFirstOrThrow();
}

export function lockOrg(tx: Tx, orgId: string) {
  return tx.selectFrom("orgs").select("name").where("id", "=", orgId).forUpdate().executeTakeFirstOrThrow();
}

export function renameOrg(tx: Tx, orgId: string, name: string) {
  return tx
    .updateTable("orgs")
    .set({ name, updated_at: sql<Date>`now()` })
    .where("id", "=", orgId)
    .returning(["id", "name", "created_at"])
    .executeTakeFirstOrThrow();
}

/** Which members a list shows: those of a team, those with a role, those whose name or email contains a text (in any case). */
export interface MemberFilter {
  teamId?: string | undefined;
  role?: OrgRole | undefined;
  text?: string | undefined;
}

/** A page of an org's members in the order they joined, past `after`, narrowed by `filter`. */
export function listMembers(db: Db | Tx, orgId: string, filter: MemberFilter, limit: number, after: { joinedAt: string; userId: string } | undefined) {
  let query = db
    .selectFrom("org_members")
    .innerJoin("users", "users.id", "org_members.user_id")
    .select(["users.id", "users.email", "users.name", "org_members.role", "org_members.created_at"])
    .where("org_members.org_id", "=", orgId);
  const { teamId, role, text } = filter;
  if (teamId !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("team_members")
          .select("team_members.user_id")
          .where("team_members.org_id", "=", orgId)
          .where("team_members.team_id", "=", teamId)
          .whereRef("team_members.user_id", "=", "org_members.user_id"),
      ),
    );
  }
  if (role !== undefined) query = query.where("org_members.role", "=", role);
  if (text !== undefined) {
    // strpos, not LIKE: the text is matched as it is, with no wildcard to escape.
    query = query.where(sql<boolean>`(strpos(lower(users.name), lower(${text})) > 0 OR strpos(lower(users.email), lower(${text})) > 0)`);
  }
  if (after !== undefined) {
    query = query.where(pastPosition({ time: "org_members.created_at", id: "org_members.user_id" }, ">", { time: after.joinedAt, id: after.userId }));
  }
  return query.orderBy("org_members.created_at").orderBy("org_members.user_id").limit(limit + 1).execute();
}

/**
 * Locks the org's admin memberships, in one fixed order, and returns their user ids. Taken before
 * any change to a membership: two concurrent changes (two admins demoting each other) then run
 * one after the other, and the second one counts the admins the first one left.
 */
export async function lockAdmins(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom("org_members")
    .select("user_id")
    .where("org_id", "=", orgId)
    .where("role", "=", "admin")
    .orderBy("user_id")
    .forUpdate()
    .execute();
  return rows.map((r) => r.user_id);
}

export function findMemberForUpdate(tx: Tx, orgId: string, userId: string) {
  return tx.selectFrom("org_members").selectAll().where("org_id", "=", orgId).where("user_id", "=", userId).forUpdate().executeTakeFirst();
}

/** The member of the org with this (normalised) email, if any. */
export function findMemberByEmail(db: Db | Tx, orgId: string, email: string) {
  return db
    .selectFrom("org_members")
    .innerJoin("users", "users.id", "org_members.user_id")
    .select("users.id")
    .where("org_members.org_id", "=", orgId)
    .where("users.email", "=", email)
    .executeTakeFirst();
}

export function setMemberRole(tx: Tx, orgId: string, userId: string, role: OrgRole) {
  return tx
    .updateTable("org_members")
    .set({ role })
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteMember(tx: Tx, orgId: string, userId: string): Promise<void> {
  await tx.deleteFrom("org_members").where("org_id", "=", orgId).where("user_id", "=", userId).execute();
}


// ---------------------------------------------------------------------------------------------
// What names a member, read before they are removed (their membership's foreign keys then take them
// out of it). `lock` (in the removal's transaction) locks the rows that decide whether removing them
// would leave a level or a rotation empty, so a change to those waits for the removal.

/**
 * Every target of the levels that page the person (naming them, or a team they are in with the
 * role it pages), with the level's policy.
 */
export function levelTargetsAroundMember(db: Db | Tx, orgId: string, userId: string, lock: boolean) {
  const query = db
    .selectFrom("escalation_level_targets as t")
    .innerJoin("escalation_policies as p", (join) => join.onRef("p.org_id", "=", "t.org_id").onRef("p.id", "=", "t.policy_id"))
    .select(["p.id as policy_id", "p.name as policy_name", "t.level", "t.user_id", "t.team_id", "t.team_role"])
    .where("t.org_id", "=", orgId)
    .where((eb) =>
      eb.or([
        eb(
          eb.refTuple("t.policy_id", "t.level"),
          "in",
          eb
            .selectFrom("escalation_level_targets")
            .select(["policy_id", "level"])
            .where("org_id", "=", orgId)
            .where("user_id", "=", userId)
            .$asTuple("policy_id", "level"),
        ),
        eb(
          eb.refTuple("t.policy_id", "t.level"),
          "in",
          eb
            .selectFrom("escalation_level_targets as lt")
            .innerJoin("team_members as m", (join) => join.onRef("m.org_id", "=", "lt.org_id").onRef("m.team_id", "=", "lt.team_id"))
            .select(["lt.policy_id", "lt.level"])
            .where("lt.org_id", "=", orgId)
            .where("m.user_id", "=", userId)
            .$asTuple("policy_id", "level"),
        ),
      ]),
    )
    .orderBy("p.name")
    .orderBy("p.id")
    .orderBy("t.level");
  return (lock ? query.forUpdate("t") : query).execute();
}

/** The people of the teams that the person is in and a level pages. */
export function pagedTeamPlacesAroundMember(db: Db | Tx, orgId: string, userId: string, lock: boolean) {
  const query = db
    .selectFrom("team_members as m")
    .select(["m.team_id", "m.user_id", "m.role"])
    .where("m.org_id", "=", orgId)
    .where("m.team_id", "in", (eb) =>
      eb
        .selectFrom("team_members as mine")
        .innerJoin("escalation_level_targets as t", (join) => join.onRef("t.org_id", "=", "mine.org_id").onRef("t.team_id", "=", "mine.team_id"))
        .select("mine.team_id")
        .where("mine.org_id", "=", orgId)
        .where("mine.user_id", "=", userId),
    )
    .orderBy("m.team_id")
    .orderBy("m.user_id");
  return (lock ? query.forUpdate("m") : query).execute();
}

/** Every place in the rotations that name the person, with the layer and its schedule. */
export function layerPlacesAroundMember(db: Db | Tx, orgId: string, userId: string, lock: boolean) {
  const query = db
    .selectFrom("schedule_layer_participants as pl")
    .innerJoin("schedule_layers as l", (join) => join.onRef("l.org_id", "=", "pl.org_id").onRef("l.id", "=", "pl.layer_id"))
    .innerJoin("schedules as s", (join) => join.onRef("s.org_id", "=", "l.org_id").onRef("s.id", "=", "l.schedule_id"))
    .select(["s.id as schedule_id", "s.name as schedule_name", "l.id as layer_id", "l.name as layer_name", "l.end_at", "pl.user_id"])
    .where("pl.org_id", "=", orgId)
    .where("pl.layer_id", "in", (eb) =>
      eb.selectFrom("schedule_layer_participants").select("layer_id").where("org_id", "=", orgId).where("user_id", "=", userId),
    )
    .orderBy("s.name")
    .orderBy("s.id")
    .orderBy("l.position");
  return (lock ? query.forUpdate("pl") : query).execute();
}

/** How many overrides the person has on each schedule. */
export function overridesOfMember(db: Db | Tx, orgId: string, userId: string) {
  return db
    .selectFrom("schedule_overrides as o")
    .innerJoin("schedules as s", (join) => join.onRef("s.org_id", "=", "o.org_id").onRef("s.id", "=", "o.schedule_id"))
    .select((eb) => ["s.id as schedule_id", "s.name as schedule_name", eb.fn.countAll<string>().as("overrides")])
    .where("o.org_id", "=", orgId)
    .where("o.user_id", "=", userId)
    .groupBy(["s.id", "s.name"])
    .orderBy("s.name")
    .orderBy("s.id")
    .execute();
}

export function teamsOfMember(db: Db | Tx, orgId: string, userId: string) {
  return db
    .selectFrom("team_members as m")
    .innerJoin("teams", (join) => join.onRef("teams.org_id", "=", "m.org_id").onRef("teams.id", "=", "m.team_id"))
    .select(["teams.id", "teams.name", "m.role"])
    .where("m.org_id", "=", orgId)
    .where("m.user_id", "=", userId)
    .orderBy("teams.name")
    .orderBy("teams.id")
    .execute();
}

/** The open incidents assigned to the person, oldest first. */
export function openIncidentsAssignedTo(db: Db | Tx, orgId: string, userId: string) {
  return db
    .selectFrom("incident_assignees as a")
    .innerJoin("incidents as i", (join) => join.onRef("i.org_id", "=", "a.org_id").onRef("i.id", "=", "a.incident_id"))
    .select(["i.id", "i.title", "i.status"])
    .where("a.org_id", "=", orgId)
    .where("a.user_id", "=", userId)
    .where("i.status", "!=", "resolved")
    .orderBy("i.created_at")
    .orderBy("i.id")
    .execute();
}
