import type { Db } from "@incidentops/db";
import { z } from "zod";
import { notFound } from "../errors.js";
import { incidentExists } from "../incidents/repository.js";
import { pastPosition } from "../keyset.js";
import { iso, isoOrNull } from "../mapping.js";
import { cursorTime, decodeCursor, toPage, type Page } from "../pagination.js";
import type { Actor } from "../policy.js";
import type { NotificationAttempt } from "../schemas.js";

const attemptCursor = z.object({ createdAt: cursorTime, id: z.uuid() });

/** An incident's delivery attempts, oldest first, with their target or user. */
export async function listIncidentNotifications(
  db: Db,
  actor: Actor,
  input: { incidentId: string; cursor?: string | undefined; limit: number },
): Promise<Page<NotificationAttempt>> {
  if (!(await incidentExists(db, actor.orgId, input.incidentId))) throw notFound("Incident");
  let query = db
    .selectFrom("notification_attempts as a")
    .leftJoin("notification_targets as t", (join) => join.onRef("t.org_id", "=", "a.org_id").onRef("t.id", "=", "a.target_id"))
    .leftJoin("users as u", "u.id", "a.user_id")
    .selectAll("a")
    .select(["t.name as target_name", "t.type as target_type", "u.email as user_email"])
    .where("a.org_id", "=", actor.orgId)
    .where("a.incident_id", "=", input.incidentId);
  if (input.cursor !== undefined) {
    const after = decodeCursor(attemptCursor, input.cursor);
    query = query.where(pastPosition({ time: "a.created_at", id: "a.id" }, ">", { time: after.createdAt, id: after.id }));
  }
  const rows = await query.orderBy("a.created_at").orderBy("a.id").limit(input.limit + 1).execute();
  return toPage(
    rows,
    input.limit,
    (r) => ({
      id: r.id,
      eventId: r.event_id,
      channel: r.channel,
      target:
        r.target_id === null || r.target_name === null || r.target_type === null
          ? null
          : { id: r.target_id, name: r.target_name, type: r.target_type },
      user: r.user_id === null || r.user_email === null ? null : { id: r.user_id, email: r.user_email },
      status: r.status,
      attemptCount: r.attempt_count,
      lastHttpStatus: r.last_http_status,
      lastError: r.last_error,
      note: r.note,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      completedAt: isoOrNull(r.completed_at),
    }),
    (r) => ({ createdAt: iso(r.created_at), id: r.id }),
  );
}
