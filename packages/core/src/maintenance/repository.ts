import type { Db, IncidentSeverity, Tx } from "@incidentops/db";
import { sql } from "kysely";
import { newestFirst, pageOrderedBy } from "../keyset.js";

/** Windows with the number of alerts each has kept. */
function windowsWithCounts(db: Db | Tx, orgId: string) {
  return db
    .selectFrom("maintenance_windows as w")
    .selectAll("w")
    .select((eb) =>
      eb
        .selectFrom("suppressed_alerts as a")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("a.org_id", "=", "w.org_id")
        .whereRef("a.maintenance_window_id", "=", "w.id")
        .as("suppressed_alerts"),
    )
    .select(sql<boolean>`w.starts_at <= now() AND now() < w.ends_at`.as("in_effect"))
    .select(sql<boolean>`now() < w.starts_at`.as("upcoming"))
    .where("w.org_id", "=", orgId);
}

export type MaintenanceWindowWithCount = NonNullable<Awaited<ReturnType<typeof findMaintenanceWindow>>>;

export function findMaintenanceWindow(db: Db | Tx, orgId: string, serviceId: string, id: string) {
  return windowsWithCounts(db, orgId).where("w.service_id", "=", serviceId).where("w.id", "=", id).executeTakeFirst();
}

/** The service's windows, latest ending first by (ends_at, id). */
export function listMaintenanceWindows(db: Db | Tx, orgId: string, serviceId: string, limit: number, after: { createdAt: string; id: string } | undefined) {
  return pageOrderedBy(windowsWithCounts(db, orgId).where("w.service_id", "=", serviceId), { time: "w.ends_at", id: "w.id" }, "desc", limit, after).execute();
}

export function insertMaintenanceWindow(tx: Tx, window: { orgId: string; serviceId: string; start?: string | undefined; end: string; reason: string; createdBy: string | null }) {
  return tx
    .insertInto("maintenance_windows")
    .values({
      org_id: window.orgId,
      service_id: window.serviceId,
      // Truncated, not rounded to the column's milliseconds: a window starting now holds now.
      starts_at: window.start ?? sql<Date>`date_trunc('milliseconds', now())`,
      ends_at: window.end,
      reason: window.reason,
      created_by: window.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** Ends a window now: one that has started keeps its history. */
export function endMaintenanceWindowNow(tx: Tx, orgId: string, id: string) {
  return tx.updateTable("maintenance_windows").set({ ends_at: sql<Date>`date_trunc('milliseconds', now())` }).where("org_id", "=", orgId).where("id", "=", id).execute();
}

export function deleteMaintenanceWindow(tx: Tx, orgId: string, id: string) {
  return tx.deleteFrom("maintenance_windows").where("org_id", "=", orgId).where("id", "=", id).execute();
}

/** The window holding on the service now, if any (the one ending last when several overlap). */
export function findWindowInEffect(tx: Tx, orgId: string, serviceId: string) {
  return tx
    .selectFrom("maintenance_windows")
    .select("id")
    .where("org_id", "=", orgId)
    .where("service_id", "=", serviceId)
    .where(sql<boolean>`starts_at <= now() AND now() < ends_at`)
    .orderBy("ends_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export function insertSuppressedAlert(
  tx: Tx,
  alert: { orgId: string; windowId: string; integrationId: string | null; dedupKey: string; summary: string; severity: IncidentSeverity; alert: unknown },
) {
  return tx
    .insertInto("suppressed_alerts")
    .values({
      org_id: alert.orgId,
      maintenance_window_id: alert.windowId,
      integration_id: alert.integrationId,
      dedup_key: alert.dedupKey,
      summary: alert.summary,
      severity: alert.severity,
      alert: JSON.stringify(alert.alert ?? null),
    })
    .execute();
}

/** A window's suppressed alerts, newest first. */
export function listSuppressedAlerts(db: Db | Tx, orgId: string, windowId: string, limit: number, after: { createdAt: string; id: string } | undefined) {
  return newestFirst(db.selectFrom("suppressed_alerts").selectAll().where("org_id", "=", orgId).where("maintenance_window_id", "=", windowId), limit, after).execute();
}
