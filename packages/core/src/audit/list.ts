import type { AuditLogRow, Db, Tx } from "@incidentops/db";
import { z } from "zod";
import { iso } from "../mapping.js";
import { decodeCursor, toPage, type Page } from "../pagination.js";
import type { Actor } from "../policy.js";
import { isoDateTime } from "../schemas.js";

export const auditActorTypeSchema = z.enum(["user", "api_key", "anonymous"]);

export const auditLogEntrySchema = z.object({
  id: z.uuid(),
  action: z.string().describe("What happened, e.g. notification_target.created or escalation_policy.deleted"),
  actor: z.object({
    type: auditActorTypeSchema,
    id: z.uuid().nullable().describe("The user or API key; null for an anonymous actor"),
  }),
  target: z.object({ type: z.string(), id: z.string() }).nullable().describe("What it was done to, if anything"),
  requestId: z.string().nullable().describe("The x-request-id of the request that did it"),
  ip: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).describe("Details of the action (never a secret)"),
  createdAt: isoDateTime,
});
export type AuditLogEntry = z.infer<typeof auditLogEntrySchema>;

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

// 19 digits can exceed bigint: such a seq must be refused here, not by PostgreSQL (a 500).
const auditCursor = z.object({
  seq: z
    .string()
    .regex(/^\d{1,19}$/)
    .refine((seq) => seq.length < 19 || seq <= "9223372036854775807"),
});

export interface AuditLogQuery {
  action?: string | undefined;
  actorId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * The org's audit log, newest first, keyset-paginated by the log's sequence (stable while new
 * entries are appended). Filters: an exact action, and the acting user or API key.
 */
export async function listAuditLog(db: Db | Tx, actor: Actor, input: AuditLogQuery): Promise<Page<AuditLogEntry>> {
  let query = db.selectFrom("audit_log").selectAll().where("org_id", "=", actor.orgId);
  if (input.action !== undefined) query = query.where("action", "=", input.action);
  if (input.actorId !== undefined) query = query.where("actor_id", "=", input.actorId);
  if (input.cursor !== undefined) query = query.where("seq", "<", decodeCursor(auditCursor, input.cursor).seq);
  const rows = await query.orderBy("seq", "desc").limit(input.limit + 1).execute();
  return toPage(rows, input.limit, toAuditLogEntry, (r) => ({ seq: r.seq }));
}
