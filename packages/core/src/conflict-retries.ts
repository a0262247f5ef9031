import { setTimeout as sleep } from "node:timers/promises";
import { isTransactionConflict } from "./db-errors.js";
import type { Logger } from "./logger.js";
import { currentTransactionAttempt, withinTransactionAttempt, type TransactionAttempt } from "./work-context.js";

/** How many times a transaction PostgreSQL aborted for a concurrent one is run in all. */
export const TRANSACTION_ATTEMPTS = 3;
/** The pause before the second attempt is between this and twice this; it doubles for each next one. */
const FIRST_PAUSE_MS = 20;

/**
 * Says the running attempt did something outside the database (a webhook sent, bytes deleted):
 * its transaction is not run again, since that would do it again. Nothing outside an attempt.
 */
export function noteEffectOutsideDatabase(): void {
  const attempt = currentTransactionAttempt();
  if (attempt !== undefined) attempt.effectOutsideDatabase = true;
}

/**
 * Runs `transaction` (work that opens its own transaction and commits it), and runs it again when
 * PostgreSQL aborted it for a concurrent one (isTransactionConflict: a deadlock, a serialization
 * failure), up to TRANSACTION_ATTEMPTS times, after a short jittered pause that lets the other one
 * finish, each retry logged. An attempt that did something outside the database
 * (noteEffectOutsideDatabase) is not run again, nor is anything else that failed: its error is
 * thrown, as the last attempt's is. `failureOf` reads the error of work that fails as a value
 * (tRPC's procedures): such a conflict is run again the same way, and the last one returned.
 * Inside another attempt, it runs once: the outer one, whose transaction it may share, is the
 * one run again.
 */
export async function retryingConflicts<T>(log: Logger, transaction: () => Promise<T>, failureOf: (result: T) => unknown = () => undefined): Promise<T> {
  if (currentTransactionAttempt() !== undefined) return transaction();
  for (let attempt = 1; ; attempt++) {
    const current: TransactionAttempt = { effectOutsideDatabase: false };
    let conflict: unknown;
    try {
      const result = await withinTransactionAttempt(current, transaction);
      conflict = failureOf(result);
      if (!isTransactionConflict(conflict) || current.effectOutsideDatabase || attempt >= TRANSACTION_ATTEMPTS) return result;
    } catch (error) {
      if (!isTransactionConflict(error) || current.effectOutsideDatabase || attempt >= TRANSACTION_ATTEMPTS) throw error;
      conflict = error;
    }
    log.warn({ err: conflict, attempt }, "the transaction conflicted with a concurrent one and PostgreSQL aborted it: running it again");
    const pauseMs = FIRST_PAUSE_MS * 2 ** (attempt - 1);
    await sleep(pauseMs + Math.random() * pauseMs);
  }
}
