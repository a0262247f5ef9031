import type { ErrorDetailsByCode } from "./error-details.js";

/** Every error code the API can answer with. Stable: clients switch on these. */
export const ERROR_HTTP_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  INVALID_TOKEN: 400,
  INVALID_IDEMPOTENCY_KEY: 400,
  CHANNEL_NOT_CONFIGURED: 400,
  UNMAPPED_PAYLOAD: 400,
  UNAUTHORIZED: 401,
  INVALID_SIGNATURE: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  VERSION_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  LAST_ADMIN: 409,
  REFERENCED_BY_POLICIES: 409,
  SOLE_RESPONDER: 409,
  CONCURRENT_CHANGE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  LOGIN_LOCKED: 429,
  QUOTA_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;
export const ERROR_CODES = Object.keys(ERROR_HTTP_STATUS) as [ErrorCode, ...ErrorCode[]];

export type { ErrorDetailsByCode } from "./error-details.js";
export type ErrorDetails<C extends ErrorCode = ErrorCode> = ErrorDetailsByCode[C];

/** Codes whose details may be left out (they are all optional). */
type DetailsArgument<C extends ErrorCode> = Record<string, never> extends ErrorDetailsByCode[C] ? [details?: ErrorDetailsByCode[C]] : [details: ErrorDetailsByCode[C]];

/** A failure the caller caused or can act on; its message is safe to show. */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  override name = "AppError";
  readonly httpStatus: number;
  readonly details: ErrorDetailsByCode[C];

  constructor(
    readonly code: C,
    message: string,
    ...[details]: DetailsArgument<C>
  ) {
    super(message);
    this.httpStatus = ERROR_HTTP_STATUS[code];
    this.details = details ?? ({} as ErrorDetailsByCode[C]);
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
