import { z } from "zod";
import { incidentIdInput, incidentPageInput } from "../incidents/schema.js";
import { isoDateTime } from "../schema.js";

/** Evidence attached to an incident; its bytes are downloaded from `downloadPath`. */
export const attachmentSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  fileName: z.string().describe("As uploaded, sanitised: no path, no control characters"),
  contentType: z.string().describe("Sniffed from the bytes (the upload's own claim is ignored)"),
  sizeBytes: z.number().int(),
  sha256: z.string().describe("Hex SHA-256 of the bytes, to check a copy against"),
  uploadedBy: z.uuid().nullable().describe("null: uploaded with an API key"),
  createdAt: isoDateTime,
  downloadPath: z.string().describe("GET it (with the same credentials) for the bytes, as an attachment"),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const listAttachmentsInput = incidentPageInput;
export type ListAttachmentsInput = z.infer<typeof listAttachmentsInput>;

export const attachmentIdInput = incidentIdInput.extend({ attachmentId: z.uuid() });
export type AttachmentIdInput = z.infer<typeof attachmentIdInput>;
