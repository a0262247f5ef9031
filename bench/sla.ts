/**
 * Deadlines kept: how long after its time a job scheduled for later does its work. A service gets
 * an SLA policy whose incidents must be acknowledged within a minute (the smallest target) and
 * an escalation policy whose first level waits a minute before the second; `incidents` sev1
 * incidents are opened over a few seconds and left alone. Once every deadline has passed by 15 s:
 * - SLA breach lateness: each `sla_breached` event's creation minus its deadline;
 * - escalation lateness: each second level's `escalated` event's creation minus the first
 *   level's plus the minute (the first level's event is written a moment before the worker
 *   computes the next level's time, so this errs late by that moment).
 * Then a storm's deadlines: `storm.triggers` alerts with distinct keys, sent to the same service
 * as fast as the API takes them, each opening an incident whose first level pages at once and
 * whose deadlines all fall within the storm's length a minute later. Besides the two measures
 * above, its first pages: each first `escalated` event's creation minus its incident's; and the
 * CPU time the API, the worker and PostgreSQL spent from its first alert until every deadline's
 * event was in, per incident: what an incident costs in a storm, from its alert to its second
 * level's page and its breach, deliveries included. The database's clock on both sides.
 */
import pg from "pg";
import { cpuMs, treeCpuMs } from "./proc.js";
import { sleep } from "./processes.js";
import { runLoad } from "./scenarios.js";
import type { ApiClient } from "./seed.js";
import type { DeadlineStorm, Lateness } from "./types.js";

export interface SlaContext {
  api: ApiClient;
  token: string;
  /** The org's admin: the person the escalation levels page. */
  userId: string;
  ownerUrl: string;
  incidents: number;
  /** The storm's alerts (0: no storm), sent by a load generator over `connections` connections. */
  storm: { triggers: number; connections: number; tmpDir: string };
  /** Whose CPU time the storm's incidents are charged: PostgreSQL's with its backends. */
  pids: { api: number | undefined; worker: number | undefined; postgres: number | undefined };
  log: (line: string) => void;
}

const ONE_MINUTE = { acknowledgeWithinMinutes: 1, resolveWithinMinutes: null };
const LEVEL_DELAY_SECONDS = 60;
/** How long past the last deadline the measures wait for every deadline's event at most. */
const SETTLE_MS = 120_000;

/** Each `sla_breached` event's lateness: its creation minus its deadline. */
const SLA_BREACH_LATENESS = `
  SELECT extract(epoch FROM e.created_at - (e.data ->> 'dueAt')::timestamptz) * 1000 AS ms
    FROM incident_events e
   WHERE e.incident_id = ANY($1::uuid[]) AND e.kind = 'sla_breached'`;
/** Each second level's lateness: its `escalated` event's creation minus the first level's plus the level's delay. */
const SECOND_LEVEL_LATENESS = `
  SELECT extract(epoch FROM second.created_at - first.created_at - make_interval(secs => ${LEVEL_DELAY_SECONDS})) * 1000 AS ms
    FROM incident_events first
    JOIN incident_events second ON second.incident_id = first.incident_id AND second.kind = 'escalated' AND (second.data ->> 'step')::int = 2
   WHERE first.incident_id = ANY($1::uuid[]) AND first.kind = 'escalated' AND (first.data ->> 'step')::int = 1`;
/** Each first page's lateness: the first level's `escalated` event's creation minus its incident's (due at once). */
const FIRST_PAGE_LATENESS = `
  SELECT extract(epoch FROM e.created_at - i.created_at) * 1000 AS ms
    FROM incident_events e
    JOIN incidents i ON i.id = e.incident_id
   WHERE e.incident_id = ANY($1::uuid[]) AND e.kind = 'escalated' AND (e.data ->> 'step')::int = 1`;

