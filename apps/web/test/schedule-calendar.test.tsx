// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { RenderedSchedule, Schedule, Shift } from "../src/lib/api-types";
import { ScheduleCalendar } from "../src/pages/schedules/calendar";

// The calendar's picture over Berlin's spring change (Sunday 28 March 2027 has 23 hours): a
// column per local day, each shift drawn to scale inside its days, gaps in red, layers and
// overrides on rows of their own, and a click on a shift handing it over to be overridden.

afterEach(cleanup);

const ADA = "5b0f6f64-1c2e-4f3a-9d7b-2a8c4e6f1a01";
const GRACE = "5b0f6f64-1c2e-4f3a-9d7b-2a8c4e6f1a02";
const LAYER = "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01";
const OVERRIDE = "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c02";

const schedule: Schedule = {
  id: "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c00",
  name: "Payments primary",
  description: null,
  timeZone: "Europe/Berlin",
  teamId: null,
  layers: [
    { id: LAYER, name: "Weekly", start: "2027-01-01T00:00:00.000Z", end: null, rotationStart: "2027-01-01T08:00:00.000Z", rotation: { unit: "day", length: 1 }, participants: [ADA, GRACE], restrictions: [] },
  ],
  people: [
    { id: ADA, name: "Ada Lovelace" },
    { id: GRACE, name: "Grace Hopper" },
  ],
  createdAt: "2027-01-01T00:00:00.000Z",
  updatedAt: "2027-01-01T00:00:00.000Z",
};

const shift = (userId: string, start: string, end: string, overrideId: string | null = null): Shift => ({ userId, start, end, layerId: overrideId === null ? LAYER : null, overrideId });

// Saturday 09:00 (08:00Z) to Sunday 09:00 (07:00Z, summer time): Ada; Sunday until 21:00 local: Grace;
// then nobody until Monday 09:00; Monday an override puts Grace on from 09:00 to 12:00.
const rendered: RenderedSchedule = {
  items: [
    shift(ADA, "2027-03-27T08:00:00.000Z", "2027-03-28T07:00:00.000Z"),
    shift(GRACE, "2027-03-28T07:00:00.000Z", "2027-03-28T19:00:00.000Z"),
    shift(GRACE, "2027-03-29T07:00:00.000Z", "2027-03-29T10:00:00.000Z", OVERRIDE),
  ],
  gaps: [{ start: "2027-03-28T19:00:00.000Z", end: "2027-03-29T07:00:00.000Z" }],
  coveragePercent: 50,
  people: schedule.people,
};

function renderCalendar(onPick?: (s: Shift) => void) {
  return render(<ScheduleCalendar schedule={schedule} rendered={rendered} people={schedule.people} from={new Date("2027-03-27T12:00:00Z")} zone="Europe/Berlin" {...(onPick === undefined ? {} : { onPick })} />);
}

const widthOf = (el: Element | undefined) => Number.parseFloat((el as HTMLElement | undefined)?.style.width ?? "NaN");
const leftOf = (el: Element | undefined) => Number.parseFloat((el as HTMLElement | undefined)?.style.left ?? "NaN");

describe("ScheduleCalendar", () => {
  it("has a column per local day of the viewer's zone and a row per layer, for the overrides and for the final schedule", () => {
    const { container, getByText } = renderCalendar();
    expect(getByText("Sat 27 Mar")).toBeTruthy();
    expect(getByText("Sun 28 Mar")).toBeTruthy();
    expect(getByText("Fri 9 Apr")).toBeTruthy();
    for (const row of ["Final schedule", "Weekly", "Overrides"]) expect(getByText(row)).toBeTruthy();
    // 3 rows x 14 days.
    expect(container.querySelectorAll("[data-day]")).toHaveLength(42);
  });

  it("draws Sunday's shifts to the scale of its 23 hours and the gap after them in red", () => {
    const { container } = renderCalendar();
    const sunday = container.querySelector("[data-day='2027-03-27T23:00:00.000Z']");
    const segments = [...(sunday?.querySelectorAll("[data-shift]") ?? [])];
    expect(segments.map((s) => s.getAttribute("data-shift"))).toEqual(["Ada Lovelace", "Grace Hopper"]);
    // Ada until 09:00 local: 8 real hours of 23; Grace from there until 21:00: 12 of 23.
    expect(widthOf(segments[0])).toBeCloseTo((8 / 23) * 100, 6);
    expect(leftOf(segments[1])).toBeCloseTo((8 / 23) * 100, 6);
    expect(widthOf(segments[1])).toBeCloseTo((12 / 23) * 100, 6);
    // A shift going on from the day before is drawn without its name again.
    expect(segments[0]?.textContent).toBe("");
    expect(segments[1]?.textContent).toBe("Grace Hopper");
    const gap = sunday?.querySelector("[data-gap]");
    expect(leftOf(gap ?? undefined)).toBeCloseTo((20 / 23) * 100, 6);
    expect(widthOf(gap ?? undefined)).toBeCloseTo((3 / 23) * 100, 6);
  });

  it("puts the override on the overrides row and not on the layer's", () => {
    const { container } = renderCalendar();
    const monday = [...container.querySelectorAll("[data-day='2027-03-28T22:00:00.000Z']")];
    const [final, layer, overrides] = monday.map((cell) => [...cell.querySelectorAll("[data-shift]")].map((s) => s.getAttribute("data-shift")));
    expect(final).toEqual(["Grace Hopper"]);
    expect(layer).toEqual([]);
    expect(overrides).toEqual(["Grace Hopper"]);
  });

  it("hands a clicked shift to onPick, to be overridden", () => {
    const picked: Shift[] = [];
    const { container } = renderCalendar((s) => picked.push(s));
    const grace = container.querySelector("[data-day='2027-03-27T23:00:00.000Z'] [data-shift='Grace Hopper']");
    if (grace === null) throw new Error("no segment");
    fireEvent.click(grace);
    expect(picked).toEqual([rendered.items[1]]);
  });
});
