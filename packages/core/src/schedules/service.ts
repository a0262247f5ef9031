import type { Db, ScheduleOverrideRow, ScheduleRow, Tx } from "@incidentops/db";
import { z } from "zod";
import { auditAction } from "../audit/service.js";
import { isUniqueViolation } from "../db-errors.js";
import { AppError, notFound } from "../errors.js";
import { enqueueJob, removeJob } from "../jobs/enqueue.js";
import { shiftPlanJobKey } from "../jobs/tasks.js";
import { iso } from "../mapping.js";
import { orgMembersAmong } from "../members-named.js";
import { refuseIfPaged } from "../paged-by.js";
import { createdAtCursor, createdAtPositionOf, cursorTime, decodeCursor, toPage, type Page } from "../pagination.js";
import { actorUserId, authorize, canForTeam, type Actor } from "../policy.js";
import { transact } from "../scope.js";
import { actorTeamRole, authorizeTeamAction, authorizeTeamAssignment, peopleNamed } from "../teams/service.js";
import { loadSchedule, toLayerSpec } from "./on-call.js";
import { renderSchedule, type RenderedSchedule } from "./render.js";
import {
  deleteOverride as deleteOverrideRow,
  endOverride,
  deleteSchedule as deleteScheduleRow,
  findOverrideForUpdate,
  findSchedule,
  findScheduleForUpdate,
  insertOverride,
  insertSchedule,
  layerIdsOf,
  listOverrides as listOverrideRows,
  listSchedules as listScheduleRows,
  loadLayers,
  replaceLayers,
  updateSchedule as updateScheduleRow,
  type LayerWithParticipants,
} from "./repository.js";
import {
  MAX_RENDER_DAYS,
  type CreateOverrideInput,
  type CreateScheduleInput,
  type LayerInput,
  type ListOverridesInput,
  type ListSchedulesInput,
  type Override,
  type OverrideIdInput,
  type RenderedScheduleOutput,
  type Schedule,
  type ScheduleIdInput,
  type ScheduleShiftsInput,
  type UpdateScheduleInput,
} from "./schema.js";

const scheduleNotFound = () => notFound("Schedule");

const nameTaken = (name: string) =>
  new AppError("CONFLICT", `A schedule named "${name}" already exists`, { fields: { name: ["already used by another schedule"] } });

