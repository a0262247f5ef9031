import { isDatabaseUnavailable, retryingConflicts, transact, type Actor, type Logger } from "@incidentops/core";
import type { Db, Tx } from "@incidentops/db";

/** Thrown inside the transaction to roll it back when the call failed. */
class CallFailed extends Error {}

/**
 * Runs one authenticated call in one transaction: `identify` resolves the caller and scopes the
 * transaction (SET LOCAL) to their org, so row-level security shows only that org's rows; `call`
 * then does the work. tRPC reports a failed procedure as a value (`ok: false`), not a throw: the
 * transaction commits when the result is ok and rolls back as a whole otherwise. A throw from
 * either function rolls back and propagates.
 */
export async function inScopedTransaction<R extends { ok: boolean }>(
  db: Db,
  identify: (tx: Tx) => Promise<Actor>,
  call: (tx: Tx, actor: Actor) => Promise<R>,
  options: { readOnly?: boolean } = {},
): Promise<{ result: R; actor: Actor }> {
  let outcome: { result: R; actor: Actor } | undefined;
  try {
    await transact(
      db,
      async (tx) => {
        const actor = await identify(tx);
        outcome = { result: await call(tx, actor), actor };
        if (!outcome.result.ok) throw new CallFailed();
      },
      options,
    );
  } catch (error) {
    if (!(error instanceof CallFailed)) throw error;
  }
  if (outcome === undefined) throw new Error("unreachable: the scoped transaction ran no call");
  return outcome;
}

/** Why a tRPC call failed as a value (`ok: false`): what retryingConflicts reads of a call's result. */
export const failureOfCall = (result: { ok: boolean; error?: { cause?: unknown } }): unknown => (result.ok ? undefined : result.error?.cause);

/**
 * Runs a call as inScopedTransaction does, and runs it again, identification included, when
 * PostgreSQL aborted its transaction for a concurrent one (a deadlock, a serialization failure):
 * retryingConflicts, which never runs again a call that did something outside the database.
 */
export function inRetriedScopedTransaction<R extends { ok: boolean; error?: { cause?: unknown } }>(
  db: Db,
  log: Logger,
  identify: (tx: Tx) => Promise<Actor>,
  call: (tx: Tx, actor: Actor) => Promise<R>,
): Promise<{ result: R; actor: Actor }> {
  return retryingConflicts(log, () => inScopedTransaction(db, identify, call), ({ result }) => failureOfCall(result));
}

/**
 * Runs a read as inScopedTransaction does, in a read-only transaction, `identify` sending its
 * check with each message (enterPresumedScope; the driver's holdReadOnly): a read of one
 * statement is one message, with no BEGIN and no COMMIT. Only a success is an answer; on any
 * failure, the check's included, this answers undefined, having changed nothing: the caller calls
 * again identifying first, which gives the failure that call gives, in its order (authentication
 * before anything the call checks). A database that cannot be reached, or did not answer in
 * time, is that call's failure already: it is thrown, not waited out a second time.
 */
export async function readPresuming<R extends { ok: boolean; error?: { cause?: unknown } }>(
  db: Db,
  identify: (tx: Tx) => Promise<Actor>,
  call: (tx: Tx, actor: Actor) => Promise<R>,
): Promise<R | undefined> {
  try {
    const { result } = await inScopedTransaction(db, identify, call, { readOnly: true });
    return result.ok || isDatabaseUnavailable(result.error?.cause) ? result : undefined;
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    return undefined;
  }
}
