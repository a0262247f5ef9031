import type { Db, Tx } from "@incidentops/db";
import { sql } from "kysely";
import { newestFirst, pageOrderedBy } from "../keyset.js";

/**
 * Windows with the number of alerts each has kept, in effect or upcoming as of when the statement
 * runs rather than when its transaction began: ending a window reads it again once its lock is
 * held, and must see an end committed while it waited.
 */
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
    .select(sql<boolean>`w.starts_at <= statement_timestamp() AND statement_timestamp() < w.ends_at`.as("in_effect"))
    .select(sql<boolean>`statement_timestamp() < w.starts_at`.as("upcoming"))
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

/** Locks a window against a concurrent end; undefined when the org has no such window. */
export function lockMaintenanceWindow(tx: Tx, orgId: string, serviceId: string, id: string) {
  return tx.selectFrom("maintenance_windows").select("id").where("org_id", "=", orgId).where("service_id", "=", serviceId).where("id", "=", id).forUpdate().executeTakeFirst();
}

/**
 * Ends a window now: one that has started keeps its history. A window that started this very
 * millisecond ends one millisecond after its start, as a window must end after it starts.
 */
export function endMaintenanceWindowNow(tx: Tx, orgId: string, id: string) {
  return tx
    .updateTable("maintenance_windows")
    .set({ ends_at: sql<Date>`greatest(date_trunc('milliseconds', statement_timestamp()), starts_at + interval '1 millisecond')` })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .execute();
}

export function deleteMaintenanceWindow(tx: Tx, orgId: string, id: string) {
  return tx.deleteFrom("maintenance_windows").where("org_id", "=", orgId).where("id", "=", id).execute();
}

/**
 * For a statement that applies alerts (upsertAlertIncidents): the window holding now on each
 * service of its `alert` rows (`service_id`), the one ending last where several overlap, as the
 * `window_in_effect` rows (`service_id`, `id`); and the `suppressed` insert that records there
 * the alerts it holds (`dedup_key`, `title`, `severity`, `integration_id`, `alert`, in the order
 * of `i`). The statement then opens nothing for those alerts.
 */
export const suppressingDuringMaintenance = (orgId: string) => sql`
  window_in_effect AS (
    SELECT DISTINCT ON (w.service_id) w.service_id, w.id
      FROM maintenance_windows w
     WHERE w.org_id = ${orgId} AND w.service_id IN (SELECT service_id FROM alert) AND w.starts_at <= now() AND now() < w.ends_at
     ORDER BY w.service_id, w.ends_at DESC),
  suppressed AS (
    INSERT INTO suppressed_alerts (org_id, maintenance_window_id, integration_id, dedup_key, summary, severity, alert)
    SELECT ${orgId}, w.id, a.integration_id, a.dedup_key, a.title, a.severity, a.alert
      FROM alert a JOIN window_in_effect w USING (service_id)
     ORDER BY a.i)`;

/** A window's suppressed alerts, newest first. */
export function listSuppressedAlerts(db: Db | Tx, orgId: string, windowId: string, limit: number, after: { createdAt: string; id: string } | undefined) {
  return newestFirst(db.selectFrom("suppressed_alerts").selectAll().where("org_id", "=", orgId).where("maintenance_window_id", "=", windowId), limit, after).execute();
}
