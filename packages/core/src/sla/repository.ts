import type { Db, IncidentSeverity, Tx } from "@incidentops/db";
import { sql, type Expression } from "kysely";
import type { SlaTargets } from "./schema.js";

/** The org's own policy (serviceId null) or a service's override. */
export function findPolicy(db: Db | Tx, orgId: string, serviceId: string | null) {
  let query = db.selectFrom("sla_policies").select(["targets", "updated_at"]).where("org_id", "=", orgId);
  query = serviceId === null ? query.where("service_id", "is", null) : query.where("service_id", "=", serviceId);
  return query.executeTakeFirst();
}

/** Sets the org's policy or a service's override, whichever `serviceId` names. */
export function upsertPolicy(tx: Tx, values: { orgId: string; serviceId: string | null; targets: SlaTargets; updatedBy: string | null }) {
  const row = { org_id: values.orgId, service_id: values.serviceId, targets: JSON.stringify(values.targets), updated_by: values.updatedBy };
  const update = { targets: row.targets, updated_by: row.updated_by, updated_at: sql<Date>`now()` };
  return tx
    .insertInto("sla_policies")
    .values(row)
    .onConflict((oc) =>
      values.serviceId === null
        ? oc.column("org_id").where("service_id", "is", null).doUpdateSet(update)
        : oc.columns(["org_id", "service_id"]).where("service_id", "is not", null).doUpdateSet(update),
    )
    .returning(["targets", "updated_at"])
    .executeTakeFirstOrThrow();
}

/** Removes a service's override; true when there was one. */
export async function deleteServicePolicy(tx: Tx, orgId: string, serviceId: string): Promise<boolean> {
  const result = await tx.deleteFrom("sla_policies").where("org_id", "=", orgId).where("service_id", "=", serviceId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export type SlaDeadline = "acknowledge_due_at" | "resolve_due_at";

const TARGET_FIELD: Record<SlaDeadline, keyof SlaTargets["sev1"]> = {
  acknowledge_due_at: "acknowledgeWithinMinutes",
  resolve_due_at: "resolveWithinMinutes",
};

/**
 * A deadline as SQL: `from` plus the minutes the policy that applies to the service (its override,
 * else the org's) gives the severity; NULL when there is no such target. A scalar subquery, so an
 * incident's INSERT or UPDATE computes its deadlines itself, on the database's clock, without a
 * round trip of its own.
 */
export function deadlineAfter(
  deadline: SlaDeadline,
  target: { orgId: string; serviceId: string | Expression<string>; severity: IncidentSeverity | Expression<IncidentSeverity> },
  from: Expression<Date>,
) {
  return sql<Date | null>`${from} + make_interval(mins => (
    SELECT (p.targets -> ${target.severity}::text ->> ${TARGET_FIELD[deadline]})::int
      FROM sla_policies p
     WHERE p.org_id = ${target.orgId} AND (p.service_id = ${target.serviceId} OR p.service_id IS NULL)
     ORDER BY p.service_id NULLS LAST
     LIMIT 1))`;
}
