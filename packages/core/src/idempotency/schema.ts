import { z } from "zod";

/** The request header that names a write call's idempotency key (as Stripe's API and the IETF draft name it). */
export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
/** The answer header that says an answer is a replay of the one the key's first call got. */
export const IDEMPOTENT_REPLAYED_HEADER = "idempotent-replayed";
/** How long a key's answer is kept and replayed; after that the key may be used again. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** A key: 1-255 visible ASCII characters (a UUID is the usual choice). */
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(IDEMPOTENCY_KEY_MAX_LENGTH)
  .regex(/^[\x21-\x7e]+$/, "visible ASCII characters only")
  .describe(
    `Makes this write safe to send again: the same caller sending the same key within ${IDEMPOTENCY_KEY_TTL_HOURS} hours gets the first call's answer back (with \`Idempotent-Replayed: true\`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters, e.g. a UUID.`,
  );
