import { transact } from "../scope.js";
import { randomBytes, randomUUID } from "node:crypto";
import type { Db, IncidentSeverity, NotificationTargetRow, Tx } from "@incidentops/db";
import type { z } from "zod";
import { iso } from "../mapping.js";
import { createdAtCursor, decodeCursor, toPage, type Page } from "../pagination.js";
import { olderThan } from "../keyset.js";
import { actorUserId, type Actor } from "../policy.js";
import { auditAction } from "../audit/record.js";
import { assertDeliverableUrl, type DeliveryOutcome } from "../delivery/index.js";
import { AppError, notFound } from "../errors.js";
import { sendToTarget, type ChannelDeps } from "../notifications/channels.js";
import type { NotificationPayload } from "../notifications/payload.js";
import {
  notificationTargetConfigSchemas,
  notificationEventKindSchema,
  type NotificationTarget,
  type NotificationTargetConfig,
} from "../schemas.js";

type NotificationEventKind = z.infer<typeof notificationEventKindSchema>;

/** A Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. */
export const generateSigningSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

/** Keeps scheme and host of a Slack webhook URL; the path is the credential. */
function maskSlackUrl(url: string): string {
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}/****`;
}

export function toNotificationTarget(row: NotificationTargetRow): NotificationTarget {
  const config = Object.fromEntries(Object.entries(row.config).map(([k, v]) => [k, String(v)]));
  if (row.type === "slack" && config.webhookUrl !== undefined) config.webhookUrl = maskSlackUrl(config.webhookUrl);
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    config,
    enabled: row.enabled,
    eventKinds: row.event_kinds === null ? null : row.event_kinds.map((k) => notificationEventKindSchema.parse(k)),
    minSeverity: row.min_severity,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Webhook and Slack URLs must be deliverable: no private, loopback or metadata addresses. */
async function checkDestination(target: NotificationTargetConfig, allowPrivate: boolean): Promise<void> {
  if (target.type === "webhook") await assertDeliverableUrl(target.config.url, { allowPrivate, field: "config.url" });
  if (target.type === "slack") await assertDeliverableUrl(target.config.webhookUrl, { allowPrivate, field: "config.webhookUrl" });
}

export interface TargetSettings {
  name: string;
  enabled?: boolean | undefined;
  eventKinds?: NotificationEventKind[] | undefined;
  minSeverity?: IncidentSeverity | undefined;
}

export async function createNotificationTarget(
  db: Db,
  actor: Actor,
  input: NotificationTargetConfig & TargetSettings,
  options: { allowPrivate: boolean },
): Promise<NotificationTarget & { secret: string }> {
  await checkDestination(input, options.allowPrivate);
  const secret = generateSigningSecret();
  return transact(db, async (tx) => {
    const row = await tx
      .insertInto("notification_targets")
      .values({
        org_id: actor.orgId,
        name: input.name,
        type: input.type,
        config: JSON.stringify(input.config),
        secret,
        enabled: input.enabled,
        event_kinds: input.eventKinds === undefined ? null : [...new Set(input.eventKinds)],
        min_severity: input.minSeverity ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditTarget(tx, actor, "notification_target.created", row, {
      enabled: row.enabled,
      eventKinds: row.event_kinds,
      minSeverity: row.min_severity,
    });
    return { ...toNotificationTarget(row), secret };
  });
}

/**
 * Audits a change to a target. The config is never recorded (a Slack webhook URL is itself a
 * credential, and a webhook URL may carry one), nor the signing secret.
 */
function auditTarget(
  tx: Tx,
  actor: Actor,
  action: `notification_target.${"created" | "updated" | "deleted" | "secret_rotated"}`,
  row: Pick<NotificationTargetRow, "id" | "name" | "type">,
  data: Record<string, unknown> = {},
) {
  return auditAction(tx, actor, { action, targetType: "notification_target", targetId: row.id, data: { name: row.name, type: row.type, ...data } });
}

export async function listNotificationTargets(
  db: Db,
  actor: Actor,
  input: { cursor?: string | undefined; limit: number },
): Promise<Page<NotificationTarget>> {
  let query = db.selectFrom("notification_targets").selectAll().where("org_id", "=", actor.orgId);
  if (input.cursor !== undefined) query = query.where(olderThan(decodeCursor(createdAtCursor, input.cursor)));
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(input.limit + 1).execute();
  return toPage(rows, input.limit, toNotificationTarget, (r) => ({ createdAt: iso(r.created_at), id: r.id }));
}

const targetNotFound = () => notFound("Notification target");

function findTarget(db: Db, orgId: string, targetId: string) {
  return db
    .selectFrom("notification_targets")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", targetId)
    .executeTakeFirst();
}

export async function getNotificationTarget(db: Db, actor: Actor, targetId: string): Promise<NotificationTarget> {
  const row = await findTarget(db, actor.orgId, targetId);
  if (row === undefined) throw targetNotFound();
  return toNotificationTarget(row);
}

/**
 * PATCH semantics. The type is fixed at creation; `config` replaces the whole config and is
 * checked against the target's type. `eventKinds: null` / `minSeverity: null` clear the filters.
 */
export async function updateNotificationTarget(
  db: Db,
  actor: Actor,
  input: {
    targetId: string;
    name?: string | undefined;
    enabled?: boolean | undefined;
    config?: Record<string, unknown> | undefined;
    eventKinds?: NotificationEventKind[] | null | undefined;
    minSeverity?: IncidentSeverity | null | undefined;
  },
  options: { allowPrivate: boolean },
): Promise<NotificationTarget> {
  return transact(db, async (tx) => {
    const current = await tx
      .selectFrom("notification_targets")
      .selectAll()
      .where("org_id", "=", actor.orgId)
      .where("id", "=", input.targetId)
      .forUpdate()
      .executeTakeFirst();
    if (current === undefined) throw targetNotFound();
    let config: string | undefined;
    if (input.config !== undefined) {
      const parsed = notificationTargetConfigSchemas[current.type].safeParse(input.config);
      if (!parsed.success) {
        const fields: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) (fields[["config", ...issue.path].join(".")] ??= []).push(issue.message);
        throw new AppError("VALIDATION_FAILED", `The config does not fit a ${current.type} target`, { fields });
      }
      await checkDestination({ type: current.type, config: parsed.data } as NotificationTargetConfig, options.allowPrivate);
      config = JSON.stringify(parsed.data);
    }
    const row = await tx
      .updateTable("notification_targets")
      .set({
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
        ...(config === undefined ? {} : { config }),
        ...(input.eventKinds === undefined ? {} : { event_kinds: input.eventKinds === null ? null : [...new Set(input.eventKinds)] }),
        ...(input.minSeverity === undefined ? {} : { min_severity: input.minSeverity }),
        updated_at: new Date(),
      })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", input.targetId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditTarget(tx, actor, "notification_target.updated", row, { changes: targetChanges(current, row, config !== undefined) });
    return toNotificationTarget(row);
  });
}

/** What an update changed, old and new values; only whether the config changed (never its values). */
function targetChanges(before: NotificationTargetRow, after: NotificationTargetRow, configGiven: boolean): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const compare = (field: string, from: unknown, to: unknown) => {
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  };
  compare("name", before.name, after.name);
  compare("enabled", before.enabled, after.enabled);
  compare("eventKinds", before.event_kinds, after.event_kinds);
  compare("minSeverity", before.min_severity, after.min_severity);
  if (configGiven && JSON.stringify(before.config) !== JSON.stringify(after.config)) changes.config = "changed";
  return changes;
}

