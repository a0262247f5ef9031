import type { Db, NotificationAttemptRow, Tx } from "@incidentops/db";
import { inScope } from "../scope.js";
import type { DeliveryOutcome } from "../delivery/index.js";
import { sendEmail, sendToTarget, type ChannelDeps } from "./channels.js";
import { toIncident, toIncidentEvent } from "../incidents/service.js";
import { enqueueJob } from "../jobs/enqueue.js";
import { DELIVERY_TASK, deliveryJobKey, type DeliveryJob } from "../jobs/tasks.js";
import { iso } from "../mapping.js";
import { notificationKindOf } from "./kinds.js";
import type { NotificationPayload } from "./payload.js";

export interface DeliveryDeps extends ChannelDeps {
  db: Db;
}

export type DeliveryResult = "succeeded" | "failed" | "retrying" | "skipped";

/** Exponential: base, 2x base, 4x base ... capped at an hour. */
export const retryDelayMs = (attempt: number, baseMs: number) => Math.min(baseMs * 2 ** (attempt - 1), 3_600_000);

function loadDelivery(db: Db, job: DeliveryJob) {
  return inScope(db, { orgId: job.orgId }, (tx) => readDelivery(tx, job));
}

async function readDelivery(db: Tx, job: DeliveryJob) {
  const attempt = await db
    .selectFrom("notification_attempts")
    .selectAll()
    .where("org_id", "=", job.orgId)
    .where("id", "=", job.attemptId)
    .executeTakeFirst();
  if (attempt === undefined || attempt.status !== "pending") return undefined;
  const [event, incident, org, target, user] = await Promise.all([
    db.selectFrom("incident_events").selectAll().where("org_id", "=", job.orgId).where("id", "=", attempt.event_id).executeTakeFirstOrThrow(),
    db.selectFrom("incidents").selectAll().where("org_id", "=", job.orgId).where("id", "=", attempt.incident_id).executeTakeFirstOrThrow(),
    db.selectFrom("orgs").select(["id", "name"]).where("id", "=", job.orgId).executeTakeFirstOrThrow(),
    attempt.target_id === null
      ? undefined
      : db.selectFrom("notification_targets").selectAll().where("org_id", "=", job.orgId).where("id", "=", attempt.target_id).executeTakeFirst(),
    attempt.user_id === null
      ? undefined
      : db.selectFrom("users").select(["id", "email"]).where("id", "=", attempt.user_id).executeTakeFirst(),
  ]);
  const payload: NotificationPayload = {
    // Stable across retries: receivers de-duplicate on it (it is also the webhook-id).
    id: attempt.id,
    type: `incident.${notificationKindOf(event) ?? "escalated"}`,
    occurredAt: iso(event.created_at),
    org,
    incident: toIncident(incident),
    event: toIncidentEvent(event),
  };
  return { attempt, payload, target, user };
}

async function send(deps: DeliveryDeps, delivery: NonNullable<Awaited<ReturnType<typeof loadDelivery>>>): Promise<DeliveryOutcome> {
  const { payload, target, user } = delivery;
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
    await tx
      .updateTable("notification_attempts")
      .set({
        attempt_count: count,
        status: result === "retrying" ? "pending" : result,
        last_http_status: outcome.httpStatus,
        last_error: outcome.error,
        note: outcome.note,
        updated_at: now,
        completed_at: result === "retrying" ? null : now,
      })
      .where("org_id", "=", attempt.org_id)
      .where("id", "=", attempt.id)
      .execute();
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
