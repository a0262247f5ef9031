import type { Db, Tx } from "@incidentops/db";
import { pageOrderedBy } from "../keyset.js";

const BY_OCCURRENCE = { time: "occurred_at", id: "id" } as const;

export function insertChangeEvent(
  tx: Tx,
  event: { orgId: string; serviceId: string; integrationId: string; summary: string; source: string | null; occurredAt: Date | undefined; customDetails: unknown; links: unknown[]; notes: string[] },
) {
  return tx
    .insertInto("change_events")
    .values({
      org_id: event.orgId,
      service_id: event.serviceId,
      integration_id: event.integrationId,
      summary: event.summary,
      source: event.source,
      occurred_at: event.occurredAt,
      custom_details: event.customDetails === undefined ? null : JSON.stringify(event.customDetails),
      links: JSON.stringify(event.links),
      notes: event.notes,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/**
 * A service's change events, newest first by (occurred_at, id); with `window`, only those that
 * happened inside it (an incident's open time: `until` null while it is still open).
 */
export function listChangeEvents(
  db: Db | Tx,
  orgId: string,
  serviceId: string,
  page: { limit: number; after: { createdAt: string; id: string } | undefined },
  window?: { since: Date; until: Date | null },
) {
  let query = db.selectFrom("change_events").selectAll().where("org_id", "=", orgId).where("service_id", "=", serviceId);
  if (window !== undefined) {
    query = query.where("occurred_at", ">=", window.since);
    if (window.until !== null) query = query.where("occurred_at", "<=", window.until);
  }
  return pageOrderedBy(query, BY_OCCURRENCE, "desc", page.limit, page.after).execute();
}
