import type { Db, Tx } from "@incidentops/db";
import type { EscalationTarget } from "../escalation-policies/schema.js";
import { findPolicy } from "../escalation-policies/repository.js";
import * as incidentLifecycle from "../incidents/lifecycle.js";
import type { TaskPayload } from "../jobs/tasks.js";
import type { NotificationKind } from "../schema.js";
import { inScope } from "../scope.js";
import { findEnabledTargets, findMembersToPage } from "./repository.js";

export type EscalationOutcome = "notified" | "skipped";

type Notified =
  | { type: "user"; userId: string; email: string; name: string }
  | { type: "notification_target"; targetId: string; name: string };

/** The level's recipients that still exist: members of the org, enabled targets of the org. */
async function resolveTargets(tx: Tx, orgId: string, targets: EscalationTarget[]) {
  const userIds = targets.flatMap((t) => (t.type === "user" ? [t.userId] : []));
  const targetIds = targets.flatMap((t) => (t.type === "notification_target" ? [t.targetId] : []));
  const users = await findMembersToPage(tx, orgId, userIds);
  const notificationTargets = await findEnabledTargets(tx, orgId, targetIds);
  return { users, notificationTargets };
}

/**
 * The `escalate_if_unacked` job: notifies escalation step `step` of the incident's policy and
 * schedules the next one, in one transaction with the incident row locked. A job that is stale
 * (the incident moved on, was acknowledged, or another step already ran) does nothing.
 */
export async function runEscalationStep(db: Db, job: TaskPayload<"escalate_if_unacked">): Promise<EscalationOutcome> {
  return inScope(db, { orgId: job.orgId }, async (tx) => {
    const incident = await incidentLifecycle.lock(tx, job.orgId, job.incidentId);
    if (incident === undefined || incident.escalation_policy_id === null) return "skipped";
    if (incident.escalation_step !== job.step || incident.status === "resolved") return "skipped";
    if (incident.status !== "triggered" && !job.manual) return "skipped";
    const policy = await findPolicy(tx, job.orgId, incident.escalation_policy_id);
    if (policy === undefined || policy.levels.length === 0) return "skipped";
    const totalSteps = policy.levels.length * policy.row.repeat;
    if (job.step >= totalSteps) return "skipped";
    const level = policy.levels[job.step % policy.levels.length];
    if (level === undefined) return "skipped";

    const { users, notificationTargets } = await resolveTargets(tx, job.orgId, level.targets);
    // The first step pages people about a new incident; later ones about an escalation.
    const kind: NotificationKind = job.step === 0 ? "triggered" : "escalated";
    const wanted = users.filter((u) => u.event_kinds === null || u.event_kinds.includes(kind));
    const notified: Notified[] = [
      ...wanted.map((u) => ({ type: "user" as const, userId: u.id, email: u.email, name: u.name })),
      ...notificationTargets.map((t) => ({ type: "notification_target" as const, targetId: t.id, name: t.name })),
    ];
    // While nobody acknowledges, the next step follows after this level's delay.
    const hasNext = incident.status === "triggered" && job.step + 1 < totalSteps;
    const source = { orgId: job.orgId, actorUserId: null, requestId: job.requestId };
    // Who was paged is written on the `escalated` event; its fan-out makes their attempts, in
    // timeline order with the incident's other notifications.
    await incidentLifecycle.recordEscalationStep(tx, source, incident, {
      step: job.step,
      cause: job.manual ? "manual" : job.step === 0 ? "trigger" : "timeout",
      data: {
        level: level.level,
        pass: Math.floor(job.step / policy.levels.length) + 1,
        step: job.step + 1,
        manual: job.manual,
        policyId: policy.row.id,
        notified,
      },
      nextAt: hasNext ? new Date(Date.now() + level.delaySeconds * 1000) : null,
    });
    return "notified";
  });
}
