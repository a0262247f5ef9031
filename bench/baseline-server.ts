/**
 * The baseline: a bare `node:http` + `pg` server doing the same SQL as the API for the
 * benchmarked paths, with nothing around it (no express, tRPC, validation library, query
 * builder, logging, authentication or per-request scope). The API's figures are reported as
 * ratios to these, measured in the same session on the same database.
 *
 * It connects as the application role (row-level security applies, as for the API), serving
 * one org whose scope is set once per connection (BASELINE_ORG_ID).
 *
 * - GET  /v1/incidents/{id}: the PK lookup with org filter, the incident as the API answers it
 *   (its fields and its assignees, read with it as the API reads them).
 * - GET  /v1/incidents?limit=N: the first keyset page, newest first, each incident likewise.
 * - POST /v2/enqueue: a PagerDuty trigger: the integration lookup, the INSERT ... ON CONFLICT
 *   upsert of packages/core/src/incidents/repository.ts, the timeline event and, for a new incident,
 *   its notification job, in one transaction.
 * - POST /accept: the floor under any ingestion: the raw body INSERTed as one row of a plain table
 *   (ACCEPT_TABLE, made by the orchestrator), committed synchronously, then 202: what accepting
 *   an event durably over HTTP costs at all.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";

const databaseUrl = process.env.BASELINE_DATABASE_URL;
const orgId = process.env.BASELINE_ORG_ID;
const port = Number(process.env.PORT ?? "0");
const poolSize = Number(process.env.DB_POOL_SIZE ?? "10");
if (databaseUrl === undefined || orgId === undefined) throw new Error("BASELINE_DATABASE_URL and BASELINE_ORG_ID are required");

const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, application_name: "incidentops-bench-baseline" });
pool.on("error", () => undefined);
// The org scope, once per connection (the API sets it per transaction).
pool.on("connect", (client) => {
  client.query("SELECT set_config('app.org_id', $1, false)", [orgId]).catch(() => undefined);
});

interface IncidentRecord {
  id: string;
  service_id: string;
  title: string;
  description: string | null;
  status: string;
  severity: string;
  version: number;
  dedup_key: string | null;
  alert_count: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  triggered_at: Date;
  acknowledged_at: Date | null;
  mitigated_at: Date | null;
  resolved_at: Date | null;
  snoozed_until: Date | null;
  ack_timeout_at: Date | null;
  first_acknowledged_at: Date | null;
  acknowledge_due_at: Date | null;
  resolve_due_at: Date | null;
  acknowledge_breached_at: Date | null;
  resolve_breached_at: Date | null;
  assignees: { id: string; name: string }[];
}

const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString());

const toIncident = (r: IncidentRecord) => ({
  id: r.id,
  serviceId: r.service_id,
  title: r.title,
  description: r.description,
  status: r.status,
  severity: r.severity,
  version: r.version,
  dedupKey: r.dedup_key,
  alertCount: r.alert_count,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  triggeredAt: r.triggered_at.toISOString(),
  acknowledgedAt: isoOrNull(r.acknowledged_at),
  mitigatedAt: isoOrNull(r.mitigated_at),
  resolvedAt: isoOrNull(r.resolved_at),
  assignees: r.assignees,
  snoozedUntil: isoOrNull(r.snoozed_until),
  ackTimeoutAt: isoOrNull(r.ack_timeout_at),
  firstAcknowledgedAt: isoOrNull(r.first_acknowledged_at),
  acknowledgeDueAt: isoOrNull(r.acknowledge_due_at),
  resolveDueAt: isoOrNull(r.resolve_due_at),
  acknowledgeBreachedAt: isoOrNull(r.acknowledge_breached_at),
  resolveBreachedAt: isoOrNull(r.resolve_breached_at),
});

// What the API's wire shape needs (packages/core/src/incidents/wire.ts), the assignees as the
// API's statement reads them (assigneesOfIncident in packages/core/src/incidents/repository.ts).
const INCIDENT_COLUMNS = `id, service_id, title, description, status, severity, version, dedup_key, alert_count, created_by, created_at, updated_at,
  triggered_at, acknowledged_at, mitigated_at, resolved_at, snoozed_until, ack_timeout_at, first_acknowledged_at, acknowledge_due_at,
  resolve_due_at, acknowledge_breached_at, resolve_breached_at,
  coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY a.assigned_at, u.name, u.id)
            FROM incident_assignees a JOIN users u ON u.id = a.user_id
            WHERE a.org_id = incidents.org_id AND a.incident_id = incidents.id), '[]') AS assignees`;

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function getIncident(res: ServerResponse, id: string): Promise<void> {
  const { rows } = await pool.query<IncidentRecord>({
    name: "get_incident",
    text: `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE org_id = $1 AND id = $2`,
    values: [orgId, id],
  });
  const row = rows[0];
  if (row === undefined) json(res, 404, { code: "NOT_FOUND", message: "Incident not found" });
  else json(res, 200, toIncident(row));
}

async function listIncidents(res: ServerResponse, limit: number): Promise<void> {
  const { rows } = await pool.query<IncidentRecord>({
    name: "list_incidents",
    text: `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE org_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
    values: [orgId, limit + 1],
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last !== undefined
      ? Buffer.from(JSON.stringify({ createdAt: last.created_at.toISOString(), id: last.id })).toString("base64url")
      : null;
  json(res, 200, { items: page.map(toIncident), nextCursor });
}

const SEVERITY: Record<string, string> = { critical: "sev1", error: "sev2", warning: "sev3", info: "sev4" };

interface TriggerEvent {
  routing_key?: unknown;
  event_action?: unknown;
  dedup_key?: unknown;
  payload?: { summary?: unknown; severity?: unknown };
}

async function enqueue(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let event: TriggerEvent;
  try {
    event = JSON.parse(await readBody(req)) as TriggerEvent;
  } catch {
    json(res, 400, { status: "invalid event", message: "Event object is invalid", errors: ["the body is not valid JSON"] });
    return;
  }
  const severity = typeof event.payload?.severity === "string" ? SEVERITY[event.payload.severity] : undefined;
  if (typeof event.routing_key !== "string" || event.event_action !== "trigger" || typeof event.payload?.summary !== "string" || severity === undefined) {
    json(res, 400, { status: "invalid event", message: "Event object is invalid", errors: ["only well-formed triggers are benchmarked"] });
    return;
  }
  const dedupKey = typeof event.dedup_key === "string" ? event.dedup_key : randomUUID().replace(/-/g, "");
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const integration = await client.query<{ org_id: string; service_id: string; id: string; escalation_policy_id: string | null }>({
      name: "find_integration",
      text: `SELECT k.org_id, k.service_id, k.id, s.escalation_policy_id
               FROM integration_keys k JOIN services s ON s.org_id = k.org_id AND s.id = k.service_id
              WHERE k.routing_key = $1`,
      values: [event.routing_key],
    });
    const key = integration.rows[0];
    if (key === undefined) {
      await client.query("ROLLBACK");
      json(res, 404, { status: "invalid event", message: "Routing key not found", errors: [] });
      return;
    }
    const upserted = await client.query<{ id: string; title: string; severity: string; status: string; alert_count: number; inserted: boolean }>({
      name: "upsert_incident",
      text: `INSERT INTO incidents (org_id, service_id, title, severity, dedup_key, alert_count, escalation_policy_id)
             VALUES ($1, $2, $3, $4, $5, 1, $6)
             ON CONFLICT (org_id, service_id, dedup_key) WHERE dedup_key IS NOT NULL AND status <> 'resolved'
             DO UPDATE SET alert_count = incidents.alert_count + 1, updated_at = now()
             RETURNING id, title, severity, status, alert_count, escalation_policy_id, xmax = 0 AS inserted`,
      values: [key.org_id, key.service_id, event.payload.summary, severity, dedupKey, key.escalation_policy_id],
    });
    const row = upserted.rows[0];
    if (row === undefined) throw new Error("the upsert returned no row");
    const alert = { ...event, routing_key: undefined };
    const data = row.inserted
      ? { title: row.title, severity: row.severity, status: row.status, integrationId: key.id, alert }
      : { alertCount: row.alert_count, integrationId: key.id, alert };
    const inserted = await client.query<{ id: string }>({
      name: "insert_event",
      text: "INSERT INTO incident_events (org_id, incident_id, kind, actor_user_id, data) VALUES ($1, $2, $3, NULL, $4) RETURNING *",
      values: [key.org_id, row.id, row.inserted ? "created" : "alert_repeated", JSON.stringify(data)],
    });
    const eventRow = inserted.rows[0];
    if (row.inserted && eventRow !== undefined) {
      await client.query({
        name: "add_job",
        text: "SELECT graphile_worker.add_job(identifier => 'incident_event', payload => $1::json)",
        values: [JSON.stringify({ orgId: key.org_id, eventId: eventRow.id, requestId: randomUUID() })],
      });
    }
    await client.query("COMMIT");
    json(res, 202, { status: "success", message: "Event processed", dedup_key: dedupKey });
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Made (and granted to the application role) by the orchestrator, bench/run.ts. */
const ACCEPT_TABLE = "bench_accepted";

