import { describe, expect, it } from "vitest";
import { finalShifts, layerShifts, onCallIn, renderSchedule, stretchAt, type LayerSpec, type ScheduleSpec } from "../../src/schedules/render.js";
import type { Restriction } from "../../src/schedules/restrictions.js";

// The renderer at explicit instants: Berlin's daylight-saving changes of 2027 (CET -> CEST on
// Sunday 28 March at 01:00Z, back on Sunday 31 October at 01:00Z), restrictions, layers and overrides.

const t = (iso: string) => Date.parse(iso);
const BERLIN = "Europe/Berlin";

function layer(fields: Partial<LayerSpec> & Pick<LayerSpec, "participants">): LayerSpec {
  return {
    id: "layer-1",
    start: t("2027-01-01T00:00:00Z"),
    end: null,
    rotationStart: t("2027-01-04T08:00:00Z"), // Monday 09:00 in Berlin (CET)
    unit: "day",
    length: 1,
    restrictions: [],
    ...fields,
  };
}

/** Entries as readable [user, start, end] triples. */
const readable = (entries: { userId: string; start: number; end: number }[]) =>
  entries.map((e) => [e.userId, new Date(e.start).toISOString(), new Date(e.end).toISOString()]);

const weekdays = (startTime: string, durationMinutes: number): Restriction[] =>
  [1, 2, 3, 4, 5].map((startDay) => ({ type: "weekly", startDay, startTime, durationMinutes }));

describe("a daily rotation with 09:00 handoffs in Berlin", () => {
  const daily = layer({ participants: ["ada", "bob"] });

  it("hands off at 08:00Z in winter and 07:00Z from the spring change: that day's shift is 23 hours", () => {
    const shifts = layerShifts(daily, BERLIN, t("2027-03-26T00:00:00Z"), t("2027-03-30T00:00:00Z"));
    // Turn 0 (ada) is Monday 4 January: 25 March is turn 80 (ada), 26 March turn 81 (bob), ...
    expect(readable(shifts)).toEqual([
      ["ada", "2027-03-26T00:00:00.000Z", "2027-03-26T08:00:00.000Z"],
      ["bob", "2027-03-26T08:00:00.000Z", "2027-03-27T08:00:00.000Z"],
      ["ada", "2027-03-27T08:00:00.000Z", "2027-03-28T07:00:00.000Z"],
      ["bob", "2027-03-28T07:00:00.000Z", "2027-03-29T07:00:00.000Z"],
      ["ada", "2027-03-29T07:00:00.000Z", "2027-03-30T00:00:00.000Z"],
    ]);
    const dstDay = shifts[2];
    expect(dstDay === undefined ? 0 : (dstDay.end - dstDay.start) / 3_600_000).toBe(23);
  });

  it("hands off at 07:00Z in summer and 08:00Z from the autumn change: that day's shift is 25 hours", () => {
    const shifts = layerShifts(daily, BERLIN, t("2027-10-30T00:00:00Z"), t("2027-11-01T12:00:00Z"));
    expect(readable(shifts)).toEqual([
      ["ada", "2027-10-30T00:00:00.000Z", "2027-10-30T07:00:00.000Z"],
      ["bob", "2027-10-30T07:00:00.000Z", "2027-10-31T08:00:00.000Z"],
      ["ada", "2027-10-31T08:00:00.000Z", "2027-11-01T08:00:00.000Z"],
      ["bob", "2027-11-01T08:00:00.000Z", "2027-11-01T12:00:00.000Z"],
    ]);
    const dstDay = shifts[1];
    expect(dstDay === undefined ? 0 : (dstDay.end - dstDay.start) / 3_600_000).toBe(25);
  });

  it("counts turns before the rotation start backwards, in the same order", () => {
    const shifts = layerShifts(daily, BERLIN, t("2027-01-02T08:00:00Z"), t("2027-01-05T08:00:00Z"));
    // Turn 0 (ada) starts on 4 January: 3 January is turn -1 (bob), 2 January turn -2 (ada).
    expect(shifts.map((s) => s.userId)).toEqual(["ada", "bob", "ada"]);
  });

  it("gives a person named twice two turns, and follows the rotation order", () => {
    const shifts = layerShifts(layer({ participants: ["ada", "bob", "ada", "cy"] }), BERLIN, t("2027-01-04T08:00:00Z"), t("2027-01-09T08:00:00Z"));
    expect(shifts.map((s) => s.userId)).toEqual(["ada", "bob", "ada", "cy", "ada"]);
  });

  it("stays inside the layer's start and end", () => {
    const bounded = layer({ participants: ["ada"], start: t("2027-02-01T12:00:00Z"), end: t("2027-02-02T12:00:00Z") });
    expect(readable(layerShifts(bounded, BERLIN, t("2027-01-31T00:00:00Z"), t("2027-02-05T00:00:00Z")))).toEqual([
      ["ada", "2027-02-01T12:00:00.000Z", "2027-02-02T08:00:00.000Z"],
      ["ada", "2027-02-02T08:00:00.000Z", "2027-02-02T12:00:00.000Z"],
    ]);
  });
});

