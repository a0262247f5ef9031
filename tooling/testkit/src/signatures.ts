import { createHmac } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { Webhook } from "standardwebhooks";

/** The body of every webhook delivery. */
export interface WebhookBody {
  id: string;
  type: string;
  occurredAt: string;
  org: { id: string; name: string };
  service: { id: string; name: string };
  incident: { id: string; title: string; status: string; version?: number; dedupKey?: string | null; createdAt?: string };
  event: { id: string; kind: string; incidentId: string; data: Record<string, unknown> };
}

const headerOf = (headers: IncomingHttpHeaders, name: string): string => {
  const value = headers[name];
  return typeof value === "string" ? value : "";
};

/**
 * Verifies a received request's Standard Webhooks signature (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature: v1,<base64 HMAC-SHA256>` keyed with the `whsec_` secret) with the
 * standardwebhooks package, as a receiver would; returns the parsed body, throws when it does not
 * verify. `body` replaces the received body (to show a changed body fails).
 */
export function verifyWebhook(secret: string, request: { headers: IncomingHttpHeaders; body: string }, body = request.body): WebhookBody {
  return new Webhook(secret).verify(body, {
    "webhook-id": headerOf(request.headers, "webhook-id"),
    "webhook-timestamp": headerOf(request.headers, "webhook-timestamp"),
    "webhook-signature": headerOf(request.headers, "webhook-signature"),
  }) as WebhookBody;
}

/** Whether {@link verifyWebhook} accepts the request. */
export function hasValidSignature(secret: string, request: { headers: IncomingHttpHeaders; body: string }): boolean {
  try {
    verifyWebhook(secret, request);
    return true;
  } catch {
    return false;
  }
}

/** The parsed body of a delivery, unverified. */
export const bodyOf = (request: { body: string }) => JSON.parse(request.body) as WebhookBody;

/**
 * Grafana Alerting's webhook HMAC, as its contact point sends it: the hex HMAC-SHA256 of the body,
 * or of `timestamp:body` when a timestamp header is configured.
 */
export function grafanaSignature(secret: string, body: string, timestamp?: string): string {
  const mac = createHmac("sha256", secret);
  if (timestamp !== undefined) mac.update(`${timestamp}:`);
  return mac.update(body).digest("hex");
}
