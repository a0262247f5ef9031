import type { IncidentStatus } from "@incidentops/db";

/** The moves an incident may make: each step forward, or straight to resolved before mitigation. */
export const ALLOWED_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  triggered: ["acknowledged", "resolved"],
  acknowledged: ["mitigated", "resolved"],
  mitigated: ["resolved"],
  resolved: [],
};

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** The column stamped when an incident enters a status. */
export const STATUS_TIMESTAMP_COLUMN = {
  triggered: "triggered_at",
  acknowledged: "acknowledged_at",
  mitigated: "mitigated_at",
  resolved: "resolved_at",
} as const satisfies Record<IncidentStatus, string>;
