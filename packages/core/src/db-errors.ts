/** The SQLSTATE of a PostgreSQL error, undefined for anything else. */
function sqlStateOf(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** PostgreSQL's unique_violation, optionally on a named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return sqlStateOf(error) === "23505" && (constraint === undefined || (error as { constraint?: unknown }).constraint === constraint);
}

/** PostgreSQL's foreign_key_violation: what a row refers to is gone (or was never there). */
export const isForeignKeyViolation = (error: unknown): boolean => sqlStateOf(error) === "23503";

/**
 * PostgreSQL aborted the transaction for a concurrent one: deadlock_detected (two transactions
 * locked rows in opposite orders) or serialization_failure. It changed nothing, and running it
 * again is what PostgreSQL's documentation says to do.
 */
export const isTransactionConflict = (error: unknown): boolean => sqlStateOf(error) === "40P01" || sqlStateOf(error) === "40001";

/** PostgreSQL's lock_not_available: a lock was not granted within lock_timeout (an operator's setting; the code sets none). */
export const isLockNotAvailable = (error: unknown): boolean => sqlStateOf(error) === "55P03";

/** SQLSTATEs that mean the server is going away or cannot take the connection. */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const UNAVAILABLE_NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
/** node-postgres reports a lost or timed-out connection with these messages and no code. */
const UNAVAILABLE_MESSAGES = [/^Connection terminated/, /^timeout exceeded when trying to connect/, /is not queryable/];

/**
 * Whether `error` says the database cannot be reached right now (refused or lost connection,
 * server shutting down, connection class 08), as opposed to a bug or a bad query: the caller can
 * retry later. AggregateErrors (one per address tried) count when every attempt says so.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.every(isDatabaseUnavailable);
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith("08") || UNAVAILABLE_NETWORK_CODES.has(code))) return true;
  return typeof message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}
