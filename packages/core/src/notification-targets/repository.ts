import type { Db, IncidentSeverity, NotificationTargetType, Tx } from "@incidentops/db";
import { sql } from "kysely";
import { newestFirst } from "../keyset.js";

/** The org's targets that were not deleted (a deleted one is kept only for its delivery history). */
const liveTargets = (db: Db | Tx, orgId: string) => db.selectFrom("notification_targets").where("org_id", "=", orgId).where("deleted_at", "is", null);

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
    serviceIds: string[] | null;
    teamIds: string[] | null;
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
      service_ids: target.serviceIds,
      team_ids: target.teamIds,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listTargets(db: Db | Tx, orgId: string, limit: number, after: { createdAt: string; id: string } | undefined) {
  return newestFirst(liveTargets(db, orgId).selectAll(), limit, after).execute();
}

export function findTarget(db: Db | Tx, orgId: string, targetId: string) {
  return liveTargets(db, orgId).selectAll().where("id", "=", targetId).executeTakeFirst();
}

/** Locked FOR UPDATE, which waits for (and holds off) a policy taking it into a level (FOR KEY SHARE). */
export function findTargetForUpdate(tx: Tx, orgId: string, targetId: string) {
  return liveTargets(tx, orgId).selectAll().where("id", "=", targetId).forUpdate().executeTakeFirst();
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
    serviceIds?: string[] | null | undefined;
    teamIds?: string[] | null | undefined;
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
      ...(changes.serviceIds === undefined ? {} : { service_ids: changes.serviceIds }),
      ...(changes.teamIds === undefined ? {} : { team_ids: changes.teamIds }),
      updated_at: new Date(),
    })
    .where("org_id", "=", orgId)
    .where("id", "=", targetId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Marks the target (locked: findTargetForUpdate) deleted and disabled, erasing its credentials
 * (config and signing secret); its row stays for the delivery history that names it.
 */
export async function markTargetDeleted(tx: Tx, orgId: string, targetId: string): Promise<void> {
  await tx
    .updateTable("notification_targets")
    .set({ deleted_at: sql<Date>`now()`, enabled: false, config: "{}", secret: "", updated_at: sql<Date>`now()` })
    .where("org_id", "=", orgId)
    .where("id", "=", targetId)
    .execute();
}

export function setSigningSecret(tx: Tx, orgId: string, targetId: string, secret: string) {
  return tx
    .updateTable("notification_targets")
    .set({ secret, updated_at: new Date() })
    .where("org_id", "=", orgId)
    .where("id", "=", targetId)
    .where("deleted_at", "is", null)
    .returningAll()
    .executeTakeFirst();
}
