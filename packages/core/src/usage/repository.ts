import { sendWithNext, type Db, type Tx } from "@incidentops/db";
import { sql } from "kysely";

/** The current UTC day by PostgreSQL's clock: the same for every API replica. */
const utcToday = sql<string>`(now() AT TIME ZONE 'UTC')::date`;

/** The org's write calls so far today (0 when it made none): the sum of its rows. */
export async function writeCallsToday(tx: Tx, orgId: string): Promise<number> {
  const row = await tx
    .selectFrom("org_usage_daily")
    .select(sql<number>`coalesce(sum(write_calls), 0)::int`.as("write_calls"))
    .where("org_id", "=", orgId)
    .where("day", "=", utcToday)
    .executeTakeFirst();
  return row?.write_calls ?? 0;
}

/** Today's calls of the org in its rows other than 0 (those a quota check adds to row 0's). */
const otherRowsToday = (orgId: string) => sql<number>`(
  SELECT coalesce(sum(o.write_calls), 0) FROM org_usage_daily o WHERE o.org_id = ${orgId} AND o.day = ${utcToday} AND o.shard <> 0)`;

/**
 * Adds one write call to today's count in one statement. Without a quota, in the row of the
 * calling connection (so concurrent calls of one org rarely wait on each other's row lock); with
 * one, in row 0 and only while the day's total is under it: concurrent callers queue on row 0, so
 * the quota is never overshot (callers without a quota are never refused and may add to other
 * rows meanwhile). Returns false when the quota left no room (nothing was counted).
 */
export async function incrementWriteCalls(db: Db | Tx, orgId: string, quota: number | null): Promise<boolean> {
  if (quota === null) {
    // Its answer is not read: in a transaction it goes with the next statement, or the COMMIT.
    await sendWithNext(
      db,
      sql`
      INSERT INTO org_usage_daily AS u (org_id, day, shard, write_calls) VALUES (${orgId}, ${utcToday}, pg_backend_pid() % 16, 1)
      ON CONFLICT (org_id, day, shard) DO UPDATE SET write_calls = u.write_calls + 1`,
    );
    return true;
  }
  const { rows } = await sql`
    INSERT INTO org_usage_daily AS u (org_id, day, shard, write_calls)
    SELECT ${orgId}, ${utcToday}, 0, 1 WHERE ${otherRowsToday(orgId)} < ${quota}::int
    ON CONFLICT (org_id, day, shard) DO UPDATE SET write_calls = u.write_calls + 1
      WHERE u.write_calls + ${otherRowsToday(orgId)} < ${quota}::int
    RETURNING u.write_calls`.execute(db);
  return rows.length > 0;
}

/** The org's write calls on each of the last `days` UTC days, today first, days without calls as 0. */
export async function writeCallsByDay(db: Db | Tx, orgId: string, days: number) {
  const { rows } = await sql<{ day: string; write_calls: number; resets_at: Date }>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
           COALESCE(u.write_calls, 0) AS write_calls,
           (${utcToday} + 1)::timestamp AT TIME ZONE 'UTC' AS resets_at
    FROM generate_series((${utcToday} - ${days - 1}::int)::timestamp, ${utcToday}::timestamp, interval '1 day') AS d(day)
    LEFT JOIN (
      SELECT day, sum(write_calls)::int AS write_calls FROM org_usage_daily
       WHERE org_id = ${orgId} AND day > ${utcToday} - ${days}::int GROUP BY day) u ON u.day = d.day::date
    ORDER BY d.day DESC`.execute(db);
  return rows;
}
