import { z } from "zod";
import { incidentStatusSchema, roleSchema } from "./schemas.js";

/** Every error code the API can answer with. Stable: clients switch on these. */
export const ERROR_HTTP_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  INVALID_TOKEN: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  VERSION_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  LAST_ADMIN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  LOGIN_LOCKED: 429,
  QUOTA_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;
export const ERROR_CODES = Object.keys(ERROR_HTTP_STATUS) as [ErrorCode, ...ErrorCode[]];

const none = z.object({});
const fieldErrors = z.record(z.string(), z.array(z.string())).describe("Messages by field path, e.g. { \"config.url\": [\"Invalid URL\"] }");
const retryAfterSeconds = z.number().int().positive().describe("Also sent as the Retry-After header");

/**
 * The `details` each code carries. Fixed shapes are typed here once: AppError's constructor, the
 * public error body, the OpenAPI document and the SDK's typed errors all read them from this map.
 */
export const errorDetailsSchemas = {
  VALIDATION_FAILED: z.object({ fields: fieldErrors }),
  MALFORMED_JSON: none,
  INVALID_TOKEN: none,
  UNAUTHORIZED: z.object({ reason: z.literal("refresh_token_reused").optional() }),
  INVALID_CREDENTIALS: z.object({ fields: fieldErrors.optional() }),
  FORBIDDEN: z.object({ action: z.string().optional(), requiredRole: roleSchema.optional() }),
  NOT_FOUND: none,
  METHOD_NOT_ALLOWED: none,
  CONFLICT: z.record(z.string(), z.unknown()).describe("What conflicts, e.g. fields, or the services still using a policy"),
  EMAIL_TAKEN: z.object({ fields: fieldErrors }),
  VERSION_CONFLICT: z.object({ currentVersion: z.number().int(), currentStatus: incidentStatusSchema }),
  INVALID_TRANSITION: z.union([
    z.object({ fromStatus: incidentStatusSchema, toStatus: incidentStatusSchema }),
    z.object({ status: incidentStatusSchema }),
  ]),
  LAST_ADMIN: none,
  PAYLOAD_TOO_LARGE: z.object({ limitBytes: z.number().int().optional() }),
  UNSUPPORTED_MEDIA_TYPE: none,
  RATE_LIMITED: z.object({ retryAfterSeconds, limit: z.number().int().optional(), windowSeconds: z.number().int().optional() }),
  LOGIN_LOCKED: z.object({ retryAfterSeconds }),
  QUOTA_EXCEEDED: z.object({ quota: z.number().int(), retryAfterSeconds }),
  INTERNAL_ERROR: none,
  SERVICE_UNAVAILABLE: z.object({ retryAfterSeconds }),
} as const satisfies Record<ErrorCode, z.ZodType>;

export type ErrorDetailsByCode = { [C in ErrorCode]: z.infer<(typeof errorDetailsSchemas)[C]> };
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
