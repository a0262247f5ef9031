import { z } from "zod";
import { SEVERITIES, type Incident, type Severity, type SlaStanding, type SlaTargets } from "./api-types";
import { formatDuration } from "./format";

export type SlaKind = "acknowledge" | "resolve";

/**
 * Where one SLA deadline of an incident stands at `now`:
 * - `none`: no target (the policy has none for its severity);
 * - `running`: due in `remainingMs`, warning from `warnAt` (null: the policy does not warn);
 * - `overdue`: past due and unmet, the breach not recorded yet (the API records it within seconds);
 * - `breached`: recorded as breached, or met late;
 * - `met`: met in time.
 */
export type SlaClock =
  | { kind: SlaKind; state: "none" }
  | { kind: SlaKind; state: "running"; dueAt: string; warnAt: string | null; remainingMs: number }
  | { kind: SlaKind; state: "overdue"; dueAt: string; overdueMs: number }
  | { kind: SlaKind; state: "breached"; dueAt: string }
  | { kind: SlaKind; state: "met"; dueAt: string };

/** An incident's SLA times; the warning times may be absent where no deadline runs (a postmortem's facts). */
type SlaFields = Pick<Incident, "acknowledgeDueAt" | "resolveDueAt" | "acknowledgeBreachedAt" | "resolveBreachedAt" | "firstAcknowledgedAt" | "resolvedAt"> &
  Partial<Pick<Incident, "acknowledgeWarnAt" | "resolveWarnAt">>;

/** When the deadline's target was reached: the first response (acknowledging or resolving) or the resolution; null: not yet. */
function reachedAt(incident: SlaFields, kind: SlaKind): string | null {
  if (kind === "resolve") return incident.resolvedAt;
  const times = [incident.firstAcknowledgedAt, incident.resolvedAt].filter((t): t is string => t !== null);
  return times.length === 0 ? null : times.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
}

export function slaClock(incident: SlaFields, kind: SlaKind, now: number): SlaClock {
  const dueAt = kind === "acknowledge" ? incident.acknowledgeDueAt : incident.resolveDueAt;
  const breachedAt = kind === "acknowledge" ? incident.acknowledgeBreachedAt : incident.resolveBreachedAt;
  const warnAt = (kind === "acknowledge" ? incident.acknowledgeWarnAt : incident.resolveWarnAt) ?? null;
  if (dueAt === null) return { kind, state: "none" };
  if (breachedAt !== null) return { kind, state: "breached", dueAt };
  const due = Date.parse(dueAt);
  const reached = reachedAt(incident, kind);
  if (reached !== null) return { kind, state: Date.parse(reached) <= due ? "met" : "breached", dueAt };
  return now < due ? { kind, state: "running", dueAt, warnAt, remainingMs: due - now } : { kind, state: "overdue", dueAt, overdueMs: now - due };
}

/** Both deadlines of the incident. */
export const slaClocks = (incident: SlaFields, now: number): [SlaClock, SlaClock] => [slaClock(incident, "acknowledge", now), slaClock(incident, "resolve", now)];

/** Whether a deadline of the incident was missed (recorded, met late, or past due unmet). */
export const slaBreached = (incident: SlaFields, now: number) => slaClocks(incident, now).some((clock) => clock.state === "breached" || clock.state === "overdue");

/** The deadline that runs out first, if any runs. */
export function nextDeadline(incident: SlaFields, now: number): Extract<SlaClock, { state: "running" }> | null {
  const running = slaClocks(incident, now).filter((clock): clock is Extract<SlaClock, { state: "running" }> => clock.state === "running");
  return running.sort((a, b) => a.remainingMs - b.remainingMs)[0] ?? null;
}

/** "4m 05s", "1h 20m": time left, in whole seconds rounded down (a countdown never shows 0s while time remains). */
export const formatRemaining = (ms: number) => (ms < 1_000 ? "<1s" : formatDuration(Math.floor(ms / 1_000) * 1_000));

export const SLA_VERB: Record<SlaKind, string> = { acknowledge: "Acknowledge", resolve: "Resolve" };

/** The incident list's SLA filter, in words. */
export const SLA_STANDING_LABEL: Record<SlaStanding, string> = { at_risk: "SLA at risk", breached: "SLA breached" };

/** The deadline in words: "4m 05s left", "overdue by 2m 10s", "met", "breached", "no target". */
export function describeClock(clock: SlaClock): string {
  switch (clock.state) {
    case "none":
      return "no target";
    case "running":
      return `${formatRemaining(clock.remainingMs)} left`;
    case "overdue":
      return `overdue by ${formatDuration(clock.overdueMs)}`;
    case "breached":
      return "breached";
    case "met":
      return "met";
  }
}

