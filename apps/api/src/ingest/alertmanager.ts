import { createHash } from "node:crypto";
import { AppError, atLeastAsSevere, ingestAlerts, refuseUnsignedRoute, type Alert, type AlertBatch, type Config, type Grouping, type GroupedAlert } from "@incidentops/core";
import type { Db, IncidentSeverity } from "@incidentops/db";
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { fieldErrorsOf, sendIngestionError } from "../errors.js";
import { assertAcceptableInput, jsonBodyParser } from "../input-guard.js";
import { keepRaw } from "./raw.js";

const labels = z.record(z.string(), z.string());

/** One alert of an Alertmanager notification (Grafana's add fields of their own). */
export const alertmanagerAlertSchema = z.object({
  status: z.enum(["firing", "resolved"]),
  labels,
  annotations: labels.default({}),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().min(1).optional(),
});

/** What Alertmanager's and Grafana's notifications share, bar `version` and the alerts' own fields. */
export const notificationFields = {
  groupKey: z.string(),
  status: z.enum(["firing", "resolved"]),
  receiver: z.string().optional(),
  groupLabels: labels.optional(),
  commonLabels: labels.optional(),
  commonAnnotations: labels.optional(),
  externalURL: z.string().optional(),
};

/** Alertmanager's webhook payload, version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal("4"),
  ...notificationFields,
  alerts: z.array(alertmanagerAlertSchema).min(1).max(1000),
});

type NotificationAlert = z.infer<typeof alertmanagerAlertSchema>;

/** An Alertmanager-style notification: a group of alerts. */
export interface Notification {
  groupKey: string;
  status: "firing" | "resolved";
  commonLabels?: Record<string, string> | undefined;
  commonAnnotations?: Record<string, string> | undefined;
  alerts: NotificationAlert[];
}

/** What each alert (or, grouped, the group) of an accepted notification did. */
export const alertmanagerAcceptedSchema = z.object({
  status: z.literal("success"),
  grouping: z.enum(["group", "alert"]).describe("The integration's grouping: with `group`, one entry for the whole group"),
  alerts: z.array(
    z.object({
      fingerprint: z.string().describe("The alert's fingerprint (or a hash of its group and labels), or with grouping `group` the group's key: its dedup key"),
      dedupKey: z.string(),
      outcome: z.enum(["created", "deduplicated", "acknowledged", "resolved", "ignored", "suppressed"]).describe("suppressed: a maintenance window holds on the service (recorded there, no incident)"),
      incidentId: z.uuid().nullable(),
    }),
  ),
});
export type NotificationAccepted = z.infer<typeof alertmanagerAcceptedSchema>;

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
function dedupKeyOf(groupKey: string, alert: NotificationAlert): string {
  if (alert.fingerprint !== undefined) return alert.fingerprint;
  const sorted = Object.fromEntries(Object.entries(alert.labels).sort(([a], [b]) => a.localeCompare(b)));
  return createHash("sha256").update(groupKey).update(JSON.stringify(sorted)).digest("hex").slice(0, 32);
}

const summaryOf = (alert: NotificationAlert) => alert.annotations.summary ?? alert.annotations.description ?? alert.labels.alertname ?? "Alertmanager alert";

/** Each alert is one event keyed by its fingerprint: `firing` triggers and `resolved` resolves. */
const alertOf = (notification: Notification, alert: NotificationAlert): Alert => ({
  action: alert.status === "firing" ? "trigger" : "resolve",
  dedupKey: dedupKeyOf(notification.groupKey, alert),
  summary: summaryOf(alert),
  severity: severityOf(alert.labels.severity),
  raw: keepRaw({ groupKey: notification.groupKey, ...alert }),
});

/** An incident's description is at most this long (as when people write one). */
const MAX_DESCRIPTION_CHARS = 10_000;

const mostSevere = (severities: IncidentSeverity[]) => severities.reduce((a, b) => (atLeastAsSevere(b, a) ? b : a), "sev4");

function groupTitleOf(notification: Notification): string {
  const [only] = notification.alerts;
  if (only !== undefined && notification.alerts.length === 1) return summaryOf(only);
  const name = notification.commonAnnotations?.summary ?? notification.commonLabels?.alertname ?? "Alert group";
  return `${name} (${notification.alerts.length} alerts)`;
}

