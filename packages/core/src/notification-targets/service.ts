import { randomUUID } from "node:crypto";
import type { Db, NotificationTargetRow, NotificationTargetType, Tx } from "@incidentops/db";
import { auditAction } from "../audit/service.js";
import { assertDeliverableUrl, generateSigningSecret, isChatTarget, justOpenedIncident, sendToTarget, type ChannelDeps, type DeliveryOutcome, type NotificationPayload } from "../delivery/index.js";
import { AppError, notFound } from "../errors.js";
import { removeTargetFromLevels } from "../escalation-policies/repository.js";
import { requireOrgRows } from "../escalation-policies/service.js";
import { iso } from "../mapping.js";
import { maskUrl } from "../masked-url.js";
import { cancelDeletedTargetsAttempts, reopenLaneNow } from "../notifications/attempts.js";
import { findOrg } from "../org/repository.js";
import { createdAtCursor, createdAtPositionOf, decodeCursor, toPage, type Page } from "../pagination.js";
import { actorUserId, type Actor } from "../policy.js";
import { notificationEventKindSchema, type PageQuery } from "../schema.js";
import { transact } from "../scope.js";
import {
  findTarget,
  findTargetForUpdate,
  insertTarget,
  listTargets,
  markTargetDeleted,
  setSigningSecret,
  updateTarget,
} from "./repository.js";
import {
  notificationTargetConfigSchemas,
  type CreateNotificationTargetInput,
  type NotificationTarget,
  type NotificationTargetConfig,
  type NotificationTargetWithSecret,
  type TargetIdInput,
  type UpdateNotificationTargetInput,
} from "./schema.js";

/** Query parameters of a webhook URL that commonly carry a credential, by name. */
const SECRET_QUERY_PARAM = /(?:token|key|secret|password|passwd|pwd|signature|sig|auth|code)/i;

/**
 * A webhook URL as it may be shown: the password of embedded credentials (`user:****@host`) and
 * credential-like query parameters (`?token=****`) masked; anything else as it was stored.
 */
export function maskWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "****";
  }
  let masked = false;
  if (parsed.password !== "") {
    parsed.password = "****";
    masked = true;
  }
  for (const [name] of [...parsed.searchParams]) {
    if (SECRET_QUERY_PARAM.test(name)) {
      parsed.searchParams.set(name, "****");
      masked = true;
    }
  }
  return masked ? parsed.toString().replace(/%2A%2A%2A%2A/g, "****") : url;
}

/** A target as the API shows it, on every read: credentials in its URLs masked, never its signing secret. */
export function toNotificationTarget(row: NotificationTargetRow): NotificationTarget {
  const config = Object.fromEntries(Object.entries(row.config).map(([k, v]) => [k, String(v)]));
  if (row.type === "slack" && config.webhookUrl !== undefined) config.webhookUrl = maskUrl(config.webhookUrl);
  if (row.type === "webhook" && config.url !== undefined) config.url = maskWebhookUrl(config.url);
  if (isChatTarget(row.type) && config.url !== undefined) config.url = maskUrl(config.url);
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    config,
    enabled: row.enabled,
    eventKinds: row.event_kinds === null ? null : row.event_kinds.map((k) => notificationEventKindSchema.parse(k)),
    minSeverity: row.min_severity,
    serviceIds: row.service_ids,
    teamIds: row.team_ids,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** The config checked against the target's type; VALIDATION_FAILED naming each `config.*` field that does not fit. */
function targetConfigOf(type: NotificationTargetType, config: unknown): NotificationTargetConfig {
  const parsed = notificationTargetConfigSchemas[type].safeParse(config);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[["config", ...issue.path].join(".")] ??= []).push(issue.message);
    throw new AppError("VALIDATION_FAILED", `The config does not fit a ${type} target`, { fields });
  }
  return { type, config: parsed.data } as NotificationTargetConfig;
}

/** Webhook and chat URLs must be deliverable: no private, loopback or metadata addresses. */
async function checkDestination(target: NotificationTargetConfig, allowPrivate: boolean): Promise<void> {
  if (target.type === "webhook" || isChatTarget(target.type)) await assertDeliverableUrl((target.config as { url: string }).url, { allowPrivate, field: "config.url" });
  if (target.type === "slack") await assertDeliverableUrl(target.config.webhookUrl, { allowPrivate, field: "config.webhookUrl" });
}

