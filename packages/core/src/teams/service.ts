import type { Db, TeamRole, TeamRow, Tx } from "@incidentops/db";
import { auditAction } from "../audit/service.js";
import { isUniqueViolation } from "../db-errors.js";
import { AppError, notFound } from "../errors.js";
import { iso } from "../mapping.js";
import { refuseIfPaged } from "../paged-by.js";
import { createdAtCursor, createdAtPositionOf, decodeCursor, toPage, type Page } from "../pagination.js";
import { authorize, authorizeForTeam, canForTeam, type Action, type Actor } from "../policy.js";
import { refuseIfRoutedBy } from "../routed-by.js";
import { transact } from "../scope.js";
import {
  deleteTeam as deleteTeamRow,
  deleteTeamMember,
  findOrgMemberForKeyShare,
  findPeople,
  findTeam,
  findTeamForKeyShare,
  findTeamForUpdate,
  findTeamMember,
  insertTeam,
  listTeamMembers,
  listTeams as listTeamRows,
  teamMemberIds,
  teamsManagedBy,
  updateTeam as updateTeamRow,
  upsertTeamMember,
} from "./repository.js";
import type { NamedPerson } from "../users/schema.js";
import type {
  CreateTeamInput,
  ListTeamsInput,
  SetTeamMemberInput,
  Team,
  TeamIdInput,
  TeamMember,
  TeamMemberInput,
  TeamMembers,
  UpdateTeamInput,
} from "./schema.js";

