import type { Db, StatusUpdateStatus, Tx } from "@incidentops/db";
import { pageOrderedBy } from "../keyset.js";

function updatesWithAuthor(db: Db | Tx, orgId: string) {
  return db
    .selectFrom("incident_status_updates as s")
    .leftJoin("users as u", "u.id", "s.author_id")
    .selectAll("s")
    .select(["u.name as author_name", "u.email as author_email"])
    .where("s.org_id", "=", orgId);
}

export type StatusUpdateRow = NonNullable<Awaited<ReturnType<typeof findStatusUpdate>>>;

export function findStatusUpdate(db: Db | Tx, orgId: string, id: string) {
  return updatesWithAuthor(db, orgId).where("s.id", "=", id).executeTakeFirst();
}

/** An incident's status updates, newest first by (created_at, id). */
export function listStatusUpdates(db: Db | Tx, orgId: string, incidentId: string, limit: number, after: { createdAt: string; id: string } | undefined) {
  return pageOrderedBy(updatesWithAuthor(db, orgId).where("s.incident_id", "=", incidentId), { time: "s.created_at", id: "s.id" }, "desc", limit, after).execute();
}

export function insertStatusUpdate(tx: Tx, update: { orgId: string; incidentId: string; body: string; status: StatusUpdateStatus; authorId: string | null }) {
  return tx
    .insertInto("incident_status_updates")
    .values({ org_id: update.orgId, incident_id: update.incidentId, body: update.body, status: update.status, author_id: update.authorId })
    .returning("id")
    .executeTakeFirstOrThrow();
}
