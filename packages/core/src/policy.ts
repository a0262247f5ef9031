import type { OrgRole, TeamRole } from "@incidentops/db";
import { AppError } from "./errors.js";

/** What a caller may do, by the least role that may do it. */
export const ACTION_MIN_ROLE = {
  "org:read": "viewer",
  "service:read": "viewer",
  "service:create": "member",
  "incident:read": "viewer",
  "incident:create": "member",
  "incident:transition": "member",
  "incident:comment": "member",
  "member:read": "admin",
  // Names and emails for assignee and owner pickers; roles stay with member:read.
  "person:read": "viewer",
  "notification-target:read": "admin",
  "notification-target:manage": "admin",
  "service:update": "admin",
  "escalation-policy:read": "admin",
  "escalation-policy:manage": "admin",
  "incident:escalate": "member",
  "incident:assign": "member",
  "incident:snooze": "member",
  "notification:read": "viewer",
  "org:update": "admin",
  "member:manage": "admin",
  "invitation:read": "admin",
  "invitation:manage": "admin",
  "api-key:read": "admin",
  "api-key:manage": "admin",
  "audit:read": "admin",
  "usage:read": "admin",
  "integration:read": "admin",
  "integration:manage": "admin",
  "incident:update": "member",
  "task:manage": "member",
  "status-update:post": "member",
  "postmortem:write": "member",
  "attachment:upload": "member",
  // A member deletes their own uploads; an admin anyone's (attachments/service.ts).
  "attachment:delete": "member",
  "sla-policy:read": "admin",
  "sla-policy:manage": "admin",
  "analytics:read": "viewer",
  "team:read": "viewer",
  "team:manage": "admin",
  "team-member:manage": "admin",
  "schedule:read": "viewer",
  "schedule:manage": "admin",
  "schedule-override:manage": "admin",
  // Taking a shift or giving one's own away: the service checks the override names the caller.
  "schedule-override:self-service": "member",
  "oncall:read": "viewer",
  // Planned work on a service: responders may silence it for a while (PagerDuty lets them too).
  "maintenance:manage": "member",
  // A heartbeat's ping URL is a credential, like an integration key: admins see and manage them.
  "heartbeat:read": "admin",
  "heartbeat:manage": "admin",
} as const satisfies Record<string, OrgRole>;

export type Action = keyof typeof ACTION_MIN_ROLE;

const ROLE_RANK: Record<OrgRole, number> = { viewer: 1, member: 2, admin: 3 };

interface ActorBase {
  orgId: string;
  role: OrgRole;
  /** The request that acts: carried into the jobs it enqueues and the audit entries it writes. */
  requestId: string;
  ip: string | null;
}

/** A person signed in with an access token. The org always comes from the token. */
export interface UserActor extends ActorBase {
  kind: "user";
  userId: string;
}

/** A machine using an org API key: `read` keys act as viewers, `write` keys as members. */
export interface ApiKeyActor extends ActorBase {
  kind: "api_key";
  apiKeyId: string;
  scope: "read" | "write";
}

/** The authenticated caller, as every service sees it. */
export type Actor = UserActor | ApiKeyActor;

/** The user behind an action, if a person (not an API key) did it. */
export const actorUserId = (actor: Actor): string | null => (actor.kind === "user" ? actor.userId : null);

/** Actions an API key may never take, whatever its scope: keys do not manage people or keys. */
const PEOPLE_ONLY_ACTIONS = new Set<Action>([
  "member:read",
  "member:manage",
  "invitation:read",
  "invitation:manage",
  "api-key:read",
  "api-key:manage",
  "org:update",
]);

export function can(action: Action, actor: Pick<Actor, "role" | "kind">): boolean {
  if (actor.kind === "api_key" && PEOPLE_ONLY_ACTIONS.has(action)) return false;
  return ROLE_RANK[actor.role] >= ROLE_RANK[ACTION_MIN_ROLE[action]];
}

/** Throws 403 FORBIDDEN unless the actor's role (and, for API keys, their limits) allows the action. */
export function authorize(action: Action, actor: Pick<Actor, "role" | "kind">): void {
  if (!can(action, actor)) {
    const who = actor.kind === "api_key" ? "An API key" : `Your role (${actor.role})`;
    throw new AppError("FORBIDDEN", `${who} does not allow ${action}`, {
      action,
      requiredRole: ACTION_MIN_ROLE[action],
    });
  }
}

/**
 * What a team's managers may do to what their team owns (its members, schedules, overrides and
 * escalation policies) beyond their org role, which must still be at least `member`: a viewer
 * who manages a team reads, and an API key acts by its scope alone.
 */
export const TEAM_MANAGED_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  "team-member:manage",
  "schedule:manage",
  "schedule-override:manage",
  "escalation-policy:read",
  "escalation-policy:manage",
]);

/** Whether the actor could act as a team's manager at all (a person, with at least the member role). */
const mayManageTeams = (actor: Pick<Actor, "role" | "kind">) => actor.kind === "user" && ROLE_RANK[actor.role] >= ROLE_RANK.member;

/**
 * Whether the actor may take the action on something a team owns, given their role in that team
 * (null: not in the team, or the thing belongs to no team): by org role, or as its manager.
 */
export function canForTeam(action: Action, actor: Pick<Actor, "role" | "kind">, teamRole: TeamRole | null): boolean {
  return can(action, actor) || (teamRole === "manager" && TEAM_MANAGED_ACTIONS.has(action) && mayManageTeams(actor));
}

/** Throws 403 FORBIDDEN unless canForTeam: the per-team check a service makes once it knows the team. */
export function authorizeForTeam(action: Action, actor: Pick<Actor, "role" | "kind">, teamRole: TeamRole | null): void {
  if (canForTeam(action, actor, teamRole)) return;
  if (!TEAM_MANAGED_ACTIONS.has(action) || !mayManageTeams(actor)) authorize(action, actor);
  throw new AppError("FORBIDDEN", `Only an admin or a manager of the owning team may ${action}`, {
    action,
    requiredRole: ACTION_MIN_ROLE[action],
    requiredTeamRole: "manager",
  });
}

/**
 * The gate of a procedure whose final check is per team (authorizeForTeam, in its service): lets
 * through whoever could pass it for some team, refusing the rest up front.
 */
export function authorizeTeamGate(action: Action, actor: Pick<Actor, "role" | "kind">): void {
  if (TEAM_MANAGED_ACTIONS.has(action) && mayManageTeams(actor)) return;
  authorize(action, actor);
}
