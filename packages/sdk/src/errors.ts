import type { ApiErrorCode, ApiErrorDetailsByCode } from "./api-types.js";

const ERROR_BRAND = Symbol.for("@incidentops/sdk:IncidentOpsError");
const CONNECTION_BRAND = Symbol.for("@incidentops/sdk:IncidentOpsConnectionError");

export interface IncidentOpsErrorInit<C extends ApiErrorCode = ApiErrorCode> {
  code: C;
  message: string;
  httpStatus: number;
  traceId: string | undefined;
  details: ApiErrorDetailsByCode[C];
  procedure: string;
  cause?: unknown;
}

/**
 * The API refused a call. `code` is the API's stable error code: switch on it (or use the
 * helpers such as `isVersionConflict`) rather than on `message`, which is for people.
 *
 * An `UNAUTHORIZED` that reaches you means the client could not renew the session (no
 * refresh token, or the refresh itself was refused): log in again.
 */
export class IncidentOpsError<C extends ApiErrorCode = ApiErrorCode> extends Error {
  override readonly name = "IncidentOpsError";
  /** The API's stable error code, e.g. `"VERSION_CONFLICT"`. */
  readonly code: C;
  /** The HTTP status the API answered with, e.g. `409`. */
  readonly httpStatus: number;
  /** The request id (`x-request-id`): quote it when reporting a problem. Absent when the answer did not come from the API (e.g. a proxy's 502 page). */
  readonly traceId: string | undefined;
  /**
   * Machine-readable context, typed by `code`: e.g. `{ fields: { title: ["Required"] } }` for
   * `VALIDATION_FAILED`, `{ currentVersion, currentStatus }` for `VERSION_CONFLICT`,
   * `{ retryAfterSeconds, ... }` for `RATE_LIMITED`, `LOGIN_LOCKED` and `QUOTA_EXCEEDED`.
   */
  readonly details: ApiErrorDetailsByCode[C];
  /** The procedure that failed, e.g. `"incidents.transition"`. */
  readonly procedure: string;

  constructor(init: IncidentOpsErrorInit<C>) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.traceId = init.traceId;
    this.details = init.details;
    this.procedure = init.procedure;
    Object.defineProperty(this, ERROR_BRAND, { value: true });
  }
}

/**
 * Why no answer came: `TIMEOUT`, the API did not answer within `timeoutMs`; `UNREACHABLE`, the
 * connection failed (refused, reset, DNS).
 */
export type ConnectionErrorCode = "TIMEOUT" | "UNREACHABLE";

/**
 * No answer from the API: the connection failed or the call timed out. Queries are retried
 * (with backoff) before this is thrown; mutations are not, since the API may have applied them.
 */
export class IncidentOpsConnectionError extends Error {
  override readonly name = "IncidentOpsConnectionError";
  /** Why no answer came, stable: switch on it rather than on `message`. */
  readonly code: ConnectionErrorCode;
  /** The procedure that failed, e.g. `"incidents.list"`. */
  readonly procedure: string;
  /** `code === "TIMEOUT"`: the call ran out of time (`timeoutMs`) rather than failing to connect. */
  readonly timedOut: boolean;

  constructor(init: { message: string; procedure: string; code: ConnectionErrorCode; cause?: unknown }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.procedure = init.procedure;
    this.timedOut = init.code === "TIMEOUT";
    Object.defineProperty(this, CONNECTION_BRAND, { value: true });
  }
}

const hasBrand = (value: unknown, brand: symbol) =>
  typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;

/** Whether `error` is an error answer of the API (also across copies of the SDK). */
export function isIncidentOpsError(error: unknown): error is IncidentOpsError {
  return error instanceof IncidentOpsError || hasBrand(error, ERROR_BRAND);
}

/** Whether the API could not be reached (or did not answer in time). */
export function isConnectionError(error: unknown): error is IncidentOpsConnectionError {
  return error instanceof IncidentOpsConnectionError || hasBrand(error, CONNECTION_BRAND);
}

/** Whether `error` is an API error with one of `codes`; narrows `error.code`. */
export function hasErrorCode<C extends ApiErrorCode>(error: unknown, ...codes: C[]): error is IncidentOpsError<C> {
  return isIncidentOpsError(error) && (codes as readonly ApiErrorCode[]).includes(error.code);
}

/** A transition or update carried a stale `version`: re-read the incident and decide again. */
export const isVersionConflict = (error: unknown): error is IncidentOpsError<"VERSION_CONFLICT"> =>
  hasErrorCode(error, "VERSION_CONFLICT");

/** The status move is not allowed from the incident's current status. */
export const isInvalidTransition = (error: unknown): error is IncidentOpsError<"INVALID_TRANSITION"> =>
  hasErrorCode(error, "INVALID_TRANSITION");

/** The resource does not exist, or belongs to another organisation. */
export const isNotFound = (error: unknown): error is IncidentOpsError<"NOT_FOUND"> => hasErrorCode(error, "NOT_FOUND");

/** The input was refused; `fieldErrors(error)` tells which fields and why. */
export const isValidationError = (error: unknown): error is IncidentOpsError<"VALIDATION_FAILED"> =>
  hasErrorCode(error, "VALIDATION_FAILED");

/** Not signed in, or the session could not be renewed: log in again. */
export const isUnauthorized = (error: unknown): error is IncidentOpsError<"UNAUTHORIZED"> => hasErrorCode(error, "UNAUTHORIZED");

/** Signed in, but the role does not allow the action. */
export const isForbidden = (error: unknown): error is IncidentOpsError<"FORBIDDEN"> => hasErrorCode(error, "FORBIDDEN");

/** Too many requests: wait, then retry. */
export const isRateLimited = (error: unknown): error is IncidentOpsError<"RATE_LIMITED"> => hasErrorCode(error, "RATE_LIMITED");

/** The per-field messages of a `VALIDATION_FAILED` error (`{ "config.url": ["Invalid URL"] }`); empty otherwise. */
export function fieldErrors(error: unknown): Record<string, string[]> {
  if (!isIncidentOpsError(error) || !("fields" in error.details)) return {};
  const fields: unknown = error.details.fields;
  if (typeof fields !== "object" || fields === null) return {};
  const result: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fields)) {
    if (Array.isArray(messages)) result[field] = messages.filter((m): m is string => typeof m === "string");
  }
  return result;
}

/** The code an answer that is not an IncidentOps error body (e.g. a proxy's error page) stands for. */
export function codeForStatus(status: number): ApiErrorCode {
  const byStatus: Partial<Record<number, ApiErrorCode>> = {
    400: "VALIDATION_FAILED",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "CONFLICT",
    413: "PAYLOAD_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    429: "RATE_LIMITED",
    502: "SERVICE_UNAVAILABLE",
    503: "SERVICE_UNAVAILABLE",
    504: "SERVICE_UNAVAILABLE",
  };
  return byStatus[status] ?? "INTERNAL_ERROR";
}