/**
 * A running deadline is urgent from its warning time (when the API records it as at risk), or
 * without one in its last fifth or its last 5 minutes, whichever is longer.
 */
export function isUrgent(clock: SlaClock, triggeredAt: string): boolean {
  if (clock.state !== "running") return false;
  const due = Date.parse(clock.dueAt);
  if (clock.warnAt !== null) return clock.remainingMs <= due - Date.parse(clock.warnAt);
  return clock.remainingMs <= Math.max((due - Date.parse(triggeredAt)) / 5, 5 * 60_000);
}

// The SLA policy form: minutes and the warning's percentage as the inputs hold them (text; empty:
// no target, no warning).

/** A whole number from `min` to `max` as an input holds it, or empty. */
const wholeNumberField = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .refine((value) => value === "" || (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max), message);

const MINUTES_PER_YEAR = 525_600;
const minutesField = wholeNumberField(1, MINUTES_PER_YEAR, "Whole minutes from 1 to 525600, or empty for no target");
const warnAtPercentField = wholeNumberField(1, 99, "A whole percentage from 1 to 99, or empty for no warning");
const targetFields = z
  .object({ acknowledgeWithinMinutes: minutesField, resolveWithinMinutes: minutesField })
  .refine((t) => t.acknowledgeWithinMinutes === "" || t.resolveWithinMinutes === "" || Number(t.resolveWithinMinutes) >= Number(t.acknowledgeWithinMinutes), {
    message: "Resolving cannot be due before acknowledging",
    path: ["resolveWithinMinutes"],
  });
export const slaTargetsFormSchema = z.object({ sev1: targetFields, sev2: targetFields, sev3: targetFields, sev4: targetFields, warnAtPercent: warnAtPercentField });
export type SlaTargetsForm = z.infer<typeof slaTargetsFormSchema>;

const toField = (value: number | null) => (value === null ? "" : String(value));
const fromField = (value: string) => (value.trim() === "" ? null : Number(value));

const perSeverity = <T>(valueOf: (severity: Severity) => T) => Object.fromEntries(SEVERITIES.map((s) => [s, valueOf(s)])) as Record<Severity, T>;

export const targetsToForm = (targets: SlaTargets): SlaTargetsForm => ({
  ...perSeverity((s) => ({ acknowledgeWithinMinutes: toField(targets[s].acknowledgeWithinMinutes), resolveWithinMinutes: toField(targets[s].resolveWithinMinutes) })),
  warnAtPercent: toField(targets.warnAtPercent),
});

/** The percentage the warning's input holds; null: empty or not one. */
export const warnAtPercentOf = (value: string) => (warnAtPercentField.safeParse(value).success ? fromField(value) : null);

export const formToTargets = (form: SlaTargetsForm): SlaTargets => ({
  ...perSeverity((s) => ({ acknowledgeWithinMinutes: fromField(form[s].acknowledgeWithinMinutes), resolveWithinMinutes: fromField(form[s].resolveWithinMinutes) })),
  warnAtPercent: fromField(form.warnAtPercent),
});

/** "15m", "4h", "1h 30m", "2d 4h": a target in minutes, for the eye. */
export function formatMinutes(minutes: number): string {
  const d = Math.floor(minutes / 1_440);
  const h = Math.floor((minutes % 1_440) / 60);
  const m = minutes % 60;
  return [d > 0 ? `${d}d` : "", h > 0 ? `${h}h` : "", m > 0 ? `${m}m` : ""].filter((part) => part !== "").join(" ") || "0m";
}

/** What a severity's targets are, in words: "acknowledge 15m · resolve 4h", "no targets". */
export function describeTarget(target: SlaTargets[Severity]): string {
  const part = (minutes: number | null) => (minutes === null ? "—" : formatMinutes(minutes));
  if (target.acknowledgeWithinMinutes === null && target.resolveWithinMinutes === null) return "no targets";
  return `acknowledge ${part(target.acknowledgeWithinMinutes)} · resolve ${part(target.resolveWithinMinutes)}`;
}

/** When the policy's deadlines warn, in words: "Warns at 75% of each deadline's time", "No warnings before a deadline". */
export const describeWarning = (warnAtPercent: number | null) => (warnAtPercent === null ? "No warnings before a deadline" : `Warns at ${warnAtPercent}% of each deadline's time`);

/** "75%: 15m before a 1h target": what a warning's percentage means for an example target. */
export function warningExample(warnAtPercent: number): string {
  const secondsBefore = (100 - warnAtPercent) * 36; // the rest of an hour's 3,600 s
  const before = secondsBefore % 60 === 0 ? formatMinutes(secondsBefore / 60) : formatDuration(secondsBefore * 1_000);
  return `${warnAtPercent}%: ${before} before a 1h target`;
}
