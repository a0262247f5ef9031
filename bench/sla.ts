/**
 * SLA breach lateness: how long after its deadline a breach is recorded. A service gets a policy
 * whose sev1 incidents must be acknowledged within a minute (the smallest target); `incidents`
 * of them are opened over a few seconds and left alone; once every deadline has passed by 15 s,
 * each `sla_breached` event's creation is compared with its deadline (the database's clock on
 * both sides).
 */
import pg from "pg";
import { sleep } from "./processes.js";
import type { ApiClient } from "./seed.js";
import type { SlaBreachResults } from "./types.js";

export interface SlaContext {
  api: ApiClient;
  token: string;
  ownerUrl: string;
  incidents: number;
  log: (line: string) => void;
}

const ONE_MINUTE = { acknowledgeWithinMinutes: 1, resolveWithinMinutes: null };

export async function measureSlaBreaches(ctx: SlaContext): Promise<SlaBreachResults> {
  const service = await ctx.api.call<{ id: string }>("POST", "/v1/org/services", { name: `sla-bench-${Date.now().toString(36)}` }, ctx.token);
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
    const { rows } = await client.query<{ recorded: number; early: number; p50: number | null; p99: number | null; max: number | null }>(
      `WITH lateness AS (
         SELECT extract(epoch FROM e.created_at - (e.data ->> 'dueAt')::timestamptz) * 1000 AS ms
           FROM incident_events e
          WHERE e.incident_id = ANY($1::uuid[]) AND e.kind = 'sla_breached'
       )
       SELECT count(*)::int AS recorded,
              count(*) FILTER (WHERE ms < 0)::int AS early,
              percentile_disc(0.5) WITHIN GROUP (ORDER BY ms)::float8 AS p50,
              percentile_disc(0.99) WITHIN GROUP (ORDER BY ms)::float8 AS p99,
              max(ms)::float8 AS max
         FROM lateness`,
      [ids],
    );
    const row = rows[0] ?? { recorded: 0, early: 0, p50: null, p99: null, max: null };
    ctx.log(`  recorded ${row.recorded} of ${ids.length}; lateness p50 / p99 / max ${row.p50} / ${row.p99} / ${row.max} ms`);
    return { incidents: ids.length, ...row };
  } finally {
    await client.end();
  }
}
