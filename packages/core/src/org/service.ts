import type { Db, OrgRole, Tx } from "@incidentops/db";
import { z } from "zod";
import { auditAction, auditSourceOf, recordAudit } from "../audit/service.js";
import { AppError, notFound } from "../errors.js";
import { changeSourceOf } from "../incidents/lifecycle.js";
import { iso } from "../mapping.js";
import { cursorTime, decodeCursor, toPage, type Page } from "../pagination.js";
import type { Actor, UserActor } from "../policy.js";
import type { PageQuery } from "../schema.js";
import { setScope, transact } from "../scope.js";
import { revokeUserRefreshTokens } from "../sessions/repository.js";
import { findTeam } from "../teams/repository.js";
import { findUserById } from "../users/repository.js";
import type { NotificationPreferences, Person } from "../users/schema.js";
import { notificationPreferencesOf } from "../users/service.js";
import {
  deleteMember,
  findMemberForUpdate,
  findMembership,
  findOrg,
  insertOrgWithAdmin,
  listMembers as listMemberRows,
  listMembershipsPage,
  lockAdmins,
  lockOrg,
  renameOrg,
  setMemberRole,
  type MembershipRow,
} from "./repository.js";
import { auditRemovalChanges, lockIncidentsOfMember, memberRemovalPreview, releaseIncidentWork, refuseIfSoleResponder } from "./member-removal.js";
import type { ListMembersInput, ListPeopleInput, Member, MemberInput, MemberRemovalPreview, MemberRemoved, OrgInput, OrgWithRole, UpdateMemberRoleInput } from "./schema.js";

export const toOrgWithRole = (m: MembershipRow): OrgWithRole => ({
  id: m.org_id,
  name: m.org_name,
  createdAt: iso(m.org_created_at),
  role: m.role,
});

const orgWithRole = (org: { id: string; name: string; created_at: Date }, role: OrgRole): OrgWithRole => ({
  id: org.id,
  name: org.name,
  createdAt: iso(org.created_at),
  role,
});

/** The caller's org, with the role they act with (an API key's role follows its scope). */
export async function getCurrentOrg(db: Db, actor: Actor): Promise<OrgWithRole> {
  return orgWithRole(await findOrg(db, actor.orgId), actor.role);
}

const memberCursor = z.object({ joinedAt: cursorTime, userId: z.uuid() });

type MemberRow = Awaited<ReturnType<typeof listMemberRows>>[number];

/** A page of the org's members in the order they joined, narrowed as asked, each as `toItem` makes it. A team of another org is 404. */
async function membersPage<T>(db: Db, actor: Actor, input: ListMembersInput, toItem: (row: MemberRow) => T): Promise<Page<T>> {
  if (input.teamId !== undefined && (await findTeam(db, actor.orgId, input.teamId)) === undefined) throw notFound("Team");
  const after = input.cursor === undefined ? undefined : decodeCursor(memberCursor, input.cursor);
  const rows = await listMemberRows(db, actor.orgId, { teamId: input.teamId, role: input.role, text: input.q }, input.limit, after);
  return toPage(rows, input.limit, toItem, (r) => ({ joinedAt: iso(r.created_at), userId: r.id }));
}

/** Members in the order they joined: of a team, with a role, matching a text, if asked. */
export const listMembers = (db: Db, actor: Actor, input: ListMembersInput): Promise<Page<Member>> =>
  membersPage(db, actor, input, (r) => ({ user: { id: r.id, email: r.email, name: r.name }, role: r.role, joinedAt: iso(r.created_at) }));

/** The members as people (no roles), in the order they joined: what assignee and owner pickers offer. */
export const listPeople = (db: Db, actor: Actor, input: ListPeopleInput): Promise<Page<Person>> => membersPage(db, actor, input, (r) => ({ id: r.id, email: r.email, name: r.name }));

// ---------------------------------------------------------------------------------------------
// Member management, and orgs a person creates and belongs to.

const lastAdmin = (what: "demoted" | "removed") =>
  new AppError("LAST_ADMIN", `The last admin of an organisation cannot be ${what}: make another member admin first`);

/** The membership to change, locked; another org's member or a stranger is 404. */
async function lockMember(tx: Tx, orgId: string, userId: string) {
  const row = await findMemberForUpdate(tx, orgId, userId);
  if (row === undefined) throw notFound("Member");
  return row;
}

/**
 * A member's notification preferences, for an admin finding out why they were or were not paged.
 * Read only: a person's preferences apply in each of their orgs, so only they change them.
 */
export async function getMemberNotificationPreferences(db: Db, actor: Actor, input: MemberInput): Promise<NotificationPreferences> {
  if ((await findMembership(db, input.userId, actor.orgId)) === undefined) throw notFound("Member");
  return notificationPreferencesOf(db, input.userId);
}

