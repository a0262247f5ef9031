import type { Db, Tx } from "@incidentops/db";
import { sql } from "kysely";
import { LOGIN_WINDOW_SECONDS, type LoginThrottleState } from "./login-throttle.js";

// ---------------------------------------------------------------------------------------------
// Login throttle: one row per email, counting failures in a window.

const windowLength = sql`make_interval(secs => ${LOGIN_WINDOW_SECONDS}::int)`;
const retryAfter = sql<number>`greatest(1, ceil(extract(epoch FROM window_start + ${windowLength} - now())))::int`;

function toThrottleState(rows: { failures: number; retry_after: number }[], missing: string): LoginThrottleState {
  const row = rows[0];
  if (row === undefined) throw new Error(missing);
  return { failures: row.failures, retryAfterSeconds: row.retry_after };
}

/**
 * Locks the account's throttle row until the transaction ends, creating it (or starting a new
 * window when the last one is over). Every login attempt for one email passes through this lock,
 * so concurrent attempts are serialised and each failure is counted exactly once, on every API
 * replica alike: the state lives in PostgreSQL, not in process memory.
 */
export async function lockLoginThrottle(tx: Tx, email: string): Promise<LoginThrottleState> {
  const { rows } = await sql<{ failures: number; retry_after: number }>`
    INSERT INTO login_throttle AS t (email, failures, window_start) VALUES (${email}, 0, now())
    ON CONFLICT (email) DO UPDATE SET
      failures     = CASE WHEN t.window_start + ${windowLength} <= now() THEN 0 ELSE t.failures END,
      window_start = CASE WHEN t.window_start + ${windowLength} <= now() THEN now() ELSE t.window_start END
    RETURNING failures, ${retryAfter} AS retry_after`.execute(tx);
  return toThrottleState(rows, "login_throttle upsert returned no row");
}

/** Counts one failure on the row locked by lockLoginThrottle. */
export async function recordLoginFailure(tx: Tx, email: string): Promise<LoginThrottleState> {
  const { rows } = await sql<{ failures: number; retry_after: number }>`
    UPDATE login_throttle SET failures = failures + 1 WHERE email = ${email}
    RETURNING failures, ${retryAfter} AS retry_after`.execute(tx);
  return toThrottleState(rows, "login_throttle row vanished while locked");
}

/** Forgets the account's failures: after a successful login or a password reset. */
export async function clearLoginThrottle(db: Db | Tx, email: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("email", "=", email).execute();
}

// ---------------------------------------------------------------------------------------------
// Password reset tokens: stored as their SHA-256, single use.

export async function insertResetToken(tx: Tx, token: { userId: string; hash: Buffer; ttlSeconds: number }): Promise<void> {
  await tx
    .insertInto("password_reset_tokens")
    .values({
      user_id: token.userId,
      token_hash: token.hash,
      expires_at: sql<Date>`now() + make_interval(secs => ${token.ttlSeconds}::int)`,
    })
    .execute();
}

/** An unused, unexpired reset token, locked: two concurrent uses are serialised. */
export function findUsableResetTokenForUpdate(tx: Tx, hash: Buffer) {
  return tx
    .selectFrom("password_reset_tokens")
    .select(["id", "user_id"])
    .where("token_hash", "=", hash)
    .where("used_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .forUpdate()
    .executeTakeFirst();
}

/** Marks every outstanding reset token of the user used. */
export async function useResetTokens(tx: Tx, userId: string): Promise<void> {
  await tx
    .updateTable("password_reset_tokens")
    .set({ used_at: sql<Date>`now()` })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
}
