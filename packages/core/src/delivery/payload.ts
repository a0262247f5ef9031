import type { Incident, IncidentEvent } from "../incidents/schema.js";
import type { NotificationKind } from "../schema.js";

/** What a person is paged about beyond the kinds targets subscribe to. */
export type PageKind = "assigned" | "no_one_on_call";

/**
 * The body of every delivery, whatever the channel: a webhook POSTs it as JSON; Slack and email
 * render it. `id` is stable per (event, target), so receivers can de-duplicate retries.
 */
export interface NotificationPayload {
  id: string;
  type: `incident.${NotificationKind | PageKind}` | "test";
  occurredAt: string;
  org: { id: string; name: string };
  /** The incident's service, by name: what messages show. */
  service: { id: string; name: string };
  incident: Incident;
  event: IncidentEvent;
}

/**
 * An incident as it is the moment it opens, at `at`: triggered, at version 1, with no alert,
 * assignee, acknowledgement or deadline yet. What a target's test notification describes (an
 * incident that does not exist), and what tests of the channels send.
 */
export const justOpenedIncident = (incident: Pick<Incident, "id" | "serviceId" | "title" | "description" | "type" | "severity" | "createdBy">, at: string): Incident => ({
  ...incident,
  status: "triggered",
  version: 1,
  dedupKey: null,
  alertCount: 0,
  createdAt: at,
  updatedAt: at,
  triggeredAt: at,
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  assignees: [],
  snoozedUntil: null,
  ackTimeoutAt: null,
  firstAcknowledgedAt: null,
  acknowledgeDueAt: null,
  resolveDueAt: null,
  acknowledgeBreachedAt: null,
  resolveBreachedAt: null,
  acknowledgeWarnAt: null,
  resolveWarnAt: null,
  acknowledgeWarnedAt: null,
  resolveWarnedAt: null,
});
