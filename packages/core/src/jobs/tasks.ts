import type { NotificationChannel } from "@incidentops/db";
import type {} from "graphile-worker";
import { z } from "zod";

/**
 * A delivery job runs one lane: a recipient (target or person) of an org, whose attempts it sends
 * one at a time (docs/decisions/0020-delivery-lanes.md); the attempt rows hold the rest. Jobs
 * queued before lanes existed name one attempt, and run that attempt's lane.
 */
const deliveryJob = z.union([
  z.object({ orgId: z.uuid(), recipientId: z.uuid(), requestId: z.string() }),
  z.object({ orgId: z.uuid(), attemptId: z.uuid(), requestId: z.string() }),
]);

/**
 * The most events or incidents one job names: a batch's work in one transaction, bounded. A batch
 * that has more is split over several jobs (listsPerJob).
 */
export const MAX_IDS_PER_JOB = 1000;

/** `items` in lists of at most MAX_IDS_PER_JOB, in order: one per job. */
export function listsPerJob<T>(items: readonly T[]): T[][] {
  const lists: T[][] = [];
  for (let start = 0; start < items.length; start += MAX_IDS_PER_JOB) lists.push(items.slice(start, start + MAX_IDS_PER_JOB));
  return lists;
}

/** A check of an SLA deadline's stage: one incident's (keyed), or several incidents' due together. */
const slaKind = z.enum(["acknowledge", "resolve"]);
const slaCheck = z.union([
  z.object({ orgId: z.uuid(), incidentId: z.uuid(), kind: slaKind, requestId: z.string() }),
  z.object({ orgId: z.uuid(), kind: slaKind, incidentIds: z.array(z.uuid()).min(1).max(MAX_IDS_PER_JOB), requestId: z.string() }),
]);

/**
 * Every task's payload, declared once: the worker validates each job against its schema before
 * running it, and the payload types below (what enqueueJob() and addJob() accept) are inferred
 * from them.
 */
export const taskPayloadSchemas = {
  /**
   * Fan timeline events out to the org's matching notification targets: one event (a change made
   * by itself), or the events of an alert batch together (one transaction for all).
   */
  incident_event: z.union([
    z.object({ orgId: z.uuid(), eventId: z.uuid(), requestId: z.string() }),
    z.object({ orgId: z.uuid(), eventIds: z.array(z.uuid()).min(1).max(MAX_IDS_PER_JOB), requestId: z.string() }),
  ]),
  send_webhook: deliveryJob,
  send_slack: deliveryJob,
  send_teams: deliveryJob,
  send_discord: deliveryJob,
  send_mattermost: deliveryJob,
  send_email: deliveryJob,
  send_sms: deliveryJob,
  send_voice: deliveryJob,
  /**
   * Notify escalation step `step` of the incident's policy, unless it was acknowledged (and, with
   * `dueAt`, unless the incident's next step is no longer due then); or the steps of several
   * incidents together (one transaction for all): an alert batch's first steps (`dueAt` null), or
   * the next steps that a batch of steps scheduled for one time.
   */
  escalate_if_unacked: z.union([
    z.object({
      orgId: z.uuid(),
      incidentId: z.uuid(),
      step: z.number().int().nonnegative(),
      manual: z.boolean(),
      dueAt: z.iso.datetime().optional(),
      requestId: z.string(),
    }),
    z.object({
      orgId: z.uuid(),
      steps: z.array(z.object({ incidentId: z.uuid(), step: z.number().int().nonnegative() })).min(1).max(MAX_IDS_PER_JOB),
      dueAt: z.iso.datetime().nullable(),
      requestId: z.string(),
    }),
  ]),
  /** Expires the heartbeat and opens its incident, unless a ping came in time. Runs at the deadline; each ping moves it. */
  heartbeat_check: z.object({ orgId: z.uuid(), heartbeatId: z.uuid(), requestId: z.string() }),
  /**
   * Records a breach of the incident's `kind` deadline, unless it was met (or moved) meanwhile.
   * Runs at the deadline: keyed per incident and kind (slaJobKey), or (an alert batch's incidents,
   * due together) unkeyed for several incidents, each checked as one.
   */
  sla_breach: slaCheck,
  /** Records a warning that the incident's `kind` deadline nears (sla_at_risk), as sla_breach records its breach, at the warning's time. */
  sla_warning: slaCheck,
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
   * A password reset asked for `email` (normalised), known account or not: the job issues the
   * token and its email only for an account (the request itself does the same work either way).
   */
  issue_password_reset: z.object({ email: z.string().min(1), ip: z.string().nullable(), requestId: z.string() }),
  /**
   * An email to a person about their account (invitation, password reset). The text holds a
   * single-use link, so the job row carries it only until it is sent (then it is deleted).
   */
  send_account_email: z.object({ to: z.email(), subject: z.string().min(1), text: z.string().min(1), requestId: z.string() }),
  /**
   * Plans the shift notifications of one schedule for the next hours (a job per shift start and
   * reminder), then runs again before that window ends. Replanned at once when the schedule or its
   * overrides change.
   */
  plan_shift_notices: z.object({ orgId: z.uuid(), scheduleId: z.uuid(), requestId: z.string() }),
  /** Replans the shift notices of every schedule naming the person (their reminder changed). */
  replan_user_shift_notices: z.object({ userId: z.uuid(), requestId: z.string() }),
  /** Tells a person their shift starts (`start`) or will start (`reminder`), if it still does then. */
  send_shift_notice: z.object({
    orgId: z.uuid(),
    scheduleId: z.uuid(),
    userId: z.uuid(),
    shiftStart: z.iso.datetime(),
    kind: z.enum(["start", "reminder"]),
    requestId: z.string(),
  }),
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
  teams: "send_teams",
  discord: "send_discord",
  mattermost: "send_mattermost",
  email: "send_email",
  sms: "send_sms",
  voice: "send_voice",
} as const satisfies Record<NotificationChannel, TaskName>;

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
/**
 * The keyed check of an incident's deadline, at its warning or at the deadline (an alert batch's
 * are unkeyed jobs of several): re-arming replaces it, meeting the deadline removes it.
 */
export const slaJobKey = (stage: "warning" | "breach", kind: "acknowledge" | "resolve", incidentId: string) =>
  `${stage === "breach" ? "sla" : "sla-warning"}:${kind}:${incidentId}`;
/**
 * graphile-worker runs lower priorities first: a breach check that is due goes ahead of a backlog
 * of fan-outs and escalations on the runner they share, so it is recorded within seconds of its
 * deadline (bench/README.md).
 */
export const SLA_JOB_PRIORITY = -10;
/** One pending miss check per heartbeat, at its deadline: each ping replaces it. */
export const heartbeatJobKey = (heartbeatId: string) => `heartbeat:${heartbeatId}`;
/** One queued job per lane: waking a lane that already has one moves that one, never adds another. */
export const laneJobKey = (orgId: string, recipientId: string) => `lane:${orgId}:${recipientId}`;

export const shiftPlanJobKey = (scheduleId: string) => `shift-plan:${scheduleId}`;
/** One key per notice: planning the same notice again leaves the job that is there (see enqueueJob's jobKeyMode). */
export const shiftNoticeJobKey = (notice: { scheduleId: string; userId: string; shiftStart: string; kind: string }) =>
  `shift-notice:${notice.scheduleId}:${notice.userId}:${notice.shiftStart}:${notice.kind}`;
