/**
 * Seeding: the org, its admin, services and integration key through the API (as a person would),
 * then its incidents and timelines set-based as the database owner (INSERT ... SELECT FROM
 * generate_series: a million rows in seconds, not hours of API calls).
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { assertLoopback } from "./processes.js";

export interface ApiClient {
  baseUrl: string;
  call: <T>(method: string, path: string, body?: unknown, token?: string) => Promise<T>;
}

export function apiClient(baseUrl: string): ApiClient {
  assertLoopback(baseUrl);
  return {
    baseUrl,
    call: async <T>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers["content-type"] = "application/json";
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
      return JSON.parse(text) as T;
    },
  };
}

export interface SeededOrg {
  orgId: string;
  userId: string;
  token: string;
  serviceIds: string[];
  /** The service the write scenarios and the integration key use. */
  hotServiceId: string;
  routingKey: string;
}

/** Registers an admin with a new org, creates `services` services and an integration key. */
export async function seedOrgThroughApi(api: ApiClient, services: number): Promise<SeededOrg> {
  const suffix = randomBytes(4).toString("hex");
  const registered = await api.call<{ accessToken: string; user: { id: string }; org: { id: string } }>("POST", "/v1/auth/register", {
    email: `bench-${suffix}@example.com`,
    password: `Bench-${randomBytes(12).toString("hex")}`,
    name: "Bench Admin",
    orgName: `Bench ${suffix}`,
  });
  const token = registered.accessToken;
  const serviceIds: string[] = [];
  for (let i = 0; i < services; i++) {
    const service = await api.call<{ id: string }>("POST", "/v1/org/services", { name: `service-${String(i).padStart(2, "0")}` }, token);
    serviceIds.push(service.id);
  }
  const hotServiceId = serviceIds[0];
  if (hotServiceId === undefined) throw new Error("seeding needs at least one service");
  const integration = await api.call<{ routingKey: string }>(
    "POST",
    `/v1/org/services/${hotServiceId}/integrations`,
    { name: "bench monitoring" },
    token,
  );
  return { orgId: registered.org.id, userId: registered.user.id, token, serviceIds, hotServiceId, routingKey: integration.routingKey };
}

/** The SLA targets the seeded incidents' deadlines follow (minutes per severity). */
const BENCH_SLA_TARGETS = {
  sev1: { acknowledgeWithinMinutes: 5, resolveWithinMinutes: 120 },
  sev2: { acknowledgeWithinMinutes: 10, resolveWithinMinutes: 240 },
  sev3: { acknowledgeWithinMinutes: 15, resolveWithinMinutes: 480 },
  sev4: { acknowledgeWithinMinutes: 30, resolveWithinMinutes: 1440 },
};

export interface SeedStats {
  incidents: number;
  events: number;
  incidentSeconds: number;
  eventSeconds: number;
  vacuumSeconds: number;
}

/**
 * Incident n's id: a version 4 UUID made from md5(org:n) (version and variant bits set, as the
 * API's validation expects), so a sample of ids is computed rather than read back.
 */
const incidentId = (org: string, n: string) =>
  `overlay(overlay(md5(${org}::text || ':' || ${n}) PLACING '4' FROM 13) PLACING substr('89ab', 1 + ${n} % 4, 1) FROM 17)::uuid`;

/**
 * `count` incidents over the past year, newest last, spread unevenly over the services (a few
 * busy ones), mostly resolved, one in `triggeredEvery` still triggered (fresh for the transition
 * scenario), severities and alert-opened incidents (with dedup keys) in realistic shares; every
 * tenth incident gets a timeline (created, acknowledged, resolved, a comment). The facts the
 * lifecycle keeps for analytics are filled as it would have: the first acknowledgement, SLA
 * deadlines from the org's policy and their breaches, escalations (one in ten escalated by
 * timeout, one in fifty by hand).
 */
