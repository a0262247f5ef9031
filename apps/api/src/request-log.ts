import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { addLogBindings, currentLogBindings, redactUrl, withLogBindings, type Actor, type Logger } from "@incidentops/core";

declare module "http" {
  interface IncomingMessage {
    /** The request's id (see chooseRequestId), set by requestLog. */
    id: string;
    /** The app's logger: its lines within the request carry the request's bindings. */
    log: Logger;
  }
}

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** Honours a well-formed x-request-id from the caller, otherwise makes one. */
function chooseRequestId(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

/**
 * The headers a request's log line shows: named, not censored, so a credential in a header
 * nobody thought of (a vendor's `X-...-Token`) never reaches a log, and a line carries what
 * helps to tell callers and failures apart and nothing more.
 */
const LOGGED_REQUEST_HEADERS = ["host", "user-agent", "content-type", "content-length", "x-forwarded-for"];
const LOGGED_RESPONSE_HEADERS = ["content-type", "content-length", "retry-after"];

/** Of `headers`, those named in `names` that are present (a new object: the real headers stay intact). */
function pickHeaders(headers: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of names) if (headers[name] !== undefined) picked[name] = headers[name];
  return picked;
}

/**
 * What the log says of a request: the headers named for it, no routing key in the path
 * (Alertmanager's), no token in the query string.
 */
const describeRequest = (req: IncomingMessage, id: string) => ({
  id,
  method: req.method,
  url: redactUrl(req.url ?? ""),
  headers: pickHeaders(req.headers, LOGGED_REQUEST_HEADERS),
  remoteAddress: req.socket.remoteAddress,
});

const describeResponse = (res: ServerResponse) => ({ statusCode: res.statusCode, headers: pickHeaders(res.getHeaders(), LOGGED_RESPONSE_HEADERS) });

/** Health probes would drown the log. */
const UNLOGGED_PATHS = new Set(["/healthz", "/readyz"]);

/** The request id, wherever a request is being handled ("unknown" outside one). */
export const currentRequestId = (): string => {
  const id = currentLogBindings()?.requestId;
  return typeof id === "string" ? id : "unknown";
};

/** From now on, the request's lines name its caller (the person or API key) and their org. */
export const bindCallerToLog = (actor: Actor): void => addLogBindings({ actor: actor.kind === "user" ? actor.userId : actor.apiKeyId, orgId: actor.orgId });

/**
 * Gives each request its id (echoed as `x-request-id`), binds it and the request to every line
 * logged while the request is handled (the caller too, once identified: addLogBindings), and
 * logs one line when the response is done: `request completed`, `request errored` (a 5xx, at
 * error) or `request aborted` (the connection closed first).
 */
export function requestLog(logger: Logger): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  // What the request's line says is chosen field by field (describeRequest, describeResponse, the
  // caller's ids), so it is spared the redaction pass of every other line, which searches the line
  // for each secret's name and could find none there (bench/README.md, "A keyed read built once").
  const lineLogger = logger.child({}, { redact: [] });
  return (req, res, next) => {
    const id = chooseRequestId(req);
    req.id = id;
    req.log = logger;
    res.setHeader("x-request-id", id);
    const bindings = { requestId: id, req: describeRequest(req, id) };
    if (!UNLOGGED_PATHS.has(req.url ?? "")) {
      const startedAt = Date.now();
      res.once("close", () => {
        const line = { res: describeResponse(res), responseTime: Date.now() - startedAt };
        withLogBindings(bindings, () => {
          if (!res.writableFinished) lineLogger.info(line, "request aborted");
          else if (res.statusCode >= 500) lineLogger.error(line, "request errored");
          else lineLogger.info(line, "request completed");
        });
      });
    }
    withLogBindings(bindings, next);
  };
}
