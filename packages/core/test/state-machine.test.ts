import { ALLOWED_TRANSITIONS, canTransition } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import { EXPECTED_ALLOWED, STATUSES } from "@incidentops/testkit";

const pairs = STATUSES.flatMap((from) =>
  STATUSES.map((to) => ({ from, to, allowed: EXPECTED_ALLOWED.has(`${from}->${to}`) })),
);

describe("incident state machine", () => {
  it("covers every (from, to) pair of the four statuses", () => {
    expect(pairs).toHaveLength(16);
    expect(pairs.filter((p) => p.allowed)).toHaveLength(5);
  });

  it.each(pairs)("canTransition($from, $to) is $allowed", ({ from, to, allowed }) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it.each(pairs)("ALLOWED_TRANSITIONS[$from] includes $to: $allowed", ({ from, to, allowed }) => {
    expect(ALLOWED_TRANSITIONS[from].includes(to)).toBe(allowed);
  });

  it("ALLOWED_TRANSITIONS has exactly the four statuses as keys and no duplicates or unknown targets", () => {
    expect(Object.keys(ALLOWED_TRANSITIONS).sort()).toEqual([...STATUSES].sort());
    for (const from of STATUSES) {
      const targets = ALLOWED_TRANSITIONS[from];
      expect(new Set(targets).size).toBe(targets.length);
      for (const to of targets) expect(STATUSES).toContain(to);
    }
  });

  it("refuses every same-status move", () => {
    for (const status of STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it("resolved is terminal", () => {
    expect(ALLOWED_TRANSITIONS.resolved).toEqual([]);
  });
});
