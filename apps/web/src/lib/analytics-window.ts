import { DateTime } from "luxon";
import { MAX_PERIOD_DAYS } from "./analytics";

// Luxon reads calendar days in the viewer's zone; this module is only imported by the lazily
// loaded Analytics screen, so the first page load does not carry it.

/** The dashboard's period: the last `days` days, or the days `from` to `to` (YYYY-MM-DD, both included). */
export type AnalyticsPeriod = { days: number } | { from: string; to: string };

export type AnalyticsWindow = { since: string; until: string; days: number } | { error: string };

const iso = (at: DateTime) => at.toUTC().toISO() ?? "";

/**
 * The window the API reads for `period`, in whole days of `timeZone` (the buckets' zone): the last
 * N days run from the start of the day N - 1 days ago to `now`; a range from the start of `from`
 * to the end of `to`. A range the API would refuse is an error to show next to the dates.
 */
export function periodWindow(period: AnalyticsPeriod, timeZone: string, now: number): AnalyticsWindow {
  if ("days" in period) {
    const today = DateTime.fromMillis(now, { zone: timeZone }).startOf("day");
    return { since: iso(today.minus({ days: period.days - 1 })), until: iso(DateTime.fromMillis(now)), days: period.days };
  }
  const from = DateTime.fromISO(period.from, { zone: timeZone });
  const to = DateTime.fromISO(period.to, { zone: timeZone });
  if (!from.isValid || !to.isValid) return { error: "Choose a start and an end date" };
  if (to < from) return { error: "The end date is before the start date" };
  const days = Math.round(to.diff(from, "days").days) + 1;
  if (days > MAX_PERIOD_DAYS) return { error: `A range covers at most ${MAX_PERIOD_DAYS} days` };
  return { since: iso(from.startOf("day")), until: iso(to.plus({ days: 1 }).startOf("day")), days };
}

/** Today in `timeZone`, as a date input holds it. */
export const todayIn = (timeZone: string, now: number) => DateTime.fromMillis(now, { zone: timeZone }).toISODate() ?? "";

/** The date `days` days before `date` (YYYY-MM-DD). */
export const daysBefore = (date: string, days: number) => DateTime.fromISO(date).minus({ days }).toISODate() ?? date;
