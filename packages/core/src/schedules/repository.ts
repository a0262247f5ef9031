import type { Db, RotationUnit, ScheduleLayerRow, ScheduleOverrideRow, Tx } from "@incidentops/db";
import { sql } from "kysely";
import { newestFirst, pastPosition } from "../keyset.js";

export type LayerWithParticipants = ScheduleLayerRow & { participants: string[] };

export function findSchedule(db: Db | Tx, orgId: string, scheduleId: string) {
  return db.selectFrom("schedules").selectAll().where("org_id", "=", orgId).where("id", "=", scheduleId).executeTakeFirst();
}

/** The schedule, locked FOR KEY SHARE (see findTeamForKeyShare in teams). */
export function findScheduleForKeyShare(tx: Tx, orgId: string, scheduleId: string) {
  return tx.selectFrom("schedules").select("id").where("org_id", "=", orgId).where("id", "=", scheduleId).forKeyShare().executeTakeFirst();
}

export function findScheduleForUpdate(tx: Tx, orgId: string, scheduleId: string) {
  return tx.selectFrom("schedules").selectAll().where("org_id", "=", orgId).where("id", "=", scheduleId).forUpdate().executeTakeFirst();
}

/** The org's schedules among `ids`, or all of them (null). */
export function findSchedules(db: Db | Tx, orgId: string, ids: readonly string[] | null) {
  let query = db.selectFrom("schedules").selectAll().where("org_id", "=", orgId);
  if (ids !== null) query = ids.length === 0 ? query.where(sql<boolean>`false`) : query.where("id", "in", ids);
  return query.orderBy("name").orderBy("id").execute();
}

export function listSchedules(db: Db | Tx, orgId: string, filter: { teamId?: string | undefined }, limit: number, after: { createdAt: string; id: string } | undefined) {
  let query = db.selectFrom("schedules").selectAll().where("org_id", "=", orgId);
  if (filter.teamId !== undefined) query = query.where("team_id", "=", filter.teamId);
  return newestFirst(query, limit, after).execute();
}

