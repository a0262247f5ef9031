import { randomUUID } from "node:crypto";
import type { Db, IncidentSeverity, Tx } from "@incidentops/db";
import * as incidentLifecycle from "../incidents/lifecycle.js";
import type { Integration } from "../integrations/service.js";
import { suppressDuringMaintenance } from "../maintenance/service.js";
import { alertBatchLaneOf, inAlertBatch } from "./alert-batches.js";
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
 * Applies one alert in the caller's transaction (scoped to the integration's org), through the
 * incident lifecycle: a trigger opens an incident or counts on the open one with its dedup key;
 * acknowledge and resolve act on that open incident, and are no-ops without one.
 */
async function applyAlert(tx: Tx, integration: Integration, alert: Alert & { dedupKey: string }, requestId: string): Promise<AlertResult> {
  const { dedupKey } = alert;
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

/**
 * Applies, in order, alerts admitted for `integration` (admitAlerts, or ingestAlerts' own
 * admission), in the next batch of the lane their first dedup key falls in: they commit with the
 * other requests' alerts of that batch, and the results come once they have. A trigger without a
 * dedup key gets a new one.
 */
export async function applyAdmittedAlerts(db: Db, integration: Integration, alerts: readonly Alert[], requestId: string): Promise<AlertResult[]> {
  const keyed = alerts.map((alert) => ({ ...alert, dedupKey: alert.dedupKey ?? randomUUID().replace(/-/g, "") }));
  const [first] = keyed;
  if (first === undefined) return [];
  return inAlertBatch(db, { orgId: integration.orgId, number: alertBatchLaneOf(first.dedupKey) }, async (tx) => {
    const results: AlertResult[] = [];
    for (const alert of keyed) results.push(await applyAlert(tx, integration, alert, requestId));
    return results;
  });
}