describe("weekly and hourly turns", () => {
  it("a weekly turn handed off on Monday 09:00 local lasts 167 hours across the spring change", () => {
    const weekly = layer({ participants: ["ada", "bob"], unit: "week" });
    const shifts = layerShifts(weekly, BERLIN, t("2027-03-22T08:00:00Z"), t("2027-04-05T07:00:00Z"));
    // 22 March is week 11 after 4 January: bob's turn.
    expect(readable(shifts)).toEqual([
      ["bob", "2027-03-22T08:00:00.000Z", "2027-03-29T07:00:00.000Z"],
      ["ada", "2027-03-29T07:00:00.000Z", "2027-04-05T07:00:00.000Z"],
    ]);
  });

  it("12-hour turns keep their 08:00 / 20:00 local handoffs across the autumn change", () => {
    const twelve = layer({ participants: ["ada", "bob"], unit: "hour", length: 12, rotationStart: t("2027-10-29T06:00:00Z") });
    const shifts = layerShifts(twelve, BERLIN, t("2027-10-30T06:00:00Z"), t("2027-11-01T07:00:00Z"));
    expect(shifts.map((s) => new Date(s.start).toISOString())).toEqual([
      "2027-10-30T06:00:00.000Z", // 08:00 CEST
      "2027-10-30T18:00:00.000Z", // 20:00 CEST: this turn lasts 13 hours
      "2027-10-31T07:00:00.000Z", // 08:00 CET
      "2027-10-31T19:00:00.000Z", // 20:00 CET
    ]);
    expect(shifts.map((s) => s.userId)).toEqual(["ada", "bob", "ada", "bob"]);
  });
});

describe("wall times a daylight-saving change skips or repeats", () => {
  const early = layer({ participants: ["ada", "bob"], rotationStart: t("2027-01-04T01:30:00Z") }); // 02:30 CET

  it("a 02:30 handoff on the spring-forward night moves forward by the gap, to 03:30 CEST", () => {
    const starts = layerShifts(early, BERLIN, t("2027-03-27T00:00:00Z"), t("2027-03-29T12:00:00Z")).map((s) => new Date(s.start).toISOString());
    expect(starts.slice(1)).toEqual(["2027-03-27T01:30:00.000Z", "2027-03-28T01:30:00.000Z", "2027-03-29T00:30:00.000Z"]);
  });

  it("a 02:30 handoff on the autumn night is the first of the two 02:30s, whatever the date today", () => {
    const starts = layerShifts(early, BERLIN, t("2027-10-30T00:00:00Z"), t("2027-11-01T12:00:00Z")).map((s) => new Date(s.start).toISOString());
    expect(starts.slice(1)).toEqual(["2027-10-30T00:30:00.000Z", "2027-10-31T00:30:00.000Z", "2027-11-01T01:30:00.000Z"]);
  });
});

