import { transact } from "../scope.js";
import type { Db, Tx } from "@incidentops/db";
import { AppError, notFound } from "../errors.js";
import { iso } from "../mapping.js";
import { createdAtCursor, decodeCursor, toPage, type Page } from "../pagination.js";
import { olderThan } from "../keyset.js";
import type { Actor } from "../policy.js";
import { auditAction } from "../audit/record.js";
import type { EscalationPolicy } from "../schemas.js";
import { findPolicy, loadLevels, replaceLevels, type EscalationTarget, type PolicyWithLevels } from "./repository.js";

export interface EscalationPolicyInput {
  name: string;
  description?: string | undefined;
  repeat?: number | undefined;
  levels: { delaySeconds: number; targets: EscalationTarget[] }[];
}

const toPolicy = ({ row, levels }: PolicyWithLevels): EscalationPolicy => ({
  id: row.id,
  name: row.name,
  description: row.description,
  repeat: row.repeat,
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
  policy: { id: string; name: string; repeat?: number; levels?: unknown[] },
) {
  const { id, ...data } = policy;
  return auditAction(tx, actor, { action, targetType: "escalation_policy", targetId: id, data });
}

/** A policy as recorded in the audit log: its settings and levels, with every target. */
const auditedPolicy = (policy: EscalationPolicy) => ({
  id: policy.id,
  name: policy.name,
  repeat: policy.repeat,
  levels: policy.levels,
});

/** Every user target must be a member and every notification target must exist, in this org. */
async function checkTargets(tx: Tx, orgId: string, levels: EscalationPolicyInput["levels"]): Promise<void> {
  const userIds = [...new Set(levels.flatMap((l) => l.targets.flatMap((t) => (t.type === "user" ? [t.userId] : []))))];
  const targetIds = [
    ...new Set(levels.flatMap((l) => l.targets.flatMap((t) => (t.type === "notification_target" ? [t.targetId] : [])))),
  ];
  const members = new Set(
    userIds.length === 0
      ? []
      : (
          await tx.selectFrom("org_members").select("user_id").where("org_id", "=", orgId).where("user_id", "in", userIds).execute()
        ).map((r) => r.user_id),
  );
  const targets = new Set(
    targetIds.length === 0
      ? []
      : (
          await tx.selectFrom("notification_targets").select("id").where("org_id", "=", orgId).where("id", "in", targetIds).execute()
        ).map((r) => r.id),
  );
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

export async function createEscalationPolicy(db: Db, actor: Actor, input: EscalationPolicyInput): Promise<EscalationPolicy> {
  return transact(db, async (tx) => {
    await checkTargets(tx, actor.orgId, input.levels);
    const row = await tx
      .insertInto("escalation_policies")
      .values({ org_id: actor.orgId, name: input.name, description: input.description ?? null, repeat: input.repeat })
      .returning("id")
      .executeTakeFirstOrThrow();
    await replaceLevels(tx, actor.orgId, row.id, input.levels);
    const policy = await findPolicy(tx, actor.orgId, row.id);
    if (policy === undefined) throw policyNotFound();
    const created = toPolicy(policy);
    await auditPolicy(tx, actor, "escalation_policy.created", auditedPolicy(created));
    return created;
  });
}

/** PUT semantics: the policy becomes exactly `input`, levels included. */
export async function replaceEscalationPolicy(
  db: Db,
  actor: Actor,
  policyId: string,
  input: EscalationPolicyInput,
): Promise<EscalationPolicy> {
  return transact(db, async (tx) => {
    const updated = await tx
      .updateTable("escalation_policies")
      .set({ name: input.name, description: input.description ?? null, repeat: input.repeat ?? 1, updated_at: new Date() })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", policyId)
      .returning("id")
      .executeTakeFirst();
    if (updated === undefined) throw policyNotFound();
    await checkTargets(tx, actor.orgId, input.levels);
    await replaceLevels(tx, actor.orgId, policyId, input.levels);
    const policy = await findPolicy(tx, actor.orgId, policyId);
    if (policy === undefined) throw policyNotFound();
    const replaced = toPolicy(policy);
    await auditPolicy(tx, actor, "escalation_policy.replaced", auditedPolicy(replaced));
    return replaced;
  });
}

export async function getEscalationPolicy(db: Db, actor: Actor, policyId: string): Promise<EscalationPolicy> {
  const policy = await findPolicy(db, actor.orgId, policyId);
  if (policy === undefined) throw policyNotFound();
  return toPolicy(policy);
}

export async function listEscalationPolicies(
  db: Db,
  actor: Actor,
  input: { cursor?: string | undefined; limit: number },
): Promise<Page<EscalationPolicy>> {
  let query = db.selectFrom("escalation_policies").selectAll().where("org_id", "=", actor.orgId);
  if (input.cursor !== undefined) query = query.where(olderThan(decodeCursor(createdAtCursor, input.cursor)));
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(input.limit + 1).execute();
  const levels = await loadLevels(db, actor.orgId, rows.map((r) => r.id));
  return toPage(
    rows,
    input.limit,
    (row) => toPolicy({ row, levels: levels.get(row.id) ?? [] }),
    (r) => ({ createdAt: iso(r.created_at), id: r.id }),
  );
}

/** Refused while a service still names the policy; incidents following it stop escalating. */
export async function deleteEscalationPolicy(db: Db, actor: Actor, policyId: string): Promise<void> {
  await transact(db, async (tx) => {
    const policy = await tx
      .selectFrom("escalation_policies")
      .select(["id", "name"])
      .where("org_id", "=", actor.orgId)
      .where("id", "=", policyId)
      .forUpdate()
      .executeTakeFirst();
    if (policy === undefined) throw policyNotFound();
    const users = await tx
      .selectFrom("services")
      .select(["id", "name"])
      .where("org_id", "=", actor.orgId)
      .where("escalation_policy_id", "=", policyId)
      .execute();
    if (users.length > 0) {
      throw new AppError("CONFLICT", "Services still use this escalation policy: point them elsewhere first", {
        services: users.map((s) => ({ id: s.id, name: s.name })),
      });
    }
    await tx.deleteFrom("escalation_policies").where("org_id", "=", actor.orgId).where("id", "=", policyId).execute();
    await auditPolicy(tx, actor, "escalation_policy.deleted", policy);
  });
}
