import type { Dispatcher } from "undici";

/** What one delivery try came to, whatever the channel. Safe to store and to show to admins. */
export interface DeliveryOutcome {
  /** True only for a 2xx (HTTP) or an accepted SMTP send / a logged email. */
  ok: boolean;
  /** The HTTP status, if a response arrived. */
  httpStatus: number | null;
  /** A short, safe reason on failure: no stack, no secret. */
  error: string | null;
  note: string | null;
  durationMs: number;
  /** Set when trying again cannot help (a refused or malformed destination, an answer such as 410 Gone): no retries. */
  permanent?: boolean;
  /** How long the receiver asked not to be sent to (a 429's or 503's valid Retry-After, retry-after.ts). */
  retryAfterMs?: number;
}

export interface HttpDeliveryOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  /** The connection pools to send through (tests); by default this process's (http.ts). */
  dispatcher?: Dispatcher;
}

export function elapsedSince(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}

export function failure(startedAt: number, error: string, httpStatus: number | null = null): DeliveryOutcome {
  return { ok: false, httpStatus, error, note: null, durationMs: elapsedSince(startedAt) };
}

/** A failure no retry can fix: the destination itself is refused or malformed. */
export function permanentFailure(startedAt: number, error: string): DeliveryOutcome {
  return { ...failure(startedAt, error), permanent: true };
}