const distinct = <T>(values: T[]) => [...new Set(values)];

/** A list of ids as stored: each once; null stays null (undefined: not given). */
const distinctOrNull = <T>(values: T[] | null | undefined) => (values === undefined || values === null ? values : distinct(values));

/**
 * The services and teams a target routes by must be the org's (requireOrgRows: 404 otherwise).
 * They are locked FOR KEY SHARE, so a team's delete, which refuses while a target routes by it,
 * waits for this write, or this write for the delete.
 */
async function checkRouting(tx: Tx, orgId: string, routing: { serviceIds?: string[] | null | undefined; teamIds?: string[] | null | undefined }): Promise<void> {
  await requireOrgRows(tx, "services", orgId, routing.serviceIds ?? [], "Service");
  await requireOrgRows(tx, "teams", orgId, routing.teamIds ?? [], "Team");
}

export async function createNotificationTarget(
  db: Db,
  actor: Actor,
  input: CreateNotificationTargetInput,
  options: { allowPrivate: boolean },
): Promise<NotificationTargetWithSecret> {
  const target = targetConfigOf(input.type, input.config);
  await checkDestination(target, options.allowPrivate);
  const secret = generateSigningSecret();
  return transact(db, async (tx) => {
    await checkRouting(tx, actor.orgId, input);
    const row = await insertTarget(tx, {
      orgId: actor.orgId,
      name: input.name,
      type: target.type,
      config: target.config,
      secret,
      enabled: input.enabled,
      eventKinds: input.eventKinds === undefined ? null : distinct(input.eventKinds),
      minSeverity: input.minSeverity ?? null,
      serviceIds: distinctOrNull(input.serviceIds) ?? null,
      teamIds: distinctOrNull(input.teamIds) ?? null,
    });
    await auditTarget(tx, actor, "notification_target.created", row, {
      enabled: row.enabled,
      eventKinds: row.event_kinds,
      minSeverity: row.min_severity,
      serviceIds: row.service_ids,
      teamIds: row.team_ids,
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

export async function listNotificationTargets(db: Db, actor: Actor, input: PageQuery): Promise<Page<NotificationTarget>> {
  const rows = await listTargets(db, actor.orgId, input.limit, decodeCursor(createdAtCursor, input.cursor));
  return toPage(rows, input.limit, toNotificationTarget, createdAtPositionOf);
}

const targetNotFound = () => notFound("Notification target");

async function requireTarget(db: Db, actor: Actor, targetId: string): Promise<NotificationTargetRow> {
  const row = await findTarget(db, actor.orgId, targetId);
  if (row === undefined) throw targetNotFound();
  return row;
}

export async function getNotificationTarget(db: Db, actor: Actor, input: TargetIdInput): Promise<NotificationTarget> {
  return toNotificationTarget(await requireTarget(db, actor, input.targetId));
}

/**
 * PATCH semantics. The type is fixed at creation; `config` replaces the whole config and is
 * checked against the target's type. `eventKinds`, `minSeverity`, `serviceIds` and `teamIds`: null
 * clears the filter.
 */
export async function updateNotificationTarget(
  db: Db,
  actor: Actor,
  input: UpdateNotificationTargetInput,
  options: { allowPrivate: boolean },
): Promise<NotificationTarget> {
  return transact(db, async (tx) => {
    const current = await findTargetForUpdate(tx, actor.orgId, input.targetId);
    if (current === undefined) throw targetNotFound();
    await checkRouting(tx, actor.orgId, input);
    let config: NotificationTargetConfig | undefined;
    if (input.config !== undefined) {
      config = targetConfigOf(current.type, keepMaskedValues(current, input.config));
      await checkDestination(config, options.allowPrivate);
    }
    const row = await updateTarget(tx, actor.orgId, input.targetId, {
      name: input.name,
      enabled: input.enabled,
      config: config?.config,
      eventKinds: distinctOrNull(input.eventKinds),
      minSeverity: input.minSeverity,
      serviceIds: distinctOrNull(input.serviceIds),
      teamIds: distinctOrNull(input.teamIds),
    });
    const changes = targetChanges(current, row, config !== undefined);
    await auditTarget(tx, actor, "notification_target.updated", row, { changes });
    // The target now sends somewhere else, or sends again: its config changed, or it was enabled.
    if ("config" in changes || (!current.enabled && row.enabled)) await reopenTargetLane(tx, actor, row);
    return toNotificationTarget(row);
  });
}

/**
 * A config sent back as it was shown (its URL masked) keeps the stored URL: a client that reads a
 * target and writes it back unchanged must not overwrite its credentials with `****`.
 */
function keepMaskedValues(current: NotificationTargetRow, given: unknown): unknown {
  if (typeof given !== "object" || given === null) return given;
  const shown = toNotificationTarget(current).config;
  return Object.fromEntries(
    Object.entries(given).map(([key, value]) => [key, value === shown[key] && value !== current.config[key] ? current.config[key] : value]),
  );
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
  compare("serviceIds", before.service_ids, after.service_ids);
  compare("teamIds", before.team_ids, after.team_ids);
  if (configGiven && JSON.stringify(before.config) !== JSON.stringify(after.config)) changes.config = "changed";
  return changes;
}

/**
 * Its receiver fixed, an enabled target's deliveries go out now: a hold its old receiver asked for
 * (Retry-After) or the breaker's pause ends, and its waiting attempts are due (reopenLaneNow).
 */
async function reopenTargetLane(tx: Tx, actor: Actor, row: NotificationTargetRow): Promise<void> {
  if (row.enabled) await reopenLaneNow(tx, { orgId: actor.orgId, recipientId: row.id }, row.type, actor.requestId);
}

/**
 * Deletes a target: it is gone from the org's targets and escalation levels and is never sent to
 * again (its pending attempts end cancelled), while incidents' delivery history keeps its
 * attempts under its name and type (decision 0057).
 */
export async function deleteNotificationTarget(db: Db, actor: Actor, input: TargetIdInput): Promise<void> {
  await transact(db, async (tx) => {
    const target = await findTargetForUpdate(tx, actor.orgId, input.targetId);
    if (target === undefined) throw targetNotFound();
    await markTargetDeleted(tx, actor.orgId, target.id);
    await removeTargetFromLevels(tx, actor.orgId, target.id);
    await cancelDeletedTargetsAttempts(tx, { orgId: actor.orgId, recipientId: target.id });
    await auditTarget(tx, actor, "notification_target.deleted", target);
  });
}

/** A new signing secret, shown once; the old one stops signing at once. */
export async function rotateSigningSecret(db: Db, actor: Actor, input: TargetIdInput): Promise<NotificationTargetWithSecret> {
  const secret = generateSigningSecret();
  return transact(db, async (tx) => {
    const row = await setSigningSecret(tx, actor.orgId, input.targetId, secret);
    if (row === undefined) throw targetNotFound();
    await auditTarget(tx, actor, "notification_target.secret_rotated", row);
    await reopenTargetLane(tx, actor, row);
    return { ...toNotificationTarget(row), secret };
  });
}

/**
 * Sends a sample notification through the target now (whether or not it is enabled). Reaching
 * it, it reopens its lane: the receiver works again.
 */
export async function sendTestNotification(db: Db, deps: ChannelDeps, actor: Actor, input: TargetIdInput): Promise<DeliveryOutcome> {
  const row = await requireTarget(db, actor, input.targetId);
  const org = await findOrg(db, actor.orgId);
  const now = new Date().toISOString();
  const incidentId = randomUUID();
  const serviceId = randomUUID();
  const payload: NotificationPayload = {
    id: randomUUID(),
    type: "test",
    occurredAt: now,
    org: { id: org.id, name: org.name },
    service: { id: serviceId, name: "Test service" },
    incident: justOpenedIncident(
      {
        id: incidentId,
        serviceId,
        title: "Test notification from IncidentOps",
        description: `Sent to check the notification target "${row.name}".`,
        type: null,
        severity: "sev4",
        createdBy: actorUserId(actor),
      },
      now,
    ),
    event: { id: randomUUID(), incidentId, kind: "created", actorUserId: actorUserId(actor), data: { test: true }, createdAt: now },
  };
  const outcome = await sendToTarget(deps, row, payload);
  if (outcome.ok) await transact(db, (tx) => reopenTargetLane(tx, actor, row));
  return outcome;
}
