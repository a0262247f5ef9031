import type { Db, TeamRole, Tx } from "@incidentops/db";
import { auditAction } from "../audit/service.js";
import { AppError } from "../errors.js";
import { lockIncidents, recordUnassigned, type ChangeSource } from "../incidents/lifecycle.js";
import type { Assignee } from "../incidents/schema.js";
import type { Actor } from "../policy.js";
import { openTasksAssignedTo } from "../tasks/repository.js";
import { unassignTasksOf } from "../tasks/service.js";
import {
  layerPlacesAroundMember,
  levelTargetsAroundMember,
  openIncidentsAssignedTo,
  overridesOfMember,
  pagedTeamPlacesAroundMember,
  teamsOfMember,
} from "./repository.js";
import type { MemberRemovalChanges, MemberRemovalPreview } from "./schema.js";

// What removing a member changes. Their membership's foreign keys take them out of escalation
// levels, rotations, overrides, teams and incident assignments (decision 0053); their open tasks
// are unassigned here. This reads what that will remove, refuses a removal that would leave a
// level or a rotation paging no one (the person alone, directly or as the only one of a team it
// pages; PagerDuty refuses to delete such a user too), audits each change on what it changed, and
// puts the incidents' and the tasks' on the incidents' timelines.

type Blockers = MemberRemovalPreview["blockers"];

type Run<T> = [T, ...T[]];

