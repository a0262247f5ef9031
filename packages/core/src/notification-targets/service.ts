import { randomBytes } from "node:crypto";
import type { Db, IncidentSeverity, NotificationTargetRow } from "@incidentops/db";
import type { z } from "zod";
import { iso } from "../mapping.js";
import { createdAtCursor, decodeCursor, toPage, type Page } from "../pagination.js";
import { olderThan } from "../keyset.js";
import type { Actor } from "../policy.js";
import { notificationEventKindSchema, type NotificationTarget, type NotificationTargetConfig } from "../schemas.js";

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

export async function createNotificationTarget(
  db: Db,
  actor: Actor,
  input: NotificationTargetConfig & {
    name: string;
    enabled?: boolean | undefined;
    eventKinds?: NotificationEventKind[] | undefined;
    minSeverity?: IncidentSeverity | undefined;
  },
): Promise<NotificationTarget & { secret: string }> {
  const secret = generateSigningSecret();
  const row = await db
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
  return { ...toNotificationTarget(row), secret };
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
