import {
  AppError,
  currentTraceId,
  ERROR_HTTP_STATUS,
  isDatabaseUnavailable,
  isForeignKeyViolation,
  isLockNotAvailable,
  isTransactionConflict,
  type ErrorCode,
  type ErrorDetailsByCode,
  type Logger,
} from "@incidentops/core";
import { TRPCError } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { ServerResponse } from "node:http";
import type { Request, Response } from "express";
import { writeJson } from "./json-response.js";

/** The public error of one code: REST answers with it, tRPC nests it in `error.data`. */
export interface ErrorBodyOf<C extends ErrorCode> {
  code: C;
  message: string;
  traceId: string;
  details: ErrorDetailsByCode[C];
}

/** The error body every client sees, discriminated by `code`. */
export type ErrorBody = { [C in ErrorCode]: ErrorBodyOf<C> }[ErrorCode];

/** What to answer for a thrown value, before any wire format is applied. */
export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
}

/** How long a client should wait before retrying a call refused because the database is down. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
/** How long a client should wait before retrying a call a concurrent change conflicted with. */
export const CONFLICT_RETRY_AFTER_SECONDS = 1;

const INTERNAL_MESSAGE = "Something went wrong on our side: retry, and quote the traceId if it persists";
const MALFORMED_PATH_MESSAGE = "The request path is not valid URL-encoding: a % must start an escape such as %2F";

export function errorBody<C extends ErrorCode>(code: C, message: string, traceId: string, details: ErrorDetailsByCode[C]): ErrorBody {
  // TypeScript cannot relate a generic code to its own details inside the union: this is that pairing.
  return { code, message, traceId, details } as ErrorBody;
}

const fromAppError = <C extends ErrorCode>(error: AppError<C>, traceId: string) => errorBody(error.code, error.message, traceId, error.details);

interface ValidationIssue {
  path: PropertyKey[];
  message: string;
}

function validationIssuesOf(value: unknown): ValidationIssue[] | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const issues = (value as { issues?: unknown }).issues;
  return Array.isArray(issues) ? (issues as ValidationIssue[]) : undefined;
}

/** Field-level messages: `{ "config.url": ["Invalid URL"] }`; issues about the whole body sit under `(body)`. */
export function fieldErrorsOf(issues: readonly ValidationIssue[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) (fields[issue.path.map(String).join(".") || "(body)"] ??= []).push(issue.message);
  return fields;
}

const validationFailed = (issues: readonly ValidationIssue[], traceId: string) =>
  errorBody("VALIDATION_FAILED", "The request is invalid: see details.fields", traceId, { fields: fieldErrorsOf(issues) });

/** tRPC's own refusals (raised before any procedure runs), in our codes. */
type DetailFreeCode = { [C in ErrorCode]: Record<string, never> extends ErrorDetailsByCode[C] ? C : never }[ErrorCode];
const TRPC_CODE_TO_ERROR_CODE: Partial<Record<TRPC_ERROR_CODE_KEY, DetailFreeCode>> = {
  PARSE_ERROR: "MALFORMED_JSON",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  METHOD_NOT_SUPPORTED: "METHOD_NOT_ALLOWED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
};

/** An error of Express's body parsers (http-errors): `type` names what went wrong. */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
  limit?: unknown;
}

