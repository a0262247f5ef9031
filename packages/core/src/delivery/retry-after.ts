/** A receiver asking to be left alone for longer than this is more likely wrong (a unit mistaken, a clock off) than meaning it: ignored. */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/** The answers whose Retry-After a sender honours: "too many requests" and "unavailable for now". */
const ASKS_FOR_LATER = new Set([429, 503]);

/** A wait a sender honours: more than none, and not absurd (MAX_RETRY_AFTER_MS). */
const usableWait = (ms: number) => (ms > 0 && ms <= MAX_RETRY_AFTER_MS ? ms : undefined);

/** An HTTP-date in any of RFC 9110's three forms opens with the day's name ("Sun, 06 Nov 1994 08:49:37 GMT"). */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /;

/**
 * How long (ms from `nowMs`) the receiver asked not to be sent to, from a 429's or a 503's
 * `Retry-After` (RFC 9110 section 10.2.3: delta-seconds or an HTTP-date); undefined, so back-off
 * alone applies, for any other answer, and for a value that is missing, malformed, negative, in
 * the past or absurd (over a day).
 */
export function retryAfterMsOf(status: number, header: string | string[] | undefined, nowMs: number): number | undefined {
  if (!ASKS_FOR_LATER.has(status) || typeof header !== "string") return undefined;
  const value = header.trim();
  let ms: number;
  if (/^\d{1,9}$/.test(value)) ms = Number(value) * 1000;
  // An HTTP-date is always UTC, asctime's form too, which names no zone (Date.parse would read it as local time).
  else if (HTTP_DATE.test(value)) ms = Date.parse(value.endsWith("GMT") ? value : `${value} GMT`) - nowMs;
  else return undefined;
  return usableWait(ms);
}

/**
 * How long (ms) a 429's or 503's body asks not to be sent to, given in seconds, a fraction allowed
 * (Discord's `retry_after`); undefined as for retryAfterMsOf.
 */
export function retryAfterSecondsMs(status: number, seconds: unknown): number | undefined {
  if (!ASKS_FOR_LATER.has(status) || typeof seconds !== "number" || !Number.isFinite(seconds)) return undefined;
  return usableWait(Math.ceil(seconds * 1000));
}
