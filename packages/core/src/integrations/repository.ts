import { executeKeyed, type Db, type IntegrationKeyRow, type Tx } from "@incidentops/db";
import { sql } from "kysely";
import { windowTake } from "../rate-limit/repository.js";

/** Newest first; a service has a handful. */
export function listIntegrationKeys(db: Db | Tx, orgId: string, serviceId: string) {
  return db
    .selectFrom("integration_keys")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("service_id", "=", serviceId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export function insertIntegrationKey(
  db: Db | Tx,
  key: { orgId: string; serviceId: string; name: string; routingKey: string; createdBy: string | null },
) {
  return db
    .insertInto("integration_keys")
    .values({ org_id: key.orgId, service_id: key.serviceId, name: key.name, routing_key: key.routingKey, created_by: key.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes the service's key; false when there is none. */
export async function deleteIntegrationKey(db: Db | Tx, orgId: string, serviceId: string, integrationId: string): Promise<boolean> {
  const deleted = await db
    .deleteFrom("integration_keys")
    .where("org_id", "=", orgId)
    .where("service_id", "=", serviceId)
    .where("id", "=", integrationId)
    .returning("id")
    .executeTakeFirst();
  return deleted !== undefined;
}

/** Sets the settings given (undefined: unchanged); undefined when the service has no such integration. */
export function updateIntegrationSettings(
  db: Db | Tx,
  orgId: string,
  serviceId: string,
  integrationId: string,
  settings: { grouping?: "group" | "alert" | undefined; signingSecret?: string | null | undefined; mapping?: Record<string, unknown> | null | undefined },
) {
  const values = {
    ...(settings.grouping === undefined ? {} : { grouping: settings.grouping }),
    ...(settings.signingSecret === undefined ? {} : { signing_secret: settings.signingSecret }),
    ...(settings.mapping === undefined ? {} : { mapping: settings.mapping === null ? null : JSON.stringify(settings.mapping) }),
  };
  if (Object.keys(values).length === 0) {
    return db.selectFrom("integration_keys").selectAll().where("org_id", "=", orgId).where("service_id", "=", serviceId).where("id", "=", integrationId).executeTakeFirst();
  }
  return db
    .updateTable("integration_keys")
    .set(values)
    .where("org_id", "=", orgId)
    .where("service_id", "=", serviceId)
    .where("id", "=", integrationId)
    .returningAll()
    .executeTakeFirst();
}

/**
 * The integration a routing key names, with the scope entered for its org (app_enter_integration_scope):
 * to the end of the caller's transaction, or of this statement alone on a pool.
 */
export async function enterIntegrationScopeByRoutingKey(db: Db | Tx, routingKey: string) {
  const { rows } = await sql<PresentedIntegration>`SELECT ${presentedColumns} FROM app_enter_integration_scope(${routingKey})`.execute(db);
  return rows[0];
}

/** What an alert's routing key finds out about its integration. */
export type PresentedIntegration = Pick<IntegrationKeyRow, "org_id" | "service_id" | "id" | "grouping" | "signing_secret" | "mapping">;

const presentedColumns = sql.raw("org_id, service_id, id, grouping, signing_secret, mapping");

/**
 * As enterIntegrationScopeByRoutingKey, on a pool, and in the same statement takes `count` hits
 * from the integration's rate-limit window (key: `counterPrefix` and its id) if they fit under
 * `limit` (takeFromWindow): the lookup and the take are one round trip. Nothing is counted for a
 * key that names no integration. Keyed (the integration by its routing key, the counter by its
 * key and window), so it runs prepared (executeKeyed), planned once per connection.
 */
export async function enterIntegrationScopeTaking(
  db: Db,
  routingKey: string,
  take: { counterPrefix: string; windowMs: number; count: number; limit: number },
): Promise<(PresentedIntegration & { taken: boolean }) | undefined> {
  // An integration with a signing secret counts nothing here: the routes admitting alerts this way refuse it (refuseUnsignedRoute).
  const counted = windowTake(db, { ...take, key: sql<string>`${take.counterPrefix} || integration.id` }, sql`(SELECT id FROM integration WHERE signing_secret IS NULL) AS integration`);
  const rows = await executeKeyed(db, sql<PresentedIntegration & { taken: boolean }>`
    WITH integration AS (SELECT ${presentedColumns} FROM app_enter_integration_scope(${routingKey})),
         taken AS (${counted})
    SELECT ${presentedColumns}, EXISTS (SELECT FROM taken) AS taken FROM integration`);
  return rows[0];
}
