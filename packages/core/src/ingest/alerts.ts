import { randomUUID } from "node:crypto";
import type { Db, IncidentSeverity } from "@incidentops/db";
import { AppError } from "../errors.js";
import * as incidentLifecycle from "../incidents/lifecycle.js";
import { enterIntegrationScope, type Integration } from "../integrations/service.js";
import { takeFromWindow } from "../rate-limit/repository.js";
import { inScope, transact } from "../scope.js";

export type AlertAction = "trigger" | "acknowledge" | "resolve";

/** One alert from any source (PagerDuty Events v2, Alertmanager), in our terms. */
export interface Alert {
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

/** What a batch of alerts is sent with: the routing key that names the integration, and its limit. */
export interface AlertDelivery {
  routingKey: string;
  requestId: string;
  /** Alerts one integration may send per minute, counted in PostgreSQL across replicas. */
  limitPerMinute: number;
}

const INGEST_WINDOW_MS = 60_000;

/**
 * Each alert counts once against its integration's per-minute limit (a batch of 100 counts 100),
 * all or nothing: a batch that does not fit is refused whole with 429 and counts nothing. The
 * counter is keyed by the integration, so an unknown routing key never makes a row, and the key
 * itself (a credential) is never stored in it.
 */
async function takeAlertAllowance(db: Db, integration: Integration, count: number, limitPerMinute: number): Promise<void> {
  const take = await takeFromWindow(db, `ingest:${integration.id}`, INGEST_WINDOW_MS, count, limitPerMinute);
  if (take.taken) return;
  const what = count === 1 ? "this alert" : `these ${count} alerts`;
  throw new AppError("RATE_LIMITED", `over ${limitPerMinute} alerts per minute for this routing key with ${what}: retry after the Retry-After seconds`, {
    retryAfterSeconds: Math.max(1, Math.ceil(take.resetInMs / 1000)),
    limit: limitPerMinute,
    windowSeconds: INGEST_WINDOW_MS / 1000,
  });
}

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

/**
 * Ingests the alerts of one request, in order: the routing key must name an integration (404
 * otherwise), the alerts must fit its per-minute limit (429 otherwise), then each is applied.
 */
export async function ingestAlerts(db: Db, delivery: AlertDelivery, alerts: readonly Alert[]): Promise<AlertResult[]> {
  const integration = await transact(db, (tx) => enterIntegrationScope(tx, delivery.routingKey));
  await takeAlertAllowance(db, integration, alerts.length, delivery.limitPerMinute);
  const results: AlertResult[] = [];
  for (const alert of alerts) results.push(await applyAlert(db, integration, alert, delivery.requestId));
  return results;
}
