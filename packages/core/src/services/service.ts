import { transact } from "../scope.js";
import type { Db, ServiceRow } from "@incidentops/db";
import { isUniqueViolation } from "../db-errors.js";
import { AppError, notFound } from "../errors.js";
import { iso } from "../mapping.js";
import { createdAtCursor, decodeCursor, toPage, type Page } from "../pagination.js";
import type { Actor } from "../policy.js";
import { auditAction } from "../audit/record.js";
import type { Service } from "../schemas.js";
import { findService, insertService, listServices as listServiceRows } from "./repository.js";

export const toService = (row: ServiceRow): Service => ({
  id: row.id,
  name: row.name,
  description: row.description,
  escalationPolicyId: row.escalation_policy_id,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

const nameTaken = (name: string) =>
  new AppError("CONFLICT", `A service named "${name}" already exists`, { fields: { name: ["already used by another service"] } });

export async function createService(
  db: Db,
  actor: Actor,
  input: { name: string; description?: string | undefined },
): Promise<Service> {
  try {
    return toService(await insertService(db, { orgId: actor.orgId, name: input.name, description: input.description ?? null }));
  } catch (error) {
    throw isUniqueViolation(error, "services_org_name_key") ? nameTaken(input.name) : error;
  }
}

export async function listServices(
  db: Db,
  actor: Actor,
  input: { cursor?: string | undefined; limit: number },
): Promise<Page<Service>> {
  const after = input.cursor === undefined ? undefined : decodeCursor(createdAtCursor, input.cursor);
  const rows = await listServiceRows(db, actor.orgId, input.limit, after);
  return toPage(rows, input.limit, toService, (r) => ({ createdAt: iso(r.created_at), id: r.id }));
}

export async function getService(db: Db, actor: Actor, serviceId: string): Promise<Service> {
  const row = await findService(db, actor.orgId, serviceId);
  if (row === undefined) throw notFound("Service");
  return toService(row);
}

/** PATCH semantics: only the fields given change; `escalationPolicyId: null` detaches the policy. */
export async function updateService(
  db: Db,
  actor: Actor,
  input: { serviceId: string; name?: string | undefined; description?: string | null | undefined; escalationPolicyId?: string | null | undefined },
): Promise<Service> {
  return transact(db, async (tx) => {
    // The service first: a missing one (or another org's) is 404 whatever the body names.
    const current = await tx
      .selectFrom("services")
      .selectAll()
      .where("org_id", "=", actor.orgId)
      .where("id", "=", input.serviceId)
      .forUpdate()
      .executeTakeFirst();
    if (current === undefined) throw notFound("Service");
    if (input.escalationPolicyId !== undefined && input.escalationPolicyId !== null) {
      const policy = await tx
        .selectFrom("escalation_policies")
        .select("id")
        .where("org_id", "=", actor.orgId)
        .where("id", "=", input.escalationPolicyId)
        .executeTakeFirst();
      if (policy === undefined) {
        throw new AppError("VALIDATION_FAILED", "No such escalation policy in this organisation", {
          fields: { escalationPolicyId: ["no such escalation policy"] },
        });
      }
    }
    try {
      const row = await tx
        .updateTable("services")
        .set({
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.description === undefined ? {} : { description: input.description }),
          ...(input.escalationPolicyId === undefined ? {} : { escalation_policy_id: input.escalationPolicyId }),
          updated_at: new Date(),
        })
        .where("org_id", "=", actor.orgId)
        .where("id", "=", input.serviceId)
        .returningAll()
        .executeTakeFirst();
      if (row === undefined) throw notFound("Service");
      const changes: Record<string, { from: string | null; to: string | null }> = {};
      if (row.name !== current.name) changes.name = { from: current.name, to: row.name };
      if (row.description !== current.description) changes.description = { from: current.description, to: row.description };
      if (row.escalation_policy_id !== current.escalation_policy_id) {
        changes.escalationPolicyId = { from: current.escalation_policy_id, to: row.escalation_policy_id };
      }
      await auditAction(tx, actor, { action: "service.updated", targetType: "service", targetId: row.id, data: { name: row.name, changes } });
      return toService(row);
    } catch (error) {
      throw isUniqueViolation(error, "services_org_name_key") ? nameTaken(input.name ?? "") : error;
    }
  });
}
