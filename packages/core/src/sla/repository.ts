import type { Db, IncidentSeverity, Tx } from "@incidentops/db";
import { sql, type Expression } from "kysely";
import type { SlaKind, SlaTargets } from "./schema.js";

/** The org's own policy (serviceId null) or a service's override. */
export function findPolicy(db: Db | Tx, orgId: string, serviceId: string | null) {
  let query = db.selectFrom("sla_policies").select(["targets", "warn_at_percent", "updated_at"]).where("org_id", "=", orgId);
  query = serviceId === null ? query.where("service_id", "is", null) : query.where("service_id", "=", serviceId);
  return query.executeTakeFirst();
}

/** Sets the org's policy or a service's override, whichever `serviceId` names. */
export function upsertPolicy(
  tx: Tx,
  values: { orgId: string; serviceId: string | null; targets: SlaTargets; warnAtPercent: number | null; updatedBy: string | null },
) {
  const row = {
    org_id: values.orgId,
    service_id: values.serviceId,
    targets: JSON.stringify(values.targets),
    warn_at_percent: values.warnAtPercent,
    updated_by: values.updatedBy,
  };
  const update = { targets: row.targets, warn_at_percent: row.warn_at_percent, updated_by: row.updated_by, updated_at: sql<Date>`now()` };
  return tx
    .insertInto("sla_policies")
    .values(row)
    .onConflict((oc) =>
      values.serviceId === null
        ? oc.column("org_id").where("service_id", "is", null).doUpdateSet(update)
        : oc.columns(["org_id", "service_id"]).where("service_id", "is not", null).doUpdateSet(update),
    )
    .returning(["targets", "warn_at_percent", "updated_at"])
    .executeTakeFirstOrThrow();
}

/** Removes a service's override; true when there was one. */
export async function deleteServicePolicy(tx: Tx, orgId: string, serviceId: string): Promise<boolean> {
  const result = await tx.deleteFrom("sla_policies").where("org_id", "=", orgId).where("service_id", "=", serviceId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

const TARGET_FIELD: Record<SlaKind, keyof SlaTargets["sev1"]> = {
  acknowledge: "acknowledgeWithinMinutes",
  resolve: "resolveWithinMinutes",
};

/** Whose deadline: the org's incident of a service and severity (values, or columns of the statement). */
export type SlaTarget = { orgId: string; serviceId: string | Expression<string>; severity: IncidentSeverity | Expression<IncidentSeverity> };

/**
 * Seconds from `from` to the deadline (`warning`: to its warning) as SQL: what the policy that
 * applies to the service (its override, else the org's) gives the severity; NULL when there is no
 * such target (or warning). A scalar subquery, so an incident's INSERT or UPDATE computes its
 * deadlines itself, on the database's clock, without a round trip of its own.
 */
function secondsTo(kind: SlaKind, target: SlaTarget, options: { warning: boolean }) {
  const minutes = sql<number>`(p.targets -> ${target.severity}::text ->> ${TARGET_FIELD[kind]})::int`;
  // percent / 100 of the minutes, in seconds.
  const seconds = options.warning ? sql<number>`${minutes} * 0.6 * p.warn_at_percent` : sql<number>`${minutes} * 60`;
  return sql<number | null>`(
    SELECT ${seconds}
      FROM sla_policies p
     WHERE p.org_id = ${target.orgId} AND (p.service_id = ${target.serviceId} OR p.service_id IS NULL)
     ORDER BY p.service_id NULLS LAST
     LIMIT 1)`;
}

/** A deadline as SQL: `from` plus the time the service's policy gives the severity (secondsTo); NULL without a target. */
export const deadlineAfter = (kind: SlaKind, target: SlaTarget, from: Expression<Date>) =>
  sql<Date | null>`${from} + make_interval(secs => ${secondsTo(kind, target, { warning: false })})`;

/** When the deadline's warning is due, as SQL: `from` plus the policy's warnAtPercent of its time; NULL without a target or warnings. */
export const warningAfter = (kind: SlaKind, target: SlaTarget, from: Expression<Date>) =>
  sql<Date | null>`${from} + make_interval(secs => ${secondsTo(kind, target, { warning: true })})`;
