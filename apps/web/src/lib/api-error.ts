import { TRPCClientError } from "@trpc/client";

/** An error the API answered with (`{ code, message, details }`), or a failure to reach it. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** The seconds a refusal's details say to wait, in words: "37 seconds"; undefined when it does not say. */
function waitOf(details: Record<string, unknown>): string | undefined {
  const seconds = details.retryAfterSeconds;
  if (typeof seconds !== "number" || !(seconds > 0)) return undefined;
  const whole = Math.ceil(seconds);
  return whole === 1 ? "1 second" : `${whole} seconds`;
}

/**
 * What a person is told for the codes whose API message speaks to programs ("retry after the
 * Retry-After seconds", "write calls", "quote the traceId"); the other codes' messages are
 * written for people already. A CONCURRENT_CHANGE shown has already been sent again (concurrent-change.ts).
 */
const MESSAGES_FOR_PEOPLE: Partial<Record<string, (body: { details: Record<string, unknown>; traceId: unknown }) => string>> = {
  CONCURRENT_CHANGE: () => "Someone changed this at the same moment: try again.",
  // The database (or the attachment store) is down or not answering: nothing the person can mend.
  SERVICE_UNAVAILABLE: () => "The server is unavailable for a moment: try again in a few seconds.",
  // The auth routes' limit per address: sign-in, registration, password resets.
  RATE_LIMITED: ({ details }) => `Too many attempts from this network: try again in ${waitOf(details) ?? "a minute"}.`,
  QUOTA_EXCEEDED: ({ details }) =>
    `Your organisation has used today's limit${typeof details.quota === "number" ? ` of ${details.quota} changes` : " of changes"}: changes can be made again from 00:00 UTC.`,
  INTERNAL_ERROR: ({ traceId }) =>
    typeof traceId === "string" && traceId !== ""
      ? `Something went wrong on our side: try again. If it keeps happening, give your administrator this reference: ${traceId}.`
      : "Something went wrong on our side: try again. If it keeps happening, tell your administrator.",
};

/** The API error body (REST) or tRPC error data, as an ApiError; null when it is not one. */
export function apiErrorFromBody(body: unknown, status: number): ApiError | null {
  if (!isRecord(body) || typeof body.code !== "string" || typeof body.message !== "string") return null;
  const details = isRecord(body.details) ? body.details : {};
  const forPeople = MESSAGES_FOR_PEOPLE[body.code];
  return new ApiError(body.code, forPeople === undefined ? body.message : forPeople({ details, traceId: body.traceId }), status, details);
}

/** A call that got no answer at all (offline, the server down or refusing connections). */
export const serverUnreachable = () => new ApiError("NETWORK_ERROR", "The server could not be reached: check your connection and retry", 0);

/** Anything a call threw, as an ApiError a person can read. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof TRPCClientError) {
    // Raised by one of the client's own links (a contract mismatch).
    if (error.cause instanceof ApiError) return error.cause;
    const data: unknown = error.data;
    const status = isRecord(data) && typeof data.httpStatus === "number" ? data.httpStatus : 0;
    const fromData = apiErrorFromBody(data, status);
    if (fromData !== null) return fromData;
  }
  return serverUnreachable();
}

/** The first message per field of a VALIDATION_FAILED (or EMAIL_TAKEN ...) error: `{ email: "already registered" }`. */
export function fieldErrorsOf(error: ApiError): Record<string, string> {
  const fields = error.details.fields;
  if (!isRecord(fields)) return {};
  const out: Record<string, string> = {};
  for (const [field, messages] of Object.entries(fields)) {
    if (Array.isArray(messages) && typeof messages[0] === "string") out[field] = messages[0];
  }
  return out;
}

export const isApiError = (error: unknown, code: string): boolean => error instanceof Error && toApiError(error).code === code;

/** What to show next to a one-field form: the field's message, else the error's own. */
export function messageOf(error: unknown): string {
  const apiError = toApiError(error);
  return Object.values(fieldErrorsOf(apiError))[0] ?? apiError.message;
}
