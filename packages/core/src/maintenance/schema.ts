import { z } from "zod";
import { serviceIdInput } from "../catalog/schema.js";
import { instantInput, isoDateTime, pageQuery, severitySchema } from "../schema.js";

/** A time when a service's alerts open no incident and page nobody (they are recorded instead). */
export const maintenanceWindowSchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  start: isoDateTime,
  end: isoDateTime,
  reason: z.string(),
  inEffect: z.boolean().describe("Whether the window holds now"),
  suppressedAlerts: z.number().int().describe("Alerts that arrived during it (listed at .../alerts)"),
  createdBy: z.uuid().nullable(),
  createdAt: isoDateTime,
});
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

export const createMaintenanceWindowInput = serviceIdInput
  .extend({
    start: instantInput.optional().describe("Default: now"),
    end: instantInput,
    reason: z.string().trim().min(1).max(500),
  })
  .superRefine((input, ctx) => {
    const start = input.start === undefined ? Date.now() : Date.parse(input.start);
    if (Date.parse(input.end) <= start) ctx.addIssue({ code: "custom", path: ["end"], message: "must be after start" });
    else if (Date.parse(input.end) <= Date.now()) ctx.addIssue({ code: "custom", path: ["end"], message: "must be in the future" });
  });
export type CreateMaintenanceWindowInput = z.infer<typeof createMaintenanceWindowInput>;

export const listMaintenanceWindowsInput = serviceIdInput.extend(pageQuery);
export type ListMaintenanceWindowsInput = z.infer<typeof listMaintenanceWindowsInput>;

export const maintenanceWindowIdInput = serviceIdInput.extend({ windowId: z.uuid() });
export type MaintenanceWindowIdInput = z.infer<typeof maintenanceWindowIdInput>;

export const listSuppressedAlertsInput = maintenanceWindowIdInput.extend(pageQuery);
export type ListSuppressedAlertsInput = z.infer<typeof listSuppressedAlertsInput>;

/** An alert that arrived during a maintenance window, and what it would have opened. */
export const suppressedAlertSchema = z.object({
  id: z.uuid(),
  windowId: z.uuid(),
  integrationId: z.uuid().nullable(),
  dedupKey: z.string(),
  summary: z.string(),
  severity: severitySchema,
  alert: z.unknown().describe("As received (up to 16 KB), without its routing key"),
  receivedAt: isoDateTime,
});
export type SuppressedAlert = z.infer<typeof suppressedAlertSchema>;
