import type {} from "graphile-worker";

/** Every delivery job names one notification attempt; the attempt row holds the rest. */
export interface DeliveryJob {
  orgId: string;
  attemptId: string;
  requestId: string;
}

// Typed job payloads: `addJob("send_webhook", payload)` and enqueueJob() are checked against these.
// graphile-worker declares the GraphileWorker namespace; merging into it is how payloads get types.
/* eslint-disable @typescript-eslint/no-namespace */
declare global {
  namespace GraphileWorker {
    interface Tasks {
      /** Fan one timeline event out to the org's matching notification targets. */
      incident_event: { orgId: string; eventId: string; requestId: string };
      send_webhook: DeliveryJob;
      send_slack: DeliveryJob;
      send_email: DeliveryJob;
      /** Notify escalation step `step` of the incident's policy, unless it was acknowledged. */
      escalate_if_unacked: { orgId: string; incidentId: string; step: number; manual: boolean; requestId: string };
      /**
       * An email to a person about their account (invitation, password reset). The text holds a
       * single-use link, so the job row carries it only until it is sent (then it is deleted).
       */
      send_account_email: { to: string; subject: string; text: string; requestId: string };
    }
  }
}
/* eslint-enable @typescript-eslint/no-namespace */

export type TaskName = keyof GraphileWorker.Tasks;
export type TaskPayload<K extends TaskName> = GraphileWorker.Tasks[K];

export const DELIVERY_TASK = { webhook: "send_webhook", slack: "send_slack", email: "send_email" } as const;

/** Escalations run on their own queue so a backlog of deliveries never delays them. */
export const ESCALATION_QUEUE = "critical";

export const escalationJobKey = (incidentId: string) => `escalation:${incidentId}`;
export const deliveryJobKey = (attemptId: string) => `delivery:${attemptId}`;
