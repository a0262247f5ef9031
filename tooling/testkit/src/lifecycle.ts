import { afterAll, afterEach, beforeAll } from "vitest";

interface Closable {
  close: () => unknown;
}

/**
 * Starts `start()` before the file's tests (or the describe block's) and closes it after; read
 * `.current` inside tests and hooks.
 */
export function useStarted<T extends Closable>(what: string, start: () => Promise<T>): { current: T } {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    await started?.close();
  });
  return {
    get current(): T {
      if (started === undefined) throw new Error(`${what} is not started: use it inside tests or hooks`);
      return started;
    },
  };
}

/**
 * Closes what it is given after each test of the file (receivers, SMTP sinks, mailers a test
 * starts for itself): `const closing = closeAfterEach(); const receiver = closing(await startWebhookReceiver())`.
 */
export function closeAfterEach(): <T extends Closable>(thing: T) => T {
  const open: Closable[] = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await thing.close();
  });
  return (thing) => {
    open.push(thing);
    return thing;
  };
}
