import { can, ERROR_CODES, ERROR_HTTP_STATUS, errorDetailsSchemas, type ErrorCode } from "@incidentops/core";
import { z } from "zod";
import type { ErrorBodyOf } from "../errors.js";
import { takesBody, type RestOperation } from "../operations.js";
import { isQuotaExempt } from "../procedure/write-quota.js";
import { callTypeOf } from "../trpc.js";

const errorBodySchemaOf = (code: ErrorCode) =>
  z.object({
    code: z.literal(code),
    message: z.string().describe("For people; may change"),
    traceId: z.string().describe("The request id (x-request-id): quote it in support requests"),
    details: errorDetailsSchemas[code],
  });

/** Each code's error body as a schema: the OpenAPI components, and what tests check samples against. */
export const errorBodySchemas = Object.fromEntries(ERROR_CODES.map((code) => [code, errorBodySchemaOf(code)])) as Record<
  ErrorCode,
  ReturnType<typeof errorBodySchemaOf>
>;

/** `VERSION_CONFLICT` -> `VersionConflictError`, the component's name. */
export const errorComponentName = (code: ErrorCode) =>
  `${code
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("")}Error`;

const TRACE_ID = "4f1d2c3b-5a69-4788-9a0b-1c2d3e4f5a6b";
const sample = <C extends ErrorCode>(code: C, message: string, details: ErrorBodyOf<C>["details"]): ErrorBodyOf<C> => ({
  code,
  message,
  traceId: TRACE_ID,
  details,
});

