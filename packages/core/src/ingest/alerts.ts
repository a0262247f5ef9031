import { randomUUID } from "node:crypto";
import type { Db, IncidentSeverity } from "@incidentops/db";
import type { Integration } from "../integrations/service.js";
import { alertBatchLaneOf, inAlertBatch } from "./alert-batches.js";
import { admitAlerts, findIntegration, takeAlertAllowance, type AlertDelivery } from "./admission.js";
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
  /** The incident's type when this alert opens one (PagerDuty's `payload.class`). */
  type?: string | undefined;
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
  if (typeof read !== "function") return applyAdmittedAlerts(db, await admitAlerts(db, delivery, read.length), read, delivery);
  // What to count depends on the integration's settings: the lookup comes first, then the take.
  const integration = await findIntegration(db, delivery);
  const batch = read(integration);
  await takeAlertAllowance(db, integration, batch.weight ?? batch.alerts.length, delivery.limitPerMinute);
  return applyAdmittedAlerts(db, integration, batch.alerts, delivery);
}

/**
 * Applies, in order, alerts admitted for `integration` (admitAlerts, or ingestAlerts' own
 * admission), in the next batch of the lane their first dedup key falls in: they commit with the
 * other requests' alerts of that batch, and the results come once they have. A trigger without a
 * dedup key gets a new one.
 */
export async function applyAdmittedAlerts(
  db: Db,
  integration: Integration,
  alerts: readonly Alert[],
  { requestId, log }: Pick<AlertDelivery, "requestId" | "log">,
): Promise<AlertResult[]> {
  const keyed = alerts.map((alert) => ({ ...alert, dedupKey: alert.dedupKey ?? randomUUID().replace(/-/g, "") }));
  const [first] = keyed;
  if (first === undefined) return [];
  return inAlertBatch(db, { orgId: integration.orgId, number: alertBatchLaneOf(first.dedupKey) }, { integration, alerts: keyed, requestId }, log);
}
