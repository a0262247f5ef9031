import { randomBytes } from "node:crypto";
import type { Db, IntegrationKeyRow } from "@incidentops/db";
import { z } from "zod";
import { auditAction } from "../audit/record.js";
import { notFound } from "../errors.js";
import { iso } from "../mapping.js";
import { actorUserId, type Actor } from "../policy.js";
import { isoDateTime } from "../schemas.js";
import { findService } from "../services/repository.js";

export const integrationKeySchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  name: z.string(),
  routingKey: z.string().describe("Set it as the routing_key of PagerDuty Events v2 clients, or in the Alertmanager URL"),
  createdBy: z.uuid().nullable(),
  createdAt: isoDateTime,
});
export type IntegrationKey = z.infer<typeof integrationKeySchema>;

const toIntegrationKey = (row: IntegrationKeyRow): IntegrationKey => ({
  id: row.id,
  serviceId: row.service_id,
  name: row.name,
  routingKey: row.routing_key,
  createdBy: row.created_by,
  createdAt: iso(row.created_at),
});

/** 32 hex characters, like a PagerDuty integration key (128 random bits). */
const generateRoutingKey = () => randomBytes(16).toString("hex");

async function requireService(db: Db, actor: Actor, serviceId: string) {
  if ((await findService(db, actor.orgId, serviceId)) === undefined) throw notFound("Service");
}

export async function listIntegrationKeys(db: Db, actor: Actor, serviceId: string): Promise<{ items: IntegrationKey[] }> {
  await requireService(db, actor, serviceId);
  const rows = await db
    .selectFrom("integration_keys")
    .selectAll()
    .where("org_id", "=", actor.orgId)
    .where("service_id", "=", serviceId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return { items: rows.map(toIntegrationKey) };
}

export async function createIntegrationKey(db: Db, actor: Actor, input: { serviceId: string; name: string }): Promise<IntegrationKey> {
  await requireService(db, actor, input.serviceId);
  const row = await db
    .insertInto("integration_keys")
    .values({
      org_id: actor.orgId,
      service_id: input.serviceId,
      name: input.name,
      routing_key: generateRoutingKey(),
      created_by: actorUserId(actor),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditAction(db, actor, { action: "integration_key.created", targetType: "integration_key", targetId: row.id, data: { serviceId: input.serviceId } });
  return toIntegrationKey(row);
}

export async function deleteIntegrationKey(db: Db, actor: Actor, input: { serviceId: string; integrationId: string }): Promise<void> {
  const deleted = await db
    .deleteFrom("integration_keys")
    .where("org_id", "=", actor.orgId)
    .where("service_id", "=", input.serviceId)
    .where("id", "=", input.integrationId)
    .returning("id")
    .executeTakeFirst();
  if (deleted === undefined) throw notFound("Integration");
  await auditAction(db, actor, { action: "integration_key.deleted", targetType: "integration_key", targetId: input.integrationId });
}
