/** Half-open spans of time in ms since the epoch: [start, end). */
export interface Interval {
  start: number;
  end: number;
}

/** Sorts and joins overlapping or touching intervals. */
export function union(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last !== undefined && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** The parts of sorted, disjoint `items` inside sorted, disjoint `windows`, each part keeping its item's fields. */
export function within<T extends Interval>(items: readonly T[], windows: readonly Interval[]): T[] {
  const out: T[] = [];
  let j = 0;
  for (const item of items) {
    while (j < windows.length && (windows[j] as Interval).end <= item.start) j += 1;
    for (let k = j; k < windows.length && (windows[k] as Interval).start < item.end; k += 1) {
      const w = windows[k] as Interval;
      const start = Math.max(item.start, w.start);
      const end = Math.min(item.end, w.end);
      if (end > start) out.push({ ...item, start, end });
    }
  }
  return out;
}

/** The parts of sorted, disjoint `items` outside sorted, disjoint `cover`, each part keeping its item's fields. */
export function outside<T extends Interval>(items: readonly T[], cover: readonly Interval[]): T[] {
  const out: T[] = [];
  let j = 0;
  for (const item of items) {
    while (j < cover.length && (cover[j] as Interval).end <= item.start) j += 1;
    let from = item.start;
    for (let k = j; k < cover.length && (cover[k] as Interval).start < item.end; k += 1) {
      const c = cover[k] as Interval;
      if (c.start > from) out.push({ ...item, start: from, end: c.start });
      from = Math.max(from, c.end);
    }
    if (from < item.end) out.push({ ...item, start: from, end: item.end });
  }
  return out;
}

/** Two sorted lists as one, by start. */
function mergeByStart<T extends Interval>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.start <= y.start)) {
      out.push(x as T);
      i += 1;
    } else {
      out.push(y);
      j += 1;
    }
  }
  return out;
}

/** `top` laid over `base` (both sorted and disjoint): top wherever it is, base elsewhere; sorted and disjoint. */
export function overlay<T extends Interval>(base: readonly T[], top: readonly T[]): T[] {
  return mergeByStart(outside(base, top), top);
}

/** The parts of [from, to) no interval of sorted, disjoint `covered` holds. */
export function gapsIn(covered: readonly Interval[], from: number, to: number): Interval[] {
  return outside([{ start: from, end: to }], covered).map(({ start, end }) => ({ start, end }));
}

/** Joins touching intervals that `same` says are one, in order (sorted, disjoint input). */
export function joinTouching<T extends Interval>(items: readonly T[], same: (a: T, b: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of items) {
    const last = out.at(-1);
    if (last !== undefined && last.end === item.start && same(last, item)) out[out.length - 1] = { ...last, end: item.end };
    else out.push({ ...item });
  }
  return out;
}
