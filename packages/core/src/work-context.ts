import { AsyncLocalStorage } from "node:async_hooks";

/** Fields every line logged within a unit of work carries (a request's id, its caller, ...). */
export type LogBindings = Record<string, unknown>;

/** What the transaction attempt under way did beyond its transaction (conflict-retries.ts). */
export interface TransactionAttempt {
  effectOutsideDatabase: boolean;
}

/**
 * What a unit of work (a request) carries through its callbacks and promises: its log bindings
 * and, while retryingConflicts runs one, the transaction attempt under way. One AsyncLocalStorage
 * holds both: on Node 20 every AsyncLocalStorage in use adds its work to every promise the
 * process makes, a second one about 25 ns each, which reads felt (bench/README.md).
 */
interface WorkContext {
  bindings: LogBindings;
  attempt?: TransactionAttempt;
}

const storage = new AsyncLocalStorage<WorkContext>();

/**
 * Runs `work` with `bindings` on every line any logger of `createLogger` writes while it runs,
 * its callbacks and promises included: lines from code that was handed no request-bound logger
 * (a service, the mailer) carry the request's id too.
 */
export const withLogBindings = <T>(bindings: LogBindings, work: () => T): T => storage.run({ bindings }, work);

/** Adds to the current unit of work's bindings, for its lines from now on (nothing outside one). */
export function addLogBindings(bindings: LogBindings): void {
  const current = storage.getStore();
  if (current !== undefined) Object.assign(current.bindings, bindings);
}

/** The current unit of work's bindings, undefined outside one. */
export const currentLogBindings = (): Readonly<LogBindings> | undefined => storage.getStore()?.bindings;

/** What pino merges into each line (a copy: pino writes the line's own fields into it). */
export function logBindingsMixin(): LogBindings {
  const current = storage.getStore();
  // Assigned onto a new object, not spread: pino adds the line's fields to it, and on Node 20 a key
  // added to a spread's copy costs about a microsecond (decision 0059).
  return current === undefined ? {} : Object.assign({}, current.bindings);
}

/** Runs `work` as transaction attempt `attempt`, within the current unit of work (its bindings shared). */
export const withinTransactionAttempt = <T>(attempt: TransactionAttempt, work: () => T): T =>
  storage.run({ bindings: storage.getStore()?.bindings ?? {}, attempt }, work);

/** The transaction attempt under way (withinTransactionAttempt), undefined outside one. */
export const currentTransactionAttempt = (): TransactionAttempt | undefined => storage.getStore()?.attempt;
