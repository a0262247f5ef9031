import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { iso, isoOrNull } from "../src/mapping.js";

const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(10_000, 0, 1) - 1;

describe("iso", () => {
  it("writes every instant the database holds as toISOString does", () => {
    fc.assert(
      fc.property(fc.integer({ min: EARLIEST, max: LATEST }), (time) => {
        expect(iso(new Date(time))).toBe(new Date(time).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it("writes the edges of days, months, leap days and eras", () => {
    const edges = [
      "1970-01-01T00:00:00.000Z",
      "1999-12-31T23:59:59.999Z",
      "2000-02-29T12:00:00.000Z",
      "2000-03-01T00:00:00.000Z",
      "2024-02-29T23:59:59.999Z",
      "2100-02-28T23:59:59.999Z",
      "2100-03-01T00:00:00.000Z",
      "2400-02-29T00:00:00.001Z",
      "9999-12-31T23:59:59.999Z",
    ];
    for (const edge of edges) expect(iso(new Date(edge))).toBe(edge);
  });

  it("leaves instants outside 1970-9999 to toISOString, an invalid date included", () => {
    expect(iso(new Date("1969-12-31T23:59:59.999Z"))).toBe("1969-12-31T23:59:59.999Z");
    expect(iso(new Date(Date.UTC(10_000, 0, 1)))).toBe("+010000-01-01T00:00:00.000Z");
    expect(() => iso(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("keeps null as null", () => {
    expect(isoOrNull(null)).toBeNull();
    expect(isoOrNull(new Date("2026-12-05T01:02:03.004Z"))).toBe("2026-12-05T01:02:03.004Z");
  });
});
