import { finishKeyedCall, keyRefusedForSecretAnswer, keyRefusedInBatch, parseIdempotencyKey, startKeyedCall, type Actor } from "@incidentops/core";
import type { Tx } from "@incidentops/db";
// The marker tRPC's own resolver puts on a result: a replay answers in its place, without running it.
import { middlewareMarker } from "@trpc/server/unstable-core-do-not-import";
import type { Context } from "../context.js";

/** What a keyed write reads of its call: the caller, the call's transaction, and the request's key. */
export interface KeyedCallContext {
  db: Tx;
  actor: Actor;
  idempotency: Context["idempotency"];
}

/** A write call, as its key stands for it. */
export interface WriteCall {
  path: string;
  /** The call's input as the caller sent it: what its key stands for. */
  getRawInput: () => Promise<unknown>;
  /** The procedure answers a secret shown once (meta.answersSecret): its answer is never kept. */
  answersSecret: boolean;
}

/**
 * Runs a write call under its `Idempotency-Key` (decision 0074), after its caller was
 * authenticated and authorized: the key is claimed in the call's transaction, so the answer kept
 * for it commits with the call's changes or not at all. A repeat of a call that answered gets that
 * answer back (its `Idempotent-Replayed` header set) and changes nothing; a call without a key
 * runs as it always did.
 */
export async function callIdempotently<R extends { ok: boolean }>(ctx: KeyedCallContext, call: WriteCall, next: () => Promise<R>): Promise<R> {
  const key = parseIdempotencyKey(ctx.idempotency.header);
  if (key === undefined) return next();
  if (call.answersSecret) throw keyRefusedForSecretAnswer();
  if (ctx.idempotency.inBatch) throw keyRefusedInBatch();
  const outcome = await startKeyedCall(ctx.db, ctx.actor, { key, procedure: call.path, input: await call.getRawInput() });
  if (outcome.replay) {
    ctx.idempotency.replayed = true;
    return { ok: true, data: outcome.answer, marker: middlewareMarker } as unknown as R;
  }
  const result = await next();
  if (result.ok) await finishKeyedCall(ctx.db, ctx.actor, key, (result as unknown as { data: unknown }).data);
  return result;
}
