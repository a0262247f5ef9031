import { createHash } from "node:crypto";
import type { Tx } from "@incidentops/db";
import { stringify } from "safe-stable-stringify";
import { AppError } from "../errors.js";
import type { Actor } from "../policy.js";
import { addLogBindings } from "../work-context.js";
import { claimIdempotencyKey, recordIdempotentAnswer, type KeyOwner } from "./repository.js";
import { idempotencyKeySchema, IDEMPOTENCY_KEY_TTL_HOURS } from "./schema.js";

/** A write call sent with a key: the procedure and the input as the caller sent it. */
export interface KeyedCall {
  key: string;
  procedure: string;
  input: unknown;
}

/** What to do with a keyed call: run it (and record its answer), or answer what its first call answered. */
export type KeyedCallOutcome = { replay: false } | { replay: true; answer: unknown };

const ownerOf = (actor: Actor): KeyOwner => ({
  orgId: actor.orgId,
  userId: actor.kind === "user" ? actor.userId : null,
  apiKeyId: actor.kind === "api_key" ? actor.apiKeyId : null,
});

/** The request a key stands for: its procedure and its input as canonical JSON (keys sorted), hashed. */
const fingerprintOf = (call: KeyedCall) =>
  createHash("sha256")
    .update(call.procedure)
    .update("\n")
    .update(stringify(call.input ?? null))
    .digest();

/**
 * The key of a request's `Idempotency-Key` header, or undefined without one: a malformed key is
 * 400 INVALID_IDEMPOTENCY_KEY (several headers arrive joined by commas, which is one key here).
 */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(header);
  if (parsed.success) return parsed.data;
  throw new AppError("INVALID_IDEMPOTENCY_KEY", "The Idempotency-Key header must be 1-255 visible ASCII characters, e.g. a UUID", { reason: "malformed" });
}

/** The refusal of a key on a call whose answer holds a secret shown once: it is never stored, so it cannot be replayed. */
export const keyRefusedForSecretAnswer = () =>
  new AppError(
    "INVALID_IDEMPOTENCY_KEY",
    "This operation answers with a secret shown once, which is not kept to be answered again: send it without an Idempotency-Key",
    { reason: "secret_answer" },
  );

/**
 * The refusal of a key on a tRPC batch of several calls: the batch's calls share its headers, so
 * the key could stand for none of them (the first write would claim it and the next be refused).
 * Every write of the batch is refused before it runs, so none of it changes anything.
 */
export const keyRefusedInBatch = () =>
  new AppError("INVALID_IDEMPOTENCY_KEY", "An Idempotency-Key stands for one call: send each keyed write in a request of its own, not in a batch", { reason: "batch" });

/**
 * Claims the call's key in the call's transaction (see claimIdempotencyKey): a key first seen, or
 * seen last more than IDEMPOTENCY_KEY_TTL_HOURS ago, runs the call; a key whose first call
 * answered replays that answer, when this is the same request; the same key with another
 * procedure or input is 422 IDEMPOTENCY_KEY_REUSED and changes nothing.
 */
export async function startKeyedCall(tx: Tx, actor: Actor, call: KeyedCall): Promise<KeyedCallOutcome> {
  const inputHash = fingerprintOf(call);
  const found = await claimIdempotencyKey(tx, ownerOf(actor), call.key, { procedure: call.procedure, inputHash });
  if (found.claimed) return { replay: false };
  if (found.procedure !== call.procedure || !found.inputHash.equals(inputHash)) {
    throw new AppError(
      "IDEMPOTENCY_KEY_REUSED",
      `This Idempotency-Key was sent with a different request in the last ${IDEMPOTENCY_KEY_TTL_HOURS} hours: send a new key with a new request`,
    );
  }
  // The request's log line says its answer was a replay (it changed nothing).
  addLogBindings({ idempotentReplay: true });
  return { replay: true, answer: found.answer };
}

/** Keeps the answer of a call that claimed its key (startKeyedCall), as JSON, to be replayed. */
export async function finishKeyedCall(tx: Tx, actor: Actor, key: string, answer: unknown): Promise<void> {
  // A call answering nothing (undefined) is kept as null: JSON.stringify(undefined) is no JSON.
  await recordIdempotentAnswer(tx, ownerOf(actor), key, JSON.stringify(answer ?? null));
}