/** What each code means, and a real sample of it: the response descriptions and examples. */
export const errorSamples: { [C in ErrorCode]: { meaning: string; body: ErrorBodyOf<C> } } = {
  VALIDATION_FAILED: {
    meaning: "the input is invalid (details.fields says where)",
    body: sample("VALIDATION_FAILED", "The request is invalid: see details.fields", { fields: { title: ["must not be empty"] } }),
  },
  MALFORMED_JSON: { meaning: "the body is not valid JSON", body: sample("MALFORMED_JSON", "The request body is not valid JSON", {}) },
  INVALID_IDEMPOTENCY_KEY: {
    meaning: "the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason)",
    body: sample("INVALID_IDEMPOTENCY_KEY", "The Idempotency-Key header must be 1-255 visible ASCII characters, e.g. a UUID", { reason: "malformed" }),
  },
  IDEMPOTENCY_KEY_REUSED: {
    meaning: "this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed",
    body: sample("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was sent with a different request in the last 24 hours: send a new key with a new request", {}),
  },
  INVALID_TOKEN: {
    meaning: "the single-use token is invalid, expired or already used",
    body: sample("INVALID_TOKEN", "This password reset link is invalid, expired or already used: ask for a new one", {}),
  },
  CHANNEL_NOT_CONFIGURED: {
    meaning: "this deployment cannot send SMS or voice calls (no Twilio configuration)",
    body: sample("CHANNEL_NOT_CONFIGURED", "This deployment cannot send sms: an operator must set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER", {
      type: "sms",
      variables: ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER"],
    }),
  },
  UNAUTHORIZED: {
    meaning: "no valid credentials (a missing, invalid or expired token, or an ended membership)",
    body: sample("UNAUTHORIZED", "Invalid or expired access token: refresh it or log in again", {}),
  },
  INVALID_CREDENTIALS: { meaning: "the email or password is wrong", body: sample("INVALID_CREDENTIALS", "Invalid email or password", {}) },
  FORBIDDEN: {
    meaning: "the caller's role (or API key) does not allow this",
    body: sample("FORBIDDEN", "Your role (viewer) does not allow incident:create", { action: "incident:create", requiredRole: "member" }),
  },
  UNMAPPED_PAYLOAD: {
    meaning: "the generic webhook's mapping cannot read the payload (or the integration has no mapping)",
    body: sample("UNMAPPED_PAYLOAD", "The mapping's title (pointer \"/title\") finds no string, number or boolean in the payload", { field: "title", pointer: "/title" }),
  },
  INVALID_SIGNATURE: {
    meaning: "the integration has a signing secret and the request's HMAC signature is missing, wrong or stale",
    body: sample("INVALID_SIGNATURE", "The X-Grafana-Alerting-Signature header does not match the body", { reason: "mismatch" }),
  },
  NOT_FOUND: { meaning: "no such resource in the caller's organisation", body: sample("NOT_FOUND", "Incident not found", {}) },
  METHOD_NOT_ALLOWED: { meaning: "the route does not take this method", body: sample("METHOD_NOT_ALLOWED", "Method not allowed", {}) },
  CONFLICT: {
    meaning: "the change conflicts with the current state (or something it refers to was removed meanwhile)",
    body: sample("CONFLICT", 'A service named "checkout-api" already exists', { fields: { name: ["already used by another service"] } }),
  },
  EMAIL_TAKEN: {
    meaning: "an account with this email exists",
    body: sample("EMAIL_TAKEN", "An account with this email already exists: log in instead", { fields: { email: ["already registered"] } }),
  },
  VERSION_CONFLICT: {
    meaning: "the incident changed since it was read (stale version)",
    body: sample("VERSION_CONFLICT", "The incident changed since you read it (your version 1, current 2): reload and retry", {
      currentVersion: 2,
      currentStatus: "acknowledged",
    }),
  },
  INVALID_TRANSITION: {
    meaning: "the incident cannot move to that status from its current one",
    body: sample("INVALID_TRANSITION", "An incident cannot move from resolved to acknowledged", { fromStatus: "resolved", toStatus: "acknowledged" }),
  },
  LAST_ADMIN: {
    meaning: "the organisation's last admin cannot be demoted or removed",
    body: sample("LAST_ADMIN", "The last admin of an organisation cannot be removed: make another member admin first", {}),
  },
  REFERENCED_BY_POLICIES: {
    meaning: "escalation policies page the schedule or team: take it out of their levels first",
    body: sample("REFERENCED_BY_POLICIES", "Escalation policies page this schedule (Checkout on call): take it out of their levels first", {
      policies: [{ id: "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", name: "Checkout on call" }],
    }),
  },
  SOLE_RESPONDER: {
    meaning: "removing the member would leave an escalation level or a rotation with no one in it: add someone else there first",
    body: sample(
      "SOLE_RESPONDER",
      'Removing Ada Lovelace would leave no one to page on level 1 of escalation policy "Checkout on call": they are the only one there. Add someone else (or remove it) first',
      { escalationLevels: [{ policyId: "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", policyName: "Checkout on call", level: 1 }], scheduleLayers: [] },
    ),
  },
  CONCURRENT_CHANGE: {
    meaning: "a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After)",
    body: sample("CONCURRENT_CHANGE", "A concurrent change conflicted with this one: retry after the Retry-After seconds", { retryAfterSeconds: 1 }),
  },
  PAYLOAD_TOO_LARGE: { meaning: "the body is over 1 MB", body: sample("PAYLOAD_TOO_LARGE", "The request body is over 1 MB", { limitBytes: 1_048_576 }) },
  UNSUPPORTED_MEDIA_TYPE: {
    meaning: "the body is not sent as application/json",
    body: sample("UNSUPPORTED_MEDIA_TYPE", "The request body must be JSON: send Content-Type: application/json", {}),
  },
  RATE_LIMITED: {
    meaning: "too many requests from this address to the auth routes (see Retry-After)",
    body: sample("RATE_LIMITED", "Too many requests to the auth routes from this address: retry in 42 seconds", {
      retryAfterSeconds: 42,
      limit: 20,
      windowSeconds: 60,
    }),
  },
  LOGIN_LOCKED: {
    meaning: "too many failed logins for this account (see Retry-After)",
    body: sample("LOGIN_LOCKED", "Too many failed logins for this account: try again in 840 seconds, or reset the password", { retryAfterSeconds: 840 }),
  },
  QUOTA_EXCEEDED: {
    meaning: "the organisation used its daily write quota (see Retry-After: 00:00 UTC)",
    body: sample("QUOTA_EXCEEDED", "This organisation has used its daily quota of 10000 write calls: writes resume at 00:00 UTC", {
      quota: 10_000,
      retryAfterSeconds: 3600,
    }),
  },
  INTERNAL_ERROR: {
    meaning: "a bug on our side",
    body: sample("INTERNAL_ERROR", "Something went wrong on our side: retry, and quote the traceId if it persists", {}),
  },
  SERVICE_UNAVAILABLE: {
    meaning: "the database is unavailable (see Retry-After)",
    body: sample("SERVICE_UNAVAILABLE", "The database is unavailable: retry after the Retry-After seconds", { retryAfterSeconds: 5 }),
  },
};

