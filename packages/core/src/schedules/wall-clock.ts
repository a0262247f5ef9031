import { DateTime, IANAZone } from "luxon";

// The schedule's wall clock. A "wall time" is a local date and time read as if it were UTC (a
// number of ms on a clock without daylight saving): adding 24 hours to one is adding a calendar
// day. Luxon turns wall times into instants and back in the schedule's zone, so every offset
// comes from the time-zone database, none is computed here. Its answers are memoized per zone
// (they never change while the process runs): rendering the same turns again costs lookups.

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const UNIT_MS = { hour: HOUR_MS, day: DAY_MS, week: 7 * DAY_MS } as const;
export type RotationUnit = keyof typeof UNIT_MS;

/** Past this many answers a zone's memo starts again (a bound on memory, not a correctness matter). */
const MEMO_LIMIT = 100_000;

/** A zone the time-zone database knows (checked on input), with its memoized conversions. */
export class ZoneClock {
  private readonly instants = new Map<number, number>();
  private readonly walls = new Map<number, number>();

  constructor(readonly zone: IANAZone) {}

  /** The wall time of an instant in the zone. */
  wallTimeOf(instant: number): number {
    return remember(this.walls, instant, () => {
      const local = DateTime.fromMillis(instant, { zone: this.zone });
      return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
    });
  }

  /**
   * The instant a wall time happens in the zone. A wall time skipped by a daylight-saving change
   * (02:30 on the spring-forward night in Berlin) moves forward by the gap, as Luxon resolves it;
   * one that happens twice (autumn) is its first occurrence, whatever the date today.
   */
  instantOf(wallTime: number): number {
    return remember(this.instants, wallTime, () => {
      const wall = new Date(wallTime);
      const local = DateTime.fromObject(
        {
          year: wall.getUTCFullYear(),
          month: wall.getUTCMonth() + 1,
          day: wall.getUTCDate(),
          hour: wall.getUTCHours(),
          minute: wall.getUTCMinutes(),
          second: wall.getUTCSeconds(),
          millisecond: wall.getUTCMilliseconds(),
        },
        { zone: this.zone },
      );
      return Math.min(local.toMillis(), ...local.getPossibleOffsets().map((d) => d.toMillis()));
    });
  }
}

function remember(memo: Map<number, number>, key: number, compute: () => number): number {
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const value = compute();
  memo.set(key, value);
  return value;
}

const clocks = new Map<string, ZoneClock>();

/** The clock of a zone the time-zone database knows (checked on input). */
export function clockOf(name: string): ZoneClock {
  let clock = clocks.get(name);
  if (clock === undefined) {
    const zone = IANAZone.create(name);
    if (!zone.isValid) throw new Error(`unknown time zone ${name}`);
    clock = new ZoneClock(zone);
    clocks.set(name, clock);
  }
  return clock;
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
  private readonly start: number;
  private readonly startWall: number;
  private readonly turnMs: number;

  constructor(
    start: number,
    unit: RotationUnit,
    length: number,
    private readonly clock: ZoneClock,
  ) {
    this.start = start;
    this.startWall = clock.wallTimeOf(start);
    this.turnMs = UNIT_MS[unit] * length;
  }

  turnStart(k: number): number {
    return this.clock.instantOf(this.startWall + k * this.turnMs);
  }

  /** The turn that holds `instant`: turnStart(k) <= instant < turnStart(k + 1). */
  turnAt(instant: number): number {
    // Elapsed time is within a few hours of elapsed wall time: a guess, then a step or two.
    let k = Math.floor((instant - this.start) / this.turnMs);
    while (this.turnStart(k) > instant) k -= 1;
    while (this.turnStart(k + 1) <= instant) k += 1;
    return k;
  }
}
