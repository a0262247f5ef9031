import { transact } from "../scope.js";
import type { Db, IncidentEventRow, IncidentRow, IncidentSeverity, IncidentStatus, Tx } from "@incidentops/db";
import { escalationStepCount } from "../escalations/repository.js";
import { z } from "zod";
import { AppError, notFound } from "../errors.js";
import { iso, isoOrNull } from "../mapping.js";
import { createdAtCursor, decodeCursor, toPage, type Page } from "../pagination.js";
import { actorUserId, type Actor } from "../policy.js";
import type { Incident, IncidentEvent } from "../schemas.js";
import { incidentEventKindSchema } from "../schemas.js";
import { findService } from "../services/repository.js";
import { appendIncidentEvent, listIncidentEvents } from "./event-repository.js";
import { enqueueJob, removeJob } from "../jobs/enqueue.js";
import { ESCALATION_QUEUE, escalationJobKey } from "../jobs/tasks.js";
import {
  findIncident,
  findIncidentForUpdate,
  incidentExists,
  insertIncident,
  listIncidents as listIncidentRows,
  type IncidentFilter,
} from "./repository.js";
import { canTransition, STATUS_TIMESTAMP_COLUMN } from "./state-machine.js";

export function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    serviceId: row.service_id,
    title: row.title,
    description: row.description,
    status: row.status,
    severity: row.severity,
    version: row.version,
    dedupKey: row.dedup_key,
    alertCount: row.alert_count,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    triggeredAt: iso(row.triggered_at),
    acknowledgedAt: isoOrNull(row.acknowledged_at),
    mitigatedAt: isoOrNull(row.mitigated_at),
    resolvedAt: isoOrNull(row.resolved_at),
  };
}

export function toIncidentEvent(row: IncidentEventRow): IncidentEvent {
  return {
    id: row.id,
    incidentId: row.incident_id,
    kind: incidentEventKindSchema.parse(row.kind),
    actorUserId: row.actor_user_id,
    data: row.data,
    createdAt: iso(row.created_at),
  };
}

const incidentNotFound = () => notFound("Incident");

export async function createIncident(
  db: Db,
  actor: Actor,
  input: { serviceId: string; title: string; description?: string | undefined; severity?: IncidentSeverity | undefined },
): Promise<Incident> {
  return transact(db, async (tx) => {
    const service = await findService(tx, actor.orgId, input.serviceId);
    if (service === undefined) throw notFound("Service");
    const row = await insertIncident(tx, {
      org_id: actor.orgId,
      service_id: input.serviceId,
      title: input.title,
      description: input.description ?? null,
      severity: input.severity,
      created_by: actorUserId(actor),
      escalation_policy_id: service.escalation_policy_id,
    });
    await appendIncidentEvent(
      tx,
      {
        orgId: actor.orgId,
        incidentId: row.id,
        kind: "created",
        actorUserId: actorUserId(actor),
        data: { title: row.title, severity: row.severity, status: row.status },
      },
      actor.requestId,
    );
    if (row.escalation_policy_id !== null) await scheduleEscalation(tx, actor, row.id, 0, false);
    return toIncident(row);
  });
}

export async function getIncident(db: Db, actor: Actor, incidentId: string): Promise<Incident> {
  const row = await findIncident(db, actor.orgId, incidentId);
  if (row === undefined) throw incidentNotFound();
  return toIncident(row);
}

export async function listIncidents(
  db: Db,
  actor: Actor,
  input: IncidentFilter & { cursor?: string | undefined; limit: number },
): Promise<Page<Incident>> {
  const after = input.cursor === undefined ? undefined : decodeCursor(createdAtCursor, input.cursor);
  const rows = await listIncidentRows(db, actor.orgId, input, input.limit, after);
  return toPage(rows, input.limit, toIncident, (r) => ({ createdAt: iso(r.created_at), id: r.id }));
}

/** Who changes an incident: a person, or (with actorUserId null) an API key or an integration. */
export interface ChangeSource {
  orgId: string;
  actorUserId: string | null;
  requestId: string;
}

/**
 * Applies an allowed move to a locked incident: new status and its timestamp, version + 1, a
 * `status_changed` event (and its notifications), and the end of any pending escalation.
 */
