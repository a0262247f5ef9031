import type { Db, Tx } from "@incidentops/db";
import { pageOrderedBy } from "../keyset.js";

export function insertAttachment(
  tx: Tx,
  attachment: {
    orgId: string;
    id: string;
    incidentId: string;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    storageKey: string;
    uploadedBy: string | null;
  },
) {
  return tx
    .insertInto("incident_attachments")
    .values({
      org_id: attachment.orgId,
      id: attachment.id,
      incident_id: attachment.incidentId,
      file_name: attachment.fileName,
      content_type: attachment.contentType,
      size_bytes: attachment.sizeBytes,
      sha256: attachment.sha256,
      storage_key: attachment.storageKey,
      uploaded_by: attachment.uploadedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The incident's attachment (undefined when it is not the incident's, or not the org's). */
export function findAttachment(db: Db | Tx, orgId: string, incidentId: string, attachmentId: string) {
  return db
    .selectFrom("incident_attachments")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("incident_id", "=", incidentId)
    .where("id", "=", attachmentId)
    .executeTakeFirst();
}

/** Oldest first, by (created_at, id). */
export function listAttachments(db: Db | Tx, orgId: string, incidentId: string, limit: number, after: { createdAt: string; id: string } | undefined) {
  const query = db.selectFrom("incident_attachments").selectAll().where("org_id", "=", orgId).where("incident_id", "=", incidentId);
  return pageOrderedBy(query, { time: "created_at", id: "id" }, "asc", limit, after).execute();
}

export function deleteAttachment(tx: Tx, orgId: string, attachmentId: string) {
  return tx.deleteFrom("incident_attachments").where("org_id", "=", orgId).where("id", "=", attachmentId).returningAll().executeTakeFirst();
}
