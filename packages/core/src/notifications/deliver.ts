import type { Db, NotificationAttemptRow } from "@incidentops/db";
import {
  sendEmail,
  sendToContactMethod,
  sendToTarget,
  type ChannelDeps,
  type DeliveryOutcome,
  type NotificationPayload,
} from "../delivery/index.js";
import { toIncidentEvent, toIncidentOf } from "../incidents/service.js";
import { enqueueJob } from "../jobs/enqueue.js";
import { DELIVERY_TASK, deliveryJobKey, type DeliveryJob } from "../jobs/tasks.js";
import { iso } from "../mapping.js";
import { inScope } from "../scope.js";
import { payloadTypeOf } from "./kinds.js";
import { findAttempt, findDeliveryContext, recordAttemptOutcome } from "./repository.js";

export interface DeliveryDeps extends ChannelDeps {
  db: Db;
}

export type DeliveryResult = "succeeded" | "failed" | "retrying" | "skipped";

/** Exponential: base, 2x base, 4x base ... capped at an hour. */
export const retryDelayMs = (attempt: number, baseMs: number) => Math.min(baseMs * 2 ** (attempt - 1), 3_600_000);

/** The attempt to send and its payload; undefined when it is gone or no longer pending. */
function loadDelivery(db: Db, job: DeliveryJob) {
  return inScope(db, { orgId: job.orgId }, async (tx) => {
    const attempt = await findAttempt(tx, job.orgId, job.attemptId);
    if (attempt === undefined || attempt.status !== "pending") return undefined;
    const { event, incident, org, target, user, contactMethod } = await findDeliveryContext(tx, job.orgId, attempt);
    const payload: NotificationPayload = {
      // Stable across retries: receivers de-duplicate on it (it is also the webhook-id).
      id: attempt.id,
      type: payloadTypeOf(event),
      occurredAt: iso(event.created_at),
      org,
      incident: await toIncidentOf(tx, job.orgId, incident),
      event: toIncidentEvent(event),
    };
    return { attempt, payload, target, user, contactMethod };
  });
}

const failedForGood = (error: string): DeliveryOutcome => ({ ok: false, httpStatus: null, error, note: null, durationMs: 0, permanent: true });

async function send(deps: DeliveryDeps, delivery: NonNullable<Awaited<ReturnType<typeof loadDelivery>>>): Promise<DeliveryOutcome> {
  const { attempt, payload, target, user, contactMethod } = delivery;
  // A page through a contact method (a rule's delay is recorded); before contact methods, pages
  // went to the account email.
  if (attempt.user_id !== null && attempt.delay_minutes !== null) {
    if (contactMethod === undefined) return failedForGood("the contact method was deleted");
    return sendToContactMethod(deps, contactMethod, payload);
  }
  if (user !== undefined) return sendEmail(deps, user.email, payload);
  if (target === undefined || !target.enabled) {
    return { ok: false, httpStatus: null, error: "the notification target was disabled", note: null, durationMs: 0 };
  }
  return sendToTarget(deps, target, payload);
}

/**
 * A delivery job: sends one attempt and records the outcome. A failure is retried by a new job
 * with the same key after an exponential delay, until the configured maximum of attempts; the
 * attempt then ends `failed` with its last error and HTTP status.
 */
export async function runDelivery(deps: DeliveryDeps, job: DeliveryJob): Promise<DeliveryResult> {
  const delivery = await loadDelivery(deps.db, job);
  if (delivery === undefined) return "skipped";
  const outcome = await send(deps, delivery);
  return recordOutcome(deps, delivery.attempt, outcome, job);
}

async function recordOutcome(
  deps: DeliveryDeps,
  attempt: NotificationAttemptRow,
  outcome: DeliveryOutcome,
  job: DeliveryJob,
): Promise<DeliveryResult> {
  const count = attempt.attempt_count + 1;
  const exhausted = outcome.permanent === true || count >= deps.config.delivery.maxAttempts;
  const result: DeliveryResult = outcome.ok ? "succeeded" : exhausted ? "failed" : "retrying";
  const now = new Date();
  await inScope(deps.db, { orgId: attempt.org_id }, async (tx) => {
    await recordAttemptOutcome(tx, attempt.org_id, attempt.id, {
      attemptCount: count,
      status: result === "retrying" ? "pending" : result,
      lastHttpStatus: outcome.httpStatus,
      lastError: outcome.error,
      note: outcome.note,
      at: now,
      completedAt: result === "retrying" ? null : now,
    });
    if (result === "retrying") {
      // A new job with the same key, not graphile-worker's retries: docs/decisions/0004-delivery-retries.md.
      await enqueueJob(tx, DELIVERY_TASK[attempt.channel], job, {
        jobKey: deliveryJobKey(attempt.id),
        runAt: new Date(now.getTime() + retryDelayMs(count, deps.config.delivery.retryBaseMs)),
      });
    }
  });
  return result;
}
