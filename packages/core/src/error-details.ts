import { z } from "zod";
import type { ErrorCode } from "./errors.js";
import { incidentStatusSchema, roleSchema } from "./schema.js";

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
  INVALID_IDEMPOTENCY_KEY: z.object({
    reason: z
      .enum(["malformed", "secret_answer", "batch"])
      .describe("A key that is not 1-255 visible ASCII characters, one sent to an operation whose answer holds a secret shown once, or one sent with a tRPC batch of several calls"),
  }),
  CHANNEL_NOT_CONFIGURED: z.object({
    type: z.enum(["sms", "voice"]).describe("The contact method type this deployment cannot send"),
    variables: z.array(z.string()).describe("The environment variables an operator sets to enable it"),
  }),
  UNMAPPED_PAYLOAD: z.object({
    field: z.enum(["dedupKey", "title", "action"]).optional().describe("The part of the integration's mapping that could not be read (absent: the integration has no mapping)"),
    pointer: z.string().optional().describe("Its JSON Pointer"),
  }),
  UNAUTHORIZED: z.object({ reason: z.literal("refresh_token_reused").optional() }),
  INVALID_SIGNATURE: z.object({
    reason: z.enum(["missing", "mismatch", "stale_timestamp"]).describe("No signature header, a signature that does not match, or a timestamp more than 5 minutes off"),
  }),
  INVALID_CREDENTIALS: z.object({ fields: fieldErrors.optional() }),
  FORBIDDEN: z.object({
    action: z.string().optional(),
    requiredRole: roleSchema.optional(),
    requiredTeamRole: z.literal("manager").optional().describe("Set when a manager of the team owning the resource may also do it"),
  }),
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
  REFERENCED_BY_POLICIES: z.object({
    policies: z.array(z.object({ id: z.uuid(), name: z.string() })).describe("The escalation policies whose levels page it"),
  }),
  SOLE_RESPONDER: z.object({
    escalationLevels: z
      .array(z.object({ policyId: z.uuid(), policyName: z.string(), level: z.number().int().describe("1-based") }))
      .describe("Levels that page no one else (them, or a team only they are in with the role it pages): give each someone else first"),
    scheduleLayers: z
      .array(z.object({ scheduleId: z.uuid(), scheduleName: z.string(), layerId: z.uuid(), layerName: z.string() }))
      .describe("Rotations (not yet ended) with no one else in them: add someone first"),
  }),
  CONCURRENT_CHANGE: z.object({ retryAfterSeconds }),
  PAYLOAD_TOO_LARGE: z.object({ limitBytes: z.number().int().optional() }),
  UNSUPPORTED_MEDIA_TYPE: none,
  IDEMPOTENCY_KEY_REUSED: none,
  RATE_LIMITED: z.object({ retryAfterSeconds, limit: z.number().int().optional(), windowSeconds: z.number().int().optional() }),
  LOGIN_LOCKED: z.object({ retryAfterSeconds }),
  QUOTA_EXCEEDED: z.object({ quota: z.number().int(), retryAfterSeconds }),
  INTERNAL_ERROR: none,
  SERVICE_UNAVAILABLE: z.object({ retryAfterSeconds }),
} as const satisfies Record<ErrorCode, z.ZodType>;

export type ErrorDetailsByCode = { [C in ErrorCode]: z.infer<(typeof errorDetailsSchemas)[C]> };
