import type { Db, IncidentRow, Tx } from "@incidentops/db";
import { getService } from "../catalog/service.js";
import { AppError, notFound } from "../errors.js";
import { createdAtCursor, createdAtPositionOf, decodeCursor, seqCursor, toPage, type Page } from "../pagination.js";
import type { Actor } from "../policy.js";
import { transact } from "../scope.js";
import * as lifecycle from "./lifecycle.js";
import {
  countIncidents,
  findAssignees,
  findIncident,
  findIncidents,
  incidentExists,
  listIncidentEvents,
  listIncidents as listIncidentRows,
  listTimelineHead,
} from "./repository.js";
import {
  type AssignIncidentInput,
  type CommentInput,
  type CreateIncidentInput,
  type Incident,
  type IncidentCounts,
  type IncidentCountsInput,
  type IncidentEvent,
  type IncidentIdInput,
  type IncidentTimelineInput,
  type ListIncidentsInput,
  type SnoozeIncidentInput,
  type TimelineEvent,
  type TransitionIncidentInput,
  type UpdateIncidentInput,
} from "./schema.js";
import { toIncident, toIncidentEvent } from "./wire.js";

export { toIncident, toIncidentEvent };

// What the API asks of incidents: reads, and each change in its own transaction through the lifecycle.

/** The incidents as the API shows them, with their assignees (one query for all). */
export async function toIncidents(db: Db | Tx, orgId: string, rows: readonly IncidentRow[]): Promise<Incident[]> {
  const assignees = await findAssignees(db, orgId, rows.map((r) => r.id));
  return rows.map((row) => toIncident(row, assignees.get(row.id) ?? []));
}

/** One incident as the API shows it. */
export async function toIncidentOf(db: Db | Tx, orgId: string, row: IncidentRow): Promise<Incident> {
  const [incident] = await toIncidents(db, orgId, [row]);
  if (incident === undefined) throw new Error("unreachable: one row makes one incident");
  return incident;
}

/** Whether the person is one of the incident's assignees. */
export async function isAssignee(db: Db | Tx, orgId: string, incidentId: string, userId: string): Promise<boolean> {
  return ((await findAssignees(db, orgId, [incidentId])).get(incidentId) ?? []).some((a) => a.id === userId);
}

const incidentNotFound = () => notFound("Incident");

/** 404 unless the incident exists in the actor's org. */
export async function requireIncident(db: Db, actor: Actor, incidentId: string): Promise<void> {
  if (!(await incidentExists(db, actor.orgId, incidentId))) throw incidentNotFound();
}

export async function createIncident(db: Db, actor: Actor, input: CreateIncidentInput): Promise<Incident> {
  return transact(db, async (tx) => {
    const service = await getService(tx, actor, { serviceId: input.serviceId });
    const row = await lifecycle.open(tx, lifecycle.changeSourceOf(actor), { ...input, escalationPolicyId: service.escalationPolicyId });
    return toIncident(row, []);
  });
}

export async function getIncident(db: Db, actor: Actor, input: IncidentIdInput): Promise<Incident> {
  const row = await findIncident(db, actor.orgId, input.incidentId);
  if (row === undefined) throw incidentNotFound();
  return toIncident(row, row.assignees);
}

/** `assignedTo` as a user id: `me` is the caller, who must be a person. */
function assigneeFilterOf(actor: Actor, assignedTo: string | undefined): string | undefined {
  if (assignedTo !== "me") return assignedTo;
  if (actor.kind === "user") return actor.userId;
  throw new AppError("VALIDATION_FAILED", "assignedTo=me needs a signed-in person: an API key is nobody's, give a user id", {
    fields: { assignedTo: ["`me` is not a person for an API key"] },
  });
}

export async function listIncidents(db: Db, actor: Actor, input: ListIncidentsInput): Promise<Page<Incident>> {
  const filter = { ...input, assignedTo: assigneeFilterOf(actor, input.assignedTo) };
  const rows = await listIncidentRows(db, actor.orgId, filter, input.limit, decodeCursor(createdAtCursor, input.cursor));
  const page = toPage(rows, input.limit, (row) => row, createdAtPositionOf);
  return { items: page.items.map((row) => toIncident(row, row.assignees)), nextCursor: page.nextCursor };
}

export async function transitionIncident(db: Db, actor: Actor, input: TransitionIncidentInput): Promise<Incident> {
  return transact(db, async (tx) => {
    const moved = await lifecycle.transition(tx, lifecycle.changeSourceOf(actor), input);
    return toIncident(moved, moved.assignees);
  });
}

