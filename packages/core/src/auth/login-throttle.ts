import type { Db, Tx } from "@incidentops/db";
import { sql } from "kysely";

/** Failed logins an account may have in one window before further attempts are refused. */
export const LOGIN_MAX_FAILURES = 5;
/** The window starts at the first failure; once it is over, the account is unlocked. */
export const LOGIN_WINDOW_SECONDS = 15 * 60;

export interface LoginThrottleState {
  failures: number;
  /** Seconds left in the current window (at least 1). */
  retryAfterSeconds: number;
}

const windowLength = sql`make_interval(secs => ${LOGIN_WINDOW_SECONDS}::int)`;
const retryAfter = sql<number>`greatest(1, ceil(extract(epoch FROM window_start + ${windowLength} - now())))::int`;

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
  const row = rows[0];
  if (row === undefined) throw new Error("login_throttle upsert returned no row");
  return { failures: row.failures, retryAfterSeconds: row.retry_after };
}

/** Counts one failure on the row locked by lockLoginThrottle. */
export async function recordLoginFailure(tx: Tx, email: string): Promise<LoginThrottleState> {
  const { rows } = await sql<{ failures: number; retry_after: number }>`
    UPDATE login_throttle SET failures = failures + 1 WHERE email = ${email}
    RETURNING failures, ${retryAfter} AS retry_after`.execute(tx);
  const row = rows[0];
  if (row === undefined) throw new Error("login_throttle row vanished while locked");
  return { failures: row.failures, retryAfterSeconds: row.retry_after };
}

export const isLockedOut = (state: LoginThrottleState) => state.failures >= LOGIN_MAX_FAILURES;

/** Forgets the account's failures: after a successful login or a password reset. */
export async function clearLoginThrottle(db: Db | Tx, email: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("email", "=", email).execute();
}
