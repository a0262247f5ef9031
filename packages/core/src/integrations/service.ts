import { randomBytes } from "node:crypto";
import type { Db, IntegrationKeyRow, Tx } from "@incidentops/db";
import { auditAction } from "../audit/service.js";
import type { ServiceIdInput } from "../catalog/schema.js";
import { requireService } from "../catalog/service.js";
import { AppError, notFound } from "../errors.js";
import { iso } from "../mapping.js";
import { actorUserId, type Actor } from "../policy.js";
import {
  deleteIntegrationKey as deleteIntegrationKeyRow,
  enterIntegrationScopeByRoutingKey,
  enterIntegrationScopeTaking,
  type PresentedIntegration,
  insertIntegrationKey,
  listIntegrationKeys as listIntegrationKeyRows,
  updateIntegrationSettings as updateIntegrationSettingsRow,
} from "./repository.js";
import {
  webhookMappingSchema,
  type CreateIntegrationKeyInput,
  type Grouping,
  type IntegrationIdInput,
  type IntegrationKey,
  type IntegrationKeyList,
  type UpdateIntegrationSettingsInput,
  type WebhookMapping,
} from "./schema.js";

/** The stored mapping (written through its schema), or null. */
const mappingOf = (stored: Record<string, unknown> | null): WebhookMapping | null => (stored === null ? null : webhookMappingSchema.parse(stored));

const toIntegrationKey = (row: IntegrationKeyRow): IntegrationKey => ({
  id: row.id,
  serviceId: row.service_id,
  name: row.name,
  routingKey: row.routing_key,
  grouping: row.grouping,
  signingSecretSet: row.signing_secret !== null,
  mapping: mappingOf(row.mapping),
  createdBy: row.created_by,
  createdAt: iso(row.created_at),
});

/** 32 hex characters, like a PagerDuty integration key (128 random bits). */
const generateRoutingKey = () => randomBytes(16).toString("hex");

export async function listIntegrationKeys(db: Db, actor: Actor, input: ServiceIdInput): Promise<IntegrationKeyList> {
  await requireService(db, actor, input.serviceId);
  const rows = await listIntegrationKeyRows(db, actor.orgId, input.serviceId);
  return { items: rows.map(toIntegrationKey) };
}

export async function createIntegrationKey(db: Db, actor: Actor, input: CreateIntegrationKeyInput): Promise<IntegrationKey> {
  await requireService(db, actor, input.serviceId);
  const row = await insertIntegrationKey(db, {
    orgId: actor.orgId,
    serviceId: input.serviceId,
    name: input.name,
    routingKey: generateRoutingKey(),
    createdBy: actorUserId(actor),
  });
  await auditAction(db, actor, { action: "integration_key.created", targetType: "integration_key", targetId: row.id, data: { serviceId: input.serviceId } });
  return toIntegrationKey(row);
}

export async function deleteIntegrationKey(db: Db, actor: Actor, input: IntegrationIdInput): Promise<void> {
  if (!(await deleteIntegrationKeyRow(db, actor.orgId, input.serviceId, input.integrationId))) throw notFound("Integration");
  await auditAction(db, actor, { action: "integration_key.deleted", targetType: "integration_key", targetId: input.integrationId });
}

/** Changes the settings given; the secret goes into the audit log only as "changed". */
export async function updateIntegrationSettings(db: Db, actor: Actor, input: UpdateIntegrationSettingsInput): Promise<IntegrationKey> {
  const { serviceId, integrationId, ...settings } = input;
  const row = await updateIntegrationSettingsRow(db, actor.orgId, serviceId, integrationId, settings);
  if (row === undefined) throw notFound("Integration");
  const changed = Object.keys(settings).filter((key) => settings[key as keyof typeof settings] !== undefined);
  await auditAction(db, actor, { action: "integration_key.updated", targetType: "integration_key", targetId: row.id, data: { serviceId, changed } });
  return toIntegrationKey(row);
}

/** An integration as alert ingestion sees it. */
export interface Integration {
  id: string;
  orgId: string;
  serviceId: string;
  grouping: Grouping;
  /** Grafana requests must be signed with it when set. */
  signingSecret: string | null;
  mapping: WebhookMapping | null;
}

/**
 * The integration a routing key names (404 if none), in one round trip; inside a transaction,
 * the transaction is then scoped to its org.
 */
export async function enterIntegrationScope(db: Db | Tx, routingKey: string): Promise<Integration> {
  return integrationPresented(await enterIntegrationScopeByRoutingKey(db, routingKey));
}

/**
 * As enterIntegrationScope, taking `take.count` hits from the integration's rate-limit window in
 * the same round trip when they fit (enterIntegrationScopeTaking): `taken` says whether they did.
 */
export async function enterIntegrationScopeAndTake(
  db: Db,
  routingKey: string,
  take: Parameters<typeof enterIntegrationScopeTaking>[2],
): Promise<{ integration: Integration; taken: boolean }> {
  const found = await enterIntegrationScopeTaking(db, routingKey, take);
  return { integration: integrationPresented(found), taken: found?.taken === true };
}

function integrationPresented(row: PresentedIntegration | undefined): Integration {
  if (row === undefined) throw new AppError("NOT_FOUND", "Unknown routing key: check the integration key of the service");
  return {
    id: row.id,
    orgId: row.org_id,
    serviceId: row.service_id,
    grouping: row.grouping,
    signingSecret: row.signing_secret,
    mapping: mappingOf(row.mapping),
  };
}
