import type { Db, Tx } from "@incidentops/db";
import { AppError } from "../errors.js";
import type { Actor } from "../policy.js";
import { incrementWriteCalls, writeCallsByDay, writeCallsToday } from "./repository.js";
import type { Usage } from "./schema.js";

// Usage is counted per org and UTC day in `org_usage_daily`. A write call is an authenticated
// mutation (by a person or an API key) that reached its procedure: it counts once whatever its
// outcome. A call refused before that (401, a read-only key's 403, or 429 QUOTA_EXCEEDED itself)
// counts nothing. The day is PostgreSQL's clock in UTC, the same for every API replica.

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
  if ((await writeCallsToday(tx, orgId)) >= quota) throw quotaExceeded(quota);
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
  const counted = await incrementWriteCalls(tx, orgId, quota);
  if (!counted && quota !== null && options.refuse !== false) throw quotaExceeded(quota);
}

export const USAGE_HISTORY_DAYS = 30;

/** The org's write calls today and over the last 30 days (today included), newest first. */
export async function getUsage(db: Db | Tx, actor: Actor, quota: number | null): Promise<Usage> {
  const rows = await writeCallsByDay(db, actor.orgId, USAGE_HISTORY_DAYS);
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
