import type { NotificationKind } from "./api-types";

/** Every kind of notification, in words, in the order the pickers show them (the record keeps it complete). */
export const NOTIFICATION_KIND_LABEL = {
  triggered: "Triggered",
  acknowledged: "Acknowledged",
  mitigated: "Mitigated",
  resolved: "Resolved",
  escalated: "Escalated",
  commented: "Commented",
  severity_changed: "Severity changed",
  updated: "Title or description changed",
  sla_at_risk: "SLA at risk",
  sla_breached: "SLA breached",
  status_update: "Status update posted",
} as const satisfies Record<NotificationKind, string>;

export const NOTIFICATION_KINDS = Object.keys(NOTIFICATION_KIND_LABEL) as NotificationKind[];

/** The kinds a target or a person chose, in words: "Triggered, SLA breached". */
export const describeKinds = (kinds: readonly NotificationKind[]) => kinds.map((kind) => NOTIFICATION_KIND_LABEL[kind]).join(", ");
