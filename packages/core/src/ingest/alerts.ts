import { randomUUID } from "node:crypto";
import type { Db, IncidentSeverity } from "@incidentops/db";
import * as incidentLifecycle from "../incidents/lifecycle.js";
import { enterIntegrationScope } from "../integrations/service.js";
import { transact } from "../scope.js";

export type AlertAction = "trigger" | "acknowledge" | "resolve";

/** One alert from any source (PagerDuty Events v2, Alertmanager), in our terms. */
export interface Alert {
  routingKey: string;
  action: AlertAction;
  dedupKey?: string | undefined;
  summary: string;
  severity: IncidentSeverity;
  /** Kept on the timeline as received (already size-limited by the caller). */
  raw: unknown;
}

export type AlertOutcome = "created" | "deduplicated" | "acknowledged" | "resolved" | "ignored";

export interface AlertResult {
  dedupKey: string;
  outcome: AlertOutcome;
  incidentId: string | null;
}

/**
 * Applies one alert in its own transaction, through the incident lifecycle: a trigger opens an
 * incident or counts on the open one with its dedup key; acknowledge and resolve act on that open
 * incident, and are no-ops without one. Without a dedup key, a trigger gets a new one.
 */
export async function processAlert(db: Db, alert: Alert, requestId: string): Promise<AlertResult> {
  const dedupKey = alert.dedupKey ?? randomUUID().replace(/-/g, "");
  return transact(db, async (tx) => {
    const integration = await enterIntegrationScope(tx, alert.routingKey);
    const source: incidentLifecycle.ChangeSource = { orgId: integration.orgId, actorUserId: null, requestId };
    // Every timeline event of the alert names the integration and keeps the alert as received.
    const context = { integrationId: integration.id, alert: alert.raw };
    if (alert.action === "trigger") {
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
