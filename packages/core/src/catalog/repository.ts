import type { Db, IncidentSeverity, Tx } from "@incidentops/db";
import { newestFirst } from "../keyset.js";

export function findService(db: Db | Tx, orgId: string, serviceId: string) {
  return db.selectFrom("services").selectAll().where("org_id", "=", orgId).where("id", "=", serviceId).executeTakeFirst();
}

export function findServiceForUpdate(tx: Tx, orgId: string, serviceId: string) {
  return tx.selectFrom("services").selectAll().where("org_id", "=", orgId).where("id", "=", serviceId).forUpdate().executeTakeFirst();
}

/** Fails with a unique violation on `services_org_name_key` when the name is taken. */
export function insertService(
  db: Db | Tx,
  values: {
    orgId: string;
    name: string;
    description: string | null;
    ackTimeoutMinutes: number | null;
    pageMinSeverity: IncidentSeverity | null;
    escalationPolicyId: string | null;
    teamId: string | null;
  },
) {
  return db
    .insertInto("services")
    .values({
      org_id: values.orgId,
      name: values.name,
      description: values.description,
      ack_timeout_minutes: values.ackTimeoutMinutes,
      page_min_severity: values.pageMinSeverity,
      escalation_policy_id: values.escalationPolicyId,
      team_id: values.teamId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listServices(db: Db | Tx, orgId: string, limit: number, after: { createdAt: string; id: string } | undefined) {
  return newestFirst(db.selectFrom("services").selectAll().where("org_id", "=", orgId), limit, after).execute();
}

/** Sets the given fields; fails with a unique violation on `services_org_name_key` like insertService. */
export function updateService(
  tx: Tx,
  orgId: string,
  serviceId: string,
  changes: {
    name?: string | undefined;
    description?: string | null | undefined;
    escalationPolicyId?: string | null | undefined;
    ackTimeoutMinutes?: number | null | undefined;
    pageMinSeverity?: IncidentSeverity | null | undefined;
    teamId?: string | null | undefined;
  },
) {
  return tx
    .updateTable("services")
    .set({
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.description === undefined ? {} : { description: changes.description }),
      ...(changes.escalationPolicyId === undefined ? {} : { escalation_policy_id: changes.escalationPolicyId }),
      ...(changes.ackTimeoutMinutes === undefined ? {} : { ack_timeout_minutes: changes.ackTimeoutMinutes }),
      ...(changes.pageMinSeverity === undefined ? {} : { page_min_severity: changes.pageMinSeverity }),
      ...(changes.teamId === undefined ? {} : { team_id: changes.teamId }),
      updated_at: new Date(),
    })
    .where("org_id", "=", orgId)
    .where("id", "=", serviceId)
    .returningAll()
    .executeTakeFirst();
}