/** Percentiles of `lateness` (a query yielding `ms`, late by that many milliseconds, one row per deadline) over the incidents `ids`. */
async function latenessOf(client: pg.Client, lateness: string, ids: readonly string[]): Promise<Lateness> {
  const { rows } = await client.query<{ recorded: number; early: number; p50: number | null; p99: number | null; max: number | null }>(
    `WITH lateness AS (${lateness})
     SELECT count(*)::int AS recorded,
            count(*) FILTER (WHERE ms < 0)::int AS early,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY ms)::float8 AS p50,
            percentile_disc(0.99) WITHIN GROUP (ORDER BY ms)::float8 AS p99,
            max(ms)::float8 AS max
       FROM lateness`,
    [ids],
  );
  return { incidents: ids.length, ...(rows[0] ?? { recorded: 0, early: 0, p50: null, p99: null, max: null }) };
}

/**
 * Whether every incident of `ids` has its second level and its breach recorded: a count of their
 * events, read each second while the storm's CPU is still being counted (the lateness queries'
 * join of the levels took more than a second of PostgreSQL's time each).
 */
async function allRecorded(client: pg.Client, ids: readonly string[]): Promise<boolean> {
  const { rows } = await client.query<{ levels: number; breaches: number }>(
    `SELECT count(*) FILTER (WHERE kind = 'escalated' AND (data ->> 'step')::int = 2)::int AS levels,
            count(*) FILTER (WHERE kind = 'sla_breached')::int AS breaches
       FROM incident_events
      WHERE incident_id = ANY($1::uuid[]) AND kind IN ('escalated', 'sla_breached')`,
    [ids],
  );
  const counted = rows[0];
  return counted !== undefined && counted.levels >= ids.length && counted.breaches >= ids.length;
}

/** The storm: its alerts sent at once, then the ids of the incidents they opened and their latest acknowledgement deadline. */
async function openStorm(ctx: SlaContext, client: pg.Client, serviceId: string) {
  const integration = await ctx.api.call<{ routingKey: string }>("POST", `/v1/org/services/${serviceId}/integrations`, { name: "deadline storm" }, ctx.token);
  const keyPrefix = `deadline-storm-${Date.now().toString(36)}`;
  const load = await runLoad(ctx.storm.tmpDir, "deadline storm", {
    baseUrl: ctx.api.baseUrl,
    headers: {},
    connections: ctx.storm.connections,
    warmupSeconds: 0,
    amount: ctx.storm.triggers,
    timeoutSeconds: 30,
    plan: { kind: "enqueue", path: "/v2/enqueue", routingKey: integration.routingKey, keyPrefix, uniqueEvery: 1, repeatKeys: 1 },
  });
  // An accepted alert opens its incident in the batch that takes it, within a moment.
  await sleep(2_000);
  const { rows } = await client.query<{ id: string; acknowledge_due_at: Date }>(
    "SELECT id, acknowledge_due_at FROM incidents WHERE service_id = $1 AND dedup_key LIKE $2",
    [serviceId, `${keyPrefix}-%`],
  );
  return {
    ids: rows.map((r) => r.id),
    lastDue: Math.max(0, ...rows.map((r) => r.acknowledge_due_at.getTime())),
    acceptedPerSecond: load.rps,
  };
}

