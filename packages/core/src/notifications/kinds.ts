import type { IncidentEventRow } from "@incidentops/db";
import type { NotificationPayload } from "../delivery/index.js";
import type { NotificationKind } from "../schema.js";

/** What a timeline event means to someone subscribed to notifications; null: nothing to send. */
export function notificationKindOf(event: Pick<IncidentEventRow, "kind" | "data">): NotificationKind | null {
  switch (event.kind) {
    case "created":
      return "triggered";
    case "commented":
      return "commented";
    case "escalated":
      return "escalated";
    case "severity_changed":
      return "severity_changed";
    case "title_changed":
    case "type_changed":
    case "description_changed":
      return "updated";
    case "sla_at_risk":
      return "sla_at_risk";
    case "sla_breached":
      return "sla_breached";
    case "status_update_posted":
      return "status_update";
    case "status_changed": {
      const to = event.data.toStatus;
      // Back to triggered (a snooze or an acknowledgement timeout ran out) is news to those who follow triggers.
      return to === "triggered" || to === "acknowledged" || to === "mitigated" || to === "resolved" ? to : null;
    }
    default:
      return null;
  }
}

/**
 * The `type` of a delivery about the event: what a person was paged about (an assignment, nobody
 * on call), else the event's notification kind (an escalation level's page is `escalated`).
 */
export function payloadTypeOf(event: Pick<IncidentEventRow, "kind" | "data">): NotificationPayload["type"] {
  if (event.kind === "assigned" || event.kind === "no_one_on_call") return `incident.${event.kind}`;
  return `incident.${notificationKindOf(event) ?? "escalated"}`;
}
