import {
  createMaintenanceWindowInput,
  listMaintenanceWindowsInput,
  listSuppressedAlertsInput,
  maintenanceService,
  maintenanceWindowIdInput,
  maintenanceWindowSchema,
  okSchema,
  pageSchema,
  suppressedAlertSchema,
} from "@incidentops/core";
import { procedureFor, router } from "../trpc.js";
import { ok } from "./shared.js";

const tags = ["org"];
const path = "/org/services/{serviceId}/maintenance-windows";

/** A service's maintenance windows: while one holds, its alerts are recorded and open nothing. */
export const maintenanceWindowsRouter = router({
  list: procedureFor("service:read")
    .meta({ openapi: { method: "GET", path, tags, summary: "The service's maintenance windows, latest ending first" } })
    .input(listMaintenanceWindowsInput)
    .output(pageSchema(maintenanceWindowSchema))
    .query(({ ctx, input }) => maintenanceService.listMaintenanceWindows(ctx.db, ctx.actor, input)),
  create: procedureFor("maintenance:manage")
    .meta({ openapi: { method: "POST", path, tags, summary: "Put the service in maintenance from start (default now) to end: its alerts open no incident (member)" }, successStatus: 201 })
    .input(createMaintenanceWindowInput)
    .output(maintenanceWindowSchema)
    .mutation(({ ctx, input }) => maintenanceService.createMaintenanceWindow(ctx.db, ctx.actor, input)),
  end: procedureFor("maintenance:manage")
    .meta({ openapi: { method: "DELETE", path: `${path}/{windowId}`, tags, summary: "End a window now, or delete one not started yet; one that is over stays (member)" } })
    .input(maintenanceWindowIdInput)
    .output(okSchema)
    .mutation(({ ctx, input }) => ok(maintenanceService.endMaintenanceWindow(ctx.db, ctx.actor, input))),
  alerts: procedureFor("service:read")
    .meta({ openapi: { method: "GET", path: `${path}/{windowId}/alerts`, tags, summary: "The alerts that arrived during the window, newest first" } })
    .input(listSuppressedAlertsInput)
    .output(pageSchema(suppressedAlertSchema))
    .query(({ ctx, input }) => maintenanceService.listSuppressedAlerts(ctx.db, ctx.actor, input)),
});
