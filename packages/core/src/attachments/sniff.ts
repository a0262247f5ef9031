import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "../errors.js";

// What an upload is, read from its bytes as they stream by: never from the name or the type the
// client claims (a "screenshot.png" may be HTML).

/** How much of the start of a file the content sniffing reads (what file-type needs). */
const HEAD_BYTES = 4100;

const formatLimit = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`);

/** 413 for a file over the limit. */
export const fileTooLarge = (maxBytes: number) => new AppError("PAYLOAD_TOO_LARGE", `The file is over ${formatLimit(maxBytes)}`, { limitBytes: maxBytes });

/**
 * Passes an upload through, counting its bytes (failing with 413 PAYLOAD_TOO_LARGE as soon as
 * there are more than `maxBytes`), hashing them and keeping their start for sniffing.
 */
export class UploadInspector extends Transform {
  sizeBytes = 0;
  private readonly hash = createHash("sha256");
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sizeBytes += chunk.length;
    if (this.sizeBytes > this.maxBytes) {
      callback(fileTooLarge(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    if (this.headLength < HEAD_BYTES) {
      this.headChunks.push(chunk);
      this.headLength += chunk.length;
    }
    callback(null, chunk);
  }

  /** The hex SHA-256 of everything that went through (call once, at the end). */
  sha256(): string {
    return this.hash.digest("hex");
  }

  head(): Buffer {
    return Buffer.concat(this.headChunks).subarray(0, HEAD_BYTES);
  }
}

/** Text: valid UTF-8 with no control characters but tabs, line breaks, form feeds and escapes. */
function looksLikeText(head: Buffer): boolean {
  try {
    // stream: a multi-byte character cut off at the end of the head is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    return false;
  }
  return !head.some((byte) => (byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(byte)) || byte === 0x7f);
}

/** The content type of a file from its first bytes: a known format, else plain text, else octet-stream. */
export async function sniffContentType(head: Buffer): Promise<string> {
  const known = await fileTypeFromBuffer(head);
  if (known !== undefined) return known.mime;
  if (head.length > 0 && looksLikeText(head)) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

/** Control characters, direction marks and overrides, quotes, slashes. */
function isUnsafe(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    character === '"' ||
    character === "\\" ||
    character === "/"
  );
}
const MAX_NAME_LENGTH = 200;

/**
 * A file name fit to store and to send back in Content-Disposition: the last part of whatever
 * path the client sent, without control or direction-changing characters (which could disguise
 * an extension), quotes or slashes, at most 200 characters (keeping the extension).
 */
export function sanitizeFileName(given: string | undefined): string {
  const base = (given ?? "").split(/[/\\]/).pop() ?? "";
  let name = Array.from(base.normalize("NFC")).filter((character) => !isUnsafe(character)).join("").trim();
  if (/^\.*$/.test(name)) return "attachment";
  if (name.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf(".");
    const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : "";
    name = name.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
  }
  return name;
}
