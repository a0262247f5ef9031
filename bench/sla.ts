/**
 * Deadlines kept: how long after its time a job scheduled for later does its work. A service gets
 * an SLA policy whose incidents must be acknowledged within a minute (the smallest target) and
 * an escalation policy whose first level waits a minute before the second; `incidents` sev1
 * incidents are opened over a few seconds and left alone. Once every deadline has passed by 15 s:
 * - SLA breach lateness: each `sla_breached` event's creation minus its deadline;
 * - escalation lateness: each second level's `escalated` event's creation minus the first
 *   level's plus the minute (the first level's event is written a moment before the worker
 *   computes the next level's time, so this errs late by that moment).
 * The database's clock on both sides.
 */
import pg from "pg";
import { sleep } from "./processes.js";
import type { ApiClient } from "./seed.js";
import type { Lateness } from "./types.js";

export interface SlaContext {
  api: ApiClient;
  token: string;
  /** The org's admin: the person the escalation levels page. */
  userId: string;
  ownerUrl: string;
  incidents: number;
  log: (line: string) => void;
}

const ONE_MINUTE = { acknowledgeWithinMinutes: 1, resolveWithinMinutes: null };
const LEVEL_DELAY_SECONDS = 60;

/** Percentiles of `lateness` (a query yielding `ms`, late by that many milliseconds, one row per deadline). */
async function latenessOf(client: pg.Client, lateness: string, values: unknown[], deadlines: number): Promise<Lateness> {
  const { rows } = await client.query<{ recorded: number; early: number; p50: number | null; p99: number | null; max: number | null }>(
    `WITH lateness AS (${lateness})
     SELECT count(*)::int AS recorded,
            count(*) FILTER (WHERE ms < 0)::int AS early,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY ms)::float8 AS p50,
            percentile_disc(0.99) WITHIN GROUP (ORDER BY ms)::float8 AS p99,
            max(ms)::float8 AS max
       FROM lateness`,
    values,
  );
  return { incidents: deadlines, ...(rows[0] ?? { recorded: 0, early: 0, p50: null, p99: null, max: null }) };
}

export async function measureDeadlines(ctx: SlaContext): Promise<{ slaBreaches: Lateness; escalations: Lateness }> {
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
  ctx.log(`  ${ids.length} sev1 incidents opened; waiting for their deadlines (about ${Math.round((lastDue - Date.now()) / 1000) + 15} s)`);
  await sleep(Math.max(0, lastDue - Date.now()) + 15_000);

  const client = new pg.Client({ connectionString: ctx.ownerUrl });
  await client.connect();
  try {
    const slaBreaches = await latenessOf(
      client,
      `SELECT extract(epoch FROM e.created_at - (e.data ->> 'dueAt')::timestamptz) * 1000 AS ms
         FROM incident_events e
        WHERE e.incident_id = ANY($1::uuid[]) AND e.kind = 'sla_breached'`,
      [ids],
      ids.length,
    );
    const escalations = await latenessOf(
      client,
      `SELECT extract(epoch FROM second.created_at - first.created_at - make_interval(secs => $2)) * 1000 AS ms
         FROM incident_events first
         JOIN incident_events second ON second.incident_id = first.incident_id AND second.kind = 'escalated' AND (second.data ->> 'step')::int = 2
        WHERE first.incident_id = ANY($1::uuid[]) AND first.kind = 'escalated' AND (first.data ->> 'step')::int = 1`,
      [ids, LEVEL_DELAY_SECONDS],
      ids.length,
    );
    for (const [what, l] of [["SLA breaches", slaBreaches], ["escalations to level 2", escalations]] as const) {
      ctx.log(`  ${what}: ${l.recorded} of ${ids.length}; lateness p50 / p99 / max ${l.p50} / ${l.p99} / ${l.max} ms`);
    }
    return { slaBreaches, escalations };
  } finally {
    await client.end();
  }
}