describe("restrictions", () => {
  it("a Monday-to-Friday 09:00-17:00 restriction keeps shifts inside office hours, leaving nights and weekends empty", () => {
    const office = layer({ participants: ["ada", "bob"], unit: "week", restrictions: weekdays("09:00", 480) });
    // Week of Monday 22 March 2027 (CET) into the week of 29 March (CEST).
    const rendered = renderSchedule({ timeZone: BERLIN, layers: [office], overrides: [] }, t("2027-03-25T00:00:00Z"), t("2027-03-30T00:00:00Z"));
    expect(readable(rendered.entries)).toEqual([
      ["bob", "2027-03-25T08:00:00.000Z", "2027-03-25T16:00:00.000Z"], // Thursday 09-17 CET (week 11: bob)
      ["bob", "2027-03-26T08:00:00.000Z", "2027-03-26T16:00:00.000Z"], // Friday
      ["ada", "2027-03-29T07:00:00.000Z", "2027-03-29T15:00:00.000Z"], // Monday 09-17 CEST: ada's turn
    ]);
    expect(rendered.gaps.map((g) => new Date(g.start).toISOString())).toEqual([
      "2027-03-25T00:00:00.000Z",
      "2027-03-25T16:00:00.000Z",
      "2027-03-26T16:00:00.000Z",
      "2027-03-29T15:00:00.000Z",
    ]);
  });

  it("a daily 22:00 window of 480 minutes ends at 06:00 local the next day, also on the spring-change night", () => {
    const nights = layer({ participants: ["ada"], restrictions: [{ type: "daily", startTime: "22:00", durationMinutes: 480 }] });
    const shifts = layerShifts(nights, BERLIN, t("2027-03-26T12:00:00Z"), t("2027-03-29T12:00:00Z"));
    expect(readable(shifts)).toEqual([
      ["ada", "2027-03-26T21:00:00.000Z", "2027-03-27T05:00:00.000Z"], // 22:00 CET -> 06:00 CET
      ["ada", "2027-03-27T21:00:00.000Z", "2027-03-28T04:00:00.000Z"], // 22:00 CET -> 06:00 CEST: 7 hours
      ["ada", "2027-03-28T20:00:00.000Z", "2027-03-29T04:00:00.000Z"], // 22:00 CEST -> 06:00 CEST
    ]);
  });

  it("a window that started before the range still counts (a shift cut at the range start)", () => {
    const nights = layer({ participants: ["ada"], restrictions: [{ type: "daily", startTime: "22:00", durationMinutes: 480 }] });
    expect(readable(layerShifts(nights, BERLIN, t("2027-01-12T02:00:00Z"), t("2027-01-12T12:00:00Z")))).toEqual([
      ["ada", "2027-01-12T02:00:00.000Z", "2027-01-12T05:00:00.000Z"],
    ]);
  });

  it("a weekly window from Friday 18:00 for 63 hours covers the weekend until Monday 09:00", () => {
    const weekend = layer({ participants: ["ada"], restrictions: [{ type: "weekly", startDay: 5, startTime: "18:00", durationMinutes: 3780 }] });
    const rendered = renderSchedule({ timeZone: BERLIN, layers: [weekend], overrides: [] }, t("2027-01-04T00:00:00Z"), t("2027-01-12T00:00:00Z"));
    expect(readable(rendered.entries)).toEqual([
      ["ada", "2027-01-04T00:00:00.000Z", "2027-01-04T08:00:00.000Z"], // the weekend that began on Friday 1 January
      ["ada", "2027-01-08T17:00:00.000Z", "2027-01-11T08:00:00.000Z"],
    ]);
  });

  it("the handoff still happens on the rotation's own time inside a window (restrictions cut turns, they do not move them)", () => {
    const office = layer({ participants: ["ada", "bob"], restrictions: weekdays("08:00", 600) });
    // 08:00-18:00 local, handoff at 09:00 local: ada 08-09 (end of her turn), bob from 09:00.
    expect(readable(layerShifts(office, BERLIN, t("2027-01-05T00:00:00Z"), t("2027-01-05T23:00:00Z")))).toEqual([
      ["ada", "2027-01-05T07:00:00.000Z", "2027-01-05T08:00:00.000Z"],
      ["bob", "2027-01-05T08:00:00.000Z", "2027-01-05T17:00:00.000Z"],
    ]);
  });
});

