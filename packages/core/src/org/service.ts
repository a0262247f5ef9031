import type { Db, OrgRole, Tx } from "@incidentops/db";
import { sql } from "kysely";
import { z } from "zod";
import { auditAction, auditSourceOf, recordAudit } from "../audit/record.js";
import { AppError, notFound } from "../errors.js";
import { iso } from "../mapping.js";
import { cursorTime, decodeCursor, toPage, type Page } from "../pagination.js";
import type { Actor, UserActor } from "../policy.js";
import type { Member, OrgWithRole } from "../schemas.js";
import { pastPosition } from "../keyset.js";
import { setScope, transact } from "../scope.js";
import { insertOrgWithAdmin } from "./repository.js";

/** The caller's org, with the role they act with (an API key's role follows its scope). */
export async function getCurrentOrg(db: Db, actor: Actor): Promise<OrgWithRole> {
  const org = await db.selectFrom("orgs").select(["id", "name", "created_at"]).where("id", "=", actor.orgId).executeTakeFirstOrThrow();
  return { id: org.id, name: org.name, createdAt: iso(org.created_at), role: actor.role };
}

const memberCursor = z.object({ joinedAt: cursorTime, userId: z.uuid() });

/** Members in the order they joined. */
export async function listMembers(
  db: Db,
  actor: Actor,
  input: { cursor?: string | undefined; limit: number },
): Promise<Page<Member>> {
  let query = db
    .selectFrom("org_members")
    .innerJoin("users", "users.id", "org_members.user_id")
    .select(["users.id", "users.email", "users.name", "org_members.role", "org_members.created_at"])
    .where("org_members.org_id", "=", actor.orgId);
  if (input.cursor !== undefined) {
    const after = decodeCursor(memberCursor, input.cursor);
    query = query.where(
      pastPosition({ time: "org_members.created_at", id: "org_members.user_id" }, ">", {
        time: after.joinedAt,
        id: after.userId,
      }),
    );
  }
  const rows = await query
    .orderBy("org_members.created_at")
    .orderBy("org_members.user_id")
    .limit(input.limit + 1)
    .execute();
  return toPage(
    rows,
    input.limit,
    (r) => ({ user: { id: r.id, email: r.email, name: r.name }, role: r.role, joinedAt: iso(r.created_at) }),
    (r) => ({ joinedAt: iso(r.created_at), userId: r.id }),
  );
}

// ---------------------------------------------------------------------------------------------
// Member management, and orgs a person creates and belongs to.

const lastAdmin = (what: "demoted" | "removed") =>
  new AppError("LAST_ADMIN", `The last admin of an organisation cannot be ${what}: make another member admin first`);

/**
 * Locks the org's admin memberships, in one fixed order, before any change to a membership: two
 * concurrent changes (two admins demoting each other) then run one after the other, and the
 * second one counts the admins the first one left.
 */
