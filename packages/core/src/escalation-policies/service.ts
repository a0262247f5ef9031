import type { Db, Tx } from "@incidentops/db";
import { auditAction } from "../audit/service.js";
import { AppError, notFound } from "../errors.js";
import { iso } from "../mapping.js";
import { orgMembersAmong } from "../members-named.js";
import { createdAtCursor, createdAtPositionOf, decodeCursor, toPage, type Page } from "../pagination.js";
import { authorize, type Actor } from "../policy.js";
import type { PageQuery } from "../schema.js";
import { transact } from "../scope.js";
import { authorizeTeamAction, authorizeTeamAssignment, teamsActorMayActFor } from "../teams/service.js";
import {
  deletePolicy,
  findPolicy,
  findPolicyForUpdate,
  insertPolicy,
  listPolicies,
  loadLevels,
  replaceLevels,
  orgRowIdsAmong,
  servicesUsingPolicy,
  targetIdsAmong,
  updatePolicy,
  type PolicyWithLevels,
} from "./repository.js";
import type { CreateEscalationPolicyInput, EscalationPolicy, EscalationTarget, PolicyIdInput, ReplaceEscalationPolicyInput } from "./schema.js";

const toPolicy = ({ row, levels }: PolicyWithLevels): EscalationPolicy => ({
  id: row.id,
  name: row.name,
  description: row.description,
  repeat: row.repeat,
  teamId: row.team_id,
  levels: levels.map((l) => ({ delaySeconds: l.delaySeconds, targets: l.targets })),
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

const policyNotFound = () => notFound("Escalation policy");

/** Audits a change to a policy with a summary of what it now is. */
function auditPolicy(
  tx: Tx,
  actor: Actor,
  action: `escalation_policy.${"created" | "replaced" | "deleted"}`,
  policy: { id: string; name: string; repeat?: number; teamId?: string | null; levels?: unknown[] },
) {
  const { id, ...data } = policy;
  return auditAction(tx, actor, { action, targetType: "escalation_policy", targetId: id, data });
}

/** A policy as recorded in the audit log: its settings and levels, with every target. */
const auditedPolicy = (policy: EscalationPolicy) => ({
  id: policy.id,
  name: policy.name,
  repeat: policy.repeat,
  teamId: policy.teamId,
  levels: policy.levels,
});

type Levels = CreateEscalationPolicyInput["levels"];

/** The distinct values `pick` takes from the levels' targets. */
const idsIn = (levels: Levels, pick: (t: EscalationTarget) => string | undefined) => [
  ...new Set(levels.flatMap((l) => l.targets.flatMap((t) => pick(t) ?? []))),
];

/**
 * Each of `ids` must be a row of the org's `table`, locked FOR KEY SHARE until the transaction
 * ends: 404 `<what> not found` otherwise, as for any id of another org (the same answer as for an
 * id that exists nowhere).
 */
export async function requireOrgRows(tx: Tx, table: Parameters<typeof orgRowIdsAmong>[1], orgId: string, ids: readonly string[], what: string): Promise<void> {
  const found = await orgRowIdsAmong(tx, table, orgId, [...new Set(ids)]);
  if (ids.some((id) => !found.has(id))) throw notFound(what);
}

/** A schedule or team a level pages must be the org's (requireOrgRows). */
async function checkPagedResources(tx: Tx, orgId: string, levels: Levels): Promise<void> {
  await requireOrgRows(tx, "schedules", orgId, idsIn(levels, (t) => (t.type === "schedule" ? t.scheduleId : undefined)), "Schedule");
  await requireOrgRows(tx, "teams", orgId, idsIn(levels, (t) => (t.type === "team" ? t.teamId : undefined)), "Team");
}

/** Every user target must be a member and every notification target must exist, in this org; schedules and teams too (404). */
async function checkTargets(tx: Tx, orgId: string, levels: Levels): Promise<void> {
  await checkPagedResources(tx, orgId, levels);
  const members = await orgMembersAmong(tx, orgId, idsIn(levels, (t) => (t.type === "user" ? t.userId : undefined)));
  const targets = await targetIdsAmong(tx, orgId, idsIn(levels, (t) => (t.type === "notification_target" ? t.targetId : undefined)));
  const fields: Record<string, string[]> = {};
  levels.forEach((level, i) =>
    level.targets.forEach((t, j) => {
      if (t.type === "user" && !members.has(t.userId)) fields[`levels.${i}.targets.${j}.userId`] = ["not a member of this organisation"];
      if (t.type === "notification_target" && !targets.has(t.targetId)) {
        fields[`levels.${i}.targets.${j}.targetId`] = ["no such notification target"];
      }
    }),
  );
  if (Object.keys(fields).length > 0) {
    throw new AppError("VALIDATION_FAILED", "Some escalation targets do not exist in this organisation", { fields });
  }
}

/** Stores the levels and reads the policy back as it now is, audited as `action`. */
async function saveLevels(
  tx: Tx,
  actor: Actor,
  policyId: string,
  levels: CreateEscalationPolicyInput["levels"],
  action: "escalation_policy.created" | "escalation_policy.replaced",
): Promise<EscalationPolicy> {
  await replaceLevels(tx, actor.orgId, policyId, levels);
  const policy = await findPolicy(tx, actor.orgId, policyId);
  if (policy === undefined) throw policyNotFound();
  const saved = toPolicy(policy);
  await auditPolicy(tx, actor, action, auditedPolicy(saved));
  return saved;
}

/** Admins, or a manager of the team the policy is for. */
export async function createEscalationPolicy(db: Db, actor: Actor, input: CreateEscalationPolicyInput): Promise<EscalationPolicy> {
  return transact(db, async (tx) => {
    const teamId = input.teamId ?? null;
    await authorizeTeamAssignment(tx, actor, "escalation-policy:manage", teamId);
    await checkTargets(tx, actor.orgId, input.levels);
    const policyId = await insertPolicy(tx, { orgId: actor.orgId, name: input.name, description: input.description ?? null, repeat: input.repeat, teamId });
    return saveLevels(tx, actor, policyId, input.levels, "escalation_policy.created");
  });
}

/**
 * PUT semantics: the policy becomes exactly `input`, levels and team included. A team's manager
 * may replace the team's policies, keeping them in a team they manage.
 */
export async function replaceEscalationPolicy(db: Db, actor: Actor, input: ReplaceEscalationPolicyInput): Promise<EscalationPolicy> {
  return transact(db, async (tx) => {
    const current = await findPolicyForUpdate(tx, actor.orgId, input.policyId);
    if (current === undefined) throw policyNotFound();
    await authorizeTeamAction(tx, actor, "escalation-policy:manage", current.team_id);
    const fields = { name: input.name, description: input.description ?? null, repeat: input.repeat, teamId: input.teamId ?? null };
    await authorizeTeamAssignment(tx, actor, "escalation-policy:manage", fields.teamId);
    if (!(await updatePolicy(tx, actor.orgId, input.policyId, fields))) throw policyNotFound();
    await checkTargets(tx, actor.orgId, input.levels);
    return saveLevels(tx, actor, input.policyId, input.levels, "escalation_policy.replaced");
  });
}

export async function getEscalationPolicy(db: Db, actor: Actor, input: PolicyIdInput): Promise<EscalationPolicy> {
  const policy = await findPolicy(db, actor.orgId, input.policyId);
  if (policy === undefined) throw policyNotFound();
  await authorizeTeamAction(db, actor, "escalation-policy:read", policy.row.team_id);
  return toPolicy(policy);
}

/** Admins read every policy; a team's managers read their teams' policies. */
export async function listEscalationPolicies(db: Db, actor: Actor, input: PageQuery): Promise<Page<EscalationPolicy>> {
  const teamIds = await teamsActorMayActFor(db, actor, "escalation-policy:read");
  if (teamIds?.length === 0) authorize("escalation-policy:read", actor);
  const rows = await listPolicies(db, actor.orgId, input.limit, decodeCursor(createdAtCursor, input.cursor), teamIds);
  const levels = await loadLevels(db, actor.orgId, rows.map((r) => r.id));
  return toPage(rows, input.limit, (row) => toPolicy({ row, levels: levels.get(row.id) ?? [] }), createdAtPositionOf);
}

/** Refused while a service still names the policy; incidents following it stop escalating. */
export async function deleteEscalationPolicy(db: Db, actor: Actor, input: PolicyIdInput): Promise<void> {
  await transact(db, async (tx) => {
    const policy = await findPolicyForUpdate(tx, actor.orgId, input.policyId);
    if (policy === undefined) throw policyNotFound();
    await authorizeTeamAction(tx, actor, "escalation-policy:manage", policy.team_id);
    const services = await servicesUsingPolicy(tx, actor.orgId, input.policyId);
    if (services.length > 0) {
      throw new AppError("CONFLICT", "Services still use this escalation policy: point them elsewhere first", {
        services: services.map((s) => ({ id: s.id, name: s.name })),
      });
    }
    await deletePolicy(tx, actor.orgId, input.policyId);
    await auditPolicy(tx, actor, "escalation_policy.deleted", { id: policy.id, name: policy.name, teamId: policy.team_id });
  });
}
