import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db, IncidentAttachmentRow } from "@incidentops/db";
import { AppError, notFound } from "../errors.js";
import * as lifecycle from "../incidents/lifecycle.js";
import { requireIncident } from "../incidents/service.js";
import { iso } from "../mapping.js";
import { createdAtCursor, createdAtPositionOf, decodeCursor, toPage, type Page } from "../pagination.js";
import { actorUserId, type Actor } from "../policy.js";
import { transact } from "../scope.js";
import { ObjectNotFoundError, type ObjectStorage } from "../storage/index.js";
import { deleteAttachment as deleteAttachmentRow, findAttachment, insertAttachment, listAttachments as listAttachmentRows } from "./repository.js";
import type { Attachment, AttachmentIdInput, ListAttachmentsInput } from "./schema.js";
import { sanitizeFileName, sniffContentType, UploadInspector } from "./sniff.js";

export { fileTooLarge } from "./sniff.js";

// Attachments: evidence (screenshots, logs) kept out of the database. An upload streams to the
// object store first (storeBytes: size limit, hash, sniffed type), then its row and timeline
// event are written (recordUpload); if that fails, the caller discards the bytes. Deleting
// removes the row and then the bytes.

export const toAttachment = (row: IncidentAttachmentRow): Attachment => ({
  id: row.id,
  incidentId: row.incident_id,
  fileName: row.file_name,
  contentType: row.content_type,
  sizeBytes: Number(row.size_bytes),
  sha256: row.sha256,
  uploadedBy: row.uploaded_by,
  createdAt: iso(row.created_at),
  downloadPath: `/v1/incidents/${row.incident_id}/attachments/${row.id}`,
});

const attachmentNotFound = () => notFound("Attachment");

/** Bytes in the store, not yet recorded. */
export interface StoredBytes {
  id: string;
  key: string;
  sizeBytes: number;
  sha256: string;
  contentType: string;
}

const storageKey = (orgId: string, incidentId: string, attachmentId: string) => `orgs/${orgId}/incidents/${incidentId}/attachments/${attachmentId}`;

/**
 * Streams an upload into the store under a new key: 413 as soon as it passes `maxBytes` (nothing
 * is kept), 400 when it is empty.
 */
export async function storeBytes(storage: ObjectStorage, maxBytes: number, actor: Actor, incidentId: string, body: Readable): Promise<StoredBytes> {
  const id = randomUUID();
  const key = storageKey(actor.orgId, incidentId, id);
  const inspector = new UploadInspector(maxBytes);
  const stored = storage.put(key, inspector).catch((error: unknown) => {
    // The store gave up: stop the upload flowing into it.
    inspector.destroy();
    throw error;
  });
  // Both settle before anything is answered, so a failed upload has left nothing in the store.
  const [flowed, kept] = await Promise.allSettled([pipeline(body, inspector), stored]);
  if (kept.status === "rejected") throw kept.reason;
  if (flowed.status === "rejected") throw flowed.reason;
  if (inspector.sizeBytes === 0) {
    await storage.delete(key);
    throw new AppError("VALIDATION_FAILED", "The file is empty", { fields: { file: ["is empty"] } });
  }
  return { id, key, sizeBytes: inspector.sizeBytes, sha256: inspector.sha256(), contentType: await sniffContentType(inspector.head()) };
}

/** Records stored bytes as the incident's attachment, on its timeline too (404 if the incident went away). */
export async function recordUpload(db: Db, actor: Actor, input: { incidentId: string; fileName: string | undefined; stored: StoredBytes }): Promise<Attachment> {
  return transact(db, async (tx) => {
    const source = lifecycle.changeSourceOf(actor);
    const incident = await lifecycle.lockExisting(tx, source, input.incidentId);
    const row = await insertAttachment(tx, {
      orgId: actor.orgId,
      id: input.stored.id,
      incidentId: input.incidentId,
      fileName: sanitizeFileName(input.fileName),
      contentType: input.stored.contentType,
      sizeBytes: input.stored.sizeBytes,
      sha256: input.stored.sha256,
      storageKey: input.stored.key,
      uploadedBy: actorUserId(actor),
    });
    await lifecycle.recordActivity(tx, source, incident, "attachment_added", {
      attachmentId: row.id,
      fileName: row.file_name,
      contentType: row.content_type,
      sizeBytes: input.stored.sizeBytes,
    });
    return toAttachment(row);
  });
}

export async function listAttachments(db: Db, actor: Actor, input: ListAttachmentsInput): Promise<Page<Attachment>> {
  await requireIncident(db, actor, input.incidentId);
  const rows = await listAttachmentRows(db, actor.orgId, input.incidentId, input.limit, decodeCursor(createdAtCursor, input.cursor));
  return toPage(rows, input.limit, toAttachment, createdAtPositionOf);
}

/** The attachment and its bytes, for a download. */
export async function openAttachment(db: Db, storage: ObjectStorage, actor: Actor, input: AttachmentIdInput): Promise<{ attachment: Attachment; body: Readable }> {
  await requireIncident(db, actor, input.incidentId);
  const row = await findAttachment(db, actor.orgId, input.incidentId, input.attachmentId);
  if (row === undefined) throw attachmentNotFound();
  try {
    return { attachment: toAttachment(row), body: await storage.get(row.storage_key) };
  } catch (error) {
    // Deleted between the two reads.
    if (error instanceof ObjectNotFoundError) throw attachmentNotFound();
    throw error;
  }
}

/**
 * Deletes an attachment, row and bytes: its uploader may, and an admin. The bytes go inside the
 * transaction, after the row: if removing them fails, nothing is deleted (and the caller may
 * retry); if the commit fails after, the row stays without bytes (a download answers 404) until
 * it is deleted again. So a transaction aborted for a concurrent one may be run again
 * (retryingConflicts): deleting the bytes again deletes nothing, and is no error.
 */
export async function deleteAttachment(db: Db, storage: ObjectStorage, actor: Actor, input: AttachmentIdInput): Promise<void> {
  await transact(db, async (tx) => {
    const source = lifecycle.changeSourceOf(actor);
    const incident = await lifecycle.lockExisting(tx, source, input.incidentId);
    const row = await findAttachment(tx, actor.orgId, input.incidentId, input.attachmentId);
    if (row === undefined) throw attachmentNotFound();
    if (actor.role !== "admin" && (row.uploaded_by === null || row.uploaded_by !== actorUserId(actor))) {
      throw new AppError("FORBIDDEN", "Only the uploader or an admin may delete this attachment", { action: "attachment:delete", requiredRole: "admin" });
    }
    await deleteAttachmentRow(tx, actor.orgId, row.id);
    await lifecycle.recordActivity(tx, source, incident, "attachment_deleted", { attachmentId: row.id, fileName: row.file_name });
    await storage.delete(row.storage_key);
  });
}
