import type { Db, IncidentRow, Tx } from "@incidentops/db";
import type { EscalationLevel, PolicyWithLevels } from "../escalation-policies/repository.js";
import { findPolicy } from "../escalation-policies/repository.js";
import type { EscalationTarget } from "../escalation-policies/schema.js";
import * as incidentLifecycle from "../incidents/lifecycle.js";
import { withJobsHeld } from "../jobs/enqueue.js";
import type { ChangeSource } from "../incidents/lifecycle.js";
import type { EscalationCause } from "../incidents/schema.js";
import type { TaskPayload } from "../jobs/tasks.js";
import type { NotificationKind } from "../schema.js";
import { onCallAtMany } from "../schedules/on-call.js";
import { inScope } from "../scope.js";
import { teamMembers } from "../teams/service.js";
import { findEnabledTargets, findMembersToPage, findOrgAdmins } from "./repository.js";

export type EscalationOutcome = "notified" | "no_one_on_call" | "skipped";

/** How a level found a person: named, on call on a schedule, or in a team. */
type Via = { type: "user" } | { type: "schedule"; scheduleId: string } | { type: "team"; teamId: string; role: "manager" | "member" | null };

type Notified =
  | { type: "user"; userId: string; email: string; name: string; via: Via }
  | { type: "notification_target"; targetId: string; name: string };

/** The people each target names at `at`, in target order: itself, whoever is on call on the schedule (overrides included), the team's people. */
async function peopleOf(tx: Tx, orgId: string, targets: EscalationTarget[], at: Date): Promise<{ userId: string; via: Via }[]> {
  const onCall = await onCallAtMany(
    tx,
    orgId,
    targets.flatMap((t) => (t.type === "schedule" ? [t.scheduleId] : [])),
    at,
  );
  const found: { userId: string; via: Via }[] = [];
  for (const target of targets) {
    switch (target.type) {
      case "user":
        found.push({ userId: target.userId, via: { type: "user" } });
        break;
      case "schedule": {
        const userId = onCall.get(target.scheduleId) ?? null;
        if (userId !== null) found.push({ userId, via: { type: "schedule", scheduleId: target.scheduleId } });
        break;
      }
      case "team": {
        const via: Via = { type: "team", teamId: target.teamId, role: target.role ?? null };
        for (const userId of await teamMembers(tx, orgId, target.teamId, target.role)) found.push({ userId, via });
        break;
      }
      case "notification_target":
        break;
      default:
        target satisfies never;
    }
  }
  // A person found twice is paged once, as the first target that found them.
  const first = new Map<string, { userId: string; via: Via }>();
  for (const f of found) if (!first.has(f.userId)) first.set(f.userId, f);
  return [...first.values()];
}

/**
 * Who a level reaches at `at` (when it fires) with a page of `kind`: the people its targets
 * resolve to who are members of the org and take pages of that kind (their notification
 * preferences), in target order, and its enabled notification targets. A level whose people all
 * opted out of the kind reaches nobody, like an empty one.
 */
async function resolveLevel(tx: Tx, orgId: string, targets: EscalationTarget[], at: Date, kind: NotificationKind) {
  const found = await peopleOf(tx, orgId, targets, at);
  const members = new Map((await findMembersToPage(tx, orgId, found.map((f) => f.userId))).map((m) => [m.id, m]));
  const people = found.flatMap(({ userId, via }) => {
    const member = members.get(userId);
    return member === undefined || (member.event_kinds !== null && !member.event_kinds.includes(kind)) ? [] : [{ ...member, via }];
  });
  const targetIds = targets.flatMap((t) => (t.type === "notification_target" ? [t.targetId] : []));
  const notificationTargets = await findEnabledTargets(tx, orgId, targetIds);
  return { people, notificationTargets };
}

type Resolved = Awaited<ReturnType<typeof resolveLevel>>;

/** The first step pages people about a new incident; later ones about an escalation. */
const pageKindOf = (step: number): NotificationKind => (step === 0 ? "triggered" : "escalated");

/** What each step of the chain is: its level, which pass over the levels, and the event data that names them. */
function stepOf(policy: PolicyWithLevels, step: number, manual: boolean): { level: EscalationLevel; data: Record<string, unknown> } {
  const level = policy.levels[step % policy.levels.length];
  if (level === undefined) throw new Error(`unreachable: step ${step} of a policy with ${policy.levels.length} levels`);
  const data = { level: level.level, pass: Math.floor(step / policy.levels.length) + 1, step: step + 1, manual, policyId: policy.row.id };
  return { level, data };
}

/**
 * Notifies what a level resolved to: its people through their notification rules (they become
 * the incident's assignees) and its notification targets; schedules the next step after the
 * level's delay while nobody acknowledges.
 */
