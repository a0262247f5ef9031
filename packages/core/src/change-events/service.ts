import type { ChangeEventRow, Db, Tx } from "@incidentops/db";
import { requireService } from "../catalog/service.js";
import { getIncident } from "../incidents/service.js";
import { iso } from "../mapping.js";
import { createdAtCursor, decodeCursor, timePositionOf, toPage, type Page } from "../pagination.js";
import type { Actor } from "../policy.js";
import { insertChangeEvent, listChangeEvents } from "./repository.js";
import type { ChangeEvent, IncomingChangeEvent, ListIncidentChangeEventsInput, ListServiceChangeEventsInput } from "./schema.js";

// Change events (PagerDuty's Change Events API): deploys and other changes a tool reports to a
// service. They open no incident and page nobody; a responder finds them on the service and on
// every incident that was open when they happened ("what changed?").

const toChangeEvent = (row: ChangeEventRow): ChangeEvent => ({
  id: row.id,
  serviceId: row.service_id,
  integrationId: row.integration_id,
  summary: row.summary,
  source: row.source,
  occurredAt: iso(row.occurred_at),
  receivedAt: iso(row.created_at),
  customDetails: row.custom_details ?? null,
  links: row.links as ChangeEvent["links"],
  notes: row.notes,
});

/** Pages are ordered by occurrence: the cursor holds occurred_at in createdAtCursor's shape. */
const occurrencePositionOf = timePositionOf("occurred_at");

/** Records a change event received through `integration` (its org's scope already set on `tx`). */
export async function recordChangeEvent(tx: Tx, integration: { id: string; orgId: string; serviceId: string }, event: IncomingChangeEvent): Promise<{ id: string }> {
  return insertChangeEvent(tx, { orgId: integration.orgId, serviceId: integration.serviceId, integrationId: integration.id, ...event });
}

/** The service's change events, newest first. */
export async function listServiceChangeEvents(db: Db, actor: Actor, input: ListServiceChangeEventsInput): Promise<Page<ChangeEvent>> {
  await requireService(db, actor, input.serviceId);
  const rows = await listChangeEvents(db, actor.orgId, input.serviceId, { limit: input.limit, after: decodeCursor(createdAtCursor, input.cursor) });
  return toPage(rows, input.limit, toChangeEvent, occurrencePositionOf);
}

/** The change events of the incident's service that happened while it was open, newest first. */
export async function listIncidentChangeEvents(db: Db, actor: Actor, input: ListIncidentChangeEventsInput): Promise<Page<ChangeEvent>> {
  const incident = await getIncident(db, actor, { incidentId: input.incidentId });
  const window = { since: new Date(incident.createdAt), until: incident.resolvedAt === null ? null : new Date(incident.resolvedAt) };
  const rows = await listChangeEvents(db, actor.orgId, incident.serviceId, { limit: input.limit, after: decodeCursor(createdAtCursor, input.cursor) }, window);
  return toPage(rows, input.limit, toChangeEvent, occurrencePositionOf);
}
