import type { Db, IncidentStatus } from "@incidentops/db";
import * as lifecycle from "../incidents/lifecycle.js";
import { requireIncident } from "../incidents/service.js";
import { iso } from "../mapping.js";
import { createdAtCursor, createdAtPositionOf, decodeCursor, toPage, type Page } from "../pagination.js";
import { actorUserId, type Actor } from "../policy.js";
import { transact } from "../scope.js";
import { personOrNull } from "../users/service.js";
import { findStatusUpdate, insertStatusUpdate, listStatusUpdates as listRows, type StatusUpdateRow } from "./repository.js";
import type { ListStatusUpdatesInput, PostStatusUpdateInput, StatusUpdate, StatusUpdateStatus } from "./schema.js";

// Status updates: what stakeholders are told, apart from the responders' comments. Posting one
// adds a `status_update_posted` event to the timeline, delivered (as notification kind
// `status_update`) to the targets subscribed to it: those listing it, and those taking every
// kind (eventKinds null). A target meant for stakeholders lists only `status_update`, and so
// never receives the internal comments.

const toStatusUpdate = (row: StatusUpdateRow): StatusUpdate => ({
  id: row.id,
  incidentId: row.incident_id,
  body: row.body,
  status: row.status,
  author: personOrNull(row.author_id, row.author_name, row.author_email),
  createdAt: iso(row.created_at),
});

/** What stakeholders are told by default in each incident status. */
const DEFAULT_STATUS: Record<IncidentStatus, StatusUpdateStatus> = {
  triggered: "investigating",
  acknowledged: "investigating",
  mitigated: "monitoring",
  resolved: "resolved",
};

/** The incident's status updates, newest first. */
export async function listStatusUpdates(db: Db, actor: Actor, input: ListStatusUpdatesInput): Promise<Page<StatusUpdate>> {
  await requireIncident(db, actor, input.incidentId);
  const rows = await listRows(db, actor.orgId, input.incidentId, input.limit, decodeCursor(createdAtCursor, input.cursor));
  return toPage(rows, input.limit, toStatusUpdate, createdAtPositionOf);
}

/** Posts a status update. It tells; it does not move the incident (its `status` is the stakeholders' phase). */
export async function postStatusUpdate(db: Db, actor: Actor, input: PostStatusUpdateInput): Promise<StatusUpdate> {
  return transact(db, async (tx) => {
    const source = lifecycle.changeSourceOf(actor);
    const incident = await lifecycle.lockExisting(tx, source, input.incidentId);
    const status = input.status ?? DEFAULT_STATUS[incident.status];
    const { id } = await insertStatusUpdate(tx, { orgId: actor.orgId, incidentId: incident.id, body: input.body, status, authorId: actorUserId(actor) });
    await lifecycle.recordActivity(tx, source, incident, "status_update_posted", { statusUpdateId: id, status, body: input.body });
    const row = await findStatusUpdate(tx, actor.orgId, id);
    if (row === undefined) throw new Error("the status update just inserted is missing");
    return toStatusUpdate(row);
  });
}