async function notifyLevel(
  tx: Tx,
  source: ChangeSource,
  incident: IncidentRow,
  escalation: { policy: PolicyWithLevels; step: number; manual: boolean; totalSteps: number; cause: EscalationCause },
  resolved: Resolved,
): Promise<void> {
  const { level, data } = stepOf(escalation.policy, escalation.step, escalation.manual);
  const notified: Notified[] = [
    ...resolved.people.map((u) => ({ type: "user" as const, userId: u.id, email: u.email, name: u.name, via: u.via })),
    ...resolved.notificationTargets.map((t) => ({ type: "notification_target" as const, targetId: t.id, name: t.name })),
  ];
  const hasNext = incident.status === "triggered" && escalation.step + 1 < escalation.totalSteps;
  // Who was paged is written on the `escalated` event; its fan-out makes their attempts (people
  // through their notification rules), in timeline order with the incident's other notifications.
  await incidentLifecycle.recordEscalationStep(tx, source, incident, {
    step: escalation.step,
    cause: escalation.cause,
    data: { ...data, notified },
    nextAt: hasNext ? new Date(Date.now() + level.delaySeconds * 1000) : null,
  });
  const userIds = resolved.people.map((u) => u.id);
  if (userIds.length > 0) await incidentLifecycle.assignForEscalation(tx, source, incident, userIds, { level: level.level, step: escalation.step + 1 });
}

/**
 * Records the levels that found no one (a `no_one_on_call` event each). When the chain found no
 * one at any level from its start, the last of those events names the org's admins: its fan-out
 * tells them through their account email.
 */
async function recordNoOneOnCall(
  tx: Tx,
  source: ChangeSource,
  incident: IncidentRow,
  escalation: { policy: PolicyWithLevels; manual: boolean },
  steps: { first: number; count: number; everyLevel: boolean },
): Promise<void> {
  const admins = steps.everyLevel ? await findOrgAdmins(tx, source.orgId) : [];
  for (let step = steps.first; step < steps.first + steps.count; step++) {
    const final = step === steps.first + steps.count - 1;
    const { data } = stepOf(escalation.policy, step, escalation.manual);
    const told = final && steps.everyLevel ? { everyLevel: true, adminsNotified: admins.map((a) => ({ id: a.id, name: a.name })) } : {};
    await incidentLifecycle.recordNoOneOnCall(tx, source, incident, { step, data: { ...data, ...told } });
  }
}

/**
 * The `escalate_if_unacked` job: notifies escalation step `step` of the incident's policy and
 * schedules the next one, in one transaction with the incident row locked. A level that resolves
 * to no one records `no_one_on_call` and the next level is tried at once (over one pass of the
 * levels at most). A job that is stale (the incident moved on, was acknowledged, or another step
 * already ran) does nothing.
 */
export async function runEscalationStep(db: Db, job: TaskPayload<"escalate_if_unacked">): Promise<EscalationOutcome> {
  // The step's jobs are added together at its end: one fan-out for its events (the `escalated`
  // event and the `assigned` one) with the next step, in one add_jobs.
  return inScope(db, { orgId: job.orgId }, (tx) => withJobsHeld(tx, () => escalate(tx, job), incidentLifecycle.fanOutsTogether));
}

/** The step's change, in `tx`. */
async function escalate(tx: Tx, job: TaskPayload<"escalate_if_unacked">): Promise<EscalationOutcome> {
  const incident = await incidentLifecycle.lock(tx, job.orgId, job.incidentId);
  if (incident === undefined || incident.escalation_policy_id === null) return "skipped";
  if (incident.escalation_step !== job.step || incident.status === "resolved") return "skipped";
  if (incident.status !== "triggered" && !job.manual) return "skipped";
  const policy = await findPolicy(tx, job.orgId, incident.escalation_policy_id);
  if (policy === undefined || policy.levels.length === 0) return "skipped";
  const totalSteps = policy.levels.length * policy.row.repeat;
  if (job.step >= totalSteps) return "skipped";

  const source = { orgId: job.orgId, actorUserId: null, requestId: job.requestId };
  // Schedules and teams are resolved to people now, when the level fires.
  const firedAt = new Date();
  const lastTried = Math.min(totalSteps, job.step + policy.levels.length);
  for (let step = job.step; step < lastTried; step++) {
    const resolved = await resolveLevel(tx, job.orgId, stepOf(policy, step, job.manual).level.targets, firedAt, pageKindOf(step));
    if (resolved.people.length === 0 && resolved.notificationTargets.length === 0) continue;
    await recordNoOneOnCall(tx, source, incident, { policy, manual: job.manual }, { first: job.step, count: step - job.step, everyLevel: false });
    // What made this job run: the first page, a level's delay running out, or a person.
    const cause: EscalationCause = job.manual ? "manual" : job.step === 0 ? "trigger" : "timeout";
    await notifyLevel(tx, source, incident, { policy, step, manual: job.manual, totalSteps, cause }, resolved);
    return "notified";
  }
  // A chain that found someone earlier (a later step) has its people; one that never did tells the admins.
  const everyLevel = job.step === 0;
  await recordNoOneOnCall(tx, source, incident, { policy, manual: job.manual }, { first: job.step, count: lastTried - job.step, everyLevel });
  return "no_one_on_call";
}
