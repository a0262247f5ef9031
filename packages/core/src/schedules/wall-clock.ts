import { DateTime, IANAZone } from "luxon";

// The schedule's wall clock. A "wall time" is a local date and time read as if it were UTC (a
// number of ms on a clock without daylight saving): adding 24 hours to one is adding a calendar
// day. Luxon turns wall times into instants and back in the schedule's zone, so every offset
// comes from the time-zone database, none is computed here.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const UNIT_MS = { hour: HOUR_MS, day: DAY_MS, week: 7 * DAY_MS } as const;
export type RotationUnit = keyof typeof UNIT_MS;

/** A zone the time-zone database knows (checked on input), ready for repeated conversions. */
export function zoneNamed(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new Error(`unknown time zone ${name}`);
  return zone;
}

/** The wall time of an instant in the zone. */
export function wallTimeOf(instant: number, zone: IANAZone): number {
  const local = DateTime.fromMillis(instant, { zone });
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
}

/**
 * The instant a wall time happens in the zone. A wall time skipped by a daylight-saving change
 * (02:30 on the spring-forward night in Berlin) moves forward by the gap, as Luxon resolves it; one
 * that happens twice (autumn) is its first occurrence.
 */
export function instantOf(wallTime: number, zone: IANAZone): number {
  const wall = new Date(wallTime);
  return DateTime.fromObject(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
      millisecond: wall.getUTCMilliseconds(),
    },
    { zone },
  ).toMillis();
}

/** The calendar day (days since 1970-01-01) of a wall time, and its ISO weekday (1 = Monday). */
export const dayOf = (wallTime: number) => Math.floor(wallTime / DAY_MS);
export const isoWeekdayOf = (day: number) => ((new Date(day * DAY_MS).getUTCDay() + 6) % 7) + 1;
export const wallTimeAt = (day: number, minuteOfDay: number) => day * DAY_MS + minuteOfDay * 60_000;

/**
 * A rotation's turns: turn k starts at the rotation start plus k turns of `length` x `unit`,
 * counted on the wall clock (a daily 09:00 handoff stays at 09:00 local across daylight-saving
 * changes; that day's turn is 23 or 25 hours long). k may be negative (turns before the start).
 */
export class Rotation {
  private readonly startWall: number;
  private readonly turnMs: number;

  constructor(
    start: number,
    unit: RotationUnit,
    length: number,
    private readonly zone: IANAZone,
  ) {
    this.startWall = wallTimeOf(start, zone);
    this.turnMs = UNIT_MS[unit] * length;
  }

  turnStart(k: number): number {
    return instantOf(this.startWall + k * this.turnMs, this.zone);
  }

  /** The turn that holds `instant`: turnStart(k) <= instant < turnStart(k + 1). */
  turnAt(instant: number): number {
    let k = Math.floor((wallTimeOf(instant, this.zone) - this.startWall) / this.turnMs);
    // The wall clock repeats an hour in autumn: step to the turn the instant is really in.
    while (this.turnStart(k) > instant) k -= 1;
    while (this.turnStart(k + 1) <= instant) k += 1;
    return k;
  }
}