/** The acting admin may have been demoted by a change that committed while this one waited. */
function assertStillAdmin(actor: Actor, admins: string[]): void {
  if (actor.kind !== "user" || !admins.includes(actor.userId)) {
    throw new AppError("FORBIDDEN", "Your role no longer allows member:manage", { action: "member:manage", requiredRole: "admin" });
  }
}

async function toMemberOf(tx: Tx, row: { user_id: string; role: OrgRole; created_at: Date }): Promise<Member> {
  const user = await findUserById(tx, row.user_id);
  if (user === undefined) throw notFound("Member");
  return { user: { id: user.id, email: user.email, name: user.name }, role: row.role, joinedAt: iso(row.created_at) };
}

/** Changes a member's role; it applies from their next request. The last admin stays admin. */
export async function updateMemberRole(db: Db | Tx, actor: Actor, input: UpdateMemberRoleInput): Promise<Member> {
  return transact(db, async (tx) => {
    const admins = await lockAdmins(tx, actor.orgId);
    const current = await lockMember(tx, actor.orgId, input.userId);
    if (current.role === "admin" && input.role !== "admin" && !admins.some((id) => id !== input.userId)) throw lastAdmin("demoted");
    assertStillAdmin(actor, admins);
    if (current.role === input.role) return toMemberOf(tx, current);
    const row = await setMemberRole(tx, actor.orgId, input.userId, input.role);
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
 * What removing a member would change (the escalation levels, rotations, overrides, teams and open
 * incidents that name them) and what keeps it from happening (409 SOLE_RESPONDER): what the
 * confirmation shows before the removal.
 */
export async function previewMemberRemoval(db: Db, actor: Actor, input: MemberInput): Promise<MemberRemovalPreview> {
  if ((await findMembership(db, input.userId, actor.orgId)) === undefined) throw notFound("Member");
  return memberRemovalPreview(db, actor.orgId, input.userId, false);
}

/**
 * Removes a member. Their access tokens for the org are refused from the next request (the
 * membership is read on every call) and their refresh tokens for the org are revoked at once.
 * Everything that named them stops naming them (each change audited), unless that would leave an
 * escalation level or a rotation with no one in it: 409 SOLE_RESPONDER, and nothing changes.
 */
export async function removeMember(db: Db | Tx, actor: Actor, input: MemberInput): Promise<MemberRemoved> {
  const { userId } = input;
  return transact(db, async (tx) => {
    const source = changeSourceOf(actor);
    await lockIncidentsOfMember(tx, source, userId);
    const admins = await lockAdmins(tx, actor.orgId);
    const current = await lockMember(tx, actor.orgId, userId);
    if (current.role === "admin" && !admins.some((id) => id !== userId)) throw lastAdmin("removed");
    assertStillAdmin(actor, admins);
    const { changes, blockers } = await memberRemovalPreview(tx, actor.orgId, userId, true);
    const { user } = await toMemberOf(tx, current);
    refuseIfSoleResponder(user.name, blockers);
    await deleteMember(tx, actor.orgId, userId);
    await releaseIncidentWork(tx, source, { id: user.id, name: user.name }, changes);
    const revoked = await revokeUserRefreshTokens(tx, userId, { orgId: actor.orgId });
    await auditAction(tx, actor, {
      action: "member.removed",
      targetType: "user",
      targetId: userId,
      data: { role: current.role, revokedRefreshTokens: revoked, changes },
    });
    await auditRemovalChanges(tx, actor, userId, changes);
    return { ok: true as const, changes };
  });
}

/** Renames the caller's org (admin). */
export async function updateOrg(db: Db | Tx, actor: Actor, input: OrgInput): Promise<OrgWithRole> {
  return transact(db, async (tx) => {
    const before = await lockOrg(tx, actor.orgId);
    const org = await renameOrg(tx, actor.orgId, input.name);
    if (before.name !== org.name) {
      await auditAction(tx, actor, { action: "org.updated", targetType: "org", targetId: org.id, data: { name: { from: before.name, to: org.name } } });
    }
    return orgWithRole(org, actor.role);
  });
}

/** A signed-in person creates another org and becomes its admin (the token's org is unchanged). */
export async function createOrg(db: Db | Tx, actor: UserActor, input: OrgInput): Promise<OrgWithRole> {
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
    return orgWithRole(org, role);
  });
}

const myOrgCursor = z.object({ joinedAt: cursorTime, orgId: z.uuid() });

/** The caller's orgs with their role in each, in the order they joined them. */
export async function listMyOrgs(db: Db | Tx, actor: UserActor, input: PageQuery): Promise<Page<OrgWithRole>> {
  const after = input.cursor === undefined ? undefined : decodeCursor(myOrgCursor, input.cursor);
  const rows = await listMembershipsPage(db, actor.userId, input.limit, after);
  return toPage(rows, input.limit, toOrgWithRole, (r) => ({ joinedAt: iso(r.joined_at), orgId: r.org_id }));
}