/**
 * What a procedure's service can refuse beyond what its input, access and route imply (those
 * are derived in errorCodesOf). Keyed by procedure path; a test checks every key is an operation.
 */
export const DOMAIN_ERRORS: Record<string, ErrorCode[]> = {
  "auth.register": ["EMAIL_TAKEN"],
  "auth.login": ["INVALID_CREDENTIALS", "LOGIN_LOCKED", "FORBIDDEN"],
  "auth.refresh": ["UNAUTHORIZED", "FORBIDDEN"],
  "auth.switchOrg": ["UNAUTHORIZED", "FORBIDDEN"],
  "auth.resetPassword": ["INVALID_TOKEN"],
  "auth.changePassword": ["INVALID_CREDENTIALS"],
  "auth.acceptInvitation": ["INVALID_TOKEN", "INVALID_CREDENTIALS", "CONFLICT", "EMAIL_TAKEN"],
  "org.members.update": ["LAST_ADMIN"],
  "org.members.remove": ["LAST_ADMIN", "SOLE_RESPONDER"],
  "org.services.create": ["CONFLICT"],
  "org.services.update": ["CONFLICT"],
  "org.services.maintenanceWindows.end": ["CONFLICT"],
  "org.invitations.create": ["CONFLICT"],
  "org.invitations.revoke": ["CONFLICT"],
  "org.escalationPolicies.create": ["NOT_FOUND"],
  "org.escalationPolicies.delete": ["CONFLICT"],
  "org.teams.create": ["CONFLICT"],
  "org.teams.update": ["CONFLICT"],
  "org.teams.delete": ["REFERENCED_BY_POLICIES"],
  "org.notificationTargets.create": ["NOT_FOUND"],
  "org.schedules.create": ["CONFLICT"],
  "org.schedules.update": ["CONFLICT"],
  "org.schedules.delete": ["REFERENCED_BY_POLICIES"],
  "org.schedules.overrides.delete": ["CONFLICT"],
  "incidents.transition": ["VERSION_CONFLICT", "INVALID_TRANSITION"],
  "incidents.escalate": ["INVALID_TRANSITION", "CONFLICT"],
  "incidents.assign": ["VERSION_CONFLICT", "INVALID_TRANSITION"],
  "incidents.snooze": ["VERSION_CONFLICT", "INVALID_TRANSITION"],
  "users.me.contactMethods.create": ["CHANNEL_NOT_CONFIGURED", "CONFLICT"],
  "users.me.contactMethods.delete": ["CONFLICT"],
  "incidents.update": ["VERSION_CONFLICT"],
  "incidents.postmortem.get": ["CONFLICT"],
  "incidents.postmortem.put": ["CONFLICT", "VERSION_CONFLICT"],
  "incidents.postmortem.markdown": ["CONFLICT"],
};

/** Whether some caller that passes authentication may still be refused this operation (role, key scope, key kind). */
function mayBeForbidden(operation: RestOperation): boolean {
  const { access } = operation;
  if (access.kind === "public") return false;
  if (access.kind === "user" || callTypeOf(operation.type, operation.meta) === "mutation") return true; // API keys; read-only keys
  if (access.action === undefined) return false;
  // The least privileged callers: a viewer, and a read-only API key (which acts as a viewer).
  return !can(access.action, { kind: "user", role: "viewer" }) || !can(access.action, { kind: "api_key", role: "viewer" });
}

