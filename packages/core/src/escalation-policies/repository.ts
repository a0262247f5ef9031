import { executeTogether, type Db, type EscalationLevelsTable, type EscalationLevelTargetsTable, type EscalationPolicyRow, type Tx } from "@incidentops/db";
import type { Selectable } from "kysely";
import { sql } from "kysely";
import { newestFirst } from "../keyset.js";
import type { EscalationTarget } from "./schema.js";

export interface EscalationLevel {
  level: number;
  delaySeconds: number;
  targets: EscalationTarget[];
}

export interface PolicyWithLevels {
  row: EscalationPolicyRow;
  levels: EscalationLevel[];
}

/** The statements that read the given policies' levels and their targets, in order. */
function levelsOf(db: Db | Tx, orgId: string, policyIds: readonly string[]) {
  return [
    db.selectFrom("escalation_levels").selectAll().where("org_id", "=", orgId).where("policy_id", "in", policyIds).orderBy("policy_id").orderBy("level"),
    db
      .selectFrom("escalation_level_targets")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("policy_id", "in", policyIds)
      .orderBy("policy_id")
      .orderBy("level")
      .orderBy("position"),
  ] as const;
}

/** Each policy's levels (1-based, in order) with their targets in order, from the rows levelsOf read. */
function levelsByPolicy(
  policyIds: readonly string[],
  levels: readonly Selectable<EscalationLevelsTable>[],
  targets: readonly Selectable<EscalationLevelTargetsTable>[],
): Map<string, EscalationLevel[]> {
  const byPolicy = new Map<string, EscalationLevel[]>(policyIds.map((id) => [id, []]));
  const index = new Map<string, EscalationLevel>();
  for (const l of levels) {
    const level: EscalationLevel = { level: l.level, delaySeconds: l.delay_seconds, targets: [] };
    byPolicy.get(l.policy_id)?.push(level);
    index.set(`${l.policy_id}:${l.level}`, level);
  }
  for (const t of targets) {
    const target = targetOf(t);
    if (target !== undefined) index.get(`${t.policy_id}:${t.level}`)?.targets.push(target);
  }
  return byPolicy;
}

/** Levels (1-based, in order) of the given policies, with their targets in order. */
export async function loadLevels(db: Db | Tx, orgId: string, policyIds: string[]): Promise<Map<string, EscalationLevel[]>> {
  if (policyIds.length === 0) return new Map();
  const [levels, targets] = await executeTogether(db, levelsOf(db, orgId, policyIds));
  return levelsByPolicy(policyIds, levels, targets);
}

/** A stored target as the API shows it (one of its ids is set: a check constraint). */
function targetOf(t: Selectable<EscalationLevelTargetsTable>): EscalationTarget | undefined {
  if (t.user_id !== null) return { type: "user", userId: t.user_id };
  if (t.notification_target_id !== null) return { type: "notification_target", targetId: t.notification_target_id };
  if (t.schedule_id !== null) return { type: "schedule", scheduleId: t.schedule_id };
  if (t.team_id !== null) return { type: "team", teamId: t.team_id, ...(t.team_role === null ? {} : { role: t.team_role }) };
  return undefined;
}

