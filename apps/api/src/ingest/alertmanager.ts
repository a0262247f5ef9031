import { createHash } from "node:crypto";
import { AppError, ingestAlerts, type Config } from "@incidentops/core";
import type { Db, IncidentSeverity } from "@incidentops/db";
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { requestIdOf } from "../context.js";
import { fieldErrorsOf, sendError } from "../errors.js";
import { assertAcceptableInput, jsonBodyParser } from "../input-guard.js";
import { keepRaw } from "./raw.js";

const labels = z.record(z.string(), z.string());

/** Alertmanager's webhook payload, version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal("4"),
  groupKey: z.string(),
  status: z.enum(["firing", "resolved"]),
  receiver: z.string().optional(),
  groupLabels: labels.optional(),
  commonLabels: labels.optional(),
  commonAnnotations: labels.optional(),
  externalURL: z.string().optional(),
  alerts: z
    .array(
      z.object({
        status: z.enum(["firing", "resolved"]),
        labels,
        annotations: labels.default({}),
        startsAt: z.string().optional(),
        endsAt: z.string().optional(),
        generatorURL: z.string().optional(),
        fingerprint: z.string().min(1).optional(),
      }),
    )
    .min(1)
    .max(1000),
});

type AlertmanagerAlert = z.infer<typeof alertmanagerPayloadSchema>["alerts"][number];

/** What each alert of an accepted notification did. */
export const alertmanagerAcceptedSchema = z.object({
  status: z.literal("success"),
  alerts: z.array(
    z.object({
      fingerprint: z.string().describe("The alert's fingerprint (or a hash of its group and labels): its dedup key"),
      dedupKey: z.string(),
      outcome: z.enum(["created", "deduplicated", "acknowledged", "resolved", "ignored"]),
      incidentId: z.uuid().nullable(),
    }),
  ),
});

/** The usual Prometheus `severity` label values, most severe first. */
function severityOf(label: string | undefined): IncidentSeverity {
  switch (label?.toLowerCase()) {
    case "critical":
    case "page":
      return "sev1";
    case "error":
    case "high":
    case "major":
      return "sev2";
    case "info":
    case "low":
    case "none":
      return "sev4";
    default:
      return "sev3";
  }
}

/** The alert's fingerprint, or (older Alertmanagers) a hash of its group and labels. */
function dedupKeyOf(groupKey: string, alert: AlertmanagerAlert): string {
  if (alert.fingerprint !== undefined) return alert.fingerprint;
  const sorted = Object.fromEntries(Object.entries(alert.labels).sort(([a], [b]) => a.localeCompare(b)));
  return createHash("sha256").update(groupKey).update(JSON.stringify(sorted)).digest("hex").slice(0, 32);
}

/**
 * `POST /v1/integrations/alertmanager/{routingKey}`: each alert of the notification is one event,
 * keyed by its fingerprint; `firing` triggers and `resolved` resolves.
 */
export function alertmanagerRouter(deps: { db: Db; config: Pick<Config, "ingestRateLimitPerMinute"> }): Router {
  const handle = async (req: Request<{ routingKey: string }>, res: Response) => {
    try {
      assertAcceptableInput({ routingKey: req.params.routingKey });
      assertAcceptableInput(req.body);
      const parsed = alertmanagerPayloadSchema.safeParse(req.body);
      if (!parsed.success) {
        throw new AppError("VALIDATION_FAILED", "Not an Alertmanager webhook payload (version 4)", { fields: fieldErrorsOf(parsed.error.issues) });
      }
      const { groupKey, alerts } = parsed.data;
      // Each alert of the notification counts against the routing key's limit.
      const results = await ingestAlerts(
        deps.db,
        { routingKey: req.params.routingKey, requestId: requestIdOf(req), limitPerMinute: deps.config.ingestRateLimitPerMinute },
        alerts.map((alert) => ({
          action: alert.status === "firing" ? ("trigger" as const) : ("resolve" as const),
          dedupKey: dedupKeyOf(groupKey, alert),
          summary: alert.annotations.summary ?? alert.annotations.description ?? alert.labels.alertname ?? "Alertmanager alert",
          severity: severityOf(alert.labels.severity),
          raw: keepRaw({ groupKey, ...alert }),
        })),
      );
      const body = { status: "success" as const, alerts: results.map((result) => ({ fingerprint: result.dedupKey, ...result })) };
      res.status(202).json(body satisfies z.infer<typeof alertmanagerAcceptedSchema>);
    } catch (error) {
      sendError(req, res, error, { route: "alertmanager" });
    }
  };

  const router = Router();
  router.post("/v1/integrations/alertmanager/:routingKey", jsonBodyParser({ limit: "1mb" }), handle);
  return router;
}
