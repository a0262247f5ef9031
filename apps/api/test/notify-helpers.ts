import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { sql, type Db } from "@incidentops/db";

// Helpers for the notification, escalation and preference tests (helpers.ts is shared and left alone).

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on loopback that records every request and answers with `status`. */
export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  status: number;
  close: () => Promise<void>;
}

export async function startReceiver(status = 200): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const receiver: Receiver = { url: "", requests, status, close: () => Promise.resolve() };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(receiver.status, { "content-type": "text/plain" });
      res.end(receiver.status < 300 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return receiver;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return typeof value === "string" ? value : undefined;
};

/**
 * Checks a Standard Webhooks signature independently of the code under test:
 * `v1,` + base64 HMAC-SHA256 over `${webhook-id}.${webhook-timestamp}.${body}`, keyed with the
 * base64-decoded part of the `whsec_` secret.
 */
export function hasValidSignature(secret: string, request: ReceivedRequest): boolean {
  const id = header(request.headers, "webhook-id");
  const timestamp = header(request.headers, "webhook-timestamp");
  const signatures = header(request.headers, "webhook-signature");
  if (id === undefined || timestamp === undefined || signatures === undefined || !secret.startsWith("whsec_")) return false;
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${request.body}`).digest();
  return signatures.split(" ").some((part) => {
    const [version, signature] = part.split(",");
    if (version !== "v1" || signature === undefined) return false;
    const given = Buffer.from(signature, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export interface QueuedJob {
  id: string;
  task: string;
  queue: string | null;
  key: string | null;
  payload: Record<string, unknown>;
  runAt: string;
  revision: number;
}

/**
 * graphile-worker 0.17 keeps jobs in the table `graphile_worker._private_jobs` (the public
 * `graphile_worker.jobs` is a view without the payload), with tasks and queues by id.
 */
export async function queuedJobs(db: Db, filter: { task?: string; key?: string; orgId?: string } = {}): Promise<QueuedJob[]> {
  const result = await sql<{
    id: string;
    task: string;
    queue: string | null;
    key: string | null;
    payload: Record<string, unknown>;
    run_at: Date;
    revision: number;
  }>`
    SELECT j.id::text AS id, t.identifier AS task, q.queue_name AS queue, j.key, j.payload, j.run_at, j.revision
    FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    LEFT JOIN graphile_worker._private_job_queues q ON q.id = j.job_queue_id
    WHERE (${filter.task ?? null}::text IS NULL OR t.identifier = ${filter.task ?? null}::text)
      AND (${filter.key ?? null}::text IS NULL OR j.key = ${filter.key ?? null}::text)
      AND (${filter.orgId ?? null}::text IS NULL OR j.payload->>'orgId' = ${filter.orgId ?? null}::text)
    ORDER BY j.id`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    task: r.task,
    queue: r.queue,
    key: r.key,
    payload: r.payload,
    runAt: r.run_at.toISOString(),
    revision: r.revision,
  }));
}

export const escalationKey = (incidentId: string) => `escalation:${incidentId}`;

export interface ErrorBody {
  code: string;
  message: string;
  traceId: string;
  details: Record<string, unknown>;
}

/** The field paths of a VALIDATION_FAILED body's `details.fields`. */
export function fieldsOf(body: { details?: unknown }): Record<string, string[]> {
  const details = body.details;
  if (typeof details !== "object" || details === null || !("fields" in details)) return {};
  const fields = details.fields;
  return typeof fields === "object" && fields !== null ? (fields as Record<string, string[]>) : {};
}
