import type { ServerResponse } from "node:http";

/** What a JSON answer's Content-Type says, exactly as express's `res.json` writes it. */
const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/**
 * Answers `body` as JSON with `status` and `headers`, byte for byte as express's
 * `res.status(status).set(headers).json(body)`: for the routes served before express (rest.ts)
 * and every error answer alike. A 204 carries no body and no content headers; a HEAD request gets
 * the headers only (node drops the body).
 */
export function writeJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (status === 204 || status === 304) {
    for (const name of ["content-type", "content-length", "transfer-encoding"]) res.removeHeader(name);
    res.end();
    return;
  }
  if (!res.hasHeader("content-type")) res.setHeader("content-type", JSON_CONTENT_TYPE);
  const text = JSON.stringify(body) as string | undefined;
  if (text === undefined) {
    res.end();
    return;
  }
  res.setHeader("content-length", Buffer.byteLength(text));
  res.end(text);
}

/**
 * Answers `text` with its content type (charset included, as operations declare it) and, for a
 * download, its Content-Disposition: what express's `res.attachment(...).type(...).send(text)` wrote.
 */
export function writeText(res: ServerResponse, status: number, text: string, contentType: string, contentDisposition?: string): void {
  res.statusCode = status;
  if (contentDisposition !== undefined) res.setHeader("content-disposition", contentDisposition);
  res.setHeader("content-type", contentType);
  res.setHeader("content-length", Buffer.byteLength(text));
  res.end(text);
}