const toTeam = (row: TeamRow): Team => ({
  id: row.id,
  name: row.name,
  description: row.description,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

const teamNotFound = () => notFound("Team");

const nameTaken = (name: string) =>
  new AppError("CONFLICT", `A team named "${name}" already exists`, { fields: { name: ["already used by another team"] } });

export async function listTeams(db: Db | Tx, actor: Actor, input: ListTeamsInput): Promise<Page<Team>> {
  const rows = await listTeamRows(db, actor.orgId, input.limit, decodeCursor(createdAtCursor, input.cursor));
  return toPage(rows, input.limit, toTeam, createdAtPositionOf);
}

export async function getTeam(db: Db | Tx, actor: Actor, input: TeamIdInput): Promise<Team> {
  const row = await findTeam(db, actor.orgId, input.teamId);
  if (row === undefined) throw teamNotFound();
  return toTeam(row);
}

export async function createTeam(db: Db, actor: Actor, input: CreateTeamInput): Promise<Team> {
  return transact(db, async (tx) => {
    try {
      const row = await insertTeam(tx, { orgId: actor.orgId, name: input.name, description: input.description ?? null });
      await auditAction(tx, actor, { action: "team.created", targetType: "team", targetId: row.id, data: { name: row.name } });
      return toTeam(row);
    } catch (error) {
      throw isUniqueViolation(error, "teams_org_name_key") ? nameTaken(input.name) : error;
    }
  });
}

/** PATCH semantics: only the fields given change. */
export async function updateTeam(db: Db, actor: Actor, input: UpdateTeamInput): Promise<Team> {
  return transact(db, async (tx) => {
    try {
      const row = await updateTeamRow(tx, actor.orgId, input.teamId, input);
      if (row === undefined) throw teamNotFound();
      await auditAction(tx, actor, { action: "team.updated", targetType: "team", targetId: row.id, data: { name: row.name } });
      return toTeam(row);
    } catch (error) {
      throw isUniqueViolation(error, "teams_org_name_key") ? nameTaken(input.name ?? "") : error;
    }
  });
}

/**
 * What the team owned (services, escalation policies, schedules) stays, owned by no team. Refused
 * (409) while escalation policies page it, or notification targets route by it: without the team,
 * such a target would take nothing, or (its last team gone) every incident.
 */
export async function deleteTeam(db: Db, actor: Actor, input: TeamIdInput): Promise<void> {
  await transact(db, async (tx) => {
    const row = await findTeamForUpdate(tx, actor.orgId, input.teamId);
    if (row === undefined) throw teamNotFound();
    await refuseIfPaged(tx, actor.orgId, { teamId: row.id });
    await refuseIfRoutedBy(tx, actor.orgId, row.id);
    await deleteTeamRow(tx, actor.orgId, input.teamId);
    await auditAction(tx, actor, { action: "team.deleted", targetType: "team", targetId: row.id, data: { name: row.name } });
  });
}

// ---------------------------------------------------------------------------------------------
// Membership.

export async function listMembers(db: Db | Tx, actor: Actor, input: TeamIdInput): Promise<TeamMembers> {
  if ((await findTeam(db, actor.orgId, input.teamId)) === undefined) throw teamNotFound();
  const rows = await listTeamMembers(db, actor.orgId, input.teamId);
  return { items: rows.map((r) => ({ user: { id: r.id, name: r.name }, role: r.role, addedAt: iso(r.created_at) })) };
}

/** The team (404 when it is not the org's) and the actor's role in it, checked for `action`. */
async function authorizeOnTeam(tx: Tx, actor: Actor, action: Action, teamId: string): Promise<TeamRow> {
  const team = await findTeamForKeyShare(tx, actor.orgId, teamId);
  if (team === undefined) throw teamNotFound();
  authorizeForTeam(action, actor, await actorTeamRole(tx, actor, teamId));
  return team;
}

/** PUT: adds the person to the team with `role`, or changes their role there. */
export async function setMember(db: Db, actor: Actor, input: SetTeamMemberInput): Promise<TeamMember> {
  return transact(db, async (tx) => {
    const team = await authorizeOnTeam(tx, actor, "team-member:manage", input.teamId);
    const membership = await findOrgMemberForKeyShare(tx, actor.orgId, input.userId);
    if (membership === undefined) throw notFound("Member");
    if (input.role === "manager" && membership.role === "viewer") {
      throw new AppError("VALIDATION_FAILED", "A viewer of the organisation cannot manage a team: make them a member first", {
        fields: { role: ["a viewer cannot be a team manager"] },
      });
    }
    const row = await upsertTeamMember(tx, { orgId: actor.orgId, teamId: input.teamId, userId: input.userId, role: input.role });
    await auditAction(tx, actor, { action: "team.member_set", targetType: "team", targetId: team.id, data: { userId: input.userId, role: row.role } });
    const [person] = await findPeople(tx, [input.userId]);
    if (person === undefined) throw notFound("Member");
    return { user: person, role: row.role, addedAt: iso(row.created_at) };
  });
}

export async function removeMember(db: Db, actor: Actor, input: TeamMemberInput): Promise<void> {
  await transact(db, async (tx) => {
    const team = await authorizeOnTeam(tx, actor, "team-member:manage", input.teamId);
    if (!(await deleteTeamMember(tx, actor.orgId, input.teamId, input.userId))) throw notFound("Team member");
    await auditAction(tx, actor, { action: "team.member_removed", targetType: "team", targetId: team.id, data: { userId: input.userId } });
  });
}

// ---------------------------------------------------------------------------------------------
// For the features whose things a team owns (schedules, escalation policies, services).

/** The actor's role in the team (null: not in it, no team, or an API key). */
export async function actorTeamRole(db: Db | Tx, actor: Actor, teamId: string | null): Promise<TeamRole | null> {
  if (teamId === null || actor.kind !== "user") return null;
  return (await findTeamMember(db, actor.orgId, teamId, actor.userId))?.role ?? null;
}

/**
 * Checks the actor may take `action` on something owned by `teamId` (null: by no team): org
 * admins always, the team's managers for what TEAM_MANAGED_ACTIONS lists.
 */
export async function authorizeTeamAction(db: Db | Tx, actor: Actor, action: Action, teamId: string | null): Promise<void> {
  if (teamId === null) authorize(action, actor);
  else authorizeForTeam(action, actor, await actorTeamRole(db, actor, teamId));
}

/** Whether the actor may take `action` on something owned by `teamId`, as authorizeTeamAction checks it. */
export async function mayTakeTeamAction(db: Db | Tx, actor: Actor, action: Action, teamId: string | null): Promise<boolean> {
  return canForTeam(action, actor, await actorTeamRole(db, actor, teamId));
}

/** Checks a team named in an input exists in the org: 400 naming `field` otherwise (another org's team included). */
export async function requireTeam(tx: Tx, orgId: string, teamId: string, field = "teamId"): Promise<void> {
  if ((await findTeamForKeyShare(tx, orgId, teamId)) === undefined) {
    throw new AppError("VALIDATION_FAILED", "No such team in this organisation", { fields: { [field]: ["no such team"] } });
  }
}

/**
 * Checks a team named in an input exists in the org (requireTeam) and that the actor may give it
 * what they are creating or moving: its manager or an admin.
 */
export async function authorizeTeamAssignment(tx: Tx, actor: Actor, action: Action, teamId: string | null): Promise<void> {
  if (teamId !== null) await requireTeam(tx, actor.orgId, teamId);
  await authorizeTeamAction(tx, actor, action, teamId);
}

/** The teams whose things the actor may take `action` on as their manager (all of them: null, for an org role that suffices). */
export async function teamsActorMayActFor(db: Db | Tx, actor: Actor, action: Action): Promise<string[] | null> {
  if (canForTeam(action, actor, null)) return null;
  if (actor.kind !== "user" || !canForTeam(action, actor, "manager")) return [];
  return teamsManagedBy(db, actor.orgId, actor.userId);
}

/**
 * The user ids of a team's people, or only its managers or members, managers first in the order
 * they joined: who a `team` escalation target pages. A missing team (or another org's) has nobody.
 */
export function teamMembers(db: Db | Tx, orgId: string, teamId: string, role?: TeamRole): Promise<string[]> {
  return teamMemberIds(db, orgId, teamId, role);
}

/** The names of the given people, for the side tables of on-call answers. */
export function peopleNamed(db: Db | Tx, userIds: readonly string[]): Promise<NamedPerson[]> {
  return findPeople(db, userIds);
}

