import { describe, expect, it } from "vitest";
import { retryAfterMsOf } from "../../src/delivery/retry-after.js";

const NOW = Date.parse("2026-12-05T12:00:00Z");

describe("retryAfterMsOf", () => {
  it("reads delta-seconds and an HTTP-date in each of RFC 9110's forms, on a 429 or a 503", () => {
    expect(retryAfterMsOf(429, "120", NOW)).toBe(120_000);
    expect(retryAfterMsOf(503, " 7 ", NOW)).toBe(7_000);
    expect(retryAfterMsOf(503, "Sat, 05 Dec 2026 12:00:30 GMT", NOW)).toBe(30_000);
    expect(retryAfterMsOf(429, "Saturday, 05-Dec-26 12:01:00 GMT", NOW)).toBe(60_000);
    expect(retryAfterMsOf(429, "Sat Dec  5 12:02:00 2026", NOW)).toBe(120_000);
    // Up to a day is an ask (the caller caps the wait at its maximum delay).
    expect(retryAfterMsOf(503, "86400", NOW)).toBe(86_400_000);
  });

  it("reads asctime's form, which names no zone, as UTC wherever the worker runs", () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      expect(retryAfterMsOf(429, "Sat Dec  5 12:02:00 2026", NOW)).toBe(120_000);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("ignores a missing, malformed, negative, past, zero or absurd value, and any other answer's", () => {
    for (const value of [undefined, ["1", "2"], "", "soon", "-5", "1.5", "0x10", "0", "86401", "9999999999", "Sat, 05 Dec 2026 11:59:00 GMT", "Sun, not a date"]) {
      expect(retryAfterMsOf(429, value, NOW), String(value)).toBeUndefined();
    }
    for (const status of [500, 502, 504, 408, 425, 410]) expect(retryAfterMsOf(status, "30", NOW), String(status)).toBeUndefined();
  });
});
