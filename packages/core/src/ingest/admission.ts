import type { Db } from "@incidentops/db";
import { AppError } from "../errors.js";
import { enterIntegrationScope, type Integration } from "../integrations/service.js";
import { takeFromWindow } from "../rate-limit/repository.js";

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
export async function takeAlertAllowance(db: Db, integration: Integration, count: number, limitPerMinute: number): Promise<void> {
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
 * Admits `count` alerts (or change events) sent with a routing key: the key must name an
 * integration (404 otherwise) and they must fit its per-minute limit (429 otherwise).
 */
export async function admitAlerts(db: Db, delivery: AlertDelivery, count: number): Promise<Integration> {
  const integration = await findIntegration(db, delivery);
  await takeAlertAllowance(db, integration, count, delivery.limitPerMinute);
  return integration;
}

/** The integration the delivery's routing key names (404 if none), with its settings. */
export const findIntegration = (db: Db, delivery: AlertDelivery): Promise<Integration> => enterIntegrationScope(db, delivery.routingKey);
