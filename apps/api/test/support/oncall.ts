import type { CalendarFeed, RenderedScheduleOutput } from "@incidentops/core";
import { ok, type TestApi } from "@incidentops/testkit";

export { anOverride, aSchedule, aTeam, setTeamMember } from "@incidentops/testkit";

// What the on-call tests (teams, schedules, overrides, on-calls, calendar feeds, shift notices,
// and the tenancy and role tables) share.

export const BERLIN = "Europe/Berlin";
const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The next whole hour when the file started: every "hours from now" of a file counts from it, so they agree. */
const NEXT_HOUR = Math.ceil(Date.now() / HOUR_MS) * HOUR_MS;
/** A whole hour, `hours` after the next one (overrides must end in the future). */
export const hoursFromNow = (hours: number) => new Date(NEXT_HOUR + hours * HOUR_MS);
export const isoIn = (hours: number) => hoursFromNow(hours).toISOString();

/** A daily 09:00 (Berlin) rotation of `participants`, turn 0 on Monday 4 January 2027. */
export const dailyBerlinLayer = (participants: string[], extra: Record<string, unknown> = {}) => ({
  name: "Daily",
  start: "2026-01-01T00:00:00Z",
  rotationStart: "2027-01-04T08:00:00Z",
  rotation: { unit: "day", length: 1 },
  participants,
  ...extra,
});

export function shifts(api: TestApi, token: string, scheduleId: string, since: string, until: string) {
  return api.request<RenderedScheduleOutput>("GET", `/v1/org/schedules/${scheduleId}/shifts?since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}`, { token });
}

export async function aCalendarFeed(api: TestApi, token: string, body: Record<string, unknown> = {}): Promise<CalendarFeed & { secret: string; url: string }> {
  return ok(api.request<CalendarFeed & { secret: string; url: string }>("POST", "/v1/users/me/calendar-feeds", { token, body }), 201, "create calendar feed");
}