export async function insertPolicy(tx: Tx, policy: { orgId: string; name: string; description: string | null; repeat: number; teamId: string | null }) {
  const row = await tx
    .insertInto("escalation_policies")
    .values({ org_id: policy.orgId, name: policy.name, description: policy.description, repeat: policy.repeat, team_id: policy.teamId })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sets the policy's own fields; false when there is no such policy. */
export async function updatePolicy(
  tx: Tx,
  orgId: string,
  policyId: string,
  fields: { name: string; description: string | null; repeat: number; teamId: string | null },
): Promise<boolean> {
  const { teamId, ...rest } = fields;
  const row = await tx
    .updateTable("escalation_policies")
    .set({ ...rest, team_id: teamId, updated_at: new Date() })
    .where("org_id", "=", orgId)
    .where("id", "=", policyId)
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export function findPolicyForUpdate(tx: Tx, orgId: string, policyId: string) {
  return tx
    .selectFrom("escalation_policies")
    .select(["id", "name", "team_id"])
    .where("org_id", "=", orgId)
    .where("id", "=", policyId)
    .forUpdate()
    .executeTakeFirst();
}

/** Whether the org has the policy, locked FOR KEY SHARE when it does (see findTeamForKeyShare). */
export async function policyExistsForKeyShare(tx: Tx, orgId: string, policyId: string): Promise<boolean> {
  const row = await tx.selectFrom("escalation_policies").select("id").where("org_id", "=", orgId).where("id", "=", policyId).forKeyShare().executeTakeFirst();
  return row !== undefined;
}

export async function deletePolicy(tx: Tx, orgId: string, policyId: string): Promise<void> {
  await tx.deleteFrom("escalation_policies").where("org_id", "=", orgId).where("id", "=", policyId).execute();
}

/** The services that follow the policy (they keep it from being deleted). */
export function servicesUsingPolicy(tx: Tx, orgId: string, policyId: string) {
  return tx.selectFrom("services").select(["id", "name"]).where("org_id", "=", orgId).where("escalation_policy_id", "=", policyId).execute();
}

/** Which of `ids` are the org's rows of `table` (schedules, teams, services), locked FOR KEY SHARE (see findTeamForKeyShare). */
export async function orgRowIdsAmong(tx: Tx, table: "schedules" | "teams" | "services", orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.selectFrom(table).select("id").where("org_id", "=", orgId).where("id", "in", ids).forKeyShare().execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Which of `targetIds` are notification targets of the org (not deleted), locked FOR KEY SHARE
 * (see findTeamForKeyShare): a delete locks its target FOR UPDATE, so one of the two waits.
 */
export async function targetIdsAmong(tx: Tx, orgId: string, targetIds: string[]): Promise<Set<string>> {
  if (targetIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom("notification_targets")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "in", targetIds)
    .where("deleted_at", "is", null)
    .forKeyShare()
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Takes a notification target out of every escalation level it is in (it is being deleted). */
export async function removeTargetFromLevels(tx: Tx, orgId: string, targetId: string): Promise<void> {
  await tx.deleteFrom("escalation_level_targets").where("org_id", "=", orgId).where("notification_target_id", "=", targetId).execute();
}

/** A page of the org's policies (without their levels: see loadLevels), newest first; with `teamIds`, only theirs. */
export function listPolicies(db: Db | Tx, orgId: string, limit: number, after: { createdAt: string; id: string } | undefined, teamIds: string[] | null) {
  let query = db.selectFrom("escalation_policies").selectAll().where("org_id", "=", orgId);
  if (teamIds !== null) query = teamIds.length === 0 ? query.where(sql<boolean>`false`) : query.where("team_id", "in", teamIds);
  return newestFirst(query, limit, after).execute();
}

/** The policy with its levels, read in one message in a transaction (executeTogether). */
export async function findPolicy(db: Db | Tx, orgId: string, policyId: string): Promise<PolicyWithLevels | undefined> {
  const policy = db.selectFrom("escalation_policies").selectAll().where("org_id", "=", orgId).where("id", "=", policyId);
  const [[row], levels, targets] = await executeTogether(db, [policy, ...levelsOf(db, orgId, [policyId])]);
  return row === undefined ? undefined : { row, levels: levelsByPolicy([policyId], levels, targets).get(policyId) ?? [] };
}

/** Replaces a policy's levels and their targets with `levels` (numbered from 1 in order). */
export async function replaceLevels(
  tx: Tx,
  orgId: string,
  policyId: string,
  levels: { delaySeconds: number; targets: EscalationTarget[] }[],
): Promise<void> {
  await tx.deleteFrom("escalation_levels").where("org_id", "=", orgId).where("policy_id", "=", policyId).execute();
  if (levels.length === 0) return;
  await tx
    .insertInto("escalation_levels")
    .values(levels.map((l, i) => ({ org_id: orgId, policy_id: policyId, level: i + 1, delay_seconds: l.delaySeconds })))
    .execute();
  const targets = levels.flatMap((l, i) =>
    l.targets.map((t, position) => ({
      org_id: orgId,
      policy_id: policyId,
      level: i + 1,
      position,
      user_id: t.type === "user" ? t.userId : null,
      notification_target_id: t.type === "notification_target" ? t.targetId : null,
      schedule_id: t.type === "schedule" ? t.scheduleId : null,
      team_id: t.type === "team" ? t.teamId : null,
      team_role: t.type === "team" ? (t.role ?? null) : null,
    })),
  );
  if (targets.length > 0) await tx.insertInto("escalation_level_targets").values(targets).execute();
}

/** How many escalation steps a policy has: its levels, run through `repeat` times. */
export async function escalationStepCount(db: Db | Tx, orgId: string, policyId: string): Promise<number> {
  const row = await db
    .selectFrom("escalation_policies")
    .leftJoin("escalation_levels", (join) =>
      join.onRef("escalation_levels.org_id", "=", "escalation_policies.org_id").onRef("escalation_levels.policy_id", "=", "escalation_policies.id"),
    )
    .select((eb) => ["escalation_policies.repeat", eb.fn.count<string>("escalation_levels.level").as("levels")])
    .where("escalation_policies.org_id", "=", orgId)
    .where("escalation_policies.id", "=", policyId)
    .groupBy("escalation_policies.repeat")
    .executeTakeFirst();
  return row === undefined ? 0 : row.repeat * Number(row.levels);
}

/** The org's policies among `ids` (all of them: null), with their levels, by name. */
export async function findPolicies(db: Db | Tx, orgId: string, ids: readonly string[] | null): Promise<PolicyWithLevels[]> {
  let query = db.selectFrom("escalation_policies").selectAll().where("org_id", "=", orgId);
  if (ids !== null) query = ids.length === 0 ? query.where(sql<boolean>`false`) : query.where("id", "in", ids);
  const rows = await query.orderBy("name").orderBy("id").execute();
  const levels = await loadLevels(db, orgId, rows.map((r) => r.id));
  return rows.map((row) => ({ row, levels: levels.get(row.id) ?? [] }));
}
