import type { OrgRole } from "@incidentops/db";
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
  "notification-target:read": "admin",
  "notification-target:manage": "admin",
  "service:update": "admin",
  "escalation-policy:read": "admin",
  "escalation-policy:manage": "admin",
  "incident:escalate": "member",
  "notification:read": "viewer",
} as const satisfies Record<string, OrgRole>;

export type Action = keyof typeof ACTION_MIN_ROLE;

const ROLE_RANK: Record<OrgRole, number> = { viewer: 1, member: 2, admin: 3 };

/**
 * The authenticated caller and the request they made, as every service sees it. The org always
 * comes from the token; the request id travels into the jobs the call enqueues.
 */
export interface Actor {
  userId: string;
  orgId: string;
  role: OrgRole;
  requestId: string;
}

export function can(action: Action, actor: Pick<Actor, "role">): boolean {
  return ROLE_RANK[actor.role] >= ROLE_RANK[ACTION_MIN_ROLE[action]];
}

/** Throws 403 FORBIDDEN unless the actor's role allows the action. */
export function authorize(action: Action, actor: Pick<Actor, "role">): void {
  if (!can(action, actor)) {
    throw new AppError("FORBIDDEN", `Your role (${actor.role}) does not allow ${action}`, {
      action,
      requiredRole: ACTION_MIN_ROLE[action],
    });
  }
}
