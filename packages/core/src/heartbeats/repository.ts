import type { Db, Tx } from "@incidentops/db";
import { sql } from "kysely";

/** The moment a ping is due: an interval after the last ping, or after creation. */
const DUE_AT = sql<Date>`coalesce(last_ping_at, created_at) + make_interval(secs => interval_seconds)`;

/** A service's heartbeats, newest first (a service has a handful). */
export function listHeartbeats(db: Db | Tx, orgId: string, serviceId: string) {
  return db
    .selectFrom("heartbeat_monitors")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("service_id", "=", serviceId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export function findHeartbeat(db: Db | Tx, orgId: string, serviceId: string, id: string) {
  return db.selectFrom("heartbeat_monitors").selectAll().where("org_id", "=", orgId).where("service_id", "=", serviceId).where("id", "=", id).executeTakeFirst();
}

export function insertHeartbeat(tx: Tx, heartbeat: { orgId: string; serviceId: string; name: string; intervalSeconds: number; token: string; createdBy: string | null }) {
  return tx
    .insertInto("heartbeat_monitors")
    .values({
      org_id: heartbeat.orgId,
      service_id: heartbeat.serviceId,
      name: heartbeat.name,
      interval_seconds: heartbeat.intervalSeconds,
      token: heartbeat.token,
      created_by: heartbeat.createdBy,
      created_at: sql<Date>`date_trunc('milliseconds', now())`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets the given fields (undefined: unchanged); undefined when there is no such heartbeat. */
export function updateHeartbeat(tx: Tx, orgId: string, serviceId: string, id: string, changes: { name?: string | undefined; intervalSeconds?: number | undefined }) {
  return tx
    .updateTable("heartbeat_monitors")
    .set({
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.intervalSeconds === undefined ? {} : { interval_seconds: changes.intervalSeconds }),
      updated_at: sql<Date>`now()`,
    })
    .where("org_id", "=", orgId)
    .where("service_id", "=", serviceId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
}

export function deleteHeartbeat(tx: Tx, orgId: string, serviceId: string, id: string) {
  return tx.deleteFrom("heartbeat_monitors").where("org_id", "=", orgId).where("service_id", "=", serviceId).where("id", "=", id).returning(["id", "name"]).executeTakeFirst();
}

export interface PingedHeartbeat {
  org_id: string;
  id: string;
  service_id: string;
  name: string;
  interval_seconds: number;
  last_ping_at: Date;
  was_expired_at: Date | null;
}

/**
 * Records a ping of the heartbeat the token names, in one statement (migration 0076): the
 * transaction ends up in its org's scope, the row locked until it commits. Undefined: no such token.
 */
export async function pingHeartbeat(tx: Tx, token: string): Promise<PingedHeartbeat | undefined> {
  const { rows } = await sql<PingedHeartbeat>`SELECT * FROM app_ping_heartbeat(${token})`.execute(tx);
  return rows[0];
}

/**
 * Marks the heartbeat expired if its ping is overdue now and it was not already; the row, or
 * undefined when a ping came in time (or the heartbeat is gone, or already expired).
 */
export function expireIfOverdue(tx: Tx, orgId: string, id: string) {
  return tx
    .updateTable("heartbeat_monitors")
    .set({ expired_at: sql<Date>`date_trunc('milliseconds', now())` })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("expired_at", "is", null)
    .where(sql<boolean>`${DUE_AT} <= now()`)
    .returningAll()
    .executeTakeFirst();
}