const formatBytes = (bytes: number) =>
  bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`;

function classifyBodyParserError(error: BodyParserError, traceId: string): ErrorBody | undefined {
  if (error.type === "entity.too.large") {
    const limitBytes = typeof error.limit === "number" ? error.limit : undefined;
    const over = limitBytes === undefined ? "too large" : `over ${formatBytes(limitBytes)}`;
    return errorBody("PAYLOAD_TOO_LARGE", `The request body is ${over}`, traceId, limitBytes === undefined ? {} : { limitBytes });
  }
  if (error.type === "entity.parse.failed") return errorBody("MALFORMED_JSON", "The request body is not valid JSON", traceId, {});
  if (typeof error.type === "string" && typeof error.status === "number" && error.status >= 400 && error.status < 500) {
    return errorBody("VALIDATION_FAILED", "The request could not be read", traceId, { fields: {} });
  }
  return undefined;
}

/**
 * A database error that a concurrent change caused, not a bug, as its public error: a transaction
 * PostgreSQL aborted for a concurrent one, the retries included (retryingConflicts), or a lock
 * not granted in time; a row the change refers to, removed between its check and its write (a
 * service that can tell answers its own 404 or 400 first). Never the constraint, table or SQL.
 */
function concurrentChangeOf(thrown: unknown, traceId: string): ErrorBody | undefined {
  if (isTransactionConflict(thrown) || isLockNotAvailable(thrown)) {
    return errorBody("CONCURRENT_CHANGE", "A concurrent change conflicted with this one: retry after the Retry-After seconds", traceId, {
      retryAfterSeconds: CONFLICT_RETRY_AFTER_SECONDS,
    });
  }
  if (isForeignKeyViolation(thrown)) return errorBody("CONFLICT", "Something this change refers to was removed meanwhile: reload it, and retry", traceId, {});
  return undefined;
}

/** Classifies anything thrown into the public error. Anything unexpected is a bare INTERNAL_ERROR: its message may hold SQL or a stack. */
function classify(thrown: unknown, traceId: string): ErrorBody {
  if (thrown instanceof TRPCError) {
    const cause = thrown.cause;
    if (cause instanceof AppError || isDatabaseUnavailable(cause)) return classify(cause, traceId);
    const concurrent = concurrentChangeOf(cause, traceId);
    if (concurrent !== undefined) return concurrent;
    if (cause instanceof SyntaxError) return errorBody("MALFORMED_JSON", "The request body is not valid JSON", traceId, {});
    const issues = validationIssuesOf(cause);
    if (thrown.code === "BAD_REQUEST") {
      if (issues !== undefined) return validationFailed(issues, traceId);
      return errorBody("VALIDATION_FAILED", thrown.message, traceId, { fields: {} });
    }
    const code = TRPC_CODE_TO_ERROR_CODE[thrown.code];
    return code === undefined ? errorBody("INTERNAL_ERROR", INTERNAL_MESSAGE, traceId, {}) : errorBody(code, thrown.message, traceId, {});
  }
  if (thrown instanceof AppError) return fromAppError(thrown, traceId);
  const issues = validationIssuesOf(thrown);
  if (thrown instanceof Error && thrown.name === "ZodError" && issues !== undefined) return validationFailed(issues, traceId);
  if (isDatabaseUnavailable(thrown)) {
    return errorBody("SERVICE_UNAVAILABLE", "The database is unavailable: retry after the Retry-After seconds", traceId, {
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    });
  }
  const concurrent = concurrentChangeOf(thrown, traceId);
  if (concurrent !== undefined) return concurrent;
  if (typeof thrown === "object" && thrown !== null) {
    const body = classifyBodyParserError(thrown, traceId);
    if (body !== undefined) return body;
  }
  // Express decodes a route's path parameters before anything else runs: `%ZZ` is the caller's mistake.
  if (thrown instanceof URIError) return errorBody("VALIDATION_FAILED", MALFORMED_PATH_MESSAGE, traceId, { fields: {} });
  return errorBody("INTERNAL_ERROR", INTERNAL_MESSAGE, traceId, {});
}

/**
 * The one error boundary: any thrown value (AppError, TRPCError, zod error, body-parser error,
 * database outage, concurrent change, anything else) as its HTTP status, public body and headers (`Retry-After`
 * when the details say when to come back). Each transport writes it in its own wire format.
 */
export function toErrorResponse(thrown: unknown, requestId: string): ErrorResponse {
  // With tracing on, the trace's id: it finds the request, its queries and its jobs in the traces.
  return errorResponseOf(classify(thrown, currentTraceId() ?? requestId));
}

/** A public error body with its status and headers (`Retry-After` when its details say when to come back). */
export function errorResponseOf(body: ErrorBody): ErrorResponse {
  const headers: Record<string, string> = {};
  const seconds = "retryAfterSeconds" in body.details ? body.details.retryAfterSeconds : undefined;
  if (typeof seconds === "number") headers["retry-after"] = String(Math.max(1, Math.ceil(seconds)));
  return { status: ERROR_HTTP_STATUS[body.code], body, headers };
}

/**
 * Logs what the caller cannot act on: a 500 is a bug (with its cause), a 503 an outage, a foreign
 * key that found its row gone a race the service did not foresee (its constraint says which). A
 * caller that hung up is no failure.
 */
export function logUnexpected(log: Logger, thrown: unknown, response: ErrorResponse, bindings: Record<string, unknown> = {}): void {
  if (thrown instanceof TRPCError && thrown.code === "CLIENT_CLOSED_REQUEST") return;
  const err = thrown instanceof TRPCError ? (thrown.cause ?? thrown) : thrown;
  if (response.status === 503) log.warn({ ...bindings, err }, err instanceof AppError ? err.message : "database unavailable");
  else if (response.status >= 500) log.error({ ...bindings, err }, "request failed");
  else if (isForeignKeyViolation(err)) log.warn({ ...bindings, err }, "a row the call refers to was removed while it ran");
}

/** An error as a route with its own wire format answers it (PagerDuty, Opsgenie). */
export interface RenderedError {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** What an error answer needs of its request: the id it quotes, the log its failure goes to (requestLog sets both). */
export interface ErringRequest {
  id: string;
  log: Logger;
}

/** Answers a failure in our REST format, `{ code, message, traceId, details }`, logging what needs it. */
export function sendError(req: ErringRequest, res: ServerResponse, thrown: unknown, bindings: Record<string, unknown> = {}): void {
  sendErrorAs(req, res, thrown, (response) => response, bindings);
}

/**
 * Answers a failure of an integration's call (an alert, a heartbeat's ping) in our REST format.
 * Their senders send again after a 5xx and drop what gets a 4xx (Alertmanager, Grafana, `curl
 * --retry`), so a concurrent change that outlasted the retries is 503 SERVICE_UNAVAILABLE, with
 * its Retry-After, not a 409 that would lose the alert.
 */
export function sendIngestionError(req: ErringRequest, res: ServerResponse, thrown: unknown, bindings: Record<string, unknown> = {}): void {
  sendErrorAs(req, res, thrown, sentAgainBySenders, bindings);
}

function sentAgainBySenders(response: ErrorResponse): ErrorResponse {
  const { body } = response;
  if (body.code !== "CONCURRENT_CHANGE") return response;
  return errorResponseOf(errorBody("SERVICE_UNAVAILABLE", "A concurrent change kept this from being applied: send it again after the Retry-After seconds", body.traceId, body.details));
}

/** Answers a failure in a route's own wire format: `render` turns our error into its answer. */
export function sendErrorAs(req: ErringRequest, res: ServerResponse, thrown: unknown, render: (response: ErrorResponse) => RenderedError, bindings: Record<string, unknown> = {}): void {
  const response = toErrorResponse(thrown, req.id);
  logUnexpected(req.log, thrown, response, bindings);
  const { status, headers, body } = render(response);
  writeJson(res, status, body, headers);
}

const TRPC_CODE_BY_STATUS: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_SUPPORTED",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "TOO_MANY_REQUESTS",
  503: "SERVICE_UNAVAILABLE",
};

/** tRPC's name for an HTTP status. */
export const trpcCodeOf = (status: number): TRPC_ERROR_CODE_KEY => TRPC_CODE_BY_STATUS[status] ?? "INTERNAL_SERVER_ERROR";

/**
 * Answers a failure in tRPC's wire format (what the errorFormatter in trpc.ts makes), for a
 * refusal before tRPC runs, e.g. the auth rate limit on `/trpc`: one error per call of a batch.
 */
export function sendTrpcError(req: Request, res: Response, thrown: unknown): void {
  const { status, body, headers } = toErrorResponse(thrown, req.id);
  const envelope = { error: { message: body.message, code: TRPC_ERROR_CODES_BY_KEY[trpcCodeOf(status)], data: { ...body, httpStatus: status } } };
  const isBatch = req.query.batch === "1";
  const calls = req.path.replace(/^\/+/, "").split(",").length;
  res.status(status).set(headers).json(isBatch ? Array.from({ length: calls }, () => envelope) : envelope);
}
