import type { Db } from "@incidentops/db";
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";
import { enterIntegrationScope, enterIntegrationScopeAndTake, type Integration } from "../integrations/service.js";
import { takeFromWindow } from "../rate-limit/repository.js";
import { inRounds, type RoundCall } from "../rounds.js";

/** What a batch of alerts is sent with: the routing key that names the integration, and its limit. */
export interface AlertDelivery {
  routingKey: string;
  requestId: string;
  /** The request's log: where a retry of its transaction is logged (retryingConflicts). */
  log: Logger;
  /** Alerts one integration may send per minute, counted in PostgreSQL across replicas. */
  limitPerMinute: number;
}

const INGEST_WINDOW_MS = 60_000;
/** An integration's counter is this and its id: the routing key (a credential) is never stored. */
const INGEST_COUNTER_PREFIX = "ingest:";

/** Admissions of one key that one round (one statement) serves at most. */
const MAX_PER_ROUND = 100;

/** Each alert of a request counts once on its integration's counter: `count` of them, under `limitPerMinute`. */
interface Allowance {
  counterKey: string;
  count: number;
  limitPerMinute: number;
}

const refusal = (take: { resetInMs: number }, { count, limitPerMinute }: Allowance) =>
  new AppError("RATE_LIMITED", `over ${limitPerMinute} alerts per minute for this routing key with ${count === 1 ? "this alert" : `these ${count} alerts`}: retry after the Retry-After seconds`, {
    retryAfterSeconds: Math.max(1, Math.ceil(take.resetInMs / 1000)),
    limit: limitPerMinute,
    windowSeconds: INGEST_WINDOW_MS / 1000,
  });

/**
 * One round of an integration's takes: all of them in one statement when they fit together, as
 * they do but near the limit; else one by one, in the order they came, each taken or refused.
 */
async function takeRound(db: Db, _round: string, calls: readonly RoundCall<Allowance, undefined>[]): Promise<void> {
  const [first] = calls;
  if (first === undefined) return;
  // A round's calls share the counter and the limit: both are in its key.
  const { counterKey, limitPerMinute } = first.input;
  const total = calls.reduce((sum, call) => sum + call.input.count, 0);
  if (calls.length > 1 && (await takeFromWindow(db, counterKey, INGEST_WINDOW_MS, total, limitPerMinute)).taken) {
    for (const call of calls) call.resolve(undefined);
    return;
  }
  for (const call of calls) {
    const take = await takeFromWindow(db, counterKey, INGEST_WINDOW_MS, call.input.count, limitPerMinute);
    if (take.taken) call.resolve(undefined);
    else call.reject(refusal(take, call.input));
  }
}

const takeInRounds = inRounds<Allowance, undefined>(takeRound, MAX_PER_ROUND);

/**
 * An integration with a signing secret takes only requests whose signature its route checks
 * (Grafana's). Any other route answers its key as it answers an unknown one: the key is in the
 * contact point's URL, and sending it elsewhere must not step around the secret.
 */
export function refuseUnsignedRoute(integration: Integration): void {
  if (integration.signingSecret !== null) throw signedOnly();
}

const signedOnly = () =>
  new AppError("NOT_FOUND", "Unknown routing key for this route: its integration has a signing secret, so it takes only signed requests, at /v1/integrations/grafana/{routingKey}");

/**
 * Each alert counts once against its integration's per-minute limit (a batch of 100 counts 100),
 * all or nothing: a batch that does not fit is refused whole with 429 and counts nothing. The
 * counter is keyed by the integration, so an unknown routing key never makes a row, and the key
 * itself (a credential) is never stored in it. Requests of one integration that come while its
 * last take runs are counted together in the next (one statement), in the order they came.
 */
export function takeAlertAllowance(db: Db, integration: Integration, count: number, limitPerMinute: number): Promise<void> {
  const counterKey = `${INGEST_COUNTER_PREFIX}${integration.id}`;
  return takeInRounds(db, `${counterKey}:${limitPerMinute}`, { counterKey, count, limitPerMinute });
}

/** A routing key's admission of `count` alerts, under this limit. */
interface Admission {
  routingKey: string;
  count: number;
  limitPerMinute: number;
}

/**
 * One round of a routing key's admissions: the lookup and the take of all their alerts in one
 * statement (enterIntegrationScopeAndTake); when they do not all fit, each takes its own in
 * turn, as takeRound does. A key that names no integration is every call's 404.
 */
async function admitRound(db: Db, _round: string, calls: readonly RoundCall<Admission, Integration>[]): Promise<void> {
  const [first] = calls;
  if (first === undefined) return;
  const { routingKey, limitPerMinute } = first.input;
  const count = calls.reduce((sum, call) => sum + call.input.count, 0);
  const { integration, taken } = await enterIntegrationScopeAndTake(db, routingKey, { counterPrefix: INGEST_COUNTER_PREFIX, windowMs: INGEST_WINDOW_MS, count, limit: limitPerMinute });
  if (integration.signingSecret !== null) {
    for (const call of calls) call.reject(signedOnly());
    return;
  }
  if (taken) {
    for (const call of calls) call.resolve(integration);
    return;
  }
  for (const call of calls) {
    await takeAlertAllowance(db, integration, call.input.count, limitPerMinute).then(() => call.resolve(integration), call.reject);
  }
}

const admitInRounds = inRounds<Admission, Integration>(admitRound, MAX_PER_ROUND);

/**
 * Admits `count` alerts (or change events) sent with a routing key: the key must name an
 * integration without a signing secret (404 otherwise: see refuseUnsignedRoute) and they must fit
 * its per-minute limit (429 otherwise). One round
 * trip while they fit. Requests with one routing key that come while its last admission runs
 * share the next one.
 */
export const admitAlerts = (db: Db, delivery: AlertDelivery, count: number): Promise<Integration> =>
  admitInRounds(db, `${delivery.routingKey}:${delivery.limitPerMinute}`, { routingKey: delivery.routingKey, count, limitPerMinute: delivery.limitPerMinute });

/** One round of a routing key's lookups: one statement, whose answer (or 404) is every request's. */
async function findRound(db: Db, routingKey: string, calls: readonly RoundCall<undefined, Integration>[]): Promise<void> {
  const integration = await enterIntegrationScope(db, routingKey);
  for (const call of calls) call.resolve(integration);
}

const findInRounds = inRounds<undefined, Integration>(findRound, MAX_PER_ROUND);

/**
 * The integration the delivery's routing key names (404 if none), with its settings. Requests with
 * one routing key that come while its last lookup runs share the next one.
 */
export const findIntegration = (db: Db, delivery: AlertDelivery): Promise<Integration> => findInRounds(db, delivery.routingKey, undefined);
