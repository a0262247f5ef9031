import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createNetServer } from "node:net";
import type { NotificationPayload } from "../../src/delivery/payload.js";

export const PUBLIC_URL = "https://incidentops.test";

export function makePayload(overrides: Partial<NotificationPayload> = {}): NotificationPayload {
  const incidentId = randomUUID();
  const at = "2025-01-02T03:04:05.000Z";
  return {
    id: randomUUID(),
    type: "incident.triggered",
    occurredAt: at,
    org: { id: randomUUID(), name: "Acme Ops" },
    incident: {
      id: incidentId,
      serviceId: randomUUID(),
      title: "Database down",
      description: "Primary is not answering",
      status: "triggered",
      severity: "sev2",
      version: 1,
      dedupKey: null,
      alertCount: 0,
      createdBy: randomUUID(),
      createdAt: at,
      updatedAt: at,
      triggeredAt: at,
      acknowledgedAt: null,
      mitigatedAt: null,
      resolvedAt: null,
    },
    event: {
      id: randomUUID(),
      incidentId,
      kind: "created",
      actorUserId: null,
      data: { title: "Database down", severity: "sev2", status: "triggered" },
      createdAt: at,
    },
    ...overrides,
  };
}

export const newSigningSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** A real HTTP server on loopback that records every request, then lets `respond` answer it (or not). */
export async function startReceiver(
  respond: (req: ReceivedRequest, res: ServerResponse) => void = (_req, res) => res.writeHead(204).end(),
): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const received = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(received);
      respond(received, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("receiver has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no port");
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

export function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  if (typeof value !== "string") throw new Error(`missing header ${name}`);
  return value;
}
