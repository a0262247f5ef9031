import { assertWriteQuotaLeft, countWriteCall, inScope, type Logger } from "@incidentops/core";
import type { Db, Tx } from "@incidentops/db";

/**
 * Mutations that take access away or secure an account. They count as write calls but are never
 * refused for the quota: an org whose quota was burnt (say by a leaked write key) must still be
 * able to revoke that key, remove a member or change a password before 00:00 UTC.
 */
const QUOTA_EXEMPT_PROCEDURES = new Set([
  "org.apiKeys.revoke",
  "org.members.remove",
  "org.members.update",
  "org.invitations.revoke",
  "integrations.delete",
  "auth.changePassword",
]);

export const isQuotaExempt = (procedurePath: string) => QUOTA_EXEMPT_PROCEDURES.has(procedurePath);

/** The write-call accounting of one authenticated call (see usage/quota.ts in core). */
export interface WriteQuota {
  /** The daily limit this call is held to; null: counted, never refused. */
  limit: number | null;
  /** In the call's transaction, before the procedure: 429 QUOTA_EXCEEDED when the day's quota is used up. */
  assertLeft: (tx: Tx, orgId: string) => Promise<void>;
  /**
   * Last in the call's transaction, after a success: counts atomically, refusing (and so rolling
   * back) over the quota. A replay of a keyed write (decision 0074) is counted but never refused:
   * it changes nothing, and its answer is what makes sending the write again safe.
   */
  countSucceeded: (tx: Tx, orgId: string, replayed: boolean) => Promise<void>;
  /** After a failed call rolled back: counts it in a transaction of its own, never refusing. */
  countFailed: (db: Db, orgId: string, log: Logger) => Promise<void>;
}

/**
 * Every mutation that reaches its procedure is a write call of the org, counted once per UTC day
 * whatever its outcome; queries are not counted (null). Exempt procedures count but are not refused.
 */
export function writeQuotaOf(call: { type: string; path: string }, dailyQuota: number | null): WriteQuota | null {
  if (call.type !== "mutation") return null;
  const limit = isQuotaExempt(call.path) ? null : dailyQuota;
  return {
    limit,
    assertLeft: (tx, orgId) => assertWriteQuotaLeft(tx, orgId, limit),
    countSucceeded: (tx, orgId, replayed) => countWriteCall(tx, orgId, limit, { refuse: !replayed }),
    countFailed: async (db, orgId, log) => {
      try {
        await inScope(db, { orgId }, (tx) => countWriteCall(tx, orgId, limit, { refuse: false }));
      } catch (error) {
        // The caller gets the procedure's own error, not this one.
        log.warn({ err: error, orgId }, "counting a failed write call failed");
      }
    },
  };
}
