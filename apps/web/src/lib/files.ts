import { ApiError, apiErrorFromBody, serverUnreachable } from "./api-error";
import { IDEMPOTENCY_KEY_HEADER } from "./idempotency-keys";
import type { SessionManager } from "./session";

// Files over the REST routes tRPC does not carry (attachments' bytes), with the session's access
// token (renewed once when the API says it expired), and files the browser saves.

/** The API's refusal in a response body (JSON), or a plain one naming the status. */
function refusal(status: number, body: string): ApiError {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    // not JSON: a proxy's page, say
  }
  return apiErrorFromBody(parsed, status) ?? new ApiError(status === 413 ? "PAYLOAD_TOO_LARGE" : "INTERNAL_ERROR", `The server answered ${status}`, status);
}

/** Runs `call` with a fresh access token; once more with a renewed one if the API answers 401. */
async function withToken<T extends { status: number }>(session: SessionManager, call: (token: string) => Promise<T>): Promise<T> {
  const token = await session.freshAccessToken();
  const first = await call(token);
  if (first.status !== 401) return first;
  return call(await session.renew(token));
}

/** The file name a Content-Disposition header gives (RFC 6266 `filename*` first), or `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (disposition === null) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (extended !== undefined) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // a malformed escape: try the plain name
    }
  }
  return /filename="([^"]*)"/i.exec(disposition)?.[1] ?? fallback;
}

/** GETs `path` of the API as a file: its bytes and the name the API gives it. Throws an ApiError when refused. */
export async function downloadFile(session: SessionManager, path: string, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
  const res = await withToken(session, (token) =>
    fetch(path, { headers: { authorization: `Bearer ${token}` }, cache: "no-store" }).catch(() => {
      throw serverUnreachable();
    }),
  );
  if (!res.ok) throw refusal(res.status, await res.text().catch(() => ""));
  return { blob: await res.blob(), fileName: fileNameOf(res.headers.get("content-disposition"), fallbackName) };
}

/** Hands `blob` to the browser to save as `fileName`. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to start reading it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves text the API produced (a CSV, a Markdown document) as a file. */
export const saveText = (text: string, fileName: string, type: string) => saveFile(new Blob([text], { type }), fileName);

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  onProgress: (progress: UploadProgress) => void;
  /** Cancels the upload. */
  signal?: AbortSignal;
  /** Sent as the Idempotency-Key: the same file sent again with the same key answers its first upload. */
  idempotencyKey?: string;
}

/**
 * POSTs `file` as multipart/form-data (field `file`) to `path`, reporting progress; resolves with
 * the API's JSON answer, rejects with an ApiError.
 */
export async function uploadFile<T>(session: SessionManager, path: string, file: File, options: UploadOptions): Promise<T> {
  const { onProgress, signal, idempotencyKey } = options;
  const send = (token: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", path);
      xhr.setRequestHeader("authorization", `Bearer ${token}`);
      if (idempotencyKey !== undefined) xhr.setRequestHeader(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
      xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
      xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
      xhr.onerror = () => reject(serverUnreachable());
      xhr.onabort = () => reject(new ApiError("ABORTED", "The upload was cancelled", 0));
      signal?.addEventListener("abort", () => xhr.abort(), { once: true });
      const form = new FormData();
      form.append("file", file, file.name);
      xhr.send(form);
    });
  const res = await withToken(session, send);
  if (res.status < 200 || res.status >= 300) throw refusal(res.status, res.body);
  return JSON.parse(res.body) as T;
}

const SIZE_UNITS = ["KB", "MB", "GB"] as const;

/** "512 bytes", "1.5 MB", "25 MB": a size for people (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? "" : "s"}`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${SIZE_UNITS[unit]}`;
}

/** Why `file` cannot be uploaded before sending it, or null. */
export function uploadRefusal(file: { name: string; size: number }, maxBytes: number): string | null {
  if (file.size === 0) return `${file.name} is empty`;
  if (file.size > maxBytes) return `${file.name} is ${formatBytes(file.size)}: files can be at most ${formatBytes(maxBytes)}`;
  return null;
}
