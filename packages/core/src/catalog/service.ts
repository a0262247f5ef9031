import type { Db, ServiceRow, Tx } from "@incidentops/db";
import { auditAction } from "../audit/service.js";
import { isUniqueViolation } from "../db-errors.js";
import { policyExistsForKeyShare } from "../escalation-policies/repository.js";
import { AppError, notFound } from "../errors.js";
import { iso } from "../mapping.js";
import { createdAtCursor, createdAtPositionOf, decodeCursor, toPage, type Page } from "../pagination.js";
import type { Actor } from "../policy.js";
import type { PageQuery } from "../schema.js";
import { transact } from "../scope.js";
import { requireTeam } from "../teams/service.js";
import { findService, findServiceForUpdate, insertService, listServices as listServiceRows, updateService as updateServiceRow } from "./repository.js";
import type { CreateServiceInput, Service, ServiceIdInput, UpdateServiceInput } from "./schema.js";

export const toService = (row: ServiceRow): Service => ({
  id: row.id,
  name: row.name,
  description: row.description,
  escalationPolicyId: row.escalation_policy_id,
  ackTimeoutMinutes: row.ack_timeout_minutes,
  pageMinSeverity: row.page_min_severity,
  teamId: row.team_id,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

const serviceNotFound = () => notFound("Service");

const nameTaken = (name: string) =>
  new AppError("CONFLICT", `A service named "${name}" already exists`, { fields: { name: ["already used by another service"] } });

/** 400 unless the org has the policy, which stays locked while the service names it (see findTeamForKeyShare). */
async function requirePolicy(tx: Tx, orgId: string, policyId: string): Promise<void> {
  if (!(await policyExistsForKeyShare(tx, orgId, policyId))) {
    throw new AppError("VALIDATION_FAILED", "No such escalation policy in this organisation", { fields: { escalationPolicyId: ["no such escalation policy"] } });
  }
}

export async function createService(db: Db, actor: Actor, input: CreateServiceInput): Promise<Service> {
  return transact(db, async (tx) => {
    const teamId = input.teamId ?? null;
    const escalationPolicyId = input.escalationPolicyId ?? null;
    if (escalationPolicyId !== null) await requirePolicy(tx, actor.orgId, escalationPolicyId);
    if (teamId !== null) await requireTeam(tx, actor.orgId, teamId);
    try {
      const row = await insertService(tx, {
        orgId: actor.orgId,
        name: input.name,
        description: input.description ?? null,
        ackTimeoutMinutes: input.ackTimeoutMinutes ?? null,
        pageMinSeverity: input.pageMinSeverity ?? null,
        escalationPolicyId,
        teamId,
      });
      await auditAction(tx, actor, { action: "service.created", targetType: "service", targetId: row.id, data: { name: row.name, escalationPolicyId, teamId } });
      return toService(row);
    } catch (error) {
      throw isUniqueViolation(error, "services_org_name_key") ? nameTaken(input.name) : error;
    }
  });
}

export async function listServices(db: Db, actor: Actor, input: PageQuery): Promise<Page<Service>> {
  const rows = await listServiceRows(db, actor.orgId, input.limit, decodeCursor(createdAtCursor, input.cursor));
  return toPage(rows, input.limit, toService, createdAtPositionOf);
}

export async function getService(db: Db, actor: Actor, input: ServiceIdInput): Promise<Service> {
  const row = await findService(db, actor.orgId, input.serviceId);
  if (row === undefined) throw serviceNotFound();
  return toService(row);
}

/** 404 unless the service exists in the actor's org. */
export async function requireService(db: Db, actor: Actor, serviceId: string): Promise<void> {
  await getService(db, actor, { serviceId });
}

/** What an update changed, old and new values, as the audit log records it. */
function serviceChanges(before: ServiceRow, after: ServiceRow) {
  const changes: Record<string, { from: string | number | null; to: string | number | null }> = {};
  if (after.name !== before.name) changes.name = { from: before.name, to: after.name };
  if (after.description !== before.description) changes.description = { from: before.description, to: after.description };
  if (after.escalation_policy_id !== before.escalation_policy_id) {
    changes.escalationPolicyId = { from: before.escalation_policy_id, to: after.escalation_policy_id };
  }
  if (after.ack_timeout_minutes !== before.ack_timeout_minutes) {
    changes.ackTimeoutMinutes = { from: before.ack_timeout_minutes, to: after.ack_timeout_minutes };
  }
  if (after.page_min_severity !== before.page_min_severity) changes.pageMinSeverity = { from: before.page_min_severity, to: after.page_min_severity };
  if (after.team_id !== before.team_id) changes.teamId = { from: before.team_id, to: after.team_id };
  return changes;
}

/**
 * PATCH semantics: only the fields given change; `escalationPolicyId: null` detaches the policy,
 * `ackTimeoutMinutes: null` turns the acknowledgement timeout off (for acknowledgements from now on),
 * `pageMinSeverity` applies to escalation steps from then on (an incident left unpaged stays so
 * until it is raised or escalated by hand).
 */
export async function updateService(db: Db, actor: Actor, input: UpdateServiceInput): Promise<Service> {
  return transact(db, async (tx) => {
    // The service first: a missing one (or another org's) is 404 whatever the body names.
    const current = await findServiceForUpdate(tx, actor.orgId, input.serviceId);
    if (current === undefined) throw serviceNotFound();
    const policyId = input.escalationPolicyId;
    if (policyId !== undefined && policyId !== null) await requirePolicy(tx, actor.orgId, policyId);
    if (input.teamId !== undefined && input.teamId !== null) await requireTeam(tx, actor.orgId, input.teamId);
    try {
      const row = await updateServiceRow(tx, actor.orgId, input.serviceId, input);
      if (row === undefined) throw serviceNotFound();
      await auditAction(tx, actor, {
        action: "service.updated",
        targetType: "service",
        targetId: row.id,
        data: { name: row.name, changes: serviceChanges(current, row) },
      });
      return toService(row);
    } catch (error) {
      throw isUniqueViolation(error, "services_org_name_key") ? nameTaken(input.name ?? "") : error;
    }
  });
}
