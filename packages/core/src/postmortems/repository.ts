import type { Db, PostmortemStatus, Tx } from "@incidentops/db";
import { sql } from "kysely";
import type { ActionItem } from "./schema.js";

export function findPostmortem(db: Db | Tx, orgId: string, incidentId: string) {
  return db.selectFrom("postmortems").selectAll().where("org_id", "=", orgId).where("incident_id", "=", incidentId).executeTakeFirst();
}

export function findPostmortemForUpdate(tx: Tx, orgId: string, incidentId: string) {
  return tx.selectFrom("postmortems").selectAll().where("org_id", "=", orgId).where("incident_id", "=", incidentId).forUpdate().executeTakeFirst();
}

interface PostmortemContent {
  summary: string;
  impact: string;
  rootCause: string;
  actionItems: ActionItem[];
  status: PostmortemStatus;
  /** The publication time to keep (or set); null while a draft. */
  publishedAt: Date | null;
  by: string | null;
}

const columnsOf = (content: PostmortemContent) => ({
  summary: content.summary,
  impact: content.impact,
  root_cause: content.rootCause,
  action_items: JSON.stringify(content.actionItems),
  status: content.status,
  published_at: content.publishedAt,
  updated_by: content.by,
});

/** The first version; undefined when another writer inserted it first (a version conflict). */
export function insertPostmortem(tx: Tx, orgId: string, incidentId: string, content: PostmortemContent) {
  return tx
    .insertInto("postmortems")
    .values({ org_id: orgId, incident_id: incidentId, ...columnsOf(content), created_by: content.by })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function updatePostmortem(tx: Tx, orgId: string, incidentId: string, version: number, content: PostmortemContent) {
  return tx
    .updateTable("postmortems")
    .set({ ...columnsOf(content), version, updated_at: sql<Date>`now()` })
    .where("org_id", "=", orgId)
    .where("incident_id", "=", incidentId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
