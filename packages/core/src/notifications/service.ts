import type { Db } from "@incidentops/db";
import { maskedAddress } from "../contact-methods/masking.js";
import type { IncidentPageInput } from "../incidents/schema.js";
import { requireIncident } from "../incidents/service.js";
import { iso, isoOrNull } from "../mapping.js";
import { createdAtCursor, createdAtPositionOf, decodeCursor, toPage, type Page } from "../pagination.js";
import type { Actor } from "../policy.js";
import { listAttempts } from "./repository.js";
import type { NotificationAttempt } from "./schema.js";

/** An incident's delivery attempts, oldest first, with their target or user. */
export async function listIncidentNotifications(db: Db, actor: Actor, input: IncidentPageInput): Promise<Page<NotificationAttempt>> {
  await requireIncident(db, actor, input.incidentId);
  const rows = await listAttempts(db, actor.orgId, input.incidentId, input.limit, decodeCursor(createdAtCursor, input.cursor));
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
          : { id: r.target_id, name: r.target_name, type: r.target_type, deleted: r.target_deleted_at !== null },
      user: r.user_id === null || r.user_email === null ? null : { id: r.user_id, email: r.user_email },
      contactMethod:
        r.contact_method_id === null || r.contact_method_name === null || r.contact_method_type === null || r.contact_method_address === null
          ? null
          : {
              id: r.contact_method_id,
              name: r.contact_method_name,
              type: r.contact_method_type,
              // A deleted method's address was masked by its delete.
              address: r.contact_method_deleted_at === null ? maskedAddress(r.contact_method_type, r.contact_method_address) : r.contact_method_address,
              deleted: r.contact_method_deleted_at !== null,
            },
      delayMinutes: r.delay_minutes,
      status: r.status,
      attemptCount: r.attempt_count,
      lastHttpStatus: r.last_http_status,
      lastError: r.last_error,
      note: r.note,
      nextAttemptAt: r.status === "pending" ? iso(r.next_attempt_at) : null,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      completedAt: isoOrNull(r.completed_at),
    }),
    createdAtPositionOf,
  );
}
