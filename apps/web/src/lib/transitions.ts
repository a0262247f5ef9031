import type { Incident, IncidentStatus } from "./api-types";

/** The design's moves: each step forward, and triggered|acknowledged -> resolved. */
const ALLOWED: Record<IncidentStatus, readonly IncidentStatus[]> = {
  triggered: ["acknowledged", "resolved"],
  acknowledged: ["mitigated", "resolved"],
  mitigated: ["resolved"],
  resolved: [],
};

export const canMove = (from: IncidentStatus, to: IncidentStatus) => ALLOWED[from].includes(to);

/** The verbs of the actions that move an incident. */
export const ACTION_VERB = { acknowledged: "Acknowledge", mitigated: "Mitigate", resolved: "Resolve" } as const;
export type ActionTarget = keyof typeof ACTION_VERB;

/** What changed between the incident a person acted on and the incident as it is now, in words. */
export function describeChanges(before: Incident, after: Incident): string[] {
  const changes: string[] = [];
  if (before.status !== after.status) changes.push(`its status changed from ${before.status} to ${after.status}`);
  if (before.severity !== after.severity) changes.push(`its severity changed from ${before.severity} to ${after.severity}`);
  if (before.title !== after.title) changes.push(`its title is now “${after.title}”`);
  if (before.description !== after.description) changes.push("its description changed");
  if (before.type !== after.type) changes.push(after.type === null ? "its type was cleared" : `its type is now “${after.type}”`);
  if (before.alertCount !== after.alertCount) changes.push(`${after.alertCount - before.alertCount} more alert(s) arrived`);
  const names = (incident: Incident) => incident.assignees.map((a) => a.name).join(", ");
  if (names(before) !== names(after)) changes.push(after.assignees.length === 0 ? "it has no assignee now" : `it is now assigned to ${names(after)}`);
  if (before.snoozedUntil !== after.snoozedUntil) changes.push(after.snoozedUntil === null ? "its snooze ended" : "it was snoozed");
  if (changes.length === 0 && before.version !== after.version) changes.push("it was updated");
  return changes;
}