async function lockAdmins(tx: Tx, orgId: string): Promise<string[]> {
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

/** The membership to change, locked; another org's member or a stranger is 404. */
async function lockMember(tx: Tx, orgId: string, userId: string) {
  const row = await tx
    .selectFrom("org_members")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  if (row === undefined) throw notFound("Member");
  return row;
}

/** The acting admin may have been demoted by a change that committed while this one waited. */
function assertStillAdmin(actor: Actor, admins: string[]): void {
  if (actor.kind !== "user" || !admins.includes(actor.userId)) {
    throw new AppError("FORBIDDEN", "Your role no longer allows member:manage", { action: "member:manage", requiredRole: "admin" });
  }
}

async function toMemberOf(tx: Tx, row: { user_id: string; role: OrgRole; created_at: Date }): Promise<Member> {
  const user = await tx.selectFrom("users").select(["id", "email", "name"]).where("id", "=", row.user_id).executeTakeFirstOrThrow();
  return { user, role: row.role, joinedAt: iso(row.created_at) };
}

/** Changes a member's role; it applies from their next request. The last admin stays admin. */
export async function updateMemberRole(db: Db | Tx, actor: Actor, input: { userId: string; role: OrgRole }): Promise<Member> {
  return transact(db, async (tx) => {
    const admins = await lockAdmins(tx, actor.orgId);
    const current = await lockMember(tx, actor.orgId, input.userId);
    if (current.role === "admin" && input.role !== "admin" && !admins.some((id) => id !== input.userId)) throw lastAdmin("demoted");
    assertStillAdmin(actor, admins);
    if (current.role === input.role) return toMemberOf(tx, current);
    const row = await tx
      .updateTable("org_members")
      .set({ role: input.role })
      .where("org_id", "=", actor.orgId)
      .where("user_id", "=", input.userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditAction(tx, actor, {
      action: "member.role_changed",
      targetType: "user",
      targetId: input.userId,
      data: { from: current.role, to: row.role },
    });
    return toMemberOf(tx, row);
  });
}

/**
 * Removes a member. Their access tokens for the org are refused from the next request (the
 * membership is read on every call) and their refresh tokens for the org are revoked at once.
 */
export async function removeMember(db: Db | Tx, actor: Actor, userId: string): Promise<void> {
  await transact(db, async (tx) => {
    const admins = await lockAdmins(tx, actor.orgId);
    const current = await lockMember(tx, actor.orgId, userId);
    if (current.role === "admin" && !admins.some((id) => id !== userId)) throw lastAdmin("removed");
    assertStillAdmin(actor, admins);
    await tx.deleteFrom("org_members").where("org_id", "=", actor.orgId).where("user_id", "=", userId).execute();
    const revoked = await tx
      .updateTable("refresh_tokens")
      .set({ revoked_at: sql<Date>`now()` })
      .where("user_id", "=", userId)
      .where("active_org_id", "=", actor.orgId)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    await auditAction(tx, actor, {
      action: "member.removed",
      targetType: "user",
      targetId: userId,
      data: { role: current.role, revokedRefreshTokens: Number(revoked.numUpdatedRows) },
    });
  });
}

/** Renames the caller's org (admin). */
export async function updateOrg(db: Db | Tx, actor: Actor, input: { name: string }): Promise<OrgWithRole> {
  return transact(db, async (tx) => {
    const before = await tx.selectFrom("orgs").select("name").where("id", "=", actor.orgId).forUpdate().executeTakeFirstOrThrow();
    const org = await tx
      .updateTable("orgs")
      .set({ name: input.name, updated_at: sql<Date>`now()` })
      .where("id", "=", actor.orgId)
      .returning(["id", "name", "created_at"])
      .executeTakeFirstOrThrow();
    if (before.name !== org.name) {
      await auditAction(tx, actor, { action: "org.updated", targetType: "org", targetId: org.id, data: { name: { from: before.name, to: org.name } } });
    }
    return { id: org.id, name: org.name, createdAt: iso(org.created_at), role: actor.role };
  });
}

/** A signed-in person creates another org and becomes its admin (the token's org is unchanged). */
export async function createOrg(db: Db | Tx, actor: UserActor, input: { name: string }): Promise<OrgWithRole> {
  return transact(db, async (tx) => {
    const { org, role } = await insertOrgWithAdmin(tx, input.name, actor.userId);
    // The audit entry belongs to the new org: row-level security wants the scope to say so.
    await setScope(tx, { orgId: org.id, userId: actor.userId });
    await recordAudit(tx, auditSourceOf(actor), {
      orgId: org.id,
      action: "org.created",
      targetType: "org",
      targetId: org.id,
      data: { name: org.name },
    });
    await setScope(tx, { orgId: actor.orgId, userId: actor.userId });
    return { id: org.id, name: org.name, createdAt: iso(org.created_at), role };
  });
}

const myOrgCursor = z.object({ joinedAt: cursorTime, orgId: z.uuid() });

/** The caller's orgs with their role in each, in the order they joined them. */
export async function listMyOrgs(
  db: Db | Tx,
  actor: UserActor,
  input: { cursor?: string | undefined; limit: number },
): Promise<Page<OrgWithRole>> {
  let query = db
    .selectFrom("org_members")
    .innerJoin("orgs", "orgs.id", "org_members.org_id")
    .select(["orgs.id", "orgs.name", "orgs.created_at", "org_members.role", "org_members.created_at as joined_at"])
    .where("org_members.user_id", "=", actor.userId);
  if (input.cursor !== undefined) {
    const after = decodeCursor(myOrgCursor, input.cursor);
    query = query.where(
      pastPosition({ time: "org_members.created_at", id: "org_members.org_id" }, ">", { time: after.joinedAt, id: after.orgId }),
    );
  }
  const rows = await query
    .orderBy("org_members.created_at")
    .orderBy("org_members.org_id")
    .limit(input.limit + 1)
    .execute();
  return toPage(
    rows,
    input.limit,
    (r) => ({ id: r.id, name: r.name, createdAt: iso(r.created_at), role: r.role }),
    (r) => ({ joinedAt: iso(r.joined_at), orgId: r.id }),
  );
}
