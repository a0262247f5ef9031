import { useMutation } from "@tanstack/react-query";
import { useCallback, useRef } from "react";

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";

/** A write sends its key as the operation's tRPC context (see trpc.ts: such a write goes unbatched, with the header). */
export type KeyedWriteContext = Record<string, unknown> & { idempotencyKey: string };

export const keyedWriteContext = (idempotencyKey: string): KeyedWriteContext => ({ idempotencyKey });

export const isKeyedWrite = (context: Record<string, unknown>): context is KeyedWriteContext => typeof context.idempotencyKey === "string";

/** 128 random bits in hex: crypto.getRandomValues works on a page served over plain HTTP too (randomUUID does not). */
const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");

/**
 * Idempotency keys for a form's write (decision 0074): the same key while the person sends the same
 * input again, as they do after an answer that never came (a timeout, a dropped connection), so
 * that the API answers the first write instead of making a second; a new key once the input
 * changes, or after `written` (the next write of the same input is another one).
 */
export function useIdempotencyKeys(): { keyFor: (input: unknown) => string; written: () => void } {
  const last = useRef<{ input: string; key: string } | null>(null);
  const keyFor = useCallback((input: unknown) => {
    const text = JSON.stringify(input);
    if (last.current?.input !== text) last.current = { input: text, key: newKey() };
    return last.current.key;
  }, []);
  const written = useCallback(() => {
    last.current = null;
  }, []);
  return { keyFor, written };
}

/**
 * A form's write sent with an idempotency key (useIdempotencyKeys): `mutate` is a tRPC client's
 * procedure (`client.incidents.comment.mutate`); the returned function sends it with the same key
 * while the input is the same, and a new key once a write succeeded.
 */
export function useKeyedWrite<Input, Output>(mutate: (input: Input, options: { context: KeyedWriteContext }) => Promise<Output>): (input: Input) => Promise<Output> {
  const { keyFor, written } = useIdempotencyKeys();
  return useCallback(
    async (input: Input) => {
      const output = await mutate(input, { context: keyedWriteContext(keyFor(input)) });
      written();
      return output;
    },
    [mutate, keyFor, written],
  );
}

/**
 * A form's keyed write as a react-query mutation (useKeyedWrite): what a form that adds something
 * (a task, a schedule, a comment) uses, so that sending it again after an answer that never came
 * adds it once. `mutate` is the tRPC client's procedure (`useTRPCClient().incidents.tasks.create.mutate`).
 */
export function useKeyedMutation<Input, Output>(mutate: (input: Input, options: { context: KeyedWriteContext }) => Promise<Output>) {
  return useMutation({ mutationFn: useKeyedWrite(mutate) });
}
