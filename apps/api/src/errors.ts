import { AppError, ERROR_HTTP_STATUS, type ErrorCode, type ErrorDetails } from "@incidentops/core";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

/** The error body every client sees, REST and tRPC alike (tRPC nests it in `error.data`). */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  traceId: string;
  details: ErrorDetails;
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
  500: "INTERNAL_SERVER_ERROR",
  503: "SERVICE_UNAVAILABLE",
};

/** Wraps an AppError so tRPC answers with its HTTP status. */
export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: TRPC_CODE_BY_STATUS[error.httpStatus] ?? "INTERNAL_SERVER_ERROR", message: error.message, cause: error });
}

interface ValidationIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
}

function isValidationFailure(cause: unknown): cause is { issues: ValidationIssue[] } {
  return typeof cause === "object" && cause !== null && Array.isArray((cause as { issues?: unknown }).issues);
}

/** Field-level details: `{ fields: { "config.url": ["Invalid URL"] } }`, plus the raw issues. */
function validationDetails(issues: ValidationIssue[]): ErrorDetails {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "(body)";
    (fields[key] ??= []).push(issue.message);
  }
  return { fields };
}

const TRPC_CODE_TO_ERROR_CODE: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  PARSE_ERROR: "MALFORMED_JSON",
  BAD_REQUEST: "VALIDATION_FAILED",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  METHOD_NOT_SUPPORTED: "METHOD_NOT_ALLOWED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
};

/**
 * Turns whatever a procedure threw into the public error. Anything unexpected becomes a bare
 * INTERNAL_ERROR: its message may hold SQL or a stack, so only the log sees it.
 */
export function toErrorBody(error: TRPCError, traceId: string): ErrorBody {
  const cause = error.cause;
  if (cause instanceof AppError) {
    return { code: cause.code, message: cause.message, traceId, details: cause.details };
  }
  if (cause instanceof SyntaxError) {
    return { code: "MALFORMED_JSON", message: "The request body is not valid JSON", traceId, details: {} };
  }
  if (error.code === "BAD_REQUEST" && isValidationFailure(cause)) {
    return {
      code: "VALIDATION_FAILED",
      message: "The request is invalid: see details.fields",
      traceId,
      details: validationDetails(cause.issues),
    };
  }
  const code = TRPC_CODE_TO_ERROR_CODE[error.code];
  if (code === undefined) {
    return { code: "INTERNAL_ERROR", message: "Something went wrong on our side: retry, and quote the traceId if it persists", traceId, details: {} };
  }
  return { code, message: error.message, traceId, details: {} };
}

export function errorBody(code: ErrorCode, message: string, traceId: string, details: ErrorDetails = {}): ErrorBody {
  return { code, message, traceId, details };
}

export const httpStatusOf = (code: ErrorCode) => ERROR_HTTP_STATUS[code];

/**
 * The `Retry-After` value (seconds) for a failure that says when to come back: an AppError whose
 * details carry `retryAfterSeconds`, e.g. 429 QUOTA_EXCEEDED (until 00:00 UTC).
 */
export function retryAfterOf(errors: readonly { cause?: unknown }[]): string | undefined {
  for (const error of errors) {
    const seconds = error.cause instanceof AppError ? error.cause.details.retryAfterSeconds : undefined;
    if (typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0) return String(Math.ceil(seconds));
  }
  return undefined;
}