/** Fails with a unique violation on `schedules_org_name_key` when the name is taken. */
export function insertSchedule(tx: Tx, s: { orgId: string; name: string; description: string | null; timeZone: string; teamId: string | null }) {
  return tx
    .insertInto("schedules")
    .values({ org_id: s.orgId, name: s.name, description: s.description, time_zone: s.timeZone, team_id: s.teamId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets the given fields (and updated_at); fails like insertSchedule on a taken name. */
export function updateSchedule(
  tx: Tx,
  orgId: string,
  scheduleId: string,
  changes: { name?: string | undefined; description?: string | null | undefined; timeZone?: string | undefined; teamId?: string | null | undefined },
) {
  return tx
    .updateTable("schedules")
    .set({
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.description === undefined ? {} : { description: changes.description }),
      ...(changes.timeZone === undefined ? {} : { time_zone: changes.timeZone }),
      ...(changes.teamId === undefined ? {} : { team_id: changes.teamId }),
      updated_at: new Date(),
    })
    .where("org_id", "=", orgId)
    .where("id", "=", scheduleId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteSchedule(tx: Tx, orgId: string, scheduleId: string): Promise<void> {
  await tx.deleteFrom("schedules").where("org_id", "=", orgId).where("id", "=", scheduleId).execute();
}

/** The layers of the given schedules in precedence order, each with its rotation order. */
export async function loadLayers(db: Db | Tx, orgId: string, scheduleIds: readonly string[]): Promise<Map<string, LayerWithParticipants[]>> {
  const bySchedule = new Map<string, LayerWithParticipants[]>(scheduleIds.map((id) => [id, []]));
  if (scheduleIds.length === 0) return bySchedule;
  const layers = await db
    .selectFrom("schedule_layers")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("schedule_id", "in", scheduleIds)
    .orderBy("schedule_id")
    .orderBy("position")
    .execute();
  if (layers.length === 0) return bySchedule;
  const participants = await db
    .selectFrom("schedule_layer_participants")
    .select(["layer_id", "user_id"])
    .where("org_id", "=", orgId)
    .where(
      "layer_id",
      "in",
      layers.map((l) => l.id),
    )
    .orderBy("layer_id")
    .orderBy("position")
    .execute();
  const byLayer = new Map<string, LayerWithParticipants>();
  for (const layer of layers) {
    const withParticipants = { ...layer, participants: [] };
    byLayer.set(layer.id, withParticipants);
    bySchedule.get(layer.schedule_id)?.push(withParticipants);
  }
  for (const p of participants) byLayer.get(p.layer_id)?.participants.push(p.user_id);
  return bySchedule;
}

/** The ids of the schedule's layers. */
export async function layerIdsOf(tx: Tx, orgId: string, scheduleId: string): Promise<Set<string>> {
  const rows = await tx.selectFrom("schedule_layers").select("id").where("org_id", "=", orgId).where("schedule_id", "=", scheduleId).execute();
  return new Set(rows.map((r) => r.id));
}

export interface NewLayer {
  id?: string | undefined;
  name: string;
  start: Date;
  end: Date | null;
  rotationStart: Date;
  unit: RotationUnit;
  length: number;
  participants: string[];
  restrictions: unknown[];
}

/** Replaces the schedule's layers with `layers` (in precedence order), keeping the ids given. */
export async function replaceLayers(tx: Tx, orgId: string, scheduleId: string, layers: readonly NewLayer[]): Promise<void> {
  await tx.deleteFrom("schedule_layers").where("org_id", "=", orgId).where("schedule_id", "=", scheduleId).execute();
  if (layers.length === 0) return;
  const rows = await tx
    .insertInto("schedule_layers")
    .values(
      layers.map((l, position) => ({
        org_id: orgId,
        ...(l.id === undefined ? {} : { id: l.id }),
        schedule_id: scheduleId,
        position,
        name: l.name,
        start_at: l.start,
        end_at: l.end,
        rotation_start: l.rotationStart,
        rotation_unit: l.unit,
        rotation_length: l.length,
        restrictions: JSON.stringify(l.restrictions),
      })),
    )
    .returning(["id", "position"])
    .execute();
  const idAt = new Map(rows.map((r) => [r.position, r.id]));
  const participants = layers.flatMap((l, position) =>
    l.participants.map((userId, i) => ({ org_id: orgId, layer_id: idAt.get(position) ?? "", position: i, user_id: userId })),
  );
  if (participants.length > 0) await tx.insertInto("schedule_layer_participants").values(participants).execute();
}

/** The overrides of the given schedules that overlap [since, until). */
export function overridesOverlapping(db: Db | Tx, orgId: string, scheduleIds: readonly string[], since: Date, until: Date): Promise<ScheduleOverrideRow[]> {
  if (scheduleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("schedule_overrides")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("schedule_id", "in", scheduleIds)
    .where("end_at", ">", since)
    .where("start_at", "<", until)
    .orderBy("start_at")
    .orderBy("id")
    .execute();
}

/** A page of the schedule's overrides overlapping [since, until), by start. */
export function listOverrides(
  db: Db | Tx,
  orgId: string,
  scheduleId: string,
  window: { since: Date; until: Date | null },
  limit: number,
  after: { start: string; id: string } | undefined,
) {
  let query = db
    .selectFrom("schedule_overrides")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("schedule_id", "=", scheduleId)
    .where("end_at", ">", window.since);
  if (window.until !== null) query = query.where("start_at", "<", window.until);
  if (after !== undefined) query = query.where(pastPosition({ time: "start_at", id: "id" }, ">", { time: after.start, id: after.id }));
  return query.orderBy("start_at").orderBy("id").limit(limit + 1).execute();
}

export function insertOverride(tx: Tx, o: { orgId: string; scheduleId: string; userId: string; start: Date; end: Date; createdBy: string | null }) {
  return tx
    .insertInto("schedule_overrides")
    .values({ org_id: o.orgId, schedule_id: o.scheduleId, user_id: o.userId, start_at: o.start, end_at: o.end, created_by: o.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findOverrideForUpdate(tx: Tx, orgId: string, scheduleId: string, overrideId: string) {
  return tx
    .selectFrom("schedule_overrides")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("schedule_id", "=", scheduleId)
    .where("id", "=", overrideId)
    .forUpdate()
    .executeTakeFirst();
}

export async function deleteOverride(tx: Tx, orgId: string, overrideId: string): Promise<void> {
  await tx.deleteFrom("schedule_overrides").where("org_id", "=", orgId).where("id", "=", overrideId).execute();
}

/** The schedules that name the person in a layer or in an override ending after `since`. */
export async function schedulesNaming(db: Db | Tx, orgId: string, userId: string, since: Date): Promise<string[]> {
  const rows = await db
    .selectFrom("schedule_layers")
    .innerJoin("schedule_layer_participants", (join) =>
      join.onRef("schedule_layer_participants.org_id", "=", "schedule_layers.org_id").onRef("schedule_layer_participants.layer_id", "=", "schedule_layers.id"),
    )
    .select("schedule_layers.schedule_id")
    .where("schedule_layers.org_id", "=", orgId)
    .where("schedule_layer_participants.user_id", "=", userId)
    .union(
      db.selectFrom("schedule_overrides").select("schedule_id").where("org_id", "=", orgId).where("user_id", "=", userId).where("end_at", ">", since),
    )
    .execute();
  return rows.map((r) => r.schedule_id);
}


/** Ends an override under way at `at` (what happened before stays). */
export async function endOverride(tx: Tx, orgId: string, overrideId: string, at: Date): Promise<void> {
  await tx.updateTable("schedule_overrides").set({ end_at: at }).where("org_id", "=", orgId).where("id", "=", overrideId).execute();
}
