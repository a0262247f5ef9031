import type { AuditActorType, Db, Tx } from "@incidentops/db";

export interface AuditValues {
  orgId: string | null;
  actorType: AuditActorType;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  ip: string | null;
  data: Record<string, unknown>;
}

export async function insertAuditEntry(db: Db | Tx, entry: AuditValues): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      org_id: entry.orgId,
      actor_type: entry.actorType,
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      request_id: entry.requestId,
      ip: entry.ip,
      data: JSON.stringify(entry.data),
    })
    .execute();
}

/** Newest first, by the log's sequence: stable while entries are appended. */
export function listAuditEntries(
  db: Db | Tx,
  orgId: string,
  filter: { action?: string | undefined; actorId?: string | undefined },
  limit: number,
  beforeSeq: string | undefined,
) {
  let query = db.selectFrom("audit_log").selectAll().where("org_id", "=", orgId);
  if (filter.action !== undefined) query = query.where("action", "=", filter.action);
  if (filter.actorId !== undefined) query = query.where("actor_id", "=", filter.actorId);
  if (beforeSeq !== undefined) query = query.where("seq", "<", beforeSeq);
  return query.orderBy("seq", "desc").limit(limit + 1).execute();
}
