import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import type { NotificationPayload } from "./payload.js";
import { postJson } from "./http.js";
import { failure, type DeliveryOutcome, type HttpDeliveryOptions } from "./outcome.js";

/** A Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. */
export const generateSigningSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

/**
 * POSTs the payload as JSON signed per Standard Webhooks with the target's `whsec_` secret.
 * `messageId` goes out as `webhook-id`: the same on every retry, so receivers can de-duplicate.
 */
export async function deliverWebhook(
  input: { url: string; secret: string; messageId: string; payload: NotificationPayload },
  options: HttpDeliveryOptions,
): Promise<DeliveryOutcome> {
  const startedAt = performance.now();
  const body = JSON.stringify(input.payload);
  const timestamp = new Date(Math.floor(Date.now() / 1000) * 1000);
  let signature: string;
  try {
    signature = new Webhook(input.secret).sign(input.messageId, timestamp, body);
  } catch {
    // The library's message may quote the secret it could not decode: never pass it on.
    return failure(startedAt, "the signing secret is not a valid whsec_ secret");
  }
  return postJson(
    input.url,
    body,
    {
      "webhook-id": input.messageId,
      "webhook-timestamp": String(timestamp.getTime() / 1000),
      "webhook-signature": signature,
    },
    options,
  );
}
