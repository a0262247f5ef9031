import type { Db, Tx } from "@incidentops/db";
import { auditAction } from "../audit/service.js";
import { requireService } from "../catalog/service.js";
import { isoOrNull } from "../mapping.js";
import { actorUserId, type Actor } from "../policy.js";
import type { ServiceIdInput } from "../catalog/schema.js";
import { transact } from "../scope.js";
import { deleteServicePolicy as deleteServicePolicyRow, findPolicy, upsertPolicy } from "./repository.js";
import {
  NO_SLA_TARGETS,
  slaTargetsSchema,
  type PutServiceSlaPolicyInput,
  type PutSlaPolicyInput,
  type ServiceSlaPolicy,
  type SlaPolicy,
  type SlaPolicyInput,
  type SlaTargets,
} from "./schema.js";

// SLA policies: what the org (or one service) promises per severity. A change applies to incidents
// opened, or given another severity, after it: running deadlines are not moved by a new policy.

const toPolicy = (row: { targets: Record<string, unknown>; warn_at_percent: number | null; updated_at: Date } | undefined): SlaPolicy =>
  row === undefined
    ? { ...NO_SLA_TARGETS, warnAtPercent: null, updatedAt: null }
    : { ...slaTargetsSchema.parse(row.targets), warnAtPercent: row.warn_at_percent, updatedAt: isoOrNull(row.updated_at) };

const targetsOf = (input: SlaTargets): SlaTargets => ({ sev1: input.sev1, sev2: input.sev2, sev3: input.sev3, sev4: input.sev4 });

/** Sets the policy `serviceId` names (null: the org's), with its audit entry. */
async function setPolicy(tx: Tx, actor: Actor, serviceId: string | null, input: SlaPolicyInput) {
  const targets = targetsOf(input);
  const { warnAtPercent } = input;
  const row = await upsertPolicy(tx, { orgId: actor.orgId, serviceId, targets, warnAtPercent, updatedBy: actorUserId(actor) });
  await auditAction(tx, actor, {
    action: "sla_policy.updated",
    targetType: serviceId === null ? "org" : "service",
    targetId: serviceId ?? actor.orgId,
    data: { targets, warnAtPercent },
  });
  return toPolicy(row);
}

export async function getOrgPolicy(db: Db, actor: Actor): Promise<SlaPolicy> {
  return toPolicy(await findPolicy(db, actor.orgId, null));
}

export async function putOrgPolicy(db: Db, actor: Actor, input: PutSlaPolicyInput): Promise<SlaPolicy> {
  return transact(db, (tx) => setPolicy(tx, actor, null, input));
}

/** The policy the service's incidents get: its override, else the org's. */
async function effectivePolicy(db: Db, actor: Actor, serviceId: string): Promise<ServiceSlaPolicy> {
  const own = await findPolicy(db, actor.orgId, serviceId);
  if (own !== undefined) return { ...toPolicy(own), serviceId, source: "service" };
  return { ...toPolicy(await findPolicy(db, actor.orgId, null)), serviceId, source: "org" };
}

export async function getServicePolicy(db: Db, actor: Actor, input: ServiceIdInput): Promise<ServiceSlaPolicy> {
  await requireService(db, actor, input.serviceId);
  return effectivePolicy(db, actor, input.serviceId);
}

/** Gives the service its own policy, replacing the org's for its incidents. */
export async function putServicePolicy(db: Db, actor: Actor, input: PutServiceSlaPolicyInput): Promise<ServiceSlaPolicy> {
  return transact(db, async (tx) => {
    await requireService(tx, actor, input.serviceId);
    return { ...(await setPolicy(tx, actor, input.serviceId, input)), serviceId: input.serviceId, source: "service" };
  });
}

/** Drops the service's own policy: its incidents get the org's again. */
export async function deleteServicePolicy(db: Db, actor: Actor, input: ServiceIdInput): Promise<ServiceSlaPolicy> {
  return transact(db, async (tx) => {
    await requireService(tx, actor, input.serviceId);
    if (await deleteServicePolicyRow(tx, actor.orgId, input.serviceId)) {
      await auditAction(tx, actor, { action: "sla_policy.removed", targetType: "service", targetId: input.serviceId });
    }
    return effectivePolicy(tx, actor, input.serviceId);
  });
}
