import { describe, expect, it } from "vitest";
import { fileNameOf, formatBytes, uploadRefusal } from "../src/lib/files";
import { markdownFileName } from "../src/lib/postmortem";
import {
  describeClock,
  describeWarning,
  formatMinutes,
  formToTargets,
  isUrgent,
  nextDeadline,
  slaBreached,
  slaClock,
  slaTargetsFormSchema,
  targetsToForm,
  warningExample,
} from "../src/lib/sla";

const TRIGGERED = "2025-03-14T09:00:00.000Z";
const at = (minutes: number) => Date.parse(TRIGGERED) + minutes * 60_000;
const iso = (minutes: number) => new Date(at(minutes)).toISOString();

const open = {
  triggeredAt: TRIGGERED,
  acknowledgeDueAt: iso(15),
  resolveDueAt: iso(240),
  acknowledgeBreachedAt: null,
  resolveBreachedAt: null,
  firstAcknowledgedAt: null,
  resolvedAt: null,
};

const TARGETS = {
  sev1: { acknowledgeWithinMinutes: 15, resolveWithinMinutes: 240 },
  sev2: { acknowledgeWithinMinutes: null, resolveWithinMinutes: 1_440 },
  sev3: { acknowledgeWithinMinutes: null, resolveWithinMinutes: null },
  sev4: { acknowledgeWithinMinutes: null, resolveWithinMinutes: null },
  warnAtPercent: null,
};

describe("SLA clocks (what the incident page and list show)", () => {
  it("counts down a running deadline, then shows it overdue until the API records the breach", () => {
    expect(slaClock(open, "acknowledge", at(10))).toEqual({ kind: "acknowledge", state: "running", dueAt: iso(15), warnAt: null, remainingMs: 5 * 60_000 });
    expect(describeClock(slaClock(open, "acknowledge", at(10) + 500))).toBe("4m 59s left");
    expect(slaClock(open, "acknowledge", at(16))).toMatchObject({ state: "overdue", overdueMs: 60_000 });
    expect(slaClock({ ...open, acknowledgeBreachedAt: iso(15) }, "acknowledge", at(16)).state).toBe("breached");
    expect(slaBreached(open, at(10))).toBe(false);
    expect(slaBreached(open, at(16))).toBe(true);
  });

  it("meets the acknowledge target by the first response, acknowledging or resolving; late is breached", () => {
    expect(slaClock({ ...open, firstAcknowledgedAt: iso(5) }, "acknowledge", at(100)).state).toBe("met");
    expect(slaClock({ ...open, resolvedAt: iso(12) }, "acknowledge", at(100)).state).toBe("met");
    expect(slaClock({ ...open, firstAcknowledgedAt: iso(20) }, "acknowledge", at(100)).state).toBe("breached");
    expect(slaClock({ ...open, acknowledgeDueAt: null }, "acknowledge", at(100)).state).toBe("none");
  });

  it("names the deadline that runs out first, and calls it urgent in its last fifth or last 5 minutes", () => {
    expect(nextDeadline(open, at(1))?.kind).toBe("acknowledge");
    expect(nextDeadline({ ...open, firstAcknowledgedAt: iso(2) }, at(3))?.kind).toBe("resolve");
    expect(nextDeadline({ ...open, firstAcknowledgedAt: iso(2), resolvedAt: iso(3) }, at(4))).toBeNull();
    expect(isUrgent(slaClock(open, "acknowledge", at(9)), TRIGGERED)).toBe(false);
    expect(isUrgent(slaClock(open, "acknowledge", at(11)), TRIGGERED)).toBe(true);
    expect(isUrgent(slaClock(open, "resolve", at(190)), TRIGGERED)).toBe(false);
    expect(isUrgent(slaClock(open, "resolve", at(193)), TRIGGERED)).toBe(true);
  });

  it("calls a deadline with a warning time urgent from that time on, when the API warns, earlier or later than without one", () => {
    const warnsEarly = { ...open, acknowledgeWarnAt: iso(3), resolveWarnAt: null };
    expect(isUrgent(slaClock(warnsEarly, "acknowledge", at(3) - 1), TRIGGERED)).toBe(false);
    expect(isUrgent(slaClock(warnsEarly, "acknowledge", at(3)), TRIGGERED)).toBe(true);
    const warnsLate = { ...open, acknowledgeWarnAt: iso(12), resolveWarnAt: null };
    expect(isUrgent(slaClock(warnsLate, "acknowledge", at(11)), TRIGGERED)).toBe(false);
    expect(isUrgent(slaClock(warnsLate, "acknowledge", at(12)), TRIGGERED)).toBe(true);
    // The other deadline has no warning: the usual last fifth.
    expect(isUrgent(slaClock(warnsEarly, "resolve", at(190)), TRIGGERED)).toBe(false);
    expect(isUrgent(slaClock(warnsEarly, "resolve", at(193)), TRIGGERED)).toBe(true);
  });

  it("edits targets as text, empty for no target, and back", () => {
    const targets = { ...TARGETS, warnAtPercent: 75 };
    const form = targetsToForm(targets);
    expect(form.sev1).toEqual({ acknowledgeWithinMinutes: "15", resolveWithinMinutes: "240" });
    expect(form.sev3).toEqual({ acknowledgeWithinMinutes: "", resolveWithinMinutes: "" });
    expect(form.warnAtPercent).toBe("75");
    expect(formToTargets(form)).toEqual(targets);
    expect(targetsToForm({ ...targets, warnAtPercent: null }).warnAtPercent).toBe("");
    expect(formToTargets({ ...form, warnAtPercent: "" }).warnAtPercent).toBeNull();
    expect([formatMinutes(15), formatMinutes(90), formatMinutes(3_120)]).toEqual(["15m", "1h 30m", "2d 4h"]);
  });

  it("takes a warning at a whole percentage from 1 to 99, or none, and says what it means", () => {
    const withWarning = (warnAtPercent: string) => slaTargetsFormSchema.safeParse({ ...targetsToForm(TARGETS), warnAtPercent });
    for (const refused of ["0", "100", "7.5", "abc", "-5"]) {
      expect(withWarning(refused).error?.issues.map(({ path, message }) => ({ path, message })), refused).toEqual([
        { path: ["warnAtPercent"], message: "A whole percentage from 1 to 99, or empty for no warning" },
      ]);
    }
    for (const taken of ["", "1", " 75 ", "99"]) expect(withWarning(taken).success, taken).toBe(true);
    expect(formToTargets({ ...targetsToForm(TARGETS), warnAtPercent: " 75 " }).warnAtPercent).toBe(75);
    expect([warningExample(75), warningExample(5), warningExample(33)]).toEqual(["75%: 15m before a 1h target", "5%: 57m before a 1h target", "33%: 40m 12s before a 1h target"]);
    expect([describeWarning(75), describeWarning(null)]).toEqual(["Warns at 75% of each deadline's time", "No warnings before a deadline"]);
  });
});

