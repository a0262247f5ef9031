/**
 * The loopback webhook receiver: verifies each delivery's Standard Webhooks signature, answers
 * 204 at once and records when it arrived and which incident it was about.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import { performance } from "node:perf_hooks";

export interface Arrival {
  /** performance.now() of this process when the body was read. */
  at: number;
  /** Date.now() at the same moment, to compare with database timestamps. */
  wallClock: number;
  webhookId: string;
  type: string;
  dedupKey: string | null;
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

/** The v1 signature of Standard Webhooks: base64 HMAC-SHA256 over `id.timestamp.body`. */
function expectedSignature(secret: string, id: string, timestamp: string, body: string): Buffer {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
}

function verify(secret: string | undefined, headers: Record<string, string | string[] | undefined>, body: string): boolean {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (secret === undefined || typeof id !== "string" || typeof timestamp !== "string" || typeof signatures !== "string") return false;
  const expected = expectedSignature(secret, id, timestamp, body);
  return signatures.split(" ").some((entry) => {
    const [version, value] = entry.split(",");
    if (version !== "v1" || value === undefined) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

interface WebhookBody {
  type?: string;
  incident?: { dedupKey?: string | null; createdAt?: string };
}

export async function startReceiver(): Promise<Receiver> {
  let secret: string | undefined;
  const listeners = new Set<(arrival: Arrival) => void>();
  const seen = new Set<string>();
  let received = 0;
  let badSignatures = 0;
  let duplicates = 0;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const at = performance.now();
      const wallClock = Date.now();
      const body = Buffer.concat(chunks).toString("utf8");
      res.writeHead(204).end();
      if (!verify(secret, req.headers, body)) {
        badSignatures++;
        return;
      }
      const webhookId = String(req.headers["webhook-id"]);
      if (seen.has(webhookId)) {
        duplicates++;
        return;
      }
      seen.add(webhookId);
      received++;
      let parsed: WebhookBody = {};
      try {
        parsed = JSON.parse(body) as WebhookBody;
      } catch {
        // counted, but matches no trigger
      }
      const arrival: Arrival = {
        at,
        wallClock,
        webhookId,
        type: parsed.type ?? "",
        dedupKey: parsed.incident?.dedupKey ?? null,
        incidentCreatedAt: parsed.incident?.createdAt ?? null,
      };
      for (const listener of listeners) listener(arrival);
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("the receiver has no address");
  return {
    url: `http://127.0.0.1:${address.port}/hook`,
    setSecret: (value) => (secret = value),
    onArrival: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats: () => ({ received, badSignatures, duplicates }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
