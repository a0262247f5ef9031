import type { FailureReader } from "./http.js";

// How a chat service's incoming webhook says no, and which of its refusals sending again cannot
// change (docs/decisions/0052-receiver-answers.md, 0054-holds-end-and-refusals-read.md): those end
// the attempt at once, with a reason saying what to do; any other refusal is retried (429 after
// the wait it asks for, 5xx on the back-off).

/** A chat service's refusals: which statuses last, with what the admin should do about each. */
export interface ServiceRefusals {
  /** The service's name, as the reason says it. */
  service: string;
  /** The statuses sending again cannot change, each with what to do, as a phrase ("the webhook was deleted; create a new one and update the target"). */
  lasting: Readonly<Record<number, string>>;
  /** The service's own error code in the body, when it gives one that is safe to store (no text of the body beyond it). */
  codeOf: (body: string) => string | undefined;
  /** The wait a 429's body asks for, in ms, for a service that says it there (Discord's `retry_after`). */
  retryAfterMsOf?: (status: number, body: string) => number | undefined;
}

/** 410 Gone ends an attempt on every channel (http.ts): what to do when a service answers it. */
const GONE_ADVICE = "the webhook is gone; create a new one and update the target";

/** Reads a service's refusals: "Discord refused the message for good (HTTP 404 10015 Unknown Webhook), not retried: the webhook was deleted; ..." */
export function refusalReader(refusals: ServiceRefusals): FailureReader {
  return (status, body) => {
    const code = refusals.codeOf(body);
    const answer = code === undefined ? `HTTP ${status}` : `HTTP ${status} ${code}`;
    const advice = refusals.lasting[status] ?? (status === 410 ? GONE_ADVICE : undefined);
    if (advice !== undefined) return { error: `${refusals.service} refused the message for good (${answer}), not retried: ${advice}`, permanent: true };
    return { error: `${refusals.service} refused the message (${answer})`, permanent: false, retryAfterMs: refusals.retryAfterMsOf?.(status, body) };
  };
}

/** The body as JSON, or undefined when it is not. */
export function jsonOf(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** `value[key]`, for a value that may be anything. */
export const fieldOf = (value: unknown, key: string): unknown => (typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined);

/** `value` when it is a string of the given form, else undefined: only what fits a service's code shape is kept. */
export const codeShaped = (value: unknown, shape: RegExp): string | undefined => (typeof value === "string" && shape.test(value) ? value : undefined);
