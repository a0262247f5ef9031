import { AsyncLocalStorage } from "node:async_hooks";

/** Fields every line logged within a unit of work carries (a request's id, its caller, ...). */
export type LogBindings = Record<string, unknown>;

const storage = new AsyncLocalStorage<LogBindings>();

/**
 * Runs `work` with `bindings` on every line any logger of `createLogger` writes while it runs,
 * its callbacks and promises included: lines from code that was handed no request-bound logger
 * (a service, the mailer) carry the request's id too.
 */
export const withLogBindings = <T>(bindings: LogBindings, work: () => T): T => storage.run(bindings, work);

/** Adds to the current unit of work's bindings, for its lines from now on (nothing outside one). */
export function addLogBindings(bindings: LogBindings): void {
  const current = storage.getStore();
  if (current !== undefined) Object.assign(current, bindings);
}

/** The current unit of work's bindings, undefined outside one. */
export const currentLogBindings = (): Readonly<LogBindings> | undefined => storage.getStore();

/** What pino merges into each line (a copy: pino writes the line's own fields into it). */
export function logBindingsMixin(): LogBindings {
  const current = storage.getStore();
  return current === undefined ? {} : { ...current };
}
