import { DateTime } from "luxon";
import { isStorableInstant } from "../mapping.js";

/** A sender's own time for an event, read as leniently as PagerDuty reads it. */
export type SentTime = { at: Date; note?: undefined } | { at?: undefined; note: string };

const READERS = [
  (text: string) => DateTime.fromISO(text, { setZone: true }),
  (text: string) => DateTime.fromRFC2822(text, { setZone: true }),
  (text: string) => DateTime.fromHTTP(text, { setZone: true }),
  (text: string) => DateTime.fromSQL(text, { zone: "utc", setZone: true }),
];

/**
 * An optional `timestamp` of an event: ISO 8601 in any of its forms (PagerDuty's own example,
 * `2015-07-17T08:42:58.315+0000`, has an offset without a colon), RFC 2822, HTTP dates, or
 * `2015-07-17 08:42:58` (UTC). Anything else, or an instant the database cannot hold, is not a
 * reason to refuse the event: the event keeps it raw and gets a note saying it was not used.
 */
export function readSentTime(value: unknown): SentTime | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") {
    const text = value.trim();
    for (const read of READERS) {
      const time = read(text);
      if (time.isValid && isStorableInstant(time.toISO())) return { at: time.toJSDate() };
    }
  }
  return { note: `timestamp ${JSON.stringify(value).slice(0, 80)} is not a date this service reads: the time of arrival is used` };
}
