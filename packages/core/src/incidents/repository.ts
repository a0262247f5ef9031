import type { Db, IncidentSeverity, IncidentStatus, NewIncident, Tx } from "@incidentops/db";
import { olderThan } from "../keyset.js";

export function findIncident(db: Db | Tx, orgId: string, incidentId: string) {
  return db
    .selectFrom("incidents")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", incidentId)
    .executeTakeFirst();
}

export function findIncidentForUpdate(tx: Tx, orgId: string, incidentId: string) {
  return tx
    .selectFrom("incidents")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", incidentId)
    .forUpdate()
    .executeTakeFirst();
}

export async function incidentExists(db: Db | Tx, orgId: string, incidentId: string): Promise<boolean> {
  const row = await db
    .selectFrom("incidents")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "=", incidentId)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertIncident(tx: Tx, values: NewIncident) {
  return tx.insertInto("incidents").values(values).returningAll().executeTakeFirstOrThrow();
}

export interface IncidentFilter {
  status?: IncidentStatus | undefined;
  serviceId?: string | undefined;
  severity?: IncidentSeverity | undefined;
}

/** Newest first, by (created_at, id) keyset: pages stay stable while incidents are opened. */
export function listIncidents(
  db: Db | Tx,
  orgId: string,
  filter: IncidentFilter,
  limit: number,
  after: { createdAt: string; id: string } | undefined,
) {
  let query = db.selectFrom("incidents").selectAll().where("org_id", "=", orgId);
  if (filter.status !== undefined) query = query.where("status", "=", filter.status);
  if (filter.serviceId !== undefined) query = query.where("service_id", "=", filter.serviceId);
  if (filter.severity !== undefined) query = query.where("severity", "=", filter.severity);
  if (after !== undefined) {
    query = query.where(olderThan(after));
  }
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit + 1).execute();
}
