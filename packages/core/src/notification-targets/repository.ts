import type { Db, IncidentSeverity, NotificationTargetType, Tx } from "@incidentops/db";
import { newestFirst } from "../keyset.js";

export function insertTarget(
  tx: Tx,
  target: {
    orgId: string;
    name: string;
    type: NotificationTargetType;
    config: Record<string, string>;
    secret: string;
    enabled: boolean | undefined;
    eventKinds: string[] | null;
    minSeverity: IncidentSeverity | null;
  },
) {
  return tx
    .insertInto("notification_targets")
    .values({
      org_id: target.orgId,
      name: target.name,
      type: target.type,
      config: JSON.stringify(target.config),
      secret: target.secret,
      enabled: target.enabled,
      event_kinds: target.eventKinds,
      min_severity: target.minSeverity,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listTargets(db: Db | Tx, orgId: string, limit: number, after: { createdAt: string; id: string } | undefined) {
  return newestFirst(db.selectFrom("notification_targets").selectAll().where("org_id", "=", orgId), limit, after).execute();
}

export function findTarget(db: Db | Tx, orgId: string, targetId: string) {
  return db.selectFrom("notification_targets").selectAll().where("org_id", "=", orgId).where("id", "=", targetId).executeTakeFirst();
}

export function findTargetForUpdate(tx: Tx, orgId: string, targetId: string) {
  return tx
    .selectFrom("notification_targets")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", targetId)
    .forUpdate()
    .executeTakeFirst();
}

/** Sets the given fields (undefined: unchanged). */
export function updateTarget(
  tx: Tx,
  orgId: string,
  targetId: string,
  changes: {
    name?: string | undefined;
    enabled?: boolean | undefined;
    config?: Record<string, string> | undefined;
    eventKinds?: string[] | null | undefined;
    minSeverity?: IncidentSeverity | null | undefined;
  },
) {
  return tx
    .updateTable("notification_targets")
    .set({
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.enabled === undefined ? {} : { enabled: changes.enabled }),
      ...(changes.config === undefined ? {} : { config: JSON.stringify(changes.config) }),
      ...(changes.eventKinds === undefined ? {} : { event_kinds: changes.eventKinds }),
      ...(changes.minSeverity === undefined ? {} : { min_severity: changes.minSeverity }),
      updated_at: new Date(),
    })
    .where("org_id", "=", orgId)
    .where("id", "=", targetId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes the target (its delivery history and escalation-level entries go with it). */
export function deleteTarget(tx: Tx, orgId: string, targetId: string) {
  return tx
    .deleteFrom("notification_targets")
    .where("org_id", "=", orgId)
    .where("id", "=", targetId)
    .returning(["id", "name", "type"])
    .executeTakeFirst();
}

export function setSigningSecret(tx: Tx, orgId: string, targetId: string, secret: string) {
  return tx
    .updateTable("notification_targets")
    .set({ secret, updated_at: new Date() })
    .where("org_id", "=", orgId)
    .where("id", "=", targetId)
    .returningAll()
    .executeTakeFirst();
}
