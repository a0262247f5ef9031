import type { Tx } from "@incidentops/db";
import { recordAudit, type AuditSource } from "../audit/service.js";
import { listMemberships } from "../org/repository.js";
import { setScope } from "../scope.js";

/** Where an unauthenticated request came from, as the audit log records it. */
export interface RequestSource {
  requestId: string;
  ip: string | null;
}

/** The audit source for an account-level event: the user when the account is known, else anonymous. */
export const accountSource = (userId: string | null, request: RequestSource): AuditSource => ({
  actorType: userId === null ? "anonymous" : "user",
  actorId: userId,
  requestId: request.requestId,
  ip: request.ip,
});

/**
 * The org a user's account-level audit entries (failed login, password reset) are filed under:
 * `preferredOrgId` if they belong to it, else their oldest membership; null for a user in no org.
 * Leaves the transaction scoped to that org and the user, so row-level security lets the entry in.
 */
export async function scopeToHomeOrg(tx: Tx, userId: string, preferredOrgId?: string): Promise<string | null> {
  await setScope(tx, { userId });
  const memberships = await listMemberships(tx, userId);
  const orgId = memberships.find((m) => m.org_id === preferredOrgId)?.org_id ?? memberships[0]?.org_id ?? null;
  await setScope(tx, { userId, orgId: orgId ?? undefined });
  return orgId;
}

/** Records an event of a known user's account (password reset, ...) under their home org. */
export async function auditAccountEvent(
  tx: Tx,
  userId: string,
  request: RequestSource,
  entry: { action: string; data?: Record<string, unknown> },
): Promise<void> {
  const orgId = await scopeToHomeOrg(tx, userId);
  await recordAudit(tx, accountSource(userId, request), { orgId, targetType: "user", targetId: userId, ...entry });
}