/** The rows grouped by `key`, in the order each key first comes. */
function runsOf<T>(rows: readonly T[], key: (row: T) => string): Run<T>[] {
  const runs = new Map<string, Run<T>>();
  for (const row of rows) {
    const run = runs.get(key(row));
    if (run === undefined) runs.set(key(row), [row]);
    else run.push(row);
  }
  return [...runs.values()];
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * What removing the person would change, and what keeps it from happening. With `lock` (the
 * removal's own transaction), the levels, teams and rotations paging them are locked until it ends.
 */
export async function memberRemovalPreview(db: Db | Tx, orgId: string, userId: string, lock: boolean, now = new Date()): Promise<MemberRemovalPreview> {
  const targets = await levelTargetsAroundMember(db, orgId, userId, lock);
  const teamPlaces = await pagedTeamPlacesAroundMember(db, orgId, userId, lock);
  const places = await layerPlacesAroundMember(db, orgId, userId, lock);
  const [overrides, teams, incidents, tasks] = await Promise.all([
    overridesOfMember(db, orgId, userId),
    teamsOfMember(db, orgId, userId),
    openIncidentsAssignedTo(db, orgId, userId),
    openTasksAssignedTo(db, orgId, userId),
  ]);
  const onlyThem = (run: { user_id: string | null }[]) => run.every((r) => r.user_id === userId);
  // A team target pages the team's people of its role (all of them without one); teamPlaces holds
  // the teams the person is in, so any other team's target pages no one of theirs here.
  const pagedByTeam = (t: { team_id: string | null; team_role: TeamRole | null }) =>
    teamPlaces.filter((m) => m.team_id === t.team_id && (t.team_role === null || m.role === t.team_role)).map((m) => m.user_id);
  const pagesOnlyThem = (t: (typeof targets)[number]) => {
    if (t.user_id === userId) return true;
    const people = pagedByTeam(t);
    return people.includes(userId) && people.every((id) => id === userId);
  };

  const levels = runsOf(targets, (t) => `${t.policy_id}:${t.level}`);
  const layers = runsOf(places, (p) => p.layer_id);
  const blockers: Blockers = {
    escalationLevels: levels.filter((run) => run.every(pagesOnlyThem)).map(([t]) => ({ policyId: t.policy_id, policyName: t.policy_name, level: t.level })),
    scheduleLayers: layers
      .filter((run) => onlyThem(run) && (run[0].end_at === null || run[0].end_at > now))
      .map(([p]) => ({ scheduleId: p.schedule_id, scheduleName: p.schedule_name, layerId: p.layer_id, layerName: p.layer_name })),
  };

  const schedules = new Map<string, MemberRemovalChanges["schedules"][number]>();
  const scheduleOf = (id: string, name: string) => {
    const schedule = schedules.get(id) ?? { id, name, layers: [], overrides: 0 };
    schedules.set(id, schedule);
    return schedule;
  };
  for (const [p] of layers) scheduleOf(p.schedule_id, p.schedule_name).layers.push({ id: p.layer_id, name: p.layer_name });
  for (const o of overrides) scheduleOf(o.schedule_id, o.schedule_name).overrides = Number(o.overrides);

  const changes: MemberRemovalChanges = {
    escalationPolicies: runsOf(
      levels.filter((run) => run.some((t) => t.user_id === userId)),
      ([t]) => t.policy_id,
    ).map((run) => ({ id: run[0][0].policy_id, name: run[0][0].policy_name, levels: run.map(([t]) => t.level) })),
    schedules: [...schedules.values()].sort(byName),
    teams: teams.map((t) => ({ id: t.id, name: t.name, role: t.role })),
    incidents: incidents.map((i) => ({ id: i.id, title: i.title, status: i.status })),
    tasks: tasks.map((t) => ({ id: t.id, incidentId: t.incident_id, title: t.title })),
  };
  return { changes, blockers };
}

/** 409 SOLE_RESPONDER, naming every level and rotation that would be left paging no one. */
export function refuseIfSoleResponder(memberName: string, blockers: Blockers): void {
  const places = [
    ...blockers.escalationLevels.map((l) => `level ${l.level} of escalation policy "${l.policyName}"`),
    ...blockers.scheduleLayers.map((l) => `rotation "${l.layerName}" of schedule "${l.scheduleName}"`),
  ];
  if (places.length === 0) return;
  throw new AppError(
    "SOLE_RESPONDER",
    `Removing ${memberName} would leave no one to page on ${places.join("; ")}: they are the only one there. Add someone else (or remove it) first`,
    blockers,
  );
}

/**
 * Locks the incidents the removal will write on (the open ones assigned to the person, and those
 * of their open tasks) before it locks any membership: a write that names people locks its
 * incident first and their memberships then (orgMembersAmong), so a removal waiting on an incident
 * while holding the membership would deadlock with it.
 */
export async function lockIncidentsOfMember(tx: Tx, source: ChangeSource, userId: string): Promise<void> {
  const [incidents, tasks] = await Promise.all([openIncidentsAssignedTo(tx, source.orgId, userId), openTasksAssignedTo(tx, source.orgId, userId)]);
  await lockIncidents(tx, source, [...incidents.map((i) => i.id), ...tasks.map((t) => t.incident_id)]);
}

/**
 * Puts on the timelines what the removal took the person off: an `unassigned` event on each open
 * incident, and their open tasks unassigned (each a `task_updated`). An incident that came to name
 * them after lockIncidentsOfMember (before the removal locked the membership) is locked here.
 */
export async function releaseIncidentWork(tx: Tx, source: ChangeSource, person: Assignee, changes: MemberRemovalChanges): Promise<void> {
  const context = { reason: "member_removed" };
  const incidents = await lockIncidents(tx, source, changes.incidents.map((i) => i.id));
  for (const incident of incidents.values()) await recordUnassigned(tx, source, incident, person, context);
  await unassignTasksOf(tx, source, person.id, changes.tasks, context);
}

/** One audit entry on each policy, schedule, team and incident the removal took the person out of. */
export async function auditRemovalChanges(tx: Tx, actor: Actor, userId: string, changes: MemberRemovalChanges): Promise<void> {
  const entries = [
    ...changes.escalationPolicies.map((p) => ({ action: "escalation_policy.member_removed", targetType: "escalation_policy", targetId: p.id, data: { userId, levels: p.levels } })),
    ...changes.schedules.map((s) => ({
      action: "schedule.member_removed",
      targetType: "schedule",
      targetId: s.id,
      data: { userId, layers: s.layers.map((l) => l.id), overrides: s.overrides },
    })),
    ...changes.teams.map((t) => ({ action: "team.member_removed", targetType: "team", targetId: t.id, data: { userId, role: t.role } })),
    ...changes.incidents.map((i) => ({ action: "incident.assignee_removed", targetType: "incident", targetId: i.id, data: { userId } })),
  ];
  for (const entry of entries) await auditAction(tx, actor, { ...entry, data: { ...entry.data, reason: "member_removed" } });
}
