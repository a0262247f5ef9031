import type { IncidentEventRow, IncidentRow } from "@incidentops/db";
import { iso, isoOrNull } from "../mapping.js";
import { incidentEventKindSchema, type Assignee, type Incident, type IncidentEvent } from "./schema.js";

// Rows as the wire shows them: what the API answers, and what a notification carries (the
// lifecycle keeps each event's incident in this shape, so notifications show that moment).

export function toIncident(row: IncidentRow, assignees: Assignee[]): Incident {
  return {
    id: row.id,
    serviceId: row.service_id,
    title: row.title,
    description: row.description,
    type: row.type,
    status: row.status,
    severity: row.severity,
    version: row.version,
    dedupKey: row.dedup_key,
    alertCount: row.alert_count,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    triggeredAt: iso(row.triggered_at),
    acknowledgedAt: isoOrNull(row.acknowledged_at),
    mitigatedAt: isoOrNull(row.mitigated_at),
    resolvedAt: isoOrNull(row.resolved_at),
    assignees,
    snoozedUntil: isoOrNull(row.snoozed_until),
    ackTimeoutAt: isoOrNull(row.ack_timeout_at),
    firstAcknowledgedAt: isoOrNull(row.first_acknowledged_at),
    acknowledgeDueAt: isoOrNull(row.acknowledge_due_at),
    resolveDueAt: isoOrNull(row.resolve_due_at),
    acknowledgeBreachedAt: isoOrNull(row.acknowledge_breached_at),
    resolveBreachedAt: isoOrNull(row.resolve_breached_at),
    acknowledgeWarnAt: isoOrNull(row.acknowledge_warn_at),
    resolveWarnAt: isoOrNull(row.resolve_warn_at),
    acknowledgeWarnedAt: isoOrNull(row.acknowledge_warned_at),
    resolveWarnedAt: isoOrNull(row.resolve_warned_at),
  };
}

export function toIncidentEvent(row: IncidentEventRow): IncidentEvent {
  return {
    id: row.id,
    incidentId: row.incident_id,
    kind: incidentEventKindSchema.parse(row.kind),
    actorUserId: row.actor_user_id,
    data: row.data,
    createdAt: iso(row.created_at),
  };
}
