import type { Readable } from "node:stream";
import {
  AppError,
  attachmentIdInput,
  attachmentService,
  finishKeyedCall,
  IDEMPOTENT_REPLAYED_HEADER,
  incidentIdInput,
  incidentService,
  parseIdempotencyKey,
  startKeyedCall,
  type Actor,
  type Attachment,
} from "@incidentops/core";
import type { Tx } from "@incidentops/db";
import busboy from "busboy";
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { createContextFactory, type AppDeps } from "./context.js";
import { fieldErrorsOf, sendError } from "./errors.js";
import { callAsRoute } from "./procedure/route-caller.js";

// Attachments' bytes over plain HTTP (tRPC carries JSON): the multipart upload, and the
// download. Listing and deleting are procedures (routers/incident-work.ts).

/** Room for the multipart framing around the file in a declared Content-Length. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The download: the bytes, as uploaded. */
export const attachmentBytesSchema = z.string().describe("The file's bytes (binary), with its sniffed Content-Type");

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The request is invalid: see details.fields", { fields: fieldErrorsOf(parsed.error.issues) });
  return parsed.data;
}

/**
 * Reads a multipart/form-data body and hands the file in field `file` (the first one; other
 * fields and files are skipped) to `onFile`, whose result it resolves with once the body is read
 * (or whose failure it rejects with at once). 415 when the body is not multipart, 400 when it
 * has no `file` or is malformed.
 */
function receiveFile<T>(req: Request, maxBytes: number, onFile: (fileName: string | undefined, stream: Readable) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Non-ASCII file names arrive as UTF-8 from browsers and curl.
        defParamCharset: "utf8",
        // One byte over the limit reaches the upload's own check, which refuses it.
        limits: { files: 1, fileSize: maxBytes + 1, fields: 20, fieldSize: 64 * 1024, parts: 30, headerPairs: 100 },
      });
    } catch {
      reject(new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the file as multipart/form-data, in the field `file`"));
      return;
    }
    let handled: Promise<T> | undefined;
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || handled !== undefined) {
        stream.resume();
        return;
      }
      handled = onFile(info.filename, stream);
      // A failed upload (too large, say) is answered at once; the caller drains the rest.
      handled.catch((error: unknown) => {
        stream.resume();
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
    parser.on("error", () => reject(new AppError("VALIDATION_FAILED", "The multipart body is malformed", { fields: { file: ["malformed multipart body"] } })));
    parser.on("close", () => {
      if (handled === undefined) {
        reject(new AppError("VALIDATION_FAILED", "Send the file in the multipart field `file`", { fields: { file: ["required"] } }));
      } else resolve(handled);
    });
    req.pipe(parser);
  });
}

/** Stops reading a request that failed: the rest is drained (discarded), and the connection closed after the answer. */
function abandon(req: Request, res: Response): void {
  req.unpipe();
  req.resume();
  res.set("connection", "close");
}

const UPLOAD_PROCEDURE = "incidents.attachments.upload";

/**
 * Records an upload, in its last transaction. Sent with an Idempotency-Key (decision 0074), the
 * key stands for the incident, the file's name and its bytes (their SHA-256), and a repeat
 * answers the first upload's attachment instead of recording another.
 */
async function recordUpload(
  tx: Tx,
  actor: Actor,
  key: string | undefined,
  upload: Parameters<typeof attachmentService.recordUpload>[2],
): Promise<{ attachment: Attachment; replayed: boolean }> {
  if (key === undefined) return { attachment: await attachmentService.recordUpload(tx, actor, upload), replayed: false };
  const input = { incidentId: upload.incidentId, fileName: upload.fileName ?? null, sha256: upload.stored.sha256 };
  const outcome = await startKeyedCall(tx, actor, { key, procedure: UPLOAD_PROCEDURE, input });
  if (outcome.replay) return { attachment: outcome.answer as Attachment, replayed: true };
  const attachment = await attachmentService.recordUpload(tx, actor, upload);
  await finishKeyedCall(tx, actor, key, attachment);
  return { attachment, replayed: false };
}

export function attachmentsRouter(deps: AppDeps): Router {
  const createContext = createContextFactory(deps);
  const router = Router();
  const { maxBytes } = deps.config.attachments;

  router.post("/v1/incidents/:incidentId/attachments", async (req, res) => {
    try {
      const ctx = createContext({ req });
      const attachment = await callAsRoute(ctx, { action: "attachment:upload", type: "mutation", procedure: UPLOAD_PROCEDURE }, async (actor, inOrg) => {
        const { incidentId } = parse(incidentIdInput, req.params);
        const idempotencyKey = parseIdempotencyKey(ctx.idempotency.header);
        // Before reading a byte: the incident must be the org's, and the declared size fit.
        await inOrg((tx) => incidentService.requireIncident(tx, actor, incidentId));
        if (Number(req.headers["content-length"] ?? 0) > maxBytes + MULTIPART_OVERHEAD_BYTES) throw attachmentService.fileTooLarge(maxBytes);
        let fileName: string | undefined;
        const stored = await receiveFile(req, maxBytes, (name, stream) => {
          fileName = name;
          return attachmentService.storeBytes(deps.storage, maxBytes, actor, incidentId, stream);
        });
        const discardStored = () => deps.storage.delete(stored.key).catch((cause: unknown) => ctx.log.warn({ err: cause }, "discarding an unrecorded upload failed"));
        const upload = { incidentId, fileName, stored };
        try {
          const recorded = await inOrg(async (tx) => {
            const inTx = await recordUpload(tx, actor, idempotencyKey, upload);
            // Before the step's count, which never refuses a replay for the quota.
            ctx.idempotency.replayed = inTx.replayed;
            return inTx;
          }, { last: true });
          // A repeat of a keyed upload answered its first upload's attachment: these bytes are a copy.
          if (recorded.replayed) await discardStored();
          return recorded.attachment;
        } catch (error) {
          await discardStored();
          throw error;
        }
      });
      if (ctx.idempotency.replayed) res.set(IDEMPOTENT_REPLAYED_HEADER, "true");
      res.status(201).json(attachment);
    } catch (error) {
      if (!req.complete) abandon(req, res);
      sendError(req, res, error, { route: "attachments.upload" });
    }
  });

  router.get("/v1/incidents/:incidentId/attachments/:attachmentId", async (req, res) => {
    try {
      const ctx = createContext({ req });
      const { attachment, body } = await callAsRoute(ctx, { action: "incident:read", type: "query", procedure: "incidents.attachments.download" }, (actor, inOrg) =>
        inOrg((tx) => attachmentService.openAttachment(tx, deps.storage, actor, parse(attachmentIdInput, req.params))),
      );
      res.status(200);
      res.attachment(attachment.fileName);
      res.set({
        "content-type": attachment.contentType,
        "content-length": String(attachment.sizeBytes),
        "x-content-type-options": "nosniff",
        // Opened in a browser anyway, it runs nothing and loads nothing.
        "content-security-policy": "default-src 'none'; sandbox",
        "cache-control": "private, no-store",
      });
      body.on("error", (error) => {
        ctx.log.warn({ err: error }, "reading an attachment failed mid-download");
        res.destroy();
      });
      body.pipe(res);
    } catch (error) {
      sendError(req, res, error, { route: "attachments.download" });
    }
  });

  return router;
}
