import type { Db } from "@incidentops/db";
import { getService } from "../catalog/service.js";
import { notFound } from "../errors.js";
import { createdAtCursor, createdAtPositionOf, decodeCursor, seqCursor, toPage, type Page } from "../pagination.js";
import type { Actor } from "../policy.js";
import { transact } from "../scope.js";
import * as lifecycle from "./lifecycle.js";
import { findIncident, incidentExists, listIncidentEvents, listIncidents as listIncidentRows } from "./repository.js";
import {
  type CommentInput,
  type CreateIncidentInput,
  type Incident,
  type IncidentEvent,
  type IncidentIdInput,
  type IncidentPageInput,
  type ListIncidentsInput,
  type TransitionIncidentInput,
} from "./schema.js";
import { toIncident, toIncidentEvent } from "./wire.js";

export { toIncident, toIncidentEvent };

// What the API asks of incidents: reads, and each change in its own transaction through the lifecycle.

const incidentNotFound = () => notFound("Incident");

/** 404 unless the incident exists in the actor's org. */
export async function requireIncident(db: Db, actor: Actor, incidentId: string): Promise<void> {
  if (!(await incidentExists(db, actor.orgId, incidentId))) throw incidentNotFound();
}

export async function createIncident(db: Db, actor: Actor, input: CreateIncidentInput): Promise<Incident> {
  return transact(db, async (tx) => {
    const service = await getService(tx, actor, { serviceId: input.serviceId });
    const row = await lifecycle.open(tx, lifecycle.changeSourceOf(actor), { ...input, escalationPolicyId: service.escalationPolicyId });
    return toIncident(row);
  });
}

export async function getIncident(db: Db, actor: Actor, input: IncidentIdInput): Promise<Incident> {
  const row = await findIncident(db, actor.orgId, input.incidentId);
  if (row === undefined) throw incidentNotFound();
  return toIncident(row);
}

export async function listIncidents(db: Db, actor: Actor, input: ListIncidentsInput): Promise<Page<Incident>> {
  const rows = await listIncidentRows(db, actor.orgId, input, input.limit, decodeCursor(createdAtCursor, input.cursor));
  return toPage(rows, input.limit, toIncident, createdAtPositionOf);
}

export async function transitionIncident(db: Db, actor: Actor, input: TransitionIncidentInput): Promise<Incident> {
  return transact(db, async (tx) => toIncident(await lifecycle.transition(tx, lifecycle.changeSourceOf(actor), input)));
}

export async function commentOnIncident(db: Db, actor: Actor, input: CommentInput): Promise<IncidentEvent> {
  return transact(db, async (tx) => toIncidentEvent(await lifecycle.comment(tx, lifecycle.changeSourceOf(actor), input)));
}

/** Notifies the next escalation level now (see lifecycle.requestEscalation). */
export async function escalateIncident(db: Db, actor: Actor, input: IncidentIdInput): Promise<Incident> {
  return transact(db, async (tx) => toIncident(await lifecycle.requestEscalation(tx, lifecycle.changeSourceOf(actor), input.incidentId)));
}

/** The incident's timeline, oldest first. */
export async function listIncidentTimeline(db: Db, actor: Actor, input: IncidentPageInput): Promise<Page<IncidentEvent>> {
  await requireIncident(db, actor, input.incidentId);
  const rows = await listIncidentEvents(db, actor.orgId, input.incidentId, input.limit, decodeCursor(seqCursor, input.cursor)?.seq);
  return toPage(rows, input.limit, toIncidentEvent, (r) => ({ seq: r.seq }));
}
