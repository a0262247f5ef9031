import type { IncidentEventRow } from "@incidentops/db";
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
    case "description_changed":
      return "updated";
    case "sla_breached":
      return "sla_breached";
    case "status_update_posted":
      return "status_update";
    case "status_changed": {
      const to = event.data.toStatus;
      return to === "acknowledged" || to === "mitigated" || to === "resolved" ? to : null;
    }
    default:
      return null;
  }
}
