import type { AuditActorType, Db, Tx } from "@incidentops/db";
import type { Actor } from "../policy.js";

/** Who did it and from where, as the audit log records it. */
export interface AuditSource {
  actorType: AuditActorType;
  actorId: string | null;
  requestId: string | null;
  ip: string | null;
}

export const auditSourceOf = (actor: Actor): AuditSource => ({
  actorType: actor.kind,
  actorId: actor.kind === "user" ? actor.userId : actor.apiKeyId,
  requestId: actor.requestId,
  ip: actor.ip,
});

export interface AuditEntry {
  /** Null only for events tied to no org, such as a failed login for an unknown email. */
  orgId: string | null;
  action: string;
  targetType?: string | undefined;
  targetId?: string | undefined;
  data?: Record<string, unknown> | undefined;
}

/**
 * Appends to the audit log, in the caller's transaction so the entry commits with the change.
 * Row-level security requires the transaction's org scope to be the entry's org (or none).
 */
export async function recordAudit(db: Db | Tx, source: AuditSource, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      org_id: entry.orgId,
      actor_type: source.actorType,
      actor_id: source.actorId,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      request_id: source.requestId,
      ip: source.ip,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute();
}

/** Records what an authenticated actor did in their org. */
export const auditAction = (db: Db | Tx, actor: Actor, entry: Omit<AuditEntry, "orgId">) =>
  recordAudit(db, auditSourceOf(actor), { ...entry, orgId: actor.orgId });
