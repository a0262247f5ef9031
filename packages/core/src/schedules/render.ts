import { EARLIEST_INSTANT, LATEST_INSTANT } from "../mapping.js";
import { gapsIn, joinTouching, overlay, within, type Interval } from "./intervals.js";
import { restrictionWindows, type Restriction } from "./restrictions.js";
import { clockOf, Rotation, type RotationUnit } from "./wall-clock.js";

// The final schedule, computed: no SQL, no clock. Every instant is ms since the epoch.

export interface LayerSpec {
  id: string;
  /** When the layer takes effect, and stops (null: never). */
  start: number;
  end: number | null;
  /** Turn 0 starts here; turns before it count backwards, so the layer may start earlier. */
  rotationStart: number;
  unit: RotationUnit;
  length: number;
  /** The rotation order: turn k is participants[k mod n]. */
  participants: readonly string[];
  restrictions: readonly Restriction[];
}

export interface OverrideSpec {
  id: string;
  userId: string;
  start: number;
  end: number;
  /** The newest of overlapping overrides wins (ties: the greater id). */
  createdAt: number;
}

export interface ScheduleSpec {
  timeZone: string;
  /** In order: a later layer takes precedence over earlier ones wherever it has someone. */
  layers: readonly LayerSpec[];
  overrides: readonly OverrideSpec[];
}

/** Who is on call over a span, and from which layer or override. */
export interface ShiftEntry extends Interval {
  userId: string;
  layerId: string | null;
  overrideId: string | null;
}

export interface RenderedSchedule {
  /** Sorted and disjoint, cut at the range; touching entries of one person from one source joined. */
  entries: ShiftEntry[];
  gaps: Interval[];
  /** The share of the range someone is on call, in percent (two decimals). */
  coveragePercent: number;
}

const mod = (k: number, n: number) => ((k % n) + n) % n;

/** A layer's own shifts in [from, to): its turns, inside its restrictions. */
export function layerShifts(layer: LayerSpec, timeZone: string, from: number, to: number): ShiftEntry[] {
  const lo = Math.max(from, layer.start);
  const hi = Math.min(to, layer.end ?? Number.POSITIVE_INFINITY);
  const n = layer.participants.length;
  if (lo >= hi || n === 0) return [];
  const clock = clockOf(timeZone);
  const rotation = new Rotation(layer.rotationStart, layer.unit, layer.length, clock);
  const shifts: ShiftEntry[] = [];
  let k = rotation.turnAt(lo);
  let turnStart = rotation.turnStart(k);
  while (turnStart < hi) {
    const turnEnd = rotation.turnStart(k + 1);
    const start = Math.max(turnStart, lo);
    const end = Math.min(turnEnd, hi);
    if (end > start) shifts.push({ start, end, userId: layer.participants[mod(k, n)] as string, layerId: layer.id, overrideId: null });
    k += 1;
    turnStart = turnEnd;
  }
  return layer.restrictions.length === 0 ? shifts : within(shifts, restrictionWindows(layer.restrictions, clock, lo, hi));
}

const newestLast = (a: OverrideSpec, b: OverrideSpec) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Who is on call in [from, to): the layers in precedence order, then the overrides, oldest first. */
export function finalShifts(spec: ScheduleSpec, from: number, to: number): ShiftEntry[] {
  let entries: ShiftEntry[] = [];
  for (const layer of spec.layers) entries = overlay(entries, layerShifts(layer, spec.timeZone, from, to));
  // The overrides among themselves first (few), then over the layers in one pass.
  let overrides: ShiftEntry[] = [];
  for (const o of [...spec.overrides].sort(newestLast)) {
    const start = Math.max(o.start, from);
    const end = Math.min(o.end, to);
    if (end > start) overrides = overlay(overrides, [{ start, end, userId: o.userId, layerId: null, overrideId: o.id }]);
  }
  return overlay(entries, overrides);
}

const sameSource = (a: ShiftEntry, b: ShiftEntry) => a.userId === b.userId && a.layerId === b.layerId && a.overrideId === b.overrideId;

/** The rendered schedule of [from, to): entries, gaps and coverage. */
export function renderSchedule(spec: ScheduleSpec, from: number, to: number): RenderedSchedule {
  const entries = joinTouching(finalShifts(spec, from, to), sameSource);
  const gaps = gapsIn(entries, from, to);
  const covered = entries.reduce((sum, e) => sum + (e.end - e.start), 0);
  const coveragePercent = to > from ? Math.round((covered / (to - from)) * 10_000) / 100 : 0;
  return { entries, gaps, coveragePercent };
}

/** A person's unbroken time on call, whichever layers or overrides it comes from. */
export interface OnCallStretch extends Interval {
  userId: string;
}

/** Entries joined into stretches per person: where one person's entries touch, they are one stretch. */
export function stretchesOf(entries: readonly ShiftEntry[]): OnCallStretch[] {
  return joinTouching(
    entries.map(({ start, end, userId }) => ({ start, end, userId })),
    (a, b) => a.userId === b.userId,
  );
}

/** Who is on call at `at` (null: nobody). */
export function onCallIn(spec: ScheduleSpec, at: number): string | null {
  return finalShifts(spec, at, at + 1)[0]?.userId ?? null;
}

const DAY_MS = 86_400_000;
/** How far around an instant its stretch is looked for, widening while it reaches the edge. */
const STRETCH_SPANS = [DAY_MS, 8 * DAY_MS, 32 * DAY_MS, 93 * DAY_MS];

/**
 * The stretch of whoever is on call at `at`, looked for up to 93 days each way (and within the
 * instants an answer can hold, 1970 to 9999): `start` is at most that far back, and `end` is null
 * when it lasts beyond that far ahead. Null when nobody is.
 */
export function stretchAt(spec: ScheduleSpec, at: number): { userId: string; start: number; end: number | null } | null {
  for (const [i, span] of STRETCH_SPANS.entries()) {
    const last = i === STRETCH_SPANS.length - 1;
    const from = Math.max(at - span, EARLIEST_INSTANT);
    const to = Math.min(at + span, LATEST_INSTANT);
    const stretch = stretchesOf(finalShifts(spec, from, to)).find((s) => s.start <= at && at < s.end);
    if (stretch === undefined) return null;
    const open = stretch.start === from || stretch.end === to;
    if (!open || last) return { userId: stretch.userId, start: stretch.start, end: stretch.end === to ? null : stretch.end };
  }
  return null;
}