export async function measureDeadlines(ctx: SlaContext): Promise<{ slaBreaches: Lateness; escalations: Lateness; storm: DeadlineStorm | null }> {
  const person = [{ type: "user", userId: ctx.userId }];
  const policy = await ctx.api.call<{ id: string }>(
    "POST",
    "/v1/org/escalation-policies",
    { name: `deadline-bench-${Date.now().toString(36)}`, levels: [{ delaySeconds: LEVEL_DELAY_SECONDS, targets: person }, { delaySeconds: LEVEL_DELAY_SECONDS, targets: person }] },
    ctx.token,
  );
  const service = await ctx.api.call<{ id: string }>("POST", "/v1/org/services", { name: `sla-bench-${Date.now().toString(36)}` }, ctx.token);
  await ctx.api.call("PATCH", `/v1/org/services/${service.id}`, { escalationPolicyId: policy.id }, ctx.token);
  await ctx.api.call("PUT", `/v1/org/services/${service.id}/sla-policy`, { sev1: ONE_MINUTE, sev2: ONE_MINUTE, sev3: ONE_MINUTE, sev4: ONE_MINUTE }, ctx.token);
  const ids: string[] = [];
  let lastDue = 0;
  for (let i = 0; i < ctx.incidents; i++) {
    const incident = await ctx.api.call<{ id: string; acknowledgeDueAt: string }>(
      "POST",
      `/v1/services/${service.id}/incidents`,
      { title: `SLA probe ${i}`, severity: "sev1" },
      ctx.token,
    );
    ids.push(incident.id);
    lastDue = Math.max(lastDue, Date.parse(incident.acknowledgeDueAt));
    // Spread over about 5 s, so the checks come due one after another.
    await sleep(5_000 / ctx.incidents);
  }
  ctx.log(`  ${ids.length} sev1 incidents opened`);

  const client = new pg.Client({ connectionString: ctx.ownerUrl });
  await client.connect();
  try {
    let stormIds: string[] = [];
    let acceptedPerSecond = 0;
    const readCpu = () => ({ api: cpuMs(ctx.pids.api), worker: cpuMs(ctx.pids.worker), postgres: treeCpuMs(ctx.pids.postgres) });
    const cpuBefore = readCpu();
    if (ctx.storm.triggers > 0) {
      const storm = await openStorm(ctx, client, service.id);
      ({ ids: stormIds, acceptedPerSecond } = storm);
      lastDue = Math.max(lastDue, storm.lastDue);
      ctx.log(`  storm: ${stormIds.length} incidents opened by ${ctx.storm.triggers} alerts (${Math.round(acceptedPerSecond)} accepted a second)`);
    }
    ctx.log(`  waiting for their deadlines (about ${Math.round((lastDue - Date.now()) / 1000) + 15} s)`);
    await sleep(Math.max(0, lastDue - Date.now()) + 15_000);
    const settleBy = Date.now() + SETTLE_MS;
    while (!(await allRecorded(client, [...ids, ...stormIds])) && Date.now() < settleBy) await sleep(1_000);
    const cpuAfter = readCpu();
    const perIncident = (before: number | null, after: number | null) =>
      before === null || after === null || stormIds.length === 0 ? null : Math.round(((after - before) / stormIds.length) * 100) / 100;

    const slaBreaches = await latenessOf(client, SLA_BREACH_LATENESS, ids);
    const escalations = await latenessOf(client, SECOND_LEVEL_LATENESS, ids);
    const measures: [string, Lateness][] = [
      ["SLA breaches", slaBreaches],
      ["escalations to level 2", escalations],
    ];
    let storm: DeadlineStorm | null = null;
    if (stormIds.length > 0) {
      storm = {
        triggers: ctx.storm.triggers,
        acceptedPerSecond,
        firstPages: await latenessOf(client, FIRST_PAGE_LATENESS, stormIds),
        escalations: await latenessOf(client, SECOND_LEVEL_LATENESS, stormIds),
        slaBreaches: await latenessOf(client, SLA_BREACH_LATENESS, stormIds),
        cpuMsPerIncident: {
          api: perIncident(cpuBefore.api, cpuAfter.api),
          worker: perIncident(cpuBefore.worker, cpuAfter.worker),
          postgres: perIncident(cpuBefore.postgres, cpuAfter.postgres),
        },
      };
      measures.push(["storm: first pages", storm.firstPages], ["storm: escalations to level 2", storm.escalations], ["storm: SLA breaches", storm.slaBreaches]);
    }
    for (const [what, l] of measures) {
      ctx.log(`  ${what}: ${l.recorded} of ${l.incidents}; lateness p50 / p99 / max ${l.p50} / ${l.p99} / ${l.max} ms`);
    }
    if (storm !== null) {
      const cpu = storm.cpuMsPerIncident;
      ctx.log(`  storm: CPU per incident, API / worker / PostgreSQL: ${cpu.api} / ${cpu.worker} / ${cpu.postgres} ms`);
    }
    return { slaBreaches, escalations, storm };
  } finally {
    await client.end();
  }
}