/** Snoozes an acknowledged incident (see lifecycle.snooze). */
export async function snoozeIncident(db: Db, actor: Actor, input: SnoozeIncidentInput): Promise<Incident> {
  return transact(db, async (tx) => toIncidentOf(tx, actor.orgId, await lifecycle.snooze(tx, lifecycle.changeSourceOf(actor), input)));
}

/** Reassigns an incident (see lifecycle.assign): the fan-out of its `assigned` event pages the people new to it. */
export async function assignIncident(db: Db, actor: Actor, input: AssignIncidentInput): Promise<Incident> {
  return transact(db, async (tx) => toIncidentOf(tx, actor.orgId, await lifecycle.assign(tx, lifecycle.changeSourceOf(actor), input)));
}

/** PATCH: the title, description or severity (see lifecycle.edit). */
export async function updateIncident(db: Db, actor: Actor, input: UpdateIncidentInput): Promise<Incident> {
  return transact(db, async (tx) => toIncidentOf(tx, actor.orgId, await lifecycle.edit(tx, lifecycle.changeSourceOf(actor), input)));
}

export async function commentOnIncident(db: Db, actor: Actor, input: CommentInput): Promise<IncidentEvent> {
  return transact(db, async (tx) => toIncidentEvent(await lifecycle.comment(tx, lifecycle.changeSourceOf(actor), input)));
}

/** Notifies the next escalation level now (see lifecycle.requestEscalation). */
export async function escalateIncident(db: Db, actor: Actor, input: IncidentIdInput): Promise<Incident> {
  return transact(db, async (tx) => toIncidentOf(tx, actor.orgId, await lifecycle.requestEscalation(tx, lifecycle.changeSourceOf(actor), input.incidentId)));
}

/** The incident's timeline, oldest first, with who did what. */
export async function listIncidentTimeline(db: Db, actor: Actor, input: IncidentTimelineInput): Promise<Page<TimelineEvent>> {
  await requireIncident(db, actor, input.incidentId);
  const rows = await listIncidentEvents(db, actor.orgId, input.incidentId, input.kind, input.limit, decodeCursor(seqCursor, input.cursor)?.seq);
  const toTimelineEvent = (row: (typeof rows)[number]): TimelineEvent => ({
    ...toIncidentEvent(row),
    actor: row.actor_user_id === null || row.actor_name === null ? null : { id: row.actor_user_id, name: row.actor_name },
  });
  return toPage(rows, input.limit, toTimelineEvent, (r) => ({ seq: r.seq }));
}

/** The actor's org's incidents among `ids`, newest first: ids of other orgs, or of none, are left out. */
export async function getIncidentsByIds(db: Db, actor: Actor, ids: readonly string[]): Promise<Incident[]> {
  return (await findIncidents(db, actor.orgId, ids)).map((row) => toIncident(row, row.assignees));
}

const OPEN_STATUSES = new Set<Incident["status"]>(["triggered", "acknowledged", "mitigated"]);

/** Counts per status, and of open incidents per severity and service, for the list's filters. */
export async function countIncidentsByFacet(db: Db, actor: Actor, input: IncidentCountsInput): Promise<IncidentCounts> {
  const rows = await countIncidents(db, actor.orgId, { ...input, assignedTo: assigneeFilterOf(actor, input.assignedTo) });
  const counts: IncidentCounts = {
    byStatus: { triggered: 0, acknowledged: 0, mitigated: 0, resolved: 0 },
    open: { total: 0, bySeverity: { sev1: 0, sev2: 0, sev3: 0, sev4: 0 }, byService: [] },
  };
  const openByService = new Map<string, number>();
  for (const row of rows) {
    counts.byStatus[row.status] += row.count;
    if (!OPEN_STATUSES.has(row.status)) continue;
    counts.open.total += row.count;
    counts.open.bySeverity[row.severity] += row.count;
    openByService.set(row.service_id, (openByService.get(row.service_id) ?? 0) + row.count);
  }
  counts.open.byService = [...openByService]
    .map(([serviceId, count]) => ({ serviceId, count }))
    .sort((a, b) => b.count - a.count || a.serviceId.localeCompare(b.serviceId));
  return counts;
}

/**
 * The start of the incident's story, oldest first, for a report: up to `limit` events, leaving
 * out repeated alerts (an incident may count thousands); `truncated` when there were more.
 */
export async function readStory(db: Db, actor: Actor, incidentId: string, limit: number): Promise<{ events: IncidentEvent[]; truncated: boolean }> {
  const rows = await listTimelineHead(db, actor.orgId, incidentId, limit, ["alert_repeated"]);
  return { events: rows.slice(0, limit).map(toIncidentEvent), truncated: rows.length > limit };
}