describe("layers and overrides", () => {
  const base = layer({ id: "base", participants: ["ada", "bob"] });
  // A second layer covering weeknights 18:00-08:00 with its own person: it wins where it has someone.
  const nights = layer({ id: "nights", participants: ["night-owl"], restrictions: [{ type: "daily", startTime: "18:00", durationMinutes: 840 }] });
  const spec = (overrides: ScheduleSpec["overrides"] = []): ScheduleSpec => ({ timeZone: BERLIN, layers: [base, nights], overrides });

  it("a later layer takes precedence wherever it has someone, the earlier one shows elsewhere", () => {
    const rendered = renderSchedule(spec(), t("2027-01-05T06:00:00Z"), t("2027-01-05T20:00:00Z"));
    expect(rendered.entries.map((e) => [e.userId, e.layerId, new Date(e.start).toISOString(), new Date(e.end).toISOString()])).toEqual([
      ["night-owl", "nights", "2027-01-05T06:00:00.000Z", "2027-01-05T07:00:00.000Z"],
      ["ada", "base", "2027-01-05T07:00:00.000Z", "2027-01-05T08:00:00.000Z"],
      ["bob", "base", "2027-01-05T08:00:00.000Z", "2027-01-05T17:00:00.000Z"],
      ["night-owl", "nights", "2027-01-05T17:00:00.000Z", "2027-01-05T20:00:00.000Z"],
    ]);
    expect(rendered.gaps).toEqual([]);
    expect(rendered.coveragePercent).toBe(100);
  });

  it("an override wins over every layer, and the newest of overlapping overrides wins", () => {
    const rendered = renderSchedule(
      spec([
        { id: "o-old", userId: "cy", start: t("2027-01-05T10:00:00Z"), end: t("2027-01-05T18:00:00Z"), createdAt: t("2027-01-01T00:00:00Z") },
        { id: "o-new", userId: "dee", start: t("2027-01-05T12:00:00Z"), end: t("2027-01-05T14:00:00Z"), createdAt: t("2027-01-02T00:00:00Z") },
      ]),
      t("2027-01-05T09:00:00Z"),
      t("2027-01-05T19:00:00Z"),
    );
    expect(rendered.entries.map((e) => [e.userId, e.layerId ?? e.overrideId, new Date(e.start).toISOString().slice(11, 16), new Date(e.end).toISOString().slice(11, 16)])).toEqual([
      ["bob", "base", "09:00", "10:00"],
      ["cy", "o-old", "10:00", "12:00"],
      ["dee", "o-new", "12:00", "14:00"],
      ["cy", "o-old", "14:00", "18:00"],
      ["night-owl", "nights", "18:00", "19:00"],
    ]);
  });

  it("an older override does not hide a newer one it overlaps, whatever their order in the list", () => {
    const overrides = [
      { id: "b-new", userId: "dee", start: t("2027-01-05T12:00:00Z"), end: t("2027-01-05T14:00:00Z"), createdAt: t("2027-01-02T00:00:00Z") },
      { id: "a-old", userId: "cy", start: t("2027-01-05T10:00:00Z"), end: t("2027-01-05T18:00:00Z"), createdAt: t("2027-01-01T00:00:00Z") },
    ];
    expect(onCallIn(spec(overrides), t("2027-01-05T13:00:00Z"))).toBe("dee");
    expect(onCallIn(spec(overrides), t("2027-01-05T15:00:00Z"))).toBe("cy");
  });

  it("joins touching entries of one person from one source, and keeps sources apart", () => {
    const alone = layer({ id: "solo", participants: ["ada"] });
    const rendered = renderSchedule(
      {
        timeZone: BERLIN,
        layers: [alone],
        overrides: [{ id: "o", userId: "ada", start: t("2027-01-06T00:00:00Z"), end: t("2027-01-06T06:00:00Z"), createdAt: 0 }],
      },
      t("2027-01-04T00:00:00Z"),
      t("2027-01-08T00:00:00Z"),
    );
    expect(rendered.entries.map((e) => [e.layerId ?? e.overrideId, new Date(e.start).toISOString(), new Date(e.end).toISOString()])).toEqual([
      ["solo", "2027-01-04T00:00:00.000Z", "2027-01-06T00:00:00.000Z"],
      ["o", "2027-01-06T00:00:00.000Z", "2027-01-06T06:00:00.000Z"],
      ["solo", "2027-01-06T06:00:00.000Z", "2027-01-08T00:00:00.000Z"],
    ]);
  });

  it("reports gaps where nobody is on call and the coverage of the range", () => {
    const office = layer({ participants: ["ada"], restrictions: weekdays("09:00", 480) });
    // Monday 4 January 2027, whole day: 8 of 24 hours covered.
    const rendered = renderSchedule({ timeZone: BERLIN, layers: [office], overrides: [] }, t("2027-01-03T23:00:00Z"), t("2027-01-04T23:00:00Z"));
    expect(readable(rendered.entries)).toEqual([["ada", "2027-01-04T08:00:00.000Z", "2027-01-04T16:00:00.000Z"]]);
    expect(rendered.gaps.map((g) => [new Date(g.start).toISOString(), new Date(g.end).toISOString()])).toEqual([
      ["2027-01-03T23:00:00.000Z", "2027-01-04T08:00:00.000Z"],
      ["2027-01-04T16:00:00.000Z", "2027-01-04T23:00:00.000Z"],
    ]);
    expect(rendered.coveragePercent).toBe(33.33);
  });

  it("an empty schedule is one gap and 0% coverage; a layer without participants has no shifts", () => {
    const rendered = renderSchedule({ timeZone: BERLIN, layers: [layer({ participants: [] })], overrides: [] }, t("2027-01-01T00:00:00Z"), t("2027-01-02T00:00:00Z"));
    expect(rendered).toEqual({ entries: [], gaps: [{ start: t("2027-01-01T00:00:00Z"), end: t("2027-01-02T00:00:00Z") }], coveragePercent: 0 });
  });
});