export async function seedIncidents(ownerUrl: string, org: SeededOrg, count: number, triggeredEvery: number): Promise<SeedStats> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: "incidentops-bench-seed" });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query("SELECT setseed(0.42)");
    let t = performance.now();
    const secondsPerIncident = (365 * 86_400) / count;
    // Deadlines as an SLA policy of BENCH_SLA_TARGETS would have given them. The policy itself is
    // not set: incidents the write scenarios open get no breach checks, as before SLAs existed.
    await client.query(
      `INSERT INTO incidents (org_id, id, service_id, title, status, severity, version, created_by, created_at, updated_at,
                              triggered_at, acknowledged_at, mitigated_at, resolved_at, dedup_key, alert_count,
                              first_acknowledged_at, acknowledge_due_at, resolve_due_at, acknowledge_breached_at, resolve_breached_at,
                              escalations_timeout, escalations_manual)
       WITH base AS MATERIALIZED (
         SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
                now() - make_interval(secs => ($3::int - g) * $4::float8 + random() * $4::float8) AS created_at
           FROM generate_series(1, $3::int) AS g
       ), shaped AS (
         SELECT b.*,
                CASE WHEN g % $5::int = 0 THEN 'triggered'
                     WHEN r1 < 0.02 THEN 'acknowledged'
                     WHEN r1 < 0.03 THEN 'mitigated'
                     ELSE 'resolved' END::incident_status AS status,
                CASE WHEN r3 < 0.05 THEN 'sev1' WHEN r3 < 0.20 THEN 'sev2' WHEN r3 < 0.70 THEN 'sev3' ELSE 'sev4' END::incident_severity AS severity,
                r4 < 0.4 AS from_alert
           FROM base b
       ), timed AS (
         SELECT s.*,
                CASE WHEN status = 'triggered' THEN NULL ELSE created_at + make_interval(secs => 30 + r2 * 900) END AS acknowledged_at,
                CASE WHEN status = 'resolved' THEN created_at + make_interval(secs => 60 + r2 * 14400) END AS resolved_at,
                created_at + make_interval(mins => ($7::jsonb -> severity::text ->> 'acknowledgeWithinMinutes')::int) AS acknowledge_due_at,
                created_at + make_interval(mins => ($7::jsonb -> severity::text ->> 'resolveWithinMinutes')::int) AS resolve_due_at
           FROM shaped s
       )
       SELECT $1::uuid,
              ${incidentId("$1", "g")},
              ($2::uuid[])[1 + floor(power(r2, 2) * array_length($2::uuid[], 1))::int],
              CASE WHEN from_alert THEN 'Alert: high error rate on ' ELSE 'Customer report: degraded ' END || 'component ' || (g % 97),
              status,
              severity,
              CASE status WHEN 'triggered' THEN 1 WHEN 'acknowledged' THEN 2 WHEN 'mitigated' THEN 3 ELSE 3 END,
              CASE WHEN from_alert THEN NULL ELSE $6::uuid END,
              created_at,
              created_at + CASE status WHEN 'triggered' THEN interval '0' ELSE make_interval(secs => 60 + r2 * 14400) END,
              created_at,
              acknowledged_at,
              CASE WHEN status IN ('mitigated', 'resolved') AND r1 > 0.5 THEN created_at + make_interval(secs => 600 + r2 * 3600) END,
              resolved_at,
              CASE WHEN from_alert THEN 'seed-' || g END,
              CASE WHEN from_alert THEN 1 + floor(r3 * 20)::int ELSE 0 END,
              acknowledged_at,
              acknowledge_due_at,
              resolve_due_at,
              -- Breaches where the lifecycle would have recorded them: responded late, or not by now.
              CASE WHEN coalesce(least(acknowledged_at, resolved_at), now()) > acknowledge_due_at THEN acknowledge_due_at + interval '1 second' END,
              CASE WHEN coalesce(resolved_at, now()) > resolve_due_at THEN resolve_due_at + interval '1 second' END,
              CASE WHEN r5 > 0.9 THEN 1 + floor(r5 * 1000)::int % 3 ELSE 0 END,
              CASE WHEN r5 < 0.02 THEN 1 ELSE 0 END
         FROM timed`,
      [org.orgId, org.serviceIds, count, secondsPerIncident, triggeredEvery, org.userId, JSON.stringify(BENCH_SLA_TARGETS)],
    );
    const incidentSeconds = (performance.now() - t) / 1000;

    t = performance.now();
    const events = await client.query(
      `INSERT INTO incident_events (org_id, incident_id, kind, actor_user_id, data, created_at)
       SELECT i.org_id, i.id, e.kind, i.created_by, e.data, i.created_at + e.after
         FROM generate_series(10, $2::int, 10) AS g
         JOIN incidents i ON i.org_id = $1::uuid AND i.id = ${incidentId("$1", "g")}
         CROSS JOIN LATERAL (VALUES
           ('created', jsonb_build_object('title', i.title, 'severity', i.severity, 'status', 'triggered'), interval '0', true),
           ('status_changed', jsonb_build_object('fromStatus', 'triggered', 'toStatus', 'acknowledged', 'version', 2),
              interval '5 minutes', i.status <> 'triggered'),
           ('commented', jsonb_build_object('body', 'Rolling back the last deploy'), interval '7 minutes', true),
           ('status_changed', jsonb_build_object('fromStatus', 'acknowledged', 'toStatus', 'resolved', 'version', 3),
              interval '40 minutes', i.status = 'resolved')
         ) AS e(kind, data, after, applies)
        WHERE e.applies`,
      [org.orgId, count],
    );
    const eventSeconds = (performance.now() - t) / 1000;

    t = performance.now();
    await client.query("VACUUM (ANALYZE) incidents");
    await client.query("VACUUM (ANALYZE) incident_events");
    const vacuumSeconds = (performance.now() - t) / 1000;
    return { incidents: count, events: events.rowCount ?? 0, incidentSeconds, eventSeconds, vacuumSeconds };
  } finally {
    await client.end();
  }
}

/** `n` random incident ids of the seeded org (uniform over all of them). */
export async function sampleIncidentIds(ownerUrl: string, orgId: string, count: number, n: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT ${incidentId("$1", "n")} AS id FROM (SELECT (1 + floor(random() * $2::int))::int AS n FROM generate_series(1, $3::int)) AS s`,
      [orgId, count, n],
    );
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}

/** Up to `n` still-triggered incidents at version 1 (each can be acknowledged once). */
export async function triggeredIncidentIds(ownerUrl: string, orgId: string, n: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      "SELECT id FROM incidents WHERE org_id = $1 AND status = 'triggered' AND version = 1 ORDER BY created_at DESC, id DESC LIMIT $2",
      [orgId, n],
    );
    return rows.map((r) => r.id);
  } finally {
    await client.end();
  }
}
