import type { Db, OrgRole, Tx } from "@incidentops/db";

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

export function findMembership(db: Db | Tx, userId: string, orgId: string): Promise<MembershipRow | undefined> {
  return db
    .selectFrom("org_members")
    .innerJoin("orgs", "orgs.id", "org_members.org_id")
    .select(membershipColumns)
    .where("org_members.user_id", "=", userId)
    .where("org_members.org_id", "=", orgId)
    .executeTakeFirst();
}

/** Oldest membership first: the org a login lands in when it names none. */
export function listMemberships(db: Db | Tx, userId: string): Promise<MembershipRow[]> {
  return db
    .selectFrom("org_members")
    .innerJoin("orgs", "orgs.id", "org_members.org_id")
    .select(membershipColumns)
    .where("org_members.user_id", "=", userId)
    .orderBy("org_members.created_at")
    .orderBy("orgs.id")
    .execute();
}

export async function insertOrgWithAdmin(tx: Tx, name: string, adminUserId: string) {
  const org = await tx.insertInto("orgs").values({ name }).returningAll().executeTakeFirstOrThrow();
  const member = await tx
    .insertInto("org_members")
    .values({ org_id: org.id, user_id: adminUserId, role: "admin" })
    .returning(["role", "created_at"])
    .executeTakeFirstOrThrow();
  return { org, role: member.role };
}
