import { describe, expect, it } from "vitest";
import { daysFrom, formatInZone, fromLocalInput, layoutRow, segmentOf, toLocalInput, twoWeeksFrom } from "../src/lib/calendar";

// The two-week calendar's layout, in the viewer's zone: days of 23 and 25 hours across Berlin's
// 2027 daylight-saving changes (28 March, 31 October), shifts split at local midnights.

const BERLIN = "Europe/Berlin";

describe("daysFrom (the calendar's columns)", () => {
  it("starts at local midnight of the viewer's zone, not the browser's", () => {
    const [first] = daysFrom(new Date("2027-03-26T23:30:00Z"), 1, BERLIN);
    expect(first?.start.toISOString()).toBe("2027-03-26T23:00:00.000Z"); // 27 March, 00:00 in Berlin (UTC+1)
    const [ny] = daysFrom(new Date("2027-03-26T23:30:00Z"), 1, "America/New_York");
    expect(ny?.start.toISOString()).toBe("2027-03-26T04:00:00.000Z"); // 26 March, 00:00 in New York (UTC-4)
  });

  it("has a 23-hour day when the clocks go forward and a 25-hour day when they go back", () => {
    const spring = daysFrom(new Date("2027-03-27T12:00:00Z"), 3, BERLIN).map((d) => (d.end.getTime() - d.start.getTime()) / 3_600_000);
    expect(spring).toEqual([24, 23, 24]);
    const autumn = daysFrom(new Date("2027-10-30T12:00:00Z"), 3, BERLIN).map((d) => (d.end.getTime() - d.start.getTime()) / 3_600_000);
    expect(autumn).toEqual([24, 25, 24]);
  });

  it("gives two weeks of days, each starting where the previous ends", () => {
    const days = daysFrom(new Date("2027-03-20T10:00:00Z"), 14, BERLIN);
    expect(days).toHaveLength(14);
    for (let i = 1; i < days.length; i += 1) expect(days[i]?.start.getTime()).toBe(days[i - 1]?.end.getTime());
    expect(twoWeeksFrom(new Date("2027-03-20T10:00:00Z"), BERLIN)).toEqual({ since: days[0]?.start.toISOString(), until: days[13]?.end.toISOString() });
  });
});

describe("segmentOf and layoutRow (a shift's share of each day)", () => {
  it("splits a daily 09:00 handoff across the spring change: the 23-hour day is drawn to scale", () => {
    // 09:00 Berlin is 08:00Z before the change and 07:00Z after it.
    const days = daysFrom(new Date("2027-03-27T12:00:00Z"), 3, BERLIN);
    const shift = { start: "2027-03-27T08:00:00Z", end: "2027-03-28T07:00:00Z" };
    const [saturday, sunday, monday] = layoutRow([shift], days);
    expect(saturday?.[0]?.segment).toEqual({ left: (9 / 24) * 100, width: (15 / 24) * 100, fromBefore: false, untilAfter: true });
    // Sunday has 23 hours; the shift covers its first 8 local hours (00:00 to 09:00 CEST), 8 real hours.
    const sun = sunday?.[0]?.segment;
    expect(sun?.left).toBe(0);
    expect(sun?.width).toBeCloseTo((8 / 23) * 100, 10);
    expect(sun?.fromBefore).toBe(true);
    expect(sun?.untilAfter).toBe(false);
    expect(monday).toEqual([]);
  });

  it("gives the 25-hour autumn day an extra hour", () => {
    const [day] = daysFrom(new Date("2027-10-31T12:00:00Z"), 1, BERLIN);
    if (day === undefined) throw new Error("no day");
    // 00:00 to 09:00 local on 31 October is ten real hours (02:00 to 03:00 happens twice).
    const segment = segmentOf({ start: "2027-10-30T22:00:00Z", end: "2027-10-31T08:00:00Z" }, day);
    expect(segment?.width).toBeCloseTo((10 / 25) * 100, 10);
  });

  it("leaves out what does not meet the day, and cuts what overhangs it", () => {
    const [day] = daysFrom(new Date("2027-06-01T12:00:00Z"), 1, BERLIN);
    if (day === undefined) throw new Error("no day");
    expect(segmentOf({ start: "2027-06-02T00:00:00Z", end: "2027-06-03T00:00:00Z" }, day)).toBeNull();
    expect(segmentOf({ start: "2027-05-31T00:00:00Z", end: "2027-05-31T22:00:00Z" }, day)).toBeNull(); // ends at the day's start
    expect(segmentOf({ start: "2027-05-20T00:00:00Z", end: "2027-06-20T00:00:00Z" }, day)).toEqual({ left: 0, width: 100, fromBefore: true, untilAfter: true });
  });
});

describe("datetime-local values on the viewer's clock", () => {
  it("round-trip through the zone, whatever the browser's", () => {
    expect(toLocalInput("2027-03-28T07:00:00Z", BERLIN)).toBe("2027-03-28T09:00");
    expect(fromLocalInput("2027-03-28T09:00", BERLIN)).toBe("2027-03-28T07:00:00.000Z");
    expect(fromLocalInput("2027-03-27T09:00", BERLIN)).toBe("2027-03-27T08:00:00.000Z");
    expect(fromLocalInput("", BERLIN)).toBeNull();
    expect(fromLocalInput("not a date", BERLIN)).toBeNull();
  });

  it("formats an instant on the zone's wall clock", () => {
    expect(formatInZone("2027-03-28T07:00:00Z", BERLIN)).toBe("Sun 28 Mar, 09:00");
    expect(formatInZone("2027-03-28T07:00:00Z", "America/New_York")).toBe("Sun 28 Mar, 03:00");
  });
});
