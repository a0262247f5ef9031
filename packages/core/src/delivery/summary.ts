import type { NotificationPayload } from "./payload.js";

const MAX_SUMMARY = 1000;

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "Triggered", "Acknowledged", "No one on call" ... or "Test". */
export function kindLabel(payload: NotificationPayload): string {
  return payload.type === "test" ? "Test" : capitalize(payload.type.slice("incident.".length).replace(/_/g, " "));
}

export const severityLabel = (payload: NotificationPayload) => payload.incident.severity.toUpperCase();

export const statusLabel = (payload: NotificationPayload) => capitalize(payload.incident.status);

/** One line for subjects and headers, whatever the title holds. */
export const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** The incident's page in the web app (served at PUBLIC_URL): what "View incident" opens. */
export function incidentLink(payload: NotificationPayload, publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/incidents/${encodeURIComponent(payload.incident.id)}`;
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

function notifiedNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== "object" || entry === null || !("name" in entry)) return [];
    const name = text(entry.name);
    return name === null ? [] : [name];
  });
}

/** What happened, in a sentence: the comment, the status change, the escalation level... */
export function eventSummary(payload: NotificationPayload): string {
  if (payload.type === "test") return "This is a test notification from IncidentOps: this target receives notifications.";
  const { kind, data } = payload.event;
  let summary: string;
  switch (kind) {
    case "created": {
      const description = text(payload.incident.description);
      summary = `Incident triggered at ${severityLabel(payload)}${description === null ? "" : `: ${description}`}`;
      break;
    }
    case "status_changed":
      summary = `Status changed from ${text(data.fromStatus) ?? "?"} to ${text(data.toStatus) ?? payload.incident.status}`;
      break;
    case "commented":
      summary = `Comment: ${text(data.body) ?? ""}`;
      break;
    case "escalated": {
      const level = typeof data.level === "number" ? ` to level ${data.level}` : "";
      const names = notifiedNames(data.notified);
      summary = `Escalated${level}${names.length > 0 ? `, notifying ${names.join(", ")}` : ""}`;
      break;
    }
    case "assigned": {
      const names = notifiedNames(data.assignees);
      summary = names.length > 0 ? `Assigned to ${names.join(", ")}` : "Assigned";
      break;
    }
    case "no_one_on_call":
      summary =
        typeof data.level === "number"
          ? `No one was found to page at escalation level ${data.level}${data.everyLevel === true ? ", nor at any other level: the incident needs an owner" : ""}`
          : "No one was found to page";
      break;
    default:
      summary = kindLabel(payload);
  }
  return truncate(summary, MAX_SUMMARY);
}
