import type { z } from "zod";
import type { Incident, IncidentEvent, notificationEventKindSchema } from "../schemas.js";

export type NotificationKind = z.infer<typeof notificationEventKindSchema>;

/**
 * The body of every delivery, whatever the channel: a webhook POSTs it as JSON; Slack and email
 * render it. `id` is stable per (event, target), so receivers can de-duplicate retries.
 */
export interface NotificationPayload {
  id: string;
  type: `incident.${NotificationKind}` | "test";
  occurredAt: string;
  org: { id: string; name: string };
  incident: Incident;
  event: IncidentEvent;
}
