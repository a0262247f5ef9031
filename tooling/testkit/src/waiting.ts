export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** A promise and the function that resolves it. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((settle) => {
    resolve = () => settle();
  });
  return { promise, resolve };
}

/**
 * Waits, if need be, until at least 10 seconds are left in the current wall-clock minute: the
 * per-minute rate limits count in fixed windows on the database's clock (this machine's), so a
 * test that counts up to a limit must not straddle a window's end.
 */
export async function insideOneMinuteWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 10_000) await sleep(left + 200);
}

/**
 * What a job scheduled for `at` (ms) records, as `find` reads it (undefined until it exists): never
 * before `at` (polled until just before it), and within 5 s after it (its `createdAt`). Fails
 * otherwise; answers what was found.
 */
export async function recordedAtItsTime<T extends { createdAt: string }>(find: () => Promise<T | undefined>, at: number, what: string): Promise<T> {
  while (Date.now() < at - 300) {
    const early = await find();
    if (early !== undefined) throw new Error(`${what} was recorded at ${early.createdAt}, before its time (${new Date(at).toISOString()})`);
    await sleep(200);
  }
  const found = await waitFor(find, 10_000, what);
  const lateness = Date.parse(found.createdAt) - at;
  if (lateness < 0 || lateness >= 5_000) throw new Error(`${what} was recorded ${lateness} ms after its time: expected 0 to 5,000 ms`);
  return found;
}
