import type { Db, IncidentSeverity, IncidentStatus, NewIncident, Tx } from "@incidentops/db";
import { sql } from "kysely";
import { newestFirst } from "../keyset.js";
import type { Incident, IncidentEventKind } from "./schema.js";
import { STATUS_TIMESTAMP_COLUMN } from "./state-machine.js";

// Writes to incidents and incident_events are called from lifecycle.ts only.

export function findIncident(db: Db | Tx, orgId: string, incidentId: string) {
  return db.selectFrom("incidents").selectAll().where("org_id", "=", orgId).where("id", "=", incidentId).executeTakeFirst();
}

export function findIncidentForUpdate(tx: Tx, orgId: string, incidentId: string) {
  return tx.selectFrom("incidents").selectAll().where("org_id", "=", orgId).where("id", "=", incidentId).forUpdate().executeTakeFirst();
}

export async function incidentExists(db: Db | Tx, orgId: string, incidentId: string): Promise<boolean> {
  const row = await db.selectFrom("incidents").select("id").where("org_id", "=", orgId).where("id", "=", incidentId).executeTakeFirst();
  return row !== undefined;
}

export function insertIncident(tx: Tx, values: NewIncident) {
  return tx.insertInto("incidents").values(values).returningAll().executeTakeFirstOrThrow();
}

/**
 * Opens an incident for an alert, or counts the alert on the open incident of the service with
 * the same dedup key. One statement (INSERT ... ON CONFLICT on the partial unique index of open
 * incidents), so any number of concurrent identical alerts open exactly one incident. The
 * service's escalation policy is read by the same statement (no round trip of its own).
 * `inserted` tells which happened.
 */
export function upsertAlertIncident(
  tx: Tx,
  alert: { orgId: string; serviceId: string; title: string; severity: IncidentSeverity; dedupKey: string },
) {
  return tx
    .insertInto("incidents")
    .values({
      org_id: alert.orgId,
      service_id: alert.serviceId,
      title: alert.title,
      severity: alert.severity,
      dedup_key: alert.dedupKey,
      alert_count: 1,
      escalation_policy_id: (eb) =>
        eb.selectFrom("services").select("escalation_policy_id").where("org_id", "=", alert.orgId).where("id", "=", alert.serviceId),
    })
    .onConflict((oc) =>
      oc
        .columns(["org_id", "service_id", "dedup_key"])
        .where("dedup_key", "is not", null)
        .where("status", "<>", "resolved")
        .doUpdateSet({ alert_count: sql`incidents.alert_count + 1`, updated_at: sql`now()` }),
    )
    .returningAll()
    .returning(sql<boolean>`xmax = 0`.as("inserted"))
    .executeTakeFirstOrThrow();
}

/** The open incident of the service with this dedup key, locked. */
export function findOpenAlertIncidentForUpdate(tx: Tx, orgId: string, serviceId: string, dedupKey: string) {
  return tx
    .selectFrom("incidents")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("service_id", "=", serviceId)
    .where("dedup_key", "=", dedupKey)
    .where("status", "<>", "resolved")
    .forUpdate()
    .executeTakeFirst();
}

/** Sets the status, stamps its time column and the version. */
export function setIncidentStatus(tx: Tx, orgId: string, incidentId: string, change: { status: IncidentStatus; version: number; at: Date }) {
  return tx
    .updateTable("incidents")
    .set({ status: change.status, version: change.version, updated_at: change.at, [STATUS_TIMESTAMP_COLUMN[change.status]]: change.at })
    .where("org_id", "=", orgId)
    .where("id", "=", incidentId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setEscalationStep(tx: Tx, orgId: string, incidentId: string, step: number): Promise<void> {
  await tx.updateTable("incidents").set({ escalation_step: step }).where("org_id", "=", orgId).where("id", "=", incidentId).execute();
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
  return newestFirst(query, limit, after).execute();
}

/** Appends an event, with the incident (its wire shape) as it is right after it. */
export function insertIncidentEvent(
  tx: Tx,
  event: { orgId: string; incident: Incident; kind: IncidentEventKind; actorUserId: string | null; data: Record<string, unknown> },
) {
  return tx
    .insertInto("incident_events")
    .values({
      org_id: event.orgId,
      incident_id: event.incident.id,
      kind: event.kind,
      actor_user_id: event.actorUserId,
      data: JSON.stringify(event.data),
      incident: JSON.stringify(event.incident),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Oldest first, by the insertion sequence. */
export function listIncidentEvents(db: Db | Tx, orgId: string, incidentId: string, limit: number, afterSeq: string | undefined) {
  let query = db.selectFrom("incident_events").selectAll().where("org_id", "=", orgId).where("incident_id", "=", incidentId);
  if (afterSeq !== undefined) query = query.where("seq", ">", afterSeq);
  return query.orderBy("seq").limit(limit + 1).execute();
}
