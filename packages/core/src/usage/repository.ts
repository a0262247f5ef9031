import type { Db, Tx } from "@incidentops/db";
import { sql } from "kysely";

/** The current UTC day by PostgreSQL's clock: the same for every API replica. */
const utcToday = sql<string>`(now() AT TIME ZONE 'UTC')::date`;

/** The org's write calls so far today (0 when it made none). */
export async function writeCallsToday(tx: Tx, orgId: string): Promise<number> {
  const row = await tx
    .selectFrom("org_usage_daily")
    .select("write_calls")
    .where("org_id", "=", orgId)
    .where("day", "=", utcToday)
    .executeTakeFirst();
  return row?.write_calls ?? 0;
}

/**
 * Adds one write call to today's count in one statement, and only while the count is under
 * `quota` (null: always). Returns false when the quota left no room (nothing was counted).
 */
export async function incrementWriteCalls(db: Db | Tx, orgId: string, quota: number | null): Promise<boolean> {
  const counted = await db
    .insertInto("org_usage_daily")
    .values({ org_id: orgId, day: utcToday, write_calls: 1 })
    .onConflict((oc) => {
      const increment = oc.columns(["org_id", "day"]).doUpdateSet({ write_calls: sql<number>`org_usage_daily.write_calls + 1` });
      return quota === null ? increment : increment.where("org_usage_daily.write_calls", "<", quota);
    })
    .returning("write_calls")
    .executeTakeFirst();
  return counted !== undefined;
}

/** The org's write calls on each of the last `days` UTC days, today first, days without calls as 0. */
export async function writeCallsByDay(db: Db | Tx, orgId: string, days: number) {
  const { rows } = await sql<{ day: string; write_calls: number; resets_at: Date }>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
           COALESCE(u.write_calls, 0) AS write_calls,
           (${utcToday} + 1)::timestamp AT TIME ZONE 'UTC' AS resets_at
    FROM generate_series((${utcToday} - ${days - 1}::int)::timestamp, ${utcToday}::timestamp, interval '1 day') AS d(day)
    LEFT JOIN org_usage_daily u ON u.org_id = ${orgId} AND u.day = d.day::date
    ORDER BY d.day DESC`.execute(db);
  return rows;
}
