import type { IncidentAnalytics, ResponderAnalytics } from "./api-types";
import { formatDuration } from "./format";

// The analytics API's answers turned into what the charts and tables draw. Every figure is the
// API's (computed in PostgreSQL); the browser only picks and labels them.

/** The periods the dashboard offers, in days up to now (today included). */
export const ANALYTICS_PERIODS = [7, 30, 90, 180, 365] as const;
export const DEFAULT_PERIOD_DAYS = 30;
/** The longest period, in calendar days: the API answers at most 366 × 24 hours, and a year of days may hold an hour more. */
export const MAX_PERIOD_DAYS = 365;

export type Bucket = "day" | "week";

/** Days for up to 90 days (a readable number of bars), weeks beyond. */
export const bucketFor = (days: number): Bucket => (days <= 90 ? "day" : "week");

/** Seconds for people: "4m 10s", or a dash when there is no value (not zero: nothing was measured). */
export const formatSeconds = (seconds: number | null) => (seconds === null ? "—" : formatDuration(seconds * 1000));

/** "97.5%", "100%", or a dash when no incident had a target. */
export const formatPercent = (percent: number | null) => (percent === null ? "—" : `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`);

/** A bucket (its key: the day, or the week's Monday) under a chart: "03-14", or "w/c 03-10" for a week. */
export const bucketLabel = (key: string, groupBy: Bucket) => (groupBy === "week" ? `w/c ${key.slice(5)}` : key.slice(5));

export interface TrendRow {
  key: string;
  label: string;
  [series: string]: string | number | null;
}

/** Per bucket: MTTA and MTTR at p50 and p90, in seconds (null where the bucket has none). */
export function durationTrendRows(analytics: IncidentAnalytics): TrendRow[] {
  return analytics.groups.map((group) => ({
    key: group.key,
    label: group.label,
    mttaP50: group.mtta.p50,
    mttaP90: group.mtta.p90,
    mttrP50: group.mttr.p50,
    mttrP90: group.mttr.p90,
  }));
}

/** Per bucket: escalations by timeout and by hand. */
export function escalationRows(analytics: IncidentAnalytics): TrendRow[] {
  return analytics.groups.map((group) => ({ key: group.key, label: group.label, timeout: group.escalations.timeout, manual: group.escalations.manual }));
}

/** One bar per group (a service, a severity): its incident count. */
export const countRows = (analytics: IncidentAnalytics) => analytics.groups.map((group) => ({ key: group.key, label: group.label, value: group.count }));

/** Per person: pages by the hour band they arrived in, most paged first (the API's order). */
export function interruptionRows(responders: ResponderAnalytics): TrendRow[] {
  return responders.items.map((item) => ({
    key: item.user.id,
    label: item.user.name,
    business: item.interruptions.business,
    offHours: item.interruptions.offHours,
    sleep: item.interruptions.sleep,
  }));
}

/** The Overview's trends: incidents per day and the mean times, from a groupBy=day answer. */
export function trendsFromAnalytics(analytics: IncidentAnalytics) {
  return {
    perDay: analytics.groups.map((group) => ({ day: group.key, opened: group.count })),
    mttaSeconds: analytics.totals.mtta.mean,
    mttrSeconds: analytics.totals.mttr.mean,
  };
}