/**
 * The whole notification as one event keyed by its group (per source): the group's `firing`
 * opens or counts on its incident, which lists the alerts; `resolved` (every alert of the group
 * resolved) resolves it. The incident's severity is the most severe of the firing alerts'.
 */
function groupAlertOf(source: string, notification: Notification): Alert {
  const groupAlerts: GroupedAlert[] = notification.alerts.map((alert) => ({ key: dedupKeyOf(notification.groupKey, alert), status: alert.status, summary: summaryOf(alert) }));
  const firing = notification.alerts.filter((alert) => alert.status === "firing");
  return {
    action: notification.status === "firing" ? "trigger" : "resolve",
    dedupKey: createHash("sha256").update(`${source}:${notification.groupKey}`).digest("hex").slice(0, 32),
    summary: groupTitleOf(notification),
    severity: mostSevere((firing.length > 0 ? firing : notification.alerts).map((alert) => severityOf(alert.labels.severity))),
    description: groupAlerts
      .map((alert) => `- [${alert.status}] ${alert.summary} (${alert.key})`)
      .join("\n")
      .slice(0, MAX_DESCRIPTION_CHARS),
    groupAlerts,
    raw: keepRaw(notification),
  };
}

/** The events a notification stands for under the integration's grouping; each alert counts against the limit either way. */
export const alertsOfNotification = (source: string, notification: Notification, grouping: Grouping): AlertBatch => ({
  alerts: grouping === "group" ? [groupAlertOf(source, notification)] : notification.alerts.map((alert) => alertOf(notification, alert)),
  weight: notification.alerts.length,
});

/** A route receiving Alertmanager-style notifications: its path, payload, and how it checks a request. */
export interface NotificationRoute<T extends Notification> {
  path: string;
  source: string;
  schema: z.ZodType<T>;
  /** Why a body that is not such a payload is refused. */
  notA: string;
  /**
   * Checks the request's signature against the integration's signing secret, if it has one
   * (before anything counts). A route without it refuses an integration that has a secret
   * (refuseUnsignedRoute).
   */
  checkSignature?: (req: Request, integration: { signingSecret: string | null }) => void;
}

/** Express router for one notification route (Alertmanager, Grafana). */
export function notificationRouter<T extends Notification>(
  deps: { db: Db; config: Pick<Config, "ingestRateLimitPerMinute"> },
  route: NotificationRoute<T>,
): Router {
  const handle = async (req: Request<{ routingKey: string }>, res: Response) => {
    try {
      assertAcceptableInput({ routingKey: req.params.routingKey });
      assertAcceptableInput(req.body);
      const parsed = route.schema.safeParse(req.body);
      if (!parsed.success) throw new AppError("VALIDATION_FAILED", route.notA, { fields: fieldErrorsOf(parsed.error.issues) });
      let grouping: Grouping = "alert";
      const results = await ingestAlerts(
        deps.db,
        { routingKey: req.params.routingKey, requestId: req.id, log: req.log, limitPerMinute: deps.config.ingestRateLimitPerMinute },
        (integration) => {
          if (route.checkSignature === undefined) refuseUnsignedRoute(integration);
          else route.checkSignature(req, integration);
          grouping = integration.grouping;
          return alertsOfNotification(route.source, parsed.data, integration.grouping);
        },
      );
      const body = { status: "success" as const, grouping, alerts: results.map((result) => ({ fingerprint: result.dedupKey, ...result })) };
      res.status(202).json(body satisfies NotificationAccepted);
    } catch (error) {
      sendIngestionError(req, res, error, { route: route.source });
    }
  };

  const router = Router();
  router.post(route.path, jsonBodyParser({ limit: "1mb", keepRaw: route.checkSignature !== undefined }), handle);
  return router;
}

/** `POST /v1/integrations/alertmanager/{routingKey}`. */
export const alertmanagerRouter = (deps: { db: Db; config: Pick<Config, "ingestRateLimitPerMinute"> }): Router =>
  notificationRouter(deps, {
    path: "/v1/integrations/alertmanager/:routingKey",
    source: "alertmanager",
    schema: alertmanagerPayloadSchema,
    notA: "Not an Alertmanager webhook payload (version 4)",
  });
