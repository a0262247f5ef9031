import type { AuditActorType, AuditLogRow, Db, Tx } from "@incidentops/db";
import { iso } from "../mapping.js";
import { decodeCursor, seqCursor, toPage, type Page } from "../pagination.js";
import type { Actor } from "../policy.js";
import { insertAuditEntry, listAuditEntries } from "./repository.js";
import type { AuditLogEntry, ListAuditLogInput } from "./schema.js";

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
export function recordAudit(db: Db | Tx, source: AuditSource, entry: AuditEntry): Promise<void> {
  return insertAuditEntry(db, {
    ...source,
    orgId: entry.orgId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    data: entry.data ?? {},
  });
}

/** Records what an authenticated actor did in their org. */
export const auditAction = (db: Db | Tx, actor: Actor, entry: Omit<AuditEntry, "orgId">) =>
  recordAudit(db, auditSourceOf(actor), { ...entry, orgId: actor.orgId });

export function toAuditLogEntry(row: AuditLogRow): AuditLogEntry {
  return {
    id: row.id,
    action: row.action,
    actor: { type: row.actor_type, id: row.actor_id },
    target: row.target_type === null || row.target_id === null ? null : { type: row.target_type, id: row.target_id },
    requestId: row.request_id,
    ip: row.ip,
    data: row.data,
    createdAt: iso(row.created_at),
  };
}

/**
 * The org's audit log, newest first, keyset-paginated by the log's sequence (stable while new
 * entries are appended). Filters: an exact action, and the acting user or API key.
 */
export async function listAuditLog(db: Db | Tx, actor: Actor, input: ListAuditLogInput): Promise<Page<AuditLogEntry>> {
  const beforeSeq = input.cursor === undefined ? undefined : decodeCursor(seqCursor, input.cursor).seq;
  const rows = await listAuditEntries(db, actor.orgId, input, input.limit, beforeSeq);
  return toPage(rows, input.limit, toAuditLogEntry, (r) => ({ seq: r.seq }));
}