describe("who is on call at an instant, and their stretch", () => {
  const daily = layer({ participants: ["ada", "bob"] });
  const spec: ScheduleSpec = { timeZone: BERLIN, layers: [daily], overrides: [] };

  it("names the person on call just before and at the DST handoff instant", () => {
    expect(onCallIn(spec, t("2027-03-28T06:59:59.999Z"))).toBe("ada");
    expect(onCallIn(spec, t("2027-03-28T07:00:00Z"))).toBe("bob");
    expect(onCallIn(spec, t("2027-10-31T07:59:59.999Z"))).toBe("bob");
    expect(onCallIn(spec, t("2027-10-31T08:00:00Z"))).toBe("ada");
  });

  it("a stretch joins one person's time on call across layers and overrides", () => {
    const withOverride: ScheduleSpec = {
      ...spec,
      overrides: [{ id: "o", userId: "ada", start: t("2027-03-26T08:00:00Z"), end: t("2027-03-27T08:00:00Z"), createdAt: 0 }],
    };
    // ada: her own turn from 25 March, bob's turn of the 26th taken over, her turn of the 27th.
    expect(stretchAt(withOverride, t("2027-03-26T12:00:00Z"))).toEqual({ userId: "ada", start: t("2027-03-25T08:00:00Z"), end: t("2027-03-28T07:00:00Z") });
  });

  it("a stretch that lasts beyond the window has no end, and starts at most 93 days back; nobody on call is null", () => {
    const always: ScheduleSpec = { timeZone: BERLIN, layers: [layer({ participants: ["ada"], start: t("2027-05-01T00:00:00Z") })], overrides: [] };
    const at = t("2027-06-01T00:00:00Z");
    expect(stretchAt(always, at)).toEqual({ userId: "ada", start: t("2027-05-01T00:00:00Z"), end: null });
    const longAgo = { ...always, layers: [layer({ participants: ["ada"], start: t("2026-01-01T00:00:00Z") })] };
    expect(stretchAt(longAgo, at)).toEqual({ userId: "ada", start: at - 93 * 86_400_000, end: null });
    expect(stretchAt({ ...always, layers: [] }, at)).toBeNull();
    expect(finalShifts({ ...always, layers: [] }, at, at + 1)).toEqual([]);
  });

  it("looks no further than the instants an answer can hold: a daily turn ending in year 10000 has no end, and none starts before 1970", () => {
    const daily: ScheduleSpec = { timeZone: "UTC", layers: [layer({ participants: ["ada", "bob"], start: 0, rotationStart: 0 })], overrides: [] };
    expect(stretchAt(daily, t("9999-12-31T12:00:00Z"))).toEqual({ userId: expect.any(String), start: t("9999-12-31T00:00:00Z"), end: null });
    const always: ScheduleSpec = { ...daily, layers: [layer({ participants: ["ada"], start: 0, rotationStart: 0 })] };
    expect(stretchAt(always, t("1970-01-02T00:00:00Z"))).toEqual({ userId: "ada", start: 0, end: null });
  });
});
