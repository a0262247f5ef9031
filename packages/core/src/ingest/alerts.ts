import { randomUUID } from "node:crypto";
import type { Db, IncidentSeverity } from "@incidentops/db";
import * as incidentLifecycle from "../incidents/lifecycle.js";
import type { Integration } from "../integrations/service.js";
import { suppressDuringMaintenance } from "../maintenance/service.js";
import { inScope } from "../scope.js";
import { admitAlerts, type AlertDelivery } from "./admission.js";
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
    const context = { integrationId: integration.id, alert: alert.raw, ...sentTimeContext(alert.sentTime) };
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
        { serviceId: integration.serviceId, title: alert.summary, severity: alert.severity, dedupKey },
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
 * otherwise), the alerts must fit its per-minute limit (429 otherwise), then each is applied.
 */
export async function ingestAlerts(db: Db, delivery: AlertDelivery, alerts: readonly Alert[]): Promise<AlertResult[]> {
  return applyAdmittedAlerts(db, await admitAlerts(db, delivery, alerts.length), alerts, delivery.requestId);
}

/** Applies, in order, alerts that admitAlerts admitted for `integration`. */
export async function applyAdmittedAlerts(db: Db, integration: Integration, alerts: readonly Alert[], requestId: string): Promise<AlertResult[]> {
  const results: AlertResult[] = [];
  for (const alert of alerts) results.push(await applyAlert(db, integration, alert, requestId));
  return results;
}
