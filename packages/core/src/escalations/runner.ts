import type { Db, IncidentRow, Tx } from "@incidentops/db";
import type { EscalationLevel, PolicyWithLevels } from "../escalation-policies/repository.js";
import { findPolicy } from "../escalation-policies/repository.js";
import type { EscalationTarget } from "../escalation-policies/schema.js";
import { changeTogether } from "../incidents/changed-together.js";
import * as incidentLifecycle from "../incidents/lifecycle.js";
import { withJobsHeld } from "../jobs/enqueue.js";
import type { EscalationCause } from "../incidents/schema.js";
import type { TaskPayload } from "../jobs/tasks.js";
import { pagesFor, type NotificationKind } from "../schema.js";
import { onCallAtMany } from "../schedules/on-call.js";
import { inScope } from "../scope.js";
import { teamMembers } from "../teams/service.js";
import { findEnabledTargets, findMembersToPage, findOrgAdmins, findPageMinSeverity } from "./repository.js";

/** What a step did: paged someone, found no one, was stale; or (in a batch) was left to a job of its own. */
export type EscalationOutcome = "notified" | "no_one_on_call" | "skipped" | "deferred";

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
 * What a level that resolved to someone writes: who it notifies, on its `escalated` event (its
 * fan-out pages the people through their notification rules, in timeline order with the
 * incident's other notifications, and tells its notification targets); its people become the
 * incident's assignees; the next step comes after the level's delay while nobody acknowledges.
 */
function firedLevel(
  incident: IncidentRow,
  escalation: { policy: PolicyWithLevels; step: number; manual: boolean; totalSteps: number; cause: EscalationCause; firedAt: Date },
  resolved: Resolved,
  noOneOnCall: Record<string, unknown>[],
): incidentLifecycle.EscalationStepRecord {
  const { level, data } = stepOf(escalation.policy, escalation.step, escalation.manual);
  const notified: Notified[] = [
    ...resolved.people.map((u) => ({ type: "user" as const, userId: u.id, email: u.email, name: u.name, via: u.via })),
    ...resolved.notificationTargets.map((t) => ({ type: "notification_target" as const, targetId: t.id, name: t.name })),
  ];
  const hasNext = incident.status === "triggered" && escalation.step + 1 < escalation.totalSteps;
  return {
    incident,
    noOneOnCall,
    fired: { data: { ...data, notified }, cause: escalation.cause, userIds: resolved.people.map((u) => u.id), context: { level: level.level, step: escalation.step + 1 } },
    nextStep: escalation.step + 1,
    nextAt: hasNext ? new Date(escalation.firedAt.getTime() + level.delaySeconds * 1000) : null,
  };
}

/** A job for one incident's step; and one for the steps of several incidents, due together. */
type StepJob = Extract<TaskPayload<"escalate_if_unacked">, { incidentId: string }>;
type StepsJob = Extract<TaskPayload<"escalate_if_unacked">, { steps: unknown }>;

/**
 * The policies and levels of one transaction's steps, each read once: levels resolved to people
 * when they fire (`firedAt`), the same for every incident of a batch that follows the policy.
 */
function levelsFiring(tx: Tx, orgId: string, firedAt: Date) {
  const policies = new Map<string, Promise<PolicyWithLevels | undefined>>();
  const resolved = new Map<string, Promise<Resolved>>();
  const pageMinSeverities = new Map<string, ReturnType<typeof findPageMinSeverity>>();
  let admins: ReturnType<typeof findOrgAdmins> | undefined;
  return {
    firedAt,
    /** Whether the incident's service pages for an incident this severe (its `pageMinSeverity`). */
    async pagesFor(incident: IncidentRow) {
      const found = pageMinSeverities.get(incident.service_id) ?? findPageMinSeverity(tx, orgId, incident.service_id);
      pageMinSeverities.set(incident.service_id, found);
      return pagesFor(incident.severity, await found);
    },
    /** The org's admins: told when no level of a chain finds anyone. */
    admins() {
      admins ??= findOrgAdmins(tx, orgId);
      return admins;
    },
    policy(policyId: string) {
      const found = policies.get(policyId) ?? findPolicy(tx, orgId, policyId);
      policies.set(policyId, found);
      return found;
    },
    resolve(policy: PolicyWithLevels, step: number) {
      const key = `${policy.row.id}:${step}`;
      const found = resolved.get(key) ?? resolveLevel(tx, orgId, stepOf(policy, step, false).level.targets, firedAt, pageKindOf(step));
      resolved.set(key, found);
      return found;
    },
  };
}

type LevelsFiring = ReturnType<typeof levelsFiring>;

/**
 * The `escalate_if_unacked` job: notifies escalation step `step` of the incident's policy and
 * schedules the next one, in one transaction with the incident row locked. A level that resolves
 * to no one records `no_one_on_call` and the next level is tried at once (over one pass of the
 * levels at most). A job that is stale (the incident moved on, was acknowledged, another step
 * already ran, or its next step is due at another time) does nothing.
 */
export async function runEscalationStep(db: Db, job: StepJob): Promise<EscalationOutcome> {
  // The step's jobs are added together at its end: one fan-out for its events (the `escalated`
  // event and the `assigned` one) with the next step, in one add_jobs.
  return inScope(db, { orgId: job.orgId }, (tx) =>
    withJobsHeld(
      tx,
      async () => {
        const incident = await incidentLifecycle.lock(tx, job.orgId, job.incidentId);
        if (incident === undefined) return "skipped";
        const step = await decideStep(incident, job, levelsFiring(tx, job.orgId, new Date()));
        if (step.record !== null) await incidentLifecycle.recordEscalationSteps(tx, incidentLifecycle.jobSourceOf(job), [step.record]);
        return step.outcome;
      },
      incidentLifecycle.fanOutsTogether,
    ),
  );
}

/**
 * The steps of several incidents due together (an alert batch's first steps, or the next steps a
 * batch of steps scheduled for one time), as runEscalationStep runs each, in one transaction
 * (changeTogether): each policy and level is read once, the steps are written together, and their
 * events fan out in one job. The outcome of each.
 */
export function runEscalationSteps(db: Db, job: StepsJob): Promise<Map<string, EscalationOutcome>> {
  const source = incidentLifecycle.jobSourceOf(job);
  const stepsOf = (incidentIds: readonly string[]) => {
    const alone = new Set(incidentIds);
    return job.steps.filter(({ incidentId }) => alone.has(incidentId));
  };
  return changeTogether<EscalationOutcome>(db, source, job.steps.map(({ incidentId }) => incidentId), {
    change: (tx, incidents) => escalateTogether(tx, source, job, incidents),
    alone: (tx, incidentIds) => incidentLifecycle.scheduleStepsAlone(tx, source, stepsOf(incidentIds), job.dueAt === null ? null : new Date(job.dueAt)),
  });
}

/** The steps' change on the incidents locked, in `tx`: each incident's step decided, then all of them written together. */
async function escalateTogether(tx: Tx, source: incidentLifecycle.ChangeSource, job: StepsJob, incidents: ReadonlyMap<string, IncidentRow>): Promise<Map<string, EscalationOutcome>> {
  const levels = levelsFiring(tx, job.orgId, new Date());
  const outcomes = new Map<string, EscalationOutcome>();
  const records: incidentLifecycle.EscalationStepRecord[] = [];
  for (const { incidentId, step } of job.steps) {
    const incident = incidents.get(incidentId);
    if (incident === undefined) continue;
    const decided = await decideStep(incident, { orgId: job.orgId, incidentId, step, manual: false, requestId: job.requestId, ...(job.dueAt === null ? {} : { dueAt: job.dueAt }) }, levels);
    outcomes.set(incidentId, decided.outcome);
    if (decided.record !== null) records.push(decided.record);
  }
  await incidentLifecycle.recordEscalationSteps(tx, source, records);
  return outcomes;
}

/**
 * What the step does to a locked incident: nothing when it is stale; else the levels from the
 * job's step that found no one, then the first that found someone, whose people it notifies (over
 * one pass of the levels at most). A chain that found no one at any level from its start tells the
 * org's admins: the last `no_one_on_call` event names them, and its fan-out emails them.
 */
async function decideStep(
  incident: IncidentRow,
  job: StepJob,
  levels: LevelsFiring,
): Promise<{ outcome: EscalationOutcome; record: incidentLifecycle.EscalationStepRecord | null }> {
  const stale = { outcome: "skipped" as const, record: null };
  if (incident.escalation_policy_id === null) return stale;
  if (incident.escalation_step !== job.step || incident.status === "resolved") return stale;
  if (incident.status !== "triggered" && !job.manual) return stale;
  // Below its service's paging severity only a person escalates it; a raise to it schedules the step
  // again (resumeEscalationOnRaise in incidents/lifecycle.ts).
  if (!job.manual && !(await levels.pagesFor(incident))) return stale;
  // A step scheduled for a time fires only while the incident still says that time: a job left
  // from before an acknowledgement and a retrigger finds the same step counter, not the same time.
  if (job.dueAt !== undefined && incident.escalation_due_at?.getTime() !== Date.parse(job.dueAt)) return stale;
  const policy = await levels.policy(incident.escalation_policy_id);
  if (policy === undefined || policy.levels.length === 0) return stale;
  const totalSteps = policy.levels.length * policy.row.repeat;
  if (job.step >= totalSteps) return stale;

  const lastTried = Math.min(totalSteps, job.step + policy.levels.length);
  const noOneOnCall: Record<string, unknown>[] = [];
  for (let step = job.step; step < lastTried; step++) {
    const resolved = await levels.resolve(policy, step);
    if (resolved.people.length > 0 || resolved.notificationTargets.length > 0) {
      // What made this job run: the first page, a level's delay running out, or a person.
      const cause: EscalationCause = job.manual ? "manual" : job.step === 0 ? "trigger" : "timeout";
      return { outcome: "notified", record: firedLevel(incident, { policy, step, manual: job.manual, totalSteps, cause, firedAt: levels.firedAt }, resolved, noOneOnCall) };
    }
    noOneOnCall.push(stepOf(policy, step, job.manual).data);
  }
  // A chain that found someone earlier (a later step) has its people; one that never did tells the admins.
  if (job.step === 0) {
    const admins = await levels.admins();
    noOneOnCall.push({ ...noOneOnCall.pop(), everyLevel: true, adminsNotified: admins.map((a) => ({ id: a.id, name: a.name })) });
  }
  return { outcome: "no_one_on_call", record: { incident, noOneOnCall, fired: null, nextStep: lastTried, nextAt: null } };
}
