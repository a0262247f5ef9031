import type { Db, SuppressedAlertRow, Tx } from "@incidentops/db";
import { auditAction } from "../audit/service.js";
import { requireService } from "../catalog/service.js";
import { AppError, notFound } from "../errors.js";
import { iso } from "../mapping.js";
import { createdAtCursor, createdAtPositionOf, decodeCursor, timePositionOf, toPage, type Page } from "../pagination.js";
import { actorUserId, type Actor } from "../policy.js";
import { transact } from "../scope.js";
import {
  deleteMaintenanceWindow,
  endMaintenanceWindowNow,
  findMaintenanceWindow,
  insertMaintenanceWindow,
  lockMaintenanceWindow,
  listMaintenanceWindows as listWindowRows,
  listSuppressedAlerts as listSuppressedRows,
  type MaintenanceWindowWithCount,
} from "./repository.js";
import type {
  CreateMaintenanceWindowInput,
  ListMaintenanceWindowsInput,
  ListSuppressedAlertsInput,
  MaintenanceWindow,
  MaintenanceWindowIdInput,
  SuppressedAlert,
} from "./schema.js";

// Maintenance windows (PagerDuty's, GoAlert's maintenance mode): while one holds on a service,
// its triggers are recorded as suppressed alerts and open no incident, so nobody is paged for a
// planned outage. Acknowledgements and resolutions still reach incidents opened before it.

const toMaintenanceWindow = (row: MaintenanceWindowWithCount): MaintenanceWindow => ({
  id: row.id,
  serviceId: row.service_id,
  start: iso(row.starts_at),
  end: iso(row.ends_at),
  reason: row.reason,
  inEffect: row.in_effect,
  suppressedAlerts: row.suppressed_alerts ?? 0,
  createdBy: row.created_by,
  createdAt: iso(row.created_at),
});

const toSuppressedAlert = (row: SuppressedAlertRow): SuppressedAlert => ({
  id: row.id,
  windowId: row.maintenance_window_id,
  integrationId: row.integration_id,
  dedupKey: row.dedup_key,
  summary: row.summary,
  severity: row.severity,
  alert: row.alert,
  receivedAt: iso(row.created_at),
});

/** Windows are paged by their end: the cursor holds ends_at in createdAtCursor's shape. */
const endPositionOf = timePositionOf("ends_at");

async function getWindow(db: Db | Tx, actor: Actor, input: MaintenanceWindowIdInput) {
  const row = await findMaintenanceWindow(db, actor.orgId, input.serviceId, input.windowId);
  if (row === undefined) throw notFound("Maintenance window");
  return row;
}

export async function listMaintenanceWindows(db: Db, actor: Actor, input: ListMaintenanceWindowsInput): Promise<Page<MaintenanceWindow>> {
  await requireService(db, actor, input.serviceId);
  const rows = await listWindowRows(db, actor.orgId, input.serviceId, input.limit, decodeCursor(createdAtCursor, input.cursor));
  return toPage(rows, input.limit, toMaintenanceWindow, endPositionOf);
}

export async function createMaintenanceWindow(db: Db, actor: Actor, input: CreateMaintenanceWindowInput): Promise<MaintenanceWindow> {
  await requireService(db, actor, input.serviceId);
  return transact(db, async (tx) => {
    const { id } = await insertMaintenanceWindow(tx, { orgId: actor.orgId, ...input, createdBy: actorUserId(actor) });
    await auditAction(tx, actor, { action: "maintenance_window.created", targetType: "maintenance_window", targetId: id, data: { serviceId: input.serviceId, end: input.end } });
    return toMaintenanceWindow(await getWindow(tx, actor, { serviceId: input.serviceId, windowId: id }));
  });
}

/**
 * Ends a window: one not started yet is deleted, one in effect ends now (its suppressed alerts
 * stay on record). One already over is history: 409. Ends at once take turns: the first ends
 * the window, the others find it gone (404) or over (409).
 */
export async function endMaintenanceWindow(db: Db, actor: Actor, input: MaintenanceWindowIdInput): Promise<void> {
  await transact(db, async (tx) => {
    if ((await lockMaintenanceWindow(tx, actor.orgId, input.serviceId, input.windowId)) === undefined) throw notFound("Maintenance window");
    const window = await getWindow(tx, actor, input);
    if (window.upcoming) await deleteMaintenanceWindow(tx, actor.orgId, window.id);
    else if (window.in_effect) await endMaintenanceWindowNow(tx, actor.orgId, window.id);
    else throw new AppError("CONFLICT", "This maintenance window is over: it stays on record");
    await auditAction(tx, actor, { action: "maintenance_window.ended", targetType: "maintenance_window", targetId: window.id, data: { serviceId: input.serviceId } });
  });
}

export async function listSuppressedAlerts(db: Db, actor: Actor, input: ListSuppressedAlertsInput): Promise<Page<SuppressedAlert>> {
  await getWindow(db, actor, input);
  const rows = await listSuppressedRows(db, actor.orgId, input.windowId, input.limit, decodeCursor(createdAtCursor, input.cursor));
  return toPage(rows, input.limit, toSuppressedAlert, createdAtPositionOf);
}
