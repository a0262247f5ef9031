/**
 * The loopback webhook receiver: answers 204 at once, then verifies each delivery's Standard
 * Webhooks signature and records when it arrived and which incident it was about.
 */
import { hasValidSignature, startWebhookReceiver, type ReceivedRequest } from "@incidentops/testkit/loopback";

export interface Arrival {
  /** performance.now() of this process when the body was read. */
  at: number;
  /** Date.now() at the same moment, to compare with database timestamps. */
  wallClock: number;
  webhookId: string;
  type: string;
  dedupKey: string | null;
  incidentTitle: string | null;
  incidentCreatedAt: string | null;
}

export interface Receiver {
  url: string;
  setSecret: (secret: string) => void;
  /** Called on every verified, first-seen delivery. */
  onArrival: (listener: (arrival: Arrival) => void) => () => void;
  stats: () => { received: number; badSignatures: number; duplicates: number };
  close: () => Promise<void>;
}

interface WebhookBody {
  type?: string;
  incident?: { dedupKey?: string | null; title?: string; createdAt?: string };
}

export async function startReceiver(): Promise<Receiver> {
  let secret: string | undefined;
  const listeners = new Set<(arrival: Arrival) => void>();
  const seen = new Set<string>();
  let received = 0;
  let badSignatures = 0;
  let duplicates = 0;

  const arrived = (request: ReceivedRequest) => {
    if (secret === undefined || !hasValidSignature(secret, request)) {
      badSignatures++;
      return;
    }
    const webhookId = String(request.headers["webhook-id"]);
    if (seen.has(webhookId)) {
      duplicates++;
      return;
    }
    seen.add(webhookId);
    received++;
    let parsed: WebhookBody = {};
    try {
      parsed = JSON.parse(request.body) as WebhookBody;
    } catch {
      // counted, but matches no trigger
    }
    const arrival: Arrival = {
      at: request.arrivedAt,
      wallClock: request.at,
      webhookId,
      type: parsed.type ?? "",
      dedupKey: parsed.incident?.dedupKey ?? null,
      incidentTitle: parsed.incident?.title ?? null,
      incidentCreatedAt: parsed.incident?.createdAt ?? null,
    };
    for (const listener of listeners) listener(arrival);
  };

  // Answered first, checked after: the sender's latency does not include the check.
  const receiver = await startWebhookReceiver(
    (request) => {
      setImmediate(() => arrived(request));
      return 204;
    },
    { record: false },
  );
  return {
    url: `${receiver.url}/hook`,
    setSecret: (value) => (secret = value),
    onArrival: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats: () => ({ received, badSignatures, duplicates }),
    close: receiver.close,
  };
}