function toSchedule(row: ScheduleRow, layers: LayerWithParticipants[], people: Schedule["people"]): Schedule {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    timeZone: row.time_zone,
    teamId: row.team_id,
    layers: layers.map((layer) => {
      const spec = toLayerSpec(layer);
      return {
        id: layer.id,
        name: layer.name,
        start: iso(layer.start_at),
        end: layer.end_at === null ? null : iso(layer.end_at),
        rotationStart: iso(layer.rotation_start),
        rotation: { unit: layer.rotation_unit, length: layer.rotation_length },
        participants: layer.participants,
        restrictions: [...spec.restrictions],
      };
    }),
    people,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Schedules with their layers and the people these name. */
async function toSchedules(db: Db | Tx, orgId: string, rows: ScheduleRow[]): Promise<Schedule[]> {
  const layers = await loadLayers(db, orgId, rows.map((r) => r.id));
  const people = await peopleNamed(db, [...layers.values()].flat().flatMap((l) => l.participants));
  return rows.map((row) => {
    const own = layers.get(row.id) ?? [];
    const named = new Set(own.flatMap((l) => l.participants));
    return toSchedule(row, own, people.filter((p) => named.has(p.id)));
  });
}

async function readSchedule(db: Db | Tx, orgId: string, row: ScheduleRow): Promise<Schedule> {
  const [schedule] = await toSchedules(db, orgId, [row]);
  if (schedule === undefined) throw scheduleNotFound();
  return schedule;
}

/** (Re)plans the schedule's shift notifications at once: its shifts just changed. */
function replanNotices(tx: Tx, actor: Actor, scheduleId: string): Promise<void> {
  return enqueueJob(tx, "plan_shift_notices", { orgId: actor.orgId, scheduleId, requestId: actor.requestId }, { jobKey: shiftPlanJobKey(scheduleId) });
}

/** Every participant must be a member of the org, and every kept layer id one of this schedule's layers. */
async function checkLayers(tx: Tx, orgId: string, layers: readonly LayerInput[], ownLayerIds: ReadonlySet<string>): Promise<void> {
  const members = await orgMembersAmong(tx, orgId, layers.flatMap((l) => l.participants));
  const fields: Record<string, string[]> = {};
  const seen = new Set<string>();
  layers.forEach((layer, i) => {
    if (layer.id !== undefined) {
      if (!ownLayerIds.has(layer.id)) fields[`layers.${i}.id`] = ["not a layer of this schedule"];
      else if (seen.has(layer.id)) fields[`layers.${i}.id`] = ["given twice"];
      seen.add(layer.id);
    }
    layer.participants.forEach((userId, j) => {
      if (!members.has(userId)) fields[`layers.${i}.participants.${j}`] = ["not a member of this organisation"];
    });
  });
  if (Object.keys(fields).length > 0) throw new AppError("VALIDATION_FAILED", "Some layers name people or layers that do not exist here", { fields });
}

const toNewLayer = (layer: LayerInput) => ({
  id: layer.id,
  name: layer.name,
  start: new Date(layer.start),
  end: layer.end === undefined || layer.end === null ? null : new Date(layer.end),
  rotationStart: new Date(layer.rotationStart),
  unit: layer.rotation.unit,
  length: layer.rotation.length,
  participants: layer.participants,
  restrictions: layer.restrictions ?? [],
});

/** What an audit entry says of a schedule: its settings and the shape of its layers. */
const audited = (s: Schedule) => ({
  name: s.name,
  timeZone: s.timeZone,
  teamId: s.teamId,
  layers: s.layers.map((l) => ({ id: l.id, name: l.name, rotation: l.rotation, participants: l.participants.length, restrictions: l.restrictions.length })),
});

const rethrowNameTaken = (name: string) => (error: unknown) => {
  throw isUniqueViolation(error, "schedules_org_name_key") ? nameTaken(name) : error;
};

/** Admins, or a manager of the team the schedule is for. */
export async function createSchedule(db: Db, actor: Actor, input: CreateScheduleInput): Promise<Schedule> {
  return transact(db, async (tx) => {
    const teamId = input.teamId ?? null;
    await authorizeTeamAssignment(tx, actor, "schedule:manage", teamId);
    await checkLayers(tx, actor.orgId, input.layers, new Set());
    const row = await insertSchedule(tx, { orgId: actor.orgId, name: input.name, description: input.description ?? null, timeZone: input.timeZone, teamId }).catch(
      rethrowNameTaken(input.name),
    );
    await replaceLayers(tx, actor.orgId, row.id, input.layers.map(toNewLayer));
    const schedule = await readSchedule(tx, actor.orgId, row);
    await auditAction(tx, actor, { action: "schedule.created", targetType: "schedule", targetId: row.id, data: audited(schedule) });
    await replanNotices(tx, actor, row.id);
    return schedule;
  });
}

/** PATCH semantics; `layers`, when given, replaces every layer (a layer given with its id keeps it). */
export async function updateSchedule(db: Db, actor: Actor, input: UpdateScheduleInput): Promise<Schedule> {
  return transact(db, async (tx) => {
    const current = await findScheduleForUpdate(tx, actor.orgId, input.scheduleId);
    if (current === undefined) throw scheduleNotFound();
    await authorizeTeamAction(tx, actor, "schedule:manage", current.team_id);
    if (input.teamId !== undefined) await authorizeTeamAssignment(tx, actor, "schedule:manage", input.teamId);
    if (input.layers !== undefined) {
      await checkLayers(tx, actor.orgId, input.layers, await layerIdsOf(tx, actor.orgId, input.scheduleId));
      await replaceLayers(tx, actor.orgId, input.scheduleId, input.layers.map(toNewLayer));
    }
    const row = await updateScheduleRow(tx, actor.orgId, input.scheduleId, input).catch(rethrowNameTaken(input.name ?? current.name));
    const schedule = await readSchedule(tx, actor.orgId, row);
    await auditAction(tx, actor, { action: "schedule.updated", targetType: "schedule", targetId: row.id, data: audited(schedule) });
    await replanNotices(tx, actor, row.id);
    return schedule;
  });
}

/** Its layers and overrides go with it; so do its planned shift notifications. Refused (409) while escalation policies page it. */
export async function deleteSchedule(db: Db, actor: Actor, input: ScheduleIdInput): Promise<void> {
  await transact(db, async (tx) => {
    const current = await findScheduleForUpdate(tx, actor.orgId, input.scheduleId);
    if (current === undefined) throw scheduleNotFound();
    await authorizeTeamAction(tx, actor, "schedule:manage", current.team_id);
    await refuseIfPaged(tx, actor.orgId, { scheduleId: current.id });
    await deleteScheduleRow(tx, actor.orgId, input.scheduleId);
    await auditAction(tx, actor, { action: "schedule.deleted", targetType: "schedule", targetId: current.id, data: { name: current.name } });
    await removeJob(tx, shiftPlanJobKey(current.id));
  });
}

export async function getSchedule(db: Db | Tx, actor: Actor, input: ScheduleIdInput): Promise<Schedule> {
  const row = await findSchedule(db, actor.orgId, input.scheduleId);
  if (row === undefined) throw scheduleNotFound();
  return readSchedule(db, actor.orgId, row);
}

export async function listSchedules(db: Db | Tx, actor: Actor, input: ListSchedulesInput): Promise<Page<Schedule>> {
  const rows = await listScheduleRows(db, actor.orgId, input, input.limit, decodeCursor(createdAtCursor, input.cursor));
  const page = toPage(rows, input.limit, (row) => row, createdAtPositionOf);
  return { items: await toSchedules(db, actor.orgId, page.items), nextCursor: page.nextCursor };
}

// ---------------------------------------------------------------------------------------------
// The rendered schedule.

/** A rendering as the API answers it: ISO times and the people it names. */
export async function toRenderedOutput(db: Db | Tx, rendered: RenderedSchedule): Promise<RenderedScheduleOutput> {
  return {
    items: rendered.entries.map((e) => ({ userId: e.userId, start: iso(new Date(e.start)), end: iso(new Date(e.end)), layerId: e.layerId, overrideId: e.overrideId })),
    gaps: rendered.gaps.map((g) => ({ start: iso(new Date(g.start)), end: iso(new Date(g.end)) })),
    coveragePercent: rendered.coveragePercent,
    people: await peopleNamed(db, rendered.entries.map((e) => e.userId)),
  };
}

/** The final schedule over [since, until) (at most 93 days). */
export async function getShifts(db: Db | Tx, actor: Actor, input: ScheduleShiftsInput): Promise<RenderedScheduleOutput> {
  const since = new Date(input.since);
  const until = new Date(input.until);
  const loaded = await loadSchedule(db, actor.orgId, input.scheduleId, since, until);
  if (loaded === undefined) throw scheduleNotFound();
  return toRenderedOutput(db, renderSchedule(loaded.spec, since.getTime(), until.getTime()));
}

// ---------------------------------------------------------------------------------------------
// Overrides.

const toOverride = (row: ScheduleOverrideRow): Override => ({
  id: row.id,
  scheduleId: row.schedule_id,
  userId: row.user_id,
  start: iso(row.start_at),
  end: iso(row.end_at),
  createdBy: row.created_by,
  createdAt: iso(row.created_at),
});

const overrideCursor = z.object({ start: cursorTime, id: z.uuid() });

/** The overrides overlapping [since (default: now), until), by start. */
export async function listOverrides(db: Db | Tx, actor: Actor, input: ListOverridesInput, now: Date): Promise<Page<Override>> {
  if ((await findSchedule(db, actor.orgId, input.scheduleId)) === undefined) throw scheduleNotFound();
  const window = { since: input.since === undefined ? now : new Date(input.since), until: input.until === undefined ? null : new Date(input.until) };
  const rows = await listOverrideRows(db, actor.orgId, input.scheduleId, window, input.limit, decodeCursor(overrideCursor, input.cursor));
  return toPage(rows, input.limit, toOverride, (r) => ({ start: iso(r.start_at), id: r.id }));
}

const DAY_MS = 86_400_000;

/** Whether the person is the one on call over all of [start, end) on the schedule as it is. */
async function isOnCallThroughout(tx: Tx, orgId: string, scheduleId: string, userId: string, start: Date, end: Date): Promise<boolean> {
  if (end.getTime() - start.getTime() > MAX_RENDER_DAYS * DAY_MS) return false;
  const loaded = await loadSchedule(tx, orgId, scheduleId, start, end);
  if (loaded === undefined) return false;
  const { entries, gaps } = renderSchedule(loaded.spec, start.getTime(), end.getTime());
  return gaps.length === 0 && entries.every((e) => e.userId === userId);
}

const forbiddenOverride = () =>
  new AppError("FORBIDDEN", "A member may only take a shift (the override names them) or give away their own (they are on call for all of it)", {
    action: "schedule-override:manage",
    requiredRole: "admin",
    requiredTeamRole: "manager",
  });

/**
 * Admins and the schedule's team's managers may create any override; a member may take a shift
 * (the override names them) or give theirs away (they are on call for the whole window).
 */
export async function createOverride(db: Db, actor: Actor, input: CreateOverrideInput, now: Date): Promise<Override> {
  return transact(db, async (tx) => {
    const schedule = await findScheduleForUpdate(tx, actor.orgId, input.scheduleId);
    if (schedule === undefined) throw scheduleNotFound();
    const start = new Date(input.start);
    const end = new Date(input.end);
    if (!canForTeam("schedule-override:manage", actor, await actorTeamRole(tx, actor, schedule.team_id))) {
      authorize("schedule-override:self-service", actor);
      const self = actorUserId(actor);
      const allowed = self !== null && (input.userId === self || (await isOnCallThroughout(tx, actor.orgId, schedule.id, self, start, end)));
      if (!allowed) throw forbiddenOverride();
    }
    if (!(await orgMembersAmong(tx, actor.orgId, [input.userId])).has(input.userId)) {
      throw new AppError("VALIDATION_FAILED", "The override must name a member of this organisation", { fields: { userId: ["not a member of this organisation"] } });
    }
    if (end <= now) throw new AppError("VALIDATION_FAILED", "An override must end in the future", { fields: { end: ["must be in the future"] } });
    const row = await insertOverride(tx, { orgId: actor.orgId, scheduleId: schedule.id, userId: input.userId, start, end, createdBy: actorUserId(actor) });
    await auditAction(tx, actor, {
      action: "schedule.override_created",
      targetType: "schedule",
      targetId: schedule.id,
      data: { overrideId: row.id, userId: row.user_id, start: iso(row.start_at), end: iso(row.end_at) },
    });
    await replanNotices(tx, actor, schedule.id);
    return toOverride(row);
  });
}

/**
 * Admins and the team's managers may delete any override; a member the ones naming them or that
 * they made. A past override stays (409); one under way is cut short at `now`.
 */
export async function deleteOverride(db: Db, actor: Actor, input: OverrideIdInput, now: Date): Promise<void> {
  await transact(db, async (tx) => {
    const schedule = await findSchedule(tx, actor.orgId, input.scheduleId);
    if (schedule === undefined) throw scheduleNotFound();
    const row = await findOverrideForUpdate(tx, actor.orgId, input.scheduleId, input.overrideId);
    if (row === undefined) throw notFound("Override");
    if (!canForTeam("schedule-override:manage", actor, await actorTeamRole(tx, actor, schedule.team_id))) {
      authorize("schedule-override:self-service", actor);
      const self = actorUserId(actor);
      if (self === null || (row.user_id !== self && row.created_by !== self)) throw forbiddenOverride();
    }
    if (row.end_at <= now) throw new AppError("CONFLICT", "A past override cannot be deleted: it is part of the schedule's history", { overrideId: row.id });
    const cutShort = row.start_at < now;
    await (cutShort ? endOverride(tx, actor.orgId, row.id, now) : deleteOverrideRow(tx, actor.orgId, row.id));
    await auditAction(tx, actor, {
      action: "schedule.override_deleted",
      targetType: "schedule",
      targetId: schedule.id,
      data: { overrideId: row.id, userId: row.user_id, start: iso(row.start_at), end: iso(row.end_at), ...(cutShort ? { endedAt: iso(now) } : {}) },
    });
    await replanNotices(tx, actor, schedule.id);
  });
}
