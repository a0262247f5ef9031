import { randomUUID } from "node:crypto";
import type { Db, IncidentSeverity } from "@incidentops/db";
import * as incidentLifecycle from "../incidents/lifecycle.js";
import type { Integration } from "../integrations/service.js";
import { suppressDuringMaintenance } from "../maintenance/service.js";
import { inScope } from "../scope.js";
import { findIntegration, takeAlertAllowance, type AlertDelivery } from "./admission.js";
import type { SentTime } from "./sent-time.js";

export type AlertAction = "trigger" | "acknowledge" | "resolve";

/** One alert from any source (PagerDuty Events v2, Alertmanager), in our terms. */
export interface Alert {
  action: AlertAction;
  dedupKey?: string | undefined;
  summary: string;
  severity: IncidentSeverity;
  /** Kept on the timeline as received (already size-limited by the caller). */
  raw: unknown;
  /** The sender's own time for the alert, when it sent one. */
  sentTime?: SentTime | undefined;
  /** The incident's description when this alert opens one. */
  description?: string | undefined;
  /** A whole group's notification (Alertmanager, Grafana): its alerts go on the timeline, the ones not listed before as new. */
  groupAlerts?: readonly GroupedAlert[] | undefined;
}

/** One alert of a group notification, as its incident's timeline lists it. */
export interface GroupedAlert {
  key: string;
  status: "firing" | "resolved";
  summary: string;
}

/**
 * A request's alerts as the integration's settings read them (grouping, mapping, signature), and
 * what they count for against its limit (one per alert unless `weight` says otherwise).
 */
export interface AlertBatch {
  alerts: readonly Alert[];
  weight?: number;
}

/** `suppressed`: a trigger during a maintenance window, recorded there and opening nothing. */
export type AlertOutcome = "created" | "deduplicated" | "acknowledged" | "resolved" | "ignored" | "suppressed";

export interface AlertResult {
  dedupKey: string;
  outcome: AlertOutcome;
  incidentId: string | null;
}

/** The sender's time on the timeline: `sentAt` when it could be read, a note when it could not. */
const sentTimeContext = (sentTime: SentTime | undefined) =>
  sentTime === undefined ? {} : sentTime.at === undefined ? { notes: [sentTime.note] } : { sentAt: sentTime.at.toISOString() };

/**
 * Applies one alert in its own transaction, through the incident lifecycle: a trigger opens an
 * incident or counts on the open one with its dedup key; acknowledge and resolve act on that open
 * incident, and are no-ops without one. Without a dedup key, a trigger gets a new one.
 */
async function applyAlert(db: Db, integration: Integration, alert: Alert, requestId: string): Promise<AlertResult> {
  const dedupKey = alert.dedupKey ?? randomUUID().replace(/-/g, "");
  return inScope(db, { orgId: integration.orgId }, async (tx) => {
    const source: incidentLifecycle.ChangeSource = { orgId: integration.orgId, actorUserId: null, requestId };
    // Every timeline event of the alert names the integration and keeps the alert as received.
    const context = {
      integrationId: integration.id,
      alert: alert.raw,
      ...sentTimeContext(alert.sentTime),
      ...(alert.groupAlerts === undefined ? {} : { groupAlerts: alert.groupAlerts }),
    };
    if (alert.action === "trigger") {
      const suppressed = await suppressDuringMaintenance(tx, {
        orgId: integration.orgId,
        serviceId: integration.serviceId,
        integrationId: integration.id,
        dedupKey,
        summary: alert.summary,
        severity: alert.severity,
        raw: alert.raw,
      });
      if (suppressed) return { dedupKey, outcome: "suppressed", incidentId: null };
      const { incidentId, opened } = await incidentLifecycle.openForAlert(
        tx,
        source,
        {
          serviceId: integration.serviceId,
          title: alert.summary,
          description: alert.description,
          severity: alert.severity,
          dedupKey,
          groupAlertKeys: alert.groupAlerts?.map((member) => member.key),
        },
        context,
      );
      return { dedupKey, outcome: opened ? "created" : "deduplicated", incidentId };
    }
    const toStatus = alert.action === "resolve" ? "resolved" : "acknowledged";
    const { incidentId, moved } = await incidentLifecycle.settleForAlert(tx, source, { serviceId: integration.serviceId, dedupKey, toStatus }, context);
    return { dedupKey, outcome: moved ? toStatus : "ignored", incidentId };
  });
}

/**
 * Ingests the alerts of one request, in order: the routing key must name an integration (404
 * otherwise), `read` may refuse the request by the integration's settings (changing nothing), the
 * alerts must fit its per-minute limit (429 otherwise), then each is applied.
 */
export async function ingestAlerts(
  db: Db,
  delivery: AlertDelivery,
  read: readonly Alert[] | ((integration: Integration) => AlertBatch),
): Promise<AlertResult[]> {
  const integration = await findIntegration(db, delivery);
  const batch = typeof read === "function" ? read(integration) : { alerts: read };
  await takeAlertAllowance(db, integration, batch.weight ?? batch.alerts.length, delivery.limitPerMinute);
  return applyAdmittedAlerts(db, integration, batch.alerts, delivery.requestId);
}

/** Applies, in order, alerts admitted for `integration` (admitAlerts, or ingestAlerts' own admission). */
export async function applyAdmittedAlerts(db: Db, integration: Integration, alerts: readonly Alert[], requestId: string): Promise<AlertResult[]> {
  const results: AlertResult[] = [];
  for (const alert of alerts) results.push(await applyAlert(db, integration, alert, requestId));
  return results;
}
