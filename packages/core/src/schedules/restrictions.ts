import { union, type Interval } from "./intervals.js";
import { dayOf, isoWeekdayOf, wallTimeAt, type ZoneClock } from "./wall-clock.js";

/**
 * A window a layer's shifts are kept inside, on the schedule's wall clock: every day from
 * `startTime` (daily), or every week from `startDay` at `startTime` (weekly), for
 * `durationMinutes` of wall-clock time (a daily 22:00 window of 480 minutes ends at 06:00 the next
 * day, also on a daylight-saving night).
 */
export interface Restriction {
  type: "daily" | "weekly";
  /** HH:mm */
  startTime: string;
  durationMinutes: number;
  /** ISO weekday, 1 = Monday (weekly only). */
  startDay?: number | undefined;
}

const minuteOfDay = (hhmm: string) => {
  const [hours, minutes] = hhmm.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

/** The longest a window lasts, in days: how far back a window that still reaches `from` may start. */
const LOOKBACK_DAYS = { daily: 1, weekly: 7 } as const;

/** The windows of the restrictions that reach into [from, to), joined where they overlap, sorted. */
export function restrictionWindows(restrictions: readonly Restriction[], clock: ZoneClock, from: number, to: number): Interval[] {
  if (from >= to) return [];
  // Local days are within a day of UTC days (offsets are under 24 hours): one more each side.
  const firstDay = dayOf(from) - 1;
  const lastDay = dayOf(to) + 1;
  const windows: Interval[] = [];
  for (const r of restrictions) {
    const startMinute = minuteOfDay(r.startTime);
    for (let day = firstDay - LOOKBACK_DAYS[r.type]; day <= lastDay; day += 1) {
      if (r.type === "weekly" && isoWeekdayOf(day) !== r.startDay) continue;
      const startWall = wallTimeAt(day, startMinute);
      const start = clock.instantOf(startWall);
      const end = clock.instantOf(startWall + r.durationMinutes * 60_000);
      if (end > from && start < to) windows.push({ start, end });
    }
  }
  return union(windows);
}
