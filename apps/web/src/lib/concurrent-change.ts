import { toApiError } from "./api-error";
import { sleep } from "./sleep";

// A call the API answered 409 CONCURRENT_CHANGE applied nothing: the API rolled back each of its
// own attempts, and the change it met is over by then. The app sends it again after its
// Retry-After, query or mutation, over tRPC (trpc.ts) and the session routes (session-transport.ts)
// alike; only a call that still conflicts shows its error, which says what to do (api-error.ts).

/** How many times a call answered CONCURRENT_CHANGE is sent again before its error is shown. */
export const CONCURRENT_CHANGE_RETRIES = 2;

/**
 * What to wait for before sending again a call that failed with `error` after being sent again
 * `resent` times: its Retry-After when that was a CONCURRENT_CHANGE and retries remain, else
 * undefined (fail it with that error). `signal` ends the wait, rejecting.
 */
export function concurrentChangeWait(error: unknown, resent: number, signal?: AbortSignal): Promise<void> | undefined {
  const apiError = toApiError(error);
  if (apiError.code !== "CONCURRENT_CHANGE" || resent >= CONCURRENT_CHANGE_RETRIES) return undefined;
  const seconds = apiError.details.retryAfterSeconds;
  return sleep((typeof seconds === "number" ? seconds : 1) * 1000, signal);
}

/** Runs `call`, and again as concurrentChangeWait says, until it answers or fails for good. */
export async function resendingConcurrentChange<T>(call: () => Promise<T>): Promise<T> {
  for (let resent = 0; ; resent++) {
    try {
      return await call();
    } catch (error) {
      const wait = concurrentChangeWait(error, resent);
      if (wait === undefined) throw error;
      await wait;
    }
  }
}
