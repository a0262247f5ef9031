import type { Db, Tx } from "@incidentops/db";
import { findPolicies, type PolicyWithLevels } from "../escalation-policies/repository.js";
import type { EscalationTarget } from "../escalation-policies/schema.js";
import { AppError } from "../errors.js";
import { iso } from "../mapping.js";
import type { Actor, UserActor } from "../policy.js";
import { loadSchedules, stretchesAt } from "../schedules/on-call.js";
import { finalShifts, stretchesOf } from "../schedules/render.js";
import { findSchedules, schedulesNaming } from "../schedules/repository.js";
import { MAX_RENDER_DAYS } from "../schedules/schema.js";
import { peopleNamed, teamMembers } from "../teams/service.js";
import { MY_SHIFTS_DEFAULT_DAYS, type MyShift, type MyShifts, type MyShiftsInput, type OnCall, type OnCalls, type OnCallsInput } from "./schema.js";

const DAY_MS = 86_400_000;

/** What a level's schedule and team targets resolve to at one instant: each schedule's stretch, each team's people. */
interface Resolutions {
  stretches: Map<string, { userId: string; start: number; end: number | null } | null>;
  teams: Map<string, string[]>;
}

const teamKey = (teamId: string, role: string | undefined) => `${teamId}:${role ?? ""}`;

/** Resolves the schedules and teams the policies' levels name, at `at` (as the escalation runner does when a level fires). */
async function resolvePolicyTargets(db: Db | Tx, orgId: string, policies: PolicyWithLevels[], at: Date): Promise<Resolutions> {
  const targets = policies.flatMap((p) => p.levels.flatMap((l) => l.targets));
  const scheduleIds = [...new Set(targets.flatMap((t) => (t.type === "schedule" ? [t.scheduleId] : [])))];
  const stretches = new Map((await stretchesAt(db, orgId, await findSchedules(db, orgId, scheduleIds), at)).map((s) => [s.schedule.id, s.stretch]));
  const teams = new Map<string, string[]>();
  for (const t of targets) {
    if (t.type === "team" && !teams.has(teamKey(t.teamId, t.role))) teams.set(teamKey(t.teamId, t.role), await teamMembers(db, orgId, t.teamId, t.role));
  }
  return { stretches, teams };
}

/** Who a level's target puts on call at `at`, as on-call entries of the level. */
function levelEntries(policy: PolicyWithLevels, level: number, target: EscalationTarget, at: Date, resolved: Resolutions): OnCall[] {
  const entry = { scheduleId: null, escalationPolicyId: policy.row.id, level, start: iso(at), end: null };
  switch (target.type) {
    case "user":
      return [{ userId: target.userId, ...entry }];
    case "notification_target":
      return [];
    case "schedule": {
      const stretch = resolved.stretches.get(target.scheduleId) ?? null;
      if (stretch === null) return [];
      const end = stretch.end === null ? null : iso(new Date(stretch.end));
      return [{ ...entry, userId: stretch.userId, scheduleId: target.scheduleId, start: iso(new Date(stretch.start)), end }];
    }
    case "team":
      return (resolved.teams.get(teamKey(target.teamId, target.role)) ?? []).map((userId) => ({ userId, ...entry }));
    default:
      return target satisfies never;
  }
}

/**
 * Who is on call at `at` (default now): the person of each schedule, with the stretch they are
 * on call for, and the people each escalation policy's levels name.
 */
export async function listOnCalls(db: Db | Tx, actor: Actor, input: OnCallsInput, now: Date): Promise<OnCalls> {
  const at = input.at === undefined ? now : new Date(input.at);
  const items: OnCall[] = [];
  if (input.escalationPolicyId === undefined) {
    const schedules = await findSchedules(db, actor.orgId, input.scheduleId === undefined ? null : [input.scheduleId]);
    for (const { schedule, stretch } of await stretchesAt(db, actor.orgId, schedules, at)) {
      if (stretch === null) continue;
      items.push({
        userId: stretch.userId,
        scheduleId: schedule.id,
        escalationPolicyId: null,
        level: null,
        start: iso(new Date(stretch.start)),
        end: stretch.end === null ? null : iso(new Date(stretch.end)),
      });
    }
  }
  if (input.scheduleId === undefined) {
    const policies = await findPolicies(db, actor.orgId, input.escalationPolicyId === undefined ? null : [input.escalationPolicyId]);
    const resolved = await resolvePolicyTargets(db, actor.orgId, policies, at);
    for (const policy of policies) {
      for (const level of policy.levels) items.push(...level.targets.flatMap((target) => levelEntries(policy, level.level, target, at, resolved)));
    }
  }
  const matching = input.userId === undefined ? items : items.filter((i) => i.userId === input.userId);
  return { items: matching, people: await peopleNamed(db, matching.map((i) => i.userId)) };
}

/** [since, until) of a "my shifts" request: now and 28 days by default, at most 93 days. */
function rangeOf(input: MyShiftsInput, now: Date): { since: Date; until: Date } {
  const since = input.since === undefined ? now : new Date(input.since);
  const until = input.until === undefined ? new Date(since.getTime() + MY_SHIFTS_DEFAULT_DAYS * DAY_MS) : new Date(input.until);
  if (until <= since) throw new AppError("VALIDATION_FAILED", "until must be after since", { fields: { until: ["must be after since"] } });
  if (until.getTime() - since.getTime() > MAX_RENDER_DAYS * DAY_MS) {
    throw new AppError("VALIDATION_FAILED", `The range is at most ${MAX_RENDER_DAYS} days`, { fields: { until: [`must be at most ${MAX_RENDER_DAYS} days after since`] } });
  }
  return { since, until };
}

/**
 * The person's stretches on call over [since, until), cut at its bounds, by start: on every
 * schedule of the org that names them (in a layer or an override), or only on `scheduleIds`.
 */
export async function shiftsOf(db: Db | Tx, orgId: string, userId: string, since: Date, until: Date, scheduleIds?: readonly string[]): Promise<MyShift[]> {
  const naming = await schedulesNaming(db, orgId, userId, since);
  const ids = scheduleIds === undefined ? naming : naming.filter((id) => scheduleIds.includes(id));
  const loaded = await loadSchedules(db, orgId, await findSchedules(db, orgId, ids), since, until);
  return loaded
    .flatMap(({ row, spec }) =>
      stretchesOf(finalShifts(spec, since.getTime(), until.getTime()))
        .filter((s) => s.userId === userId)
        .map((s) => ({ scheduleId: row.id, scheduleName: row.name, timeZone: row.time_zone, start: iso(new Date(s.start)), end: iso(new Date(s.end)) })),
    )
    .sort((a, b) => a.start.localeCompare(b.start) || a.scheduleName.localeCompare(b.scheduleName));
}

/** The caller's shifts over [since, until) (default: the next 28 days), on every schedule of the org. */
export async function listMyShifts(db: Db | Tx, actor: UserActor, input: MyShiftsInput, now: Date): Promise<MyShifts> {
  const { since, until } = rangeOf(input, now);
  return { items: await shiftsOf(db, actor.orgId, actor.userId, since, until), since: iso(since), until: iso(until) };
}