/** Deleting a target also deletes its delivery history and removes it from escalation levels. */
export async function deleteNotificationTarget(db: Db, actor: Actor, targetId: string): Promise<void> {
  await transact(db, async (tx) => {
    const deleted = await tx
      .deleteFrom("notification_targets")
      .where("org_id", "=", actor.orgId)
      .where("id", "=", targetId)
      .returning(["id", "name", "type"])
      .executeTakeFirst();
    if (deleted === undefined) throw targetNotFound();
    await auditTarget(tx, actor, "notification_target.deleted", deleted);
  });
}

/** A new signing secret, shown once; the old one stops signing at once. */
export async function rotateSigningSecret(db: Db, actor: Actor, targetId: string): Promise<NotificationTarget & { secret: string }> {
  const secret = generateSigningSecret();
  return transact(db, async (tx) => {
    const row = await tx
      .updateTable("notification_targets")
      .set({ secret, updated_at: new Date() })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", targetId)
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) throw targetNotFound();
    await auditTarget(tx, actor, "notification_target.secret_rotated", row);
    return { ...toNotificationTarget(row), secret };
  });
}

/** Sends a sample notification through the target now (whether or not it is enabled). */
export async function sendTestNotification(
  db: Db,
  deps: ChannelDeps,
  actor: Actor,
  targetId: string,
): Promise<DeliveryOutcome> {
  const row = await findTarget(db, actor.orgId, targetId);
  if (row === undefined) throw targetNotFound();
  const org = await db.selectFrom("orgs").select(["id", "name"]).where("id", "=", actor.orgId).executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const incidentId = randomUUID();
  const payload: NotificationPayload = {
    id: randomUUID(),
    type: "test",
    occurredAt: now,
    org,
    incident: {
      id: incidentId,
      serviceId: randomUUID(),
      title: "Test notification from IncidentOps",
      description: `Sent to check the notification target "${row.name}".`,
      status: "triggered",
      severity: "sev4",
      version: 1,
      dedupKey: null,
      alertCount: 0,
      createdBy: actorUserId(actor),
      createdAt: now,
      updatedAt: now,
      triggeredAt: now,
      acknowledgedAt: null,
      mitigatedAt: null,
      resolvedAt: null,
    },
    event: { id: randomUUID(), incidentId, kind: "created", actorUserId: actorUserId(actor), data: { test: true }, createdAt: now },
  };
  return sendToTarget(deps, row, payload);
}