/** A write by an authenticated caller: what the daily write quota counts, and what takes an Idempotency-Key. */
export const isAuthenticatedWrite = (operation: RestOperation) => operation.access.kind !== "public" && callTypeOf(operation.type, operation.meta) === "mutation";

/** A write that takes an Idempotency-Key: an authenticated one whose answer holds no secret shown once. */
export const takesIdempotencyKey = (operation: RestOperation) => isAuthenticatedWrite(operation) && operation.meta.answersSecret !== true;

/** Every error code an operation can answer with, derived from its input, access and route, plus its domain errors. */
export function errorCodesOf(operation: RestOperation): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  // Every operation refuses query parameters it does not take (rest.ts), and undecodable paths.
  codes.add("VALIDATION_FAILED");
  if (takesBody(operation.method)) for (const code of ["MALFORMED_JSON", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"] as const) codes.add(code);
  if (operation.access.kind !== "public") codes.add("UNAUTHORIZED");
  if (mayBeForbidden(operation)) codes.add("FORBIDDEN");
  if (operation.path.includes("{")) codes.add("NOT_FOUND");
  if (operation.path.startsWith("/auth/")) codes.add("RATE_LIMITED");
  if (isAuthenticatedWrite(operation) && !isQuotaExempt(operation.procedure)) codes.add("QUOTA_EXCEEDED");
  if (isAuthenticatedWrite(operation)) codes.add("INVALID_IDEMPOTENCY_KEY");
  if (takesIdempotencyKey(operation)) codes.add("IDEMPOTENCY_KEY_REUSED");
  // A write may find what it refers to removed by a concurrent one after its checks passed.
  if (operation.type === "mutation") codes.add("CONFLICT");
  for (const code of DOMAIN_ERRORS[operation.procedure] ?? []) codes.add(code);
  codes.add("INTERNAL_ERROR");
  // Any transaction may conflict with a concurrent one (a deadlock) past the API's retries.
  codes.add("CONCURRENT_CHANGE");
  codes.add("SERVICE_UNAVAILABLE");
  return ERROR_CODES.filter((code) => codes.has(code));
}

const ref = (code: ErrorCode) => ({ $ref: `#/components/schemas/${errorComponentName(code)}` });

export const retryAfterHeader = {
  "Retry-After": { description: "Seconds to wait before retrying", schema: { type: "integer", minimum: 1 } },
} as const;

/** The samples of these codes, as the document's shared examples that error responses refer to. */
export const errorExampleComponents = (codes: Iterable<ErrorCode>) =>
  Object.fromEntries([...codes].map((c) => [errorComponentName(c), { summary: errorSamples[c].meaning, value: errorSamples[c].body }]));

const carriesRetryAfter = (code: ErrorCode) => "retryAfterSeconds" in errorSamples[code].body.details;

/** The error responses of these codes, one per status: its schema (one code, or one of several), meanings and samples. */
export function errorResponsesOf(codes: readonly ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_HTTP_STATUS[code], [...(byStatus.get(ERROR_HTTP_STATUS[code]) ?? []), code]);
  const responses: Record<string, unknown> = {};
  for (const [status, atStatus] of [...byStatus].sort(([a], [b]) => a - b)) {
    const schema =
      atStatus.length === 1 && atStatus[0] !== undefined
        ? ref(atStatus[0])
        : {
            oneOf: atStatus.map(ref),
            discriminator: { propertyName: "code", mapping: Object.fromEntries(atStatus.map((c) => [c, ref(c).$ref])) },
          };
    responses[String(status)] = {
      description: atStatus.map((c) => `${c}: ${errorSamples[c].meaning}`).join("; "),
      ...(atStatus.some(carriesRetryAfter) ? { headers: retryAfterHeader } : {}),
      content: {
        "application/json": {
          schema,
          examples: Object.fromEntries(atStatus.map((c) => [c, { $ref: `#/components/examples/${errorComponentName(c)}` }])),
        },
      },
    };
  }
  return responses;
}
