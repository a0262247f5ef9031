import type { Db, Tx } from "@incidentops/db";
import { sql } from "kysely";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TINY_PATTERN = /^[1-9][0-9]{0,15}$/;

/** An incident as an Opsgenie request names it: its id and alias (dedup key). */
export interface NamedIncident {
  id: string;
  dedup_key: string | null;
}

/** The service's incident with this id (any other string names none). */
export async function findServiceIncidentById(tx: Tx, orgId: string, serviceId: string, id: string): Promise<NamedIncident | undefined> {
  if (!UUID_PATTERN.test(id)) return undefined;
  return tx.selectFrom("incidents").select(["id", "dedup_key"]).where("org_id", "=", orgId).where("service_id", "=", serviceId).where("id", "=", id).executeTakeFirst();
}

/** The service's incident with this tiny id. */
export async function findServiceIncidentByTinyId(tx: Tx, orgId: string, serviceId: string, tinyId: string): Promise<NamedIncident | undefined> {
  if (!TINY_PATTERN.test(tinyId)) return undefined;
  return tx
    .selectFrom("incident_tiny_ids as t")
    .innerJoin("incidents as i", (join) => join.onRef("i.org_id", "=", "t.org_id").onRef("i.id", "=", "t.incident_id"))
    .select(["i.id", "i.dedup_key"])
    .where("t.org_id", "=", orgId)
    .where("t.tiny_id", "=", tinyId)
    .where("i.service_id", "=", serviceId)
    .executeTakeFirst();
}

/** The service's incident with this alias (dedup key): the open one, else the latest. */
export function findServiceIncidentByAlias(tx: Tx, orgId: string, serviceId: string, alias: string): Promise<NamedIncident | undefined> {
  return tx
    .selectFrom("incidents")
    .select(["id", "dedup_key"])
    .where("org_id", "=", orgId)
    .where("service_id", "=", serviceId)
    .where("dedup_key", "=", alias)
    .orderBy(sql`status = 'resolved'`)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function findTinyId(tx: Tx, orgId: string, incidentId: string): Promise<string | undefined> {
  const row = await tx.selectFrom("incident_tiny_ids").select("tiny_id").where("org_id", "=", orgId).where("incident_id", "=", incidentId).executeTakeFirst();
  return row?.tiny_id;
}

/**
 * Gives the incident the org's next tiny id unless it has one. The org's numbering is serialised
 * by a transaction-level advisory lock, held only by this statement's transaction.
 */
export async function assignTinyId(tx: Tx, orgId: string, incidentId: string): Promise<string> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`incident_tiny_ids:${orgId}`}, 0))`.execute(tx);
  await sql`
    INSERT INTO incident_tiny_ids (org_id, incident_id, tiny_id)
    SELECT ${orgId}, ${incidentId}, coalesce(max(tiny_id), 0) + 1 FROM incident_tiny_ids WHERE org_id = ${orgId}
    ON CONFLICT (org_id, incident_id) DO NOTHING`.execute(tx);
  const tinyId = await findTinyId(tx, orgId, incidentId);
  if (tinyId === undefined) throw new Error("a tiny id was just assigned");
  return tinyId;
}

export function insertOpsgenieRequest(
  tx: Tx,
  request: {
    orgId: string;
    id: string;
    integrationId: string;
    action: string;
    isSuccess: boolean;
    status: string;
    alertId: string | null;
    alias: string | null;
  },
) {
  return tx
    .insertInto("opsgenie_requests")
    .values({
      org_id: request.orgId,
      id: request.id,
      integration_id: request.integrationId,
      action: request.action,
      is_success: request.isSuccess,
      status: request.status,
      alert_id: request.alertId,
      alias: request.alias,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes the org's request outcomes processed before `before`. */
export async function deleteOpsgenieRequestsBefore(tx: Tx, orgId: string, before: Date): Promise<void> {
  await tx.deleteFrom("opsgenie_requests").where("org_id", "=", orgId).where("processed_at", "<", before).execute();
}

/** A request of the integration processed since `since`, with the tiny id of its incident. */
export function findOpsgenieRequest(db: Db | Tx, request: { orgId: string; integrationId: string; id: string; since: Date }) {
  if (!UUID_PATTERN.test(request.id)) return Promise.resolve(undefined);
  return db
    .selectFrom("opsgenie_requests as r")
    .leftJoin("incident_tiny_ids as t", (join) => join.onRef("t.org_id", "=", "r.org_id").onRef("t.incident_id", "=", "r.alert_id"))
    .selectAll("r")
    .select("t.tiny_id")
    .where("r.org_id", "=", request.orgId)
    .where("r.integration_id", "=", request.integrationId)
    .where("r.id", "=", request.id)
    .where("r.processed_at", ">=", request.since)
    .executeTakeFirst();
}
