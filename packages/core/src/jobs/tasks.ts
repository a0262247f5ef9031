import type { NotificationChannel } from "@incidentops/db";
import type {} from "graphile-worker";
import { z } from "zod";

/** Every delivery job names one notification attempt; the attempt row holds the rest. */
const deliveryJob = z.object({ orgId: z.uuid(), attemptId: z.uuid(), requestId: z.string() });

/**
 * Every task's payload, declared once: the worker validates each job against its schema before
 * running it, and the payload types below (what enqueueJob() and addJob() accept) are inferred
 * from them.
 */
export const taskPayloadSchemas = {
  /** Fan one timeline event out to the org's matching notification targets. */
  incident_event: z.object({ orgId: z.uuid(), eventId: z.uuid(), requestId: z.string() }),
  send_webhook: deliveryJob,
  send_slack: deliveryJob,
  send_email: deliveryJob,
  send_sms: deliveryJob,
  send_voice: deliveryJob,
  /** Notify escalation step `step` of the incident's policy, unless it was acknowledged. */
  escalate_if_unacked: z.object({
    orgId: z.uuid(),
    incidentId: z.uuid(),
    step: z.number().int().nonnegative(),
    manual: z.boolean(),
    requestId: z.string(),
  }),
  /** Records a breach of the incident's `kind` deadline, unless it was met (or moved) meanwhile. Runs at the deadline. */
  sla_breach: z.object({ orgId: z.uuid(), incidentId: z.uuid(), kind: z.enum(["acknowledge", "resolve"]), requestId: z.string() }),
  /**
   * One notification rule of a person paged by the timeline event `eventId`, due now: sends
   * through the rule's contact method while the incident is still triggered and theirs.
   */
  page_rule: z.object({
    orgId: z.uuid(),
    incidentId: z.uuid(),
    eventId: z.uuid(),
    userId: z.uuid(),
    contactMethodId: z.uuid(),
    delayMinutes: z.number().int().min(0),
    requestId: z.string(),
  }),
  /** The end of a snooze or of an acknowledgement's timeout, due at `dueAt`: the incident returns to triggered, if it still says so. */
  retrigger_incident: z.object({ orgId: z.uuid(), incidentId: z.uuid(), dueAt: z.iso.datetime(), requestId: z.string() }),
  /**
   * An email to a person about their account (invitation, password reset). The text holds a
   * single-use link, so the job row carries it only until it is sent (then it is deleted).
   */
  send_account_email: z.object({ to: z.email(), subject: z.string().min(1), text: z.string().min(1), requestId: z.string() }),
};

type TaskPayloads = { [K in keyof typeof taskPayloadSchemas]: z.infer<(typeof taskPayloadSchemas)[K]> };

// graphile-worker declares the GraphileWorker namespace; merging into it is how `addJob` payloads
// get their types.
/* eslint-disable @typescript-eslint/no-namespace, @typescript-eslint/no-empty-object-type */
declare global {
  namespace GraphileWorker {
    interface Tasks extends TaskPayloads {}
  }
}
/* eslint-enable @typescript-eslint/no-namespace, @typescript-eslint/no-empty-object-type */

export type TaskName = keyof TaskPayloads;
export type TaskPayload<K extends TaskName> = TaskPayloads[K];
export type DeliveryJob = z.infer<typeof deliveryJob>;

export const DELIVERY_TASK = {
  webhook: "send_webhook",
  slack: "send_slack",
  email: "send_email",
  sms: "send_sms",
  voice: "send_voice",
} as const satisfies Record<NotificationChannel, TaskName>;

/** Escalations run on their own queue so a backlog of deliveries never delays them. */
export const ESCALATION_QUEUE = "critical";

export const escalationJobKey = (incidentId: string) => `escalation:${incidentId}`;
/** The pending return to triggered of an incident (a snooze's end or an acknowledgement timeout): one at a time. */
export const retriggerJobKey = (incidentId: string) => `retrigger:${incidentId}`;

/** A person has at most this many notification rules, so their pending pages for an incident are the keys below. */
export const MAX_NOTIFICATION_RULES = 20;
/** The pending delivery of a paged person's rule at `position`: a new page of them replaces it, an acknowledgement removes it. */
export const pageJobKey = (incidentId: string, userId: string, position: number) => `page:${incidentId}:${userId}:${position}`;
/** Every key a person's pending pages for an incident can have. */
export const pageJobKeysOf = (incidentId: string, userIds: readonly string[]) =>
  userIds.flatMap((userId) => Array.from({ length: MAX_NOTIFICATION_RULES }, (_, position) => pageJobKey(incidentId, userId, position)));
/** One pending breach check per incident and deadline: re-arming replaces it, meeting the deadline removes it. */
export const slaJobKey = (kind: "acknowledge" | "resolve", incidentId: string) => `sla:${kind}:${incidentId}`;
/**
 * graphile-worker runs lower priorities first: a breach check that is due goes ahead of a backlog
 * of deliveries, so it is recorded within seconds of its deadline (bench/README.md).
 */
export const SLA_JOB_PRIORITY = -10;
export const deliveryJobKey = (attemptId: string) => `delivery:${attemptId}`;
