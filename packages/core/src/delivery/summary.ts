import type { NotificationKind } from "../schema.js";
import type { NotificationPayload, PageKind } from "./payload.js";

const MAX_SUMMARY = 1000;

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const KIND_LABELS: Record<NotificationKind, string> = {
  triggered: "Triggered",
  acknowledged: "Acknowledged",
  mitigated: "Mitigated",
  resolved: "Resolved",
  escalated: "Escalated",
  commented: "Commented",
  severity_changed: "Severity changed",
  updated: "Updated",
  sla_at_risk: "SLA at risk",
  sla_breached: "SLA breached",
  status_update: "Status update",
};

const PAGE_LABELS: Record<PageKind, string> = { assigned: "Assigned", no_one_on_call: "No one on call" };

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Whether the event is the first page of a triggering: the first step of the escalation that the
 * incident's opening (or its return to triggered) started, not one a person or a level's delay
 * made. It is an `escalated` event, but to the people it pages it is the incident triggering.
 */
const isFirstPage = (payload: NotificationPayload) =>
  payload.type === "incident.escalated" && payload.event.data.step === 1 && payload.event.data.manual !== true;

/** "Triggered", "Acknowledged", "SLA breached", "No one on call" ... or "Test". */
export function kindLabel(payload: NotificationPayload): string {
  if (payload.type === "test") return "Test";
  if (isFirstPage(payload)) return KIND_LABELS.triggered;
  const kind = payload.type.slice("incident.".length);
  return kind in KIND_LABELS ? KIND_LABELS[kind as NotificationKind] : PAGE_LABELS[kind as PageKind];
}

export const severityLabel = (payload: NotificationPayload) => payload.incident.severity.toUpperCase();

export const statusLabel = (payload: NotificationPayload) => capitalize(payload.incident.status);

/** One line for subjects and headers, whatever the title holds. */
export const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** "[SEV1] Triggered: Checkout returns 502": a chat message's first line. */
export const headlineOf = (payload: NotificationPayload) => `[${severityLabel(payload)}] ${kindLabel(payload)}: ${oneLine(payload.incident.title)}`;

/** The facts every chat message shows, as label and value; the status is the incident's at the event. */
export const incidentFacts = (payload: NotificationPayload): { label: string; value: string }[] => [
  { label: "Severity", value: severityLabel(payload) },
  { label: "Status", value: statusLabel(payload) },
  { label: "Service", value: payload.service.name },
  { label: "Event", value: kindLabel(payload) },
];

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

/** The heartbeat behind an event (a miss that opened the incident, the ping that resolved it), if any. */
function heartbeatOf(data: Record<string, unknown>): { name: string; intervalSeconds: number; lastPingAt: string | null } | null {
  const value = data.heartbeat;
  if (typeof value !== "object" || value === null || !("name" in value) || !("intervalSeconds" in value)) return null;
  const lastPingAt = "lastPingAt" in value ? text(value.lastPingAt) : null;
  return { name: text(value.name) ?? "?", intervalSeconds: Number(value.intervalSeconds), lastPingAt };
}

/** A task_updated event's change, in words. */
function taskChange(data: Record<string, unknown>): string {
  const title = text(data.title) ?? "a task";
  const changes = typeof data.changes === "object" && data.changes !== null ? (data.changes as Record<string, { to?: unknown } | undefined>) : {};
  if (changes.done !== undefined) return `Task ${changes.done.to === true ? "done" : "reopened"}: ${title}`;
  if (changes.assigneeId !== undefined) return `Task ${changes.assigneeId.to === null ? "unassigned" : "reassigned"}: ${title}`;
  return `Task changed: ${title}`;
}

/**
 * What an event of an incident says, in a sentence: the comment, the status change, the
 * escalation level... (notifications and postmortem timelines).
 */
