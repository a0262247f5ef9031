import type { Incident, IncidentEvent } from "../incidents/schema.js";
import type { NotificationKind } from "../schema.js";

/**
 * The body of every delivery, whatever the channel: a webhook POSTs it as JSON; Slack and email
 * render it. `id` is stable per (event, target), so receivers can de-duplicate retries.
 */
/** What a person is paged about beyond the kinds targets subscribe to. */
export type PageKind = "assigned" | "no_one_on_call";

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
