import type { IncidentStatus } from "@incidentops/db";

export const STATUSES: readonly IncidentStatus[] = ["triggered", "acknowledged", "mitigated", "resolved"];

/** DESIGN.md's allowed moves, written out independently of the implementation's table. */
export const EXPECTED_ALLOWED = new Set<string>([
  "triggered->acknowledged",
  "triggered->resolved",
  "acknowledged->mitigated",
  "acknowledged->resolved",
  "mitigated->resolved",
]);