export function describeEvent(
  event: { kind: string; data: Record<string, unknown> },
  incident: { description: string | null; severity: string; status: string; title: string },
): string {
  const { data } = event;
  const heartbeat = heartbeatOf(data);
  switch (event.kind) {
    case "created": {
      if (heartbeat !== null) return `Heartbeat ${heartbeat.name} missed: no ping within ${heartbeat.intervalSeconds} s of ${heartbeat.lastPingAt === null ? "its creation" : `its last ping (${heartbeat.lastPingAt})`}`;
      const description = text(incident.description);
      return `Incident triggered at ${(text(data.severity) ?? incident.severity).toUpperCase()}${description === null ? "" : `: ${description}`}`;
    }
    case "status_changed":
      if (heartbeat !== null) return `Heartbeat ${heartbeat.name} pinged again: status changed from ${text(data.fromStatus) ?? "?"} to ${text(data.toStatus) ?? incident.status}`;
      return `Status changed from ${text(data.fromStatus) ?? "?"} to ${text(data.toStatus) ?? incident.status}`;
    case "commented":
      return `Comment: ${text(data.body) ?? ""}`;
    case "severity_changed":
      return `Severity changed from ${(text(data.from) ?? "?").toUpperCase()} to ${(text(data.to) ?? incident.severity).toUpperCase()}`;
    case "title_changed":
      return `Title changed to: ${text(data.to) ?? incident.title}`;
    case "type_changed":
      return `Type changed${text(data.to) === null ? " (cleared)" : ` to: ${text(data.to) ?? ""}`}`;
    case "description_changed":
      return `Description changed${text(data.to) === null ? " (cleared)" : `: ${text(data.to) ?? ""}`}`;
    case "sla_at_risk":
      return `SLA at risk: ${data.kind === "resolve" ? "resolving" : "a first response"} is due by ${text(data.dueAt) ?? "its deadline"}`;
    case "sla_breached":
      return `SLA breached: not ${data.kind === "resolve" ? "resolved" : "acknowledged"} by ${text(data.dueAt) ?? "its deadline"}`;
    case "status_update_posted":
      return `Status update (${text(data.status) ?? "update"}): ${text(data.body) ?? ""}`;
    case "escalated": {
      const level = typeof data.level === "number" ? ` to level ${data.level}` : "";
      const names = notifiedNames(data.notified);
      return `Escalated${level}${names.length > 0 ? `, notifying ${names.join(", ")}` : ""}`;
    }
    case "assigned": {
      const names = notifiedNames(data.assignees);
      return names.length > 0 ? `Assigned to ${names.join(", ")}` : "Assigned";
    }
    case "unassigned": {
      const [name] = notifiedNames([data.unassigned]);
      return `Unassigned ${name ?? "someone"}${data.reason === "member_removed" ? " (removed from the organisation)" : ""}`;
    }
    case "no_one_on_call": {
      const level = typeof data.level === "number" ? ` at escalation level ${data.level}` : "";
      return `No one was found to page${level}${data.everyLevel === true ? ", nor at any other level: the incident needs an owner" : ""}`;
    }
    case "task_created":
      return `Task added: ${text(data.title) ?? ""}`;
    case "task_updated":
      return taskChange(data);
    case "postmortem_published":
      return "Postmortem published";
    case "attachment_added":
      return `Attachment added: ${text(data.fileName) ?? ""}`;
    case "attachment_deleted":
      return `Attachment deleted: ${text(data.fileName) ?? ""}`;
    case "alert_repeated":
      return `Alert repeated (${typeof data.alertCount === "number" ? data.alertCount : "?"} so far)`;
    default:
      return capitalize(event.kind.replace(/_/g, " "));
  }
}

/** What happened, in a sentence, for a notification. */
export function eventSummary(payload: NotificationPayload): string {
  if (payload.type === "test") return "This is a test notification from IncidentOps: this target receives notifications.";
  if (isFirstPage(payload)) {
    const names = notifiedNames(payload.event.data.notified);
    return truncate(`Triggered on ${payload.service.name}${names.length > 0 ? `: paging ${names.join(", ")}` : ""}`, MAX_SUMMARY);
  }
  return truncate(describeEvent(payload.event, payload.incident), MAX_SUMMARY);
}