async function accept(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  await pool.query({ name: "accept", text: `INSERT INTO ${ACCEPT_TABLE} (body) VALUES ($1)`, values: [body] });
  json(res, 202, { status: "accepted" });
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://baseline.local");
  if (req.method === "GET" && url.pathname === "/healthz") {
    json(res, 200, { status: "ok" });
    return;
  }
  if (req.method === "GET" && url.pathname === "/v1/incidents") {
    const limit = Math.min(200, Math.max(1, Number(url.searchParams.get("limit") ?? "50") || 50));
    await listIncidents(res, limit);
    return;
  }
  const match = /^\/v1\/incidents\/([^/]+)$/.exec(url.pathname);
  if (req.method === "GET" && match?.[1] !== undefined && UUID.test(match[1])) {
    await getIncident(res, match[1]);
    return;
  }
  if (req.method === "POST" && url.pathname === "/v2/enqueue") {
    await enqueue(req, res);
    return;
  }
  if (req.method === "POST" && url.pathname === "/accept") {
    await accept(req, res);
    return;
  }
  json(res, 404, { code: "NOT_FOUND" });
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) json(res, 500, { code: "INTERNAL_ERROR" });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  console.log(JSON.stringify({ listening: typeof address === "object" && address !== null ? address.port : port }));
});

const shutdown = () => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