describe("files", () => {
  it("refuses an empty file or one over the limit before sending it, in people's units", () => {
    const mb = 1024 * 1024;
    expect(uploadRefusal({ name: "dump.bin", size: 1.5 * mb }, mb)).toBe("dump.bin is 1.5 MB: files can be at most 1 MB");
    expect(uploadRefusal({ name: "empty.log", size: 0 }, mb)).toBe("empty.log is empty");
    expect(uploadRefusal({ name: "ok.log", size: mb }, mb)).toBeNull();
    expect([formatBytes(1), formatBytes(512), formatBytes(2048), formatBytes(25 * mb)]).toEqual(["1 byte", "512 bytes", "2 KB", "25 MB"]);
  });

  it("takes the saved file's name from Content-Disposition, the UTF-8 form first", () => {
    expect(fileNameOf(`attachment; filename="na_ve.log"; filename*=UTF-8''na%C3%AFve.log`, "x")).toBe("naïve.log");
    expect(fileNameOf('attachment; filename="plain.txt"', "x")).toBe("plain.txt");
    expect(fileNameOf(`attachment; filename*=UTF-8''%E0%A4%A`, "fallback.bin")).toBe("fallback.bin");
    expect(fileNameOf(null, "fallback.bin")).toBe("fallback.bin");
  });

  it("names the postmortem's Markdown after the incident", () => {
    expect(markdownFileName("Checkout returns 502!")).toBe("postmortem-checkout-returns-502.md");
    expect(markdownFileName("Café outage")).toBe("postmortem-cafe-outage.md");
    expect(markdownFileName("💥")).toBe("postmortem.md");
  });
});
