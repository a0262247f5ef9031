import type { Db, ScheduleRow, Tx } from "@incidentops/db";
import { z } from "zod";
import { findSchedule, findSchedules, loadLayers, overridesOverlapping, type LayerWithParticipants } from "./repository.js";
import { onCallIn, renderSchedule, stretchAt, type LayerSpec, type RenderedSchedule, type ScheduleSpec } from "./render.js";
import { restrictionSchema } from "./schema.js";

// Schedules read from the database and rendered: what escalation (who to page), the on-call
// answers, calendar feeds and shift notifications share. Every instant is passed in.

const storedRestrictions = z.array(restrictionSchema);

export const toLayerSpec = (layer: LayerWithParticipants): LayerSpec => ({
  id: layer.id,
  start: layer.start_at.getTime(),
  end: layer.end_at?.getTime() ?? null,
  rotationStart: layer.rotation_start.getTime(),
  unit: layer.rotation_unit,
  length: layer.rotation_length,
  participants: layer.participants,
  restrictions: storedRestrictions.parse(layer.restrictions),
});

/** A schedule and what the renderer needs of it over [since, until). */
export interface LoadedSchedule {
  row: ScheduleRow;
  spec: ScheduleSpec;
}

/** The schedules (in rows' order) with their layers and the overrides overlapping [since, until): three queries for any number. */
export async function loadSchedules(db: Db | Tx, orgId: string, rows: readonly ScheduleRow[], since: Date, until: Date): Promise<LoadedSchedule[]> {
  const ids = rows.map((r) => r.id);
  const [layers, overrides] = await Promise.all([loadLayers(db, orgId, ids), overridesOverlapping(db, orgId, ids, since, until)]);
  return rows.map((row) => ({
    row,
    spec: {
      timeZone: row.time_zone,
      layers: (layers.get(row.id) ?? []).map(toLayerSpec),
      overrides: overrides
        .filter((o) => o.schedule_id === row.id)
        .map((o) => ({ id: o.id, userId: o.user_id, start: o.start_at.getTime(), end: o.end_at.getTime(), createdAt: o.created_at.getTime() })),
    },
  }));
}

/** One schedule of the org, loaded for [since, until); undefined when there is none. */
export async function loadSchedule(db: Db | Tx, orgId: string, scheduleId: string, since: Date, until: Date): Promise<LoadedSchedule | undefined> {
  const row = await findSchedule(db, orgId, scheduleId);
  return row === undefined ? undefined : (await loadSchedules(db, orgId, [row], since, until))[0];
}

/**
 * The user id of whoever is on call on the schedule at `at`, overrides included; null when nobody
 * is, or when the org has no such schedule. What a `schedule` escalation target pages when its
 * level fires.
 */
export async function onCallAt(db: Db | Tx, orgId: string, scheduleId: string, at: Date): Promise<string | null> {
  const loaded = await loadSchedule(db, orgId, scheduleId, at, new Date(at.getTime() + 1));
  return loaded === undefined ? null : onCallIn(loaded.spec, at.getTime());
}

/** onCallAt for several schedules at once (four queries, none for no schedule): schedule id -> user id or null (missing schedules too). */
export async function onCallAtMany(db: Db | Tx, orgId: string, scheduleIds: readonly string[], at: Date): Promise<Map<string, string | null>> {
  if (scheduleIds.length === 0) return new Map();
  const rows = await findSchedules(db, orgId, [...new Set(scheduleIds)]);
  const loaded = await loadSchedules(db, orgId, rows, at, new Date(at.getTime() + 1));
  const byId = new Map(loaded.map((l) => [l.row.id, onCallIn(l.spec, at.getTime())]));
  return new Map(scheduleIds.map((id) => [id, byId.get(id) ?? null]));
}

/** The final schedule over [since, until): entries, gaps, coverage; null when the org has no such schedule. */
export async function renderShifts(db: Db | Tx, orgId: string, scheduleId: string, since: Date, until: Date): Promise<RenderedSchedule | null> {
  const loaded = await loadSchedule(db, orgId, scheduleId, since, until);
  return loaded === undefined ? null : renderSchedule(loaded.spec, since.getTime(), until.getTime());
}

/** How far around an instant a stretch on call is looked for (see stretchAt). */
export const STRETCH_WINDOW_MS = 93 * 86_400_000;

/** Each schedule's stretch on call at `at`: who, since when, until when (null: beyond 93 days). */
export async function stretchesAt(db: Db | Tx, orgId: string, rows: readonly ScheduleRow[], at: Date) {
  const loaded = await loadSchedules(db, orgId, rows, new Date(at.getTime() - STRETCH_WINDOW_MS), new Date(at.getTime() + STRETCH_WINDOW_MS));
  return loaded.map((l) => ({ schedule: l.row, stretch: stretchAt(l.spec, at.getTime()) }));
}
