import { DateTime } from "luxon";

// The on-call screens' time arithmetic, in the viewer's time zone (users.timeZone, not the
// browser's): which local days the calendar shows, which part of each day an entry covers, and
// the values of `datetime-local` inputs. Pure, so it is tested without a browser
// (test/calendar.test.ts). Luxon does the zone work; nothing here adds offsets by hand.

export interface Span {
  start: string;
  end: string;
}

export interface Day {
  start: Date;
  end: Date;
}

/** The `count` days of `zone` from the one holding `from`, each as the instants it starts and ends (23 to 25 hours apart across a daylight-saving change). */
export function daysFrom(from: Date, count: number, zone: string): Day[] {
  const first = DateTime.fromJSDate(from, { zone }).startOf("day");
  return Array.from({ length: count }, (_, i) => ({ start: first.plus({ days: i }).toJSDate(), end: first.plus({ days: i + 1 }).toJSDate() }));
}

export interface Segment {
  /** Where it starts and how wide it is, as percentages of its day. */
  left: number;
  width: number;
  /** Whether the entry goes on before this day starts / after it ends (drawn without a rounded edge). */
  fromBefore: boolean;
  untilAfter: boolean;
}

/** The part of a day an entry covers (nothing when they do not meet). */
export function segmentOf(entry: Span, day: Day): Segment | null {
  const dayStart = day.start.getTime();
  const dayEnd = day.end.getTime();
  const entryStart = Date.parse(entry.start);
  const entryEnd = Date.parse(entry.end);
  const start = Math.max(entryStart, dayStart);
  const end = Math.min(entryEnd, dayEnd);
  if (end <= start) return null;
  const length = dayEnd - dayStart;
  return { left: ((start - dayStart) / length) * 100, width: ((end - start) / length) * 100, fromBefore: entryStart < dayStart, untilAfter: entryEnd > dayEnd };
}

/** Each day's segments of `entries`, in their order: a row of the calendar. */
export function layoutRow<T extends Span>(entries: readonly T[], days: readonly Day[]): { entry: T; segment: Segment }[][] {
  return days.map((day) => entries.flatMap((entry) => {
    const segment = segmentOf(entry, day);
    return segment === null ? [] : [{ entry, segment }];
  }));
}

/** A stable colour index per person, in the order they first appear. */
export function colourIndexes(userIds: readonly string[]): Map<string, number> {
  const indexes = new Map<string, number>();
  for (const id of userIds) if (!indexes.has(id)) indexes.set(id, indexes.size);
  return indexes;
}

/** The two weeks of `zone` from the start of today there: the calendar's range. */
export function twoWeeksFrom(now: Date, zone: string): { since: string; until: string } {
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  return { since: today.toUTC().toISO() ?? now.toISOString(), until: today.plus({ days: 14 }).toUTC().toISO() ?? now.toISOString() };
}

/** A `datetime-local` input's value (to the minute) for an instant, on the wall clock of `zone`. */
export function toLocalInput(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The instant a `datetime-local` value names on the wall clock of `zone` (null when empty or invalid). */
export function fromLocalInput(value: string, zone: string): string | null {
  if (value === "") return null;
  const local = DateTime.fromISO(value, { zone });
  return local.isValid ? local.toUTC().toISO() : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (zone: string, style: "full" | "time" | "day") => {
  const key = `${zone}|${style}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    const options: Intl.DateTimeFormatOptions =
      style === "time" ? { hour: "2-digit", minute: "2-digit" } : style === "day" ? { weekday: "short", day: "numeric", month: "short" } : { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };
    formatter = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: zone });
    formatters.set(key, formatter);
  }
  return formatter;
};

/** "Mon 29 Mar, 09:00": an instant on the wall clock of `zone`. */
export const formatInZone = (iso: string | Date, zone: string) => formatterFor(zone, "full").format(typeof iso === "string" ? new Date(iso) : iso);
/** "09:00" in `zone`. */
export const formatTimeInZone = (iso: string | Date, zone: string) => formatterFor(zone, "time").format(typeof iso === "string" ? new Date(iso) : iso);
/** "Mon 29 Mar" in `zone`. */
export const formatDayInZone = (iso: string | Date, zone: string) => formatterFor(zone, "day").format(typeof iso === "string" ? new Date(iso) : iso);

