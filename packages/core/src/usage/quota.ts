import type { Db, Tx } from "@incidentops/db";
import { sql } from "kysely";
import { z } from "zod";
import { AppError } from "../errors.js";
import type { Actor } from "../policy.js";

/**
 * Usage is counted per org and UTC day in `org_usage_daily`. A write call is an authenticated
 * mutation (by a person or an API key) that reached its procedure: it counts once whatever its
 * outcome. A call refused before that (401, a read-only key's 403, or 429 QUOTA_EXCEEDED itself)
 * counts nothing. The day is PostgreSQL's clock in UTC, the same for every API replica.
 */
const utcToday = sql<string>`(now() AT TIME ZONE 'UTC')::date`;

/** Seconds from `now` to the next 00:00 UTC, when a new day's quota starts (at least 1). */
export function secondsUntilUtcMidnight(now: Date = new Date()): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
}

function quotaExceeded(quota: number): AppError {
  const retryAfterSeconds = secondsUntilUtcMidnight();
  return new AppError(
    "QUOTA_EXCEEDED",
    `This organisation has used its daily quota of ${quota} write calls: writes resume at 00:00 UTC`,
    { quota, retryAfterSeconds },
  );
}

/**
 * Refuses a write call up front when the day's quota is already used, so an over-quota call does
 * no work at all. Not exact on its own (concurrent calls may all pass it): `countWriteCall` is.
 */
export async function assertWriteQuotaLeft(tx: Tx, orgId: string, quota: number | null): Promise<void> {
  if (quota === null) return;
  const row = await tx
    .selectFrom("org_usage_daily")
    .select("write_calls")
    .where("org_id", "=", orgId)
    .where("day", "=", utcToday)
    .executeTakeFirst();
  if (row !== undefined && row.write_calls >= quota) throw quotaExceeded(quota);
}

/**
 * Counts one write call, atomically: the increment happens only while the day's count is under
 * the quota, so concurrent calls can never take it past the quota. Run at the end of the call's
 * own transaction (after its work), the row lock it takes is held only until that commit; when
 * the quota is used up it throws QUOTA_EXCEEDED, which rolls the call's changes back.
 * `refuse: false` counts without refusing (for a call that already failed).
 */
export async function countWriteCall(
  tx: Db | Tx,
  orgId: string,
  quota: number | null,
  options: { refuse?: boolean } = {},
): Promise<void> {
  const counted = await tx
    .insertInto("org_usage_daily")
    .values({ org_id: orgId, day: utcToday, write_calls: 1 })
    .onConflict((oc) => {
      const increment = oc.columns(["org_id", "day"]).doUpdateSet({ write_calls: sql<number>`org_usage_daily.write_calls + 1` });
      return quota === null ? increment : increment.where("org_usage_daily.write_calls", "<", quota);
    })
    .returning("write_calls")
    .executeTakeFirst();
  if (counted === undefined && quota !== null && options.refuse !== false) throw quotaExceeded(quota);
}

export const usageDaySchema = z.object({
  day: z.iso.date().describe("UTC date"),
  writeCalls: z.number().int(),
});

export const usageSchema = z.object({
  quota: z.number().int().nullable().describe("Write calls allowed per UTC day; null: unlimited"),
  today: usageDaySchema.extend({
    remaining: z.number().int().nullable().describe("Write calls left today; null: unlimited"),
    resetsAt: z.iso.datetime().describe("When the next UTC day (and its quota) starts"),
  }),
  days: z.array(usageDaySchema).describe("The last 30 UTC days, today first; days without calls count 0"),
});
export type Usage = z.infer<typeof usageSchema>;

export const USAGE_HISTORY_DAYS = 30;

/** The org's write calls today and over the last 30 days (today included), newest first. */
export async function getUsage(db: Db | Tx, actor: Actor, quota: number | null): Promise<Usage> {
  const { rows } = await sql<{ day: string; write_calls: number; resets_at: Date }>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
           COALESCE(u.write_calls, 0) AS write_calls,
           (${utcToday} + 1)::timestamp AT TIME ZONE 'UTC' AS resets_at
    FROM generate_series((${utcToday} - ${USAGE_HISTORY_DAYS - 1}::int)::timestamp, ${utcToday}::timestamp, interval '1 day') AS d(day)
    LEFT JOIN org_usage_daily u ON u.org_id = ${actor.orgId} AND u.day = d.day::date
    ORDER BY d.day DESC`.execute(db);
  const days = rows.map((r) => ({ day: r.day, writeCalls: r.write_calls }));
  const today = days[0];
  const first = rows[0];
  if (today === undefined || first === undefined) throw new Error("unreachable: the usage series has no today");
  return {
    quota,
    today: {
      ...today,
      remaining: quota === null ? null : Math.max(0, quota - today.writeCalls),
      resetsAt: first.resets_at.toISOString(),
    },
    days,
  };
}