export async function moveIncident(
  tx: Tx,
  source: ChangeSource,
  current: IncidentRow,
  toStatus: IncidentStatus,
  eventData: Record<string, unknown> = {},
): Promise<IncidentRow> {
  const now = new Date();
  const updated = await tx
    .updateTable("incidents")
    .set({ status: toStatus, version: current.version + 1, updated_at: now, [STATUS_TIMESTAMP_COLUMN[toStatus]]: now })
    .where("org_id", "=", source.orgId)
    .where("id", "=", current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendIncidentEvent(
    tx,
    {
      orgId: source.orgId,
      incidentId: updated.id,
      kind: "status_changed",
      actorUserId: source.actorUserId,
      data: { ...eventData, fromStatus: current.status, toStatus, version: updated.version },
    },
    source.requestId,
  );
  // Someone answered: the pending escalation is dropped (and a running one re-checks the status).
  await removeJob(tx, escalationJobKey(updated.id));
  return updated;
}

/** Moves an incident along the state machine, if the caller saw its latest version. */
export async function transitionIncident(
  db: Db,
  actor: Actor,
  input: { incidentId: string; toStatus: IncidentStatus; version: number },
): Promise<Incident> {
  return transact(db, async (tx) => {
    const current = await findIncidentForUpdate(tx, actor.orgId, input.incidentId);
    if (current === undefined) throw incidentNotFound();
    if (current.version !== input.version) {
      throw new AppError(
        "VERSION_CONFLICT",
        `The incident changed since you read it (your version ${input.version}, current ${current.version}): reload and retry`,
        { currentVersion: current.version, currentStatus: current.status },
      );
    }
    if (!canTransition(current.status, input.toStatus)) {
      throw new AppError("INVALID_TRANSITION", `An incident cannot move from ${current.status} to ${input.toStatus}`, {
        fromStatus: current.status,
        toStatus: input.toStatus,
      });
    }
    const updated = await moveIncident(tx, { orgId: actor.orgId, actorUserId: actorUserId(actor), requestId: actor.requestId }, current, input.toStatus);
    return toIncident(updated);
  });
}

export async function commentOnIncident(
  db: Db,
  actor: Actor,
  input: { incidentId: string; body: string },
): Promise<IncidentEvent> {
  return transact(db, async (tx) => {
    if (!(await incidentExists(tx, actor.orgId, input.incidentId))) throw incidentNotFound();
    const row = await appendIncidentEvent(
      tx,
      { orgId: actor.orgId, incidentId: input.incidentId, kind: "commented", actorUserId: actorUserId(actor), data: { body: input.body } },
      actor.requestId,
    );
    return toIncidentEvent(row);
  });
}

// 19 digits can exceed bigint: such a seq must be refused here, not by PostgreSQL (a 500).
// (The refine also runs when the regex failed, so it must not assume digits.)
/** Schedules escalation step `step` now, replacing any pending step of the incident. */
export async function scheduleEscalation(
  tx: Tx,
  source: Pick<ChangeSource, "orgId" | "requestId">,
  incidentId: string,
  step: number,
  manual: boolean,
) {
  await enqueueJob(
    tx,
    "escalate_if_unacked",
    { orgId: source.orgId, incidentId, step, manual, requestId: source.requestId },
    { queueName: ESCALATION_QUEUE, jobKey: escalationJobKey(incidentId) },
  );
}

/**
 * Jumps to the next escalation level now, replacing any scheduled one. An acknowledged incident
 * may be escalated by hand too (e.g. to pull in more help); only resolved ones may not.
 */
export async function escalateIncident(db: Db, actor: Actor, incidentId: string): Promise<Incident> {
  return transact(db, async (tx) => {
    const incident = await findIncidentForUpdate(tx, actor.orgId, incidentId);
    if (incident === undefined) throw incidentNotFound();
    if (incident.status === "resolved") {
      throw new AppError("INVALID_TRANSITION", "A resolved incident cannot be escalated", { status: incident.status });
    }
    if (incident.escalation_policy_id === null) {
      throw new AppError("CONFLICT", "This incident follows no escalation policy: give its service one first");
    }
    const steps = await escalationStepCount(tx, actor.orgId, incident.escalation_policy_id);
    if (incident.escalation_step >= steps) {
      throw new AppError("CONFLICT", "Every escalation level has already been notified", { step: incident.escalation_step, steps });
    }
    await scheduleEscalation(tx, actor, incidentId, incident.escalation_step, true);
    return toIncident(incident);
  });
}

const eventCursor = z.object({
  seq: z
    .string()
    .regex(/^\d{1,19}$/)
    .refine((seq) => seq.length < 19 || seq <= "9223372036854775807"),
});

export async function listIncidentTimeline(
  db: Db,
  actor: Actor,
  input: { incidentId: string; cursor?: string | undefined; limit: number },
): Promise<Page<IncidentEvent>> {
  if (!(await incidentExists(db, actor.orgId, input.incidentId))) throw incidentNotFound();
  const after = input.cursor === undefined ? undefined : decodeCursor(eventCursor, input.cursor).seq;
  const rows = await listIncidentEvents(db, actor.orgId, input.incidentId, input.limit, after);
  return toPage(rows, input.limit, toIncidentEvent, (r) => ({ seq: r.seq }));
}
