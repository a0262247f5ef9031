import type { Db } from "@incidentops/db";
import { sql, type RawBuilder } from "kysely";

/** One hit counted in a fixed window: the hits so far in it and the time left until it ends. */
export interface WindowHit {
  hits: number;
  resetInMs: number;
}

/** The start of the fixed window of `windowMs` that holds the database's now(). */
const currentWindow = (windowMs: number) => sql<Date>`date_bin(${windowMs}::int * interval '1 millisecond', now(), timestamptz '1970-01-01 00:00:00+00')`;

/**
 * A counter is one row every request of its key updates, so each waits for the one before to
 * commit; with synchronous commit that is a WAL flush each, about 1,000-1,700 a second on the
 * benchmark's machine for one routing key however many replicas share it, against 4,500-9,000
 * with the flush left to the WAL writer (measured with 16 connections on one key). A count lost
 * to a crash within that fraction of a second only loosens a limit, so a counter statement that
 * is its own transaction commits without waiting for the flush (set_config(..., true) lasts to
 * the end of the statement's transaction). Inside a caller's transaction it changes nothing.
 */
const relaxedCommit = (db: Db) =>
  db.isTransaction ? sql`(SELECT 1) AS relaxed` : sql`(SELECT set_config('synchronous_commit', 'off', true)) AS relaxed`;

/**
 * Counts a hit for `key` in the current fixed window, in PostgreSQL, so every API replica shares
 * the count (one upsert: concurrent hits never lose an increment). The database's clock decides
 * the window, so replicas with drifting clocks still agree.
 */
export async function hitWindowCounter(db: Db, key: string, windowMs: number): Promise<WindowHit> {
  const { rows } = await sql<{ hits: number; reset_in_ms: number }>`
    INSERT INTO rate_limit_counters AS c (key, window_start, hits) SELECT ${key}, ${currentWindow(windowMs)}, 1 FROM ${relaxedCommit(db)}
    ON CONFLICT (key, window_start) DO UPDATE SET hits = c.hits + 1
    RETURNING hits, (extract(epoch FROM c.window_start - now()) * 1000 + ${windowMs}::int)::float8 AS reset_in_ms`.execute(db);
  const row = rows[0];
  if (row === undefined) throw new Error("rate_limit_counters upsert returned no row");
  return { hits: row.hits, resetInMs: Math.max(0, row.reset_in_ms) };
}

/**
 * The upsert of a take (takeFromWindow): `count` hits counted for `key` in the current window
 * only if they all fit under `limit`, returning the hits and the time left; no row when refused.
 * `key` may read the rows of `from`: a statement that finds what it counts for and takes is one
 * round trip.
 */
export const windowTake = (db: Db, take: { key: RawBuilder<string>; windowMs: number; count: number; limit: number }, from?: RawBuilder<unknown>) => sql<{
  hits: number;
  reset_in_ms: number;
}>`
    INSERT INTO rate_limit_counters AS c (key, window_start, hits)
    SELECT ${take.key}, ${currentWindow(take.windowMs)}, ${take.count}::int FROM ${relaxedCommit(db)}${from === undefined ? sql`` : sql`, ${from}`}
    WHERE ${take.count}::int <= ${take.limit}::int
    ON CONFLICT (key, window_start) DO UPDATE SET hits = c.hits + excluded.hits WHERE c.hits + excluded.hits <= ${take.limit}::int
    RETURNING hits, (extract(epoch FROM c.window_start - now()) * 1000 + ${take.windowMs}::int)::float8 AS reset_in_ms`;

/** How many of `count` hits a window took, and when it ends. */
export interface WindowTake {
  taken: boolean;
  hits: number;
  resetInMs: number;
}

/**
 * Counts `count` hits for `key` in the current fixed window only if they all fit under `limit`
 * (one atomic upsert: concurrent takers never overshoot, and a refused take counts nothing).
 */
export async function takeFromWindow(db: Db, key: string, windowMs: number, count: number, limit: number): Promise<WindowTake> {
  const { rows } = await windowTake(db, { key: sql<string>`${key}`, windowMs, count, limit }).execute(db);
  const row = rows[0];
  if (row !== undefined) return { taken: true, hits: row.hits, resetInMs: Math.max(0, row.reset_in_ms) };
  const { rows: window } = await sql<{ hits: number | null; reset_in_ms: number }>`
    SELECT (SELECT hits FROM rate_limit_counters WHERE key = ${key} AND window_start = ${currentWindow(windowMs)}) AS hits,
           (extract(epoch FROM ${currentWindow(windowMs)} - now()) * 1000 + ${windowMs}::int)::float8 AS reset_in_ms`.execute(db);
  return { taken: false, hits: window[0]?.hits ?? 0, resetInMs: Math.max(0, window[0]?.reset_in_ms ?? windowMs) };
}

/** Takes back one hit of the current window (for a request that should not have counted). */
export async function unhitWindowCounter(db: Db, key: string, windowMs: number): Promise<void> {
  await sql`
    UPDATE rate_limit_counters SET hits = hits - 1
    WHERE key = ${key} AND window_start = ${currentWindow(windowMs)} AND hits > 0`.execute(db);
}

export async function resetWindowCounter(db: Db, key: string): Promise<void> {
  await db.deleteFrom("rate_limit_counters").where("key", "=", key).execute();
}

/**
 * Deletes what no longer matters: rate-limit windows over an hour old, login throttles whose
 * window has ended, and password reset tokens a day past their expiry. Cheap and idempotent:
 * any replica may run it at any time.
 */
export async function sweepExpiredCounters(db: Db): Promise<void> {
  await db.deleteFrom("rate_limit_counters").where("window_start", "<", sql<Date>`now() - interval '1 hour'`).execute();
  await db.deleteFrom("login_throttle").where("window_start", "<", sql<Date>`now() - interval '1 hour'`).execute();
  await db.deleteFrom("password_reset_tokens").where("expires_at", "<", sql<Date>`now() - interval '1 day'`).execute();
}
