/**
 * End to end: a trigger enqueued at POST /v2/enqueue, through the API's transaction, the
 * worker's fan-out and delivery jobs, to the signed webhook arriving at the loopback receiver.
 */
import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { Arrival, Receiver } from "./receiver.js";
import { runLoad } from "./scenarios.js";
import type { ApiClient } from "./seed.js";
import { sleep } from "./processes.js";
import type { LoadSpec, NotificationResults } from "./types.js";

export interface NotificationContext {
  tmpDir: string;
  api: ApiClient;
  token: string;
  routingKey: string;
  receiver: Receiver;
  /** Triggers for the latency figure, sent at `latencyRatePerSecond`. */
  latencyTriggers: number;
  latencyRatePerSecond: number;
  burstTriggers: number;
  burstTimeoutMs: number;
  /** Jobs queued for later before the burst (`count`, 0 for none), through the owner's pool. */
  pendingJobs: { count: number; owner: pg.Pool };
  connections: number;
  /** The bare sender's requests in flight (the worker's per-receiver limit) and measured seconds. */
  bareSender: { connections: number; seconds: number };
  /** Stops and resumes every worker process (SIGSTOP, SIGCONT): for a backlog taken while the workers are down. */
  workers: { stop: () => void; resume: () => void };
  quiesce: (label: string) => Promise<void>;
  log: (line: string) => void;
}

function percentile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return value === undefined ? null : Math.round(value * 10) / 10;
}

/** The key prefix of the pending jobs, so they can be removed. */
const PENDING_KEY_PREFIX = "bench-pending:";

/**
 * Queues `count` jobs two hours ahead, as an org's SLA breach checks wait for their deadlines
 * (task sla_breach, priority -10 as SLA_JOB_PRIORITY, each its own key): what a storm's job
 * fetches and adds meet where services have SLA policies. Their payload is never read: they are
 * removed (removePendingJobs) long before they are due.
 */
async function queuePendingJobs(owner: pg.Pool, count: number): Promise<void> {
  await owner.query(
    `SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
       SELECT ROW('sla_breach', '{}'::json, NULL, now() + interval '2 hours', NULL, $1 || g, -10, NULL)::graphile_worker.job_spec
       FROM generate_series(1, $2::int) AS g))`,
    [PENDING_KEY_PREFIX, count],
  );
}

async function removePendingJobs(owner: pg.Pool): Promise<void> {
  await owner.query("DELETE FROM graphile_worker._private_jobs WHERE key LIKE $1 || '%'", [PENDING_KEY_PREFIX]);
}

/** Resolves when `done()` holds, or after `timeoutMs` (false then). */
async function waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

function trigger(ctx: NotificationContext, dedupKey: string): Promise<unknown> {
  return ctx.api.call("POST", "/v2/enqueue", {
    routing_key: ctx.routingKey,
    event_action: "trigger",
    dedup_key: dedupKey,
    payload: { summary: `Latency probe ${dedupKey}`, source: "bench.local", severity: "critical" },
  });
}

/** The load of `ctx.burstTriggers` triggers with distinct keys (`prefix` and a number), each opening an incident, as fast as the API takes them. */
const distinctTriggers = (ctx: NotificationContext, prefix: string): LoadSpec => ({
  baseUrl: ctx.api.baseUrl,
  headers: {},
  connections: ctx.connections,
  warmupSeconds: 0,
  amount: ctx.burstTriggers,
  timeoutSeconds: 30,
  plan: { kind: "enqueue", path: "/v2/enqueue", routingKey: ctx.routingKey, keyPrefix: prefix, uniqueEvery: 1, repeatKeys: 1 },
});

/** The webhooks of the triggers keyed `prefix`..., counted (and given to `each`) as they land, until `stop`. */
function countArrivals(receiver: Receiver, prefix: string, each: (arrival: Arrival) => void = () => undefined) {
  const count: { arrived: number; lastArrival: number; stop: () => void } = { arrived: 0, lastArrival: 0, stop: () => undefined };
  count.stop = receiver.onArrival((a) => {
    if (a.dedupKey?.startsWith(prefix) !== true) return;
    count.arrived++;
    count.lastArrival = a.at;
    each(a);
  });
  return count;
}

/** How many of `ctx.burstTriggers` triggers the API took (each a webhook to come). */
const takenOf = (ctx: NotificationContext, load: { non2xx: number; errors: number }) => ctx.burstTriggers - load.non2xx - load.errors;

/** `count` a second over `seconds`, to a tenth (0 for no time). */
const perSecond = (count: number, seconds: number) => (seconds > 0 ? Math.round((count / seconds) * 10) / 10 : 0);

/**
 * A backlog: `triggers` distinct triggers taken while every worker is stopped (a deploy, a crash),
 * then the workers resumed: how fast they alone turn it into webhooks, from the moment they resume
 * to the last webhook. Every delivery goes to one receiver, so one lane holds the whole backlog.
 */
async function measureBacklog(ctx: NotificationContext, runId: string): Promise<Omit<NotificationResults["backlog"], "vsBareSender">> {
  const prefix = `backlog-${runId}`;
  const count = countArrivals(ctx.receiver, prefix);
  ctx.workers.stop();
  const enqueue = await runLoad(ctx.tmpDir, "backlog", distinctTriggers(ctx, prefix)).finally(() => ctx.workers.resume());
  const resumedAt = performance.now();
  const done = await waitUntil(() => count.arrived >= takenOf(ctx, enqueue), ctx.burstTimeoutMs);
  count.stop();
  const seconds = ((count.arrived > 0 ? count.lastArrival : performance.now()) - resumedAt) / 1000;
  return {
    triggers: ctx.burstTriggers,
    enqueueErrors: enqueue.non2xx + enqueue.errors,
    arrived: count.arrived,
    seconds: Math.round(seconds * 100) / 100,
    deliveriesPerSecond: perSecond(count.arrived, seconds),
    timedOut: !done,
  };
}

export async function measureNotifications(ctx: NotificationContext): Promise<NotificationResults> {
  const target = await ctx.api.call<{ secret: string }>(
    "POST",
    "/v1/org/notification-targets",
    { name: "bench receiver", type: "webhook", config: { url: ctx.receiver.url } },
    ctx.token,
  );
  ctx.receiver.setSecret(target.secret);
  const runId = Date.now().toString(36);

  // One delivery first, so connections and code paths are warm.
  let warmed = false;
  const stopWarm = ctx.receiver.onArrival((a) => {
    if (a.dedupKey === `warm-${runId}`) warmed = true;
  });
  await trigger(ctx, `warm-${runId}`);
  const warmOk = await waitUntil(() => warmed, 30_000);
  stopWarm();
  if (!warmOk) throw new Error("no webhook arrived within 30 s of a trigger: is the worker running?");

  // Latency: triggers at a steady, light rate; each one's time to its webhook.
  ctx.log(`  latency: ${ctx.latencyTriggers} triggers at ${ctx.latencyRatePerSecond}/s ...`);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const stopLatency = ctx.receiver.onArrival((a) => {
    const sent = a.dedupKey === null ? undefined : sentAt.get(a.dedupKey);
    if (sent !== undefined && a.type === "incident.triggered") latencies.push(a.at - sent);
  });
  const requests: Promise<unknown>[] = [];
  const interval = 1000 / ctx.latencyRatePerSecond;
  const start = performance.now();
  for (let i = 0; i < ctx.latencyTriggers; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const key = `lat-${runId}-${i}`;
    sentAt.set(key, performance.now());
    requests.push(trigger(ctx, key));
  }
  await Promise.all(requests);
  const latencyDone = await waitUntil(() => latencies.length >= ctx.latencyTriggers, 30_000);
  stopLatency();
  await ctx.quiesce("latency");
  if (ctx.pendingJobs.count > 0) {
    ctx.log(`  ${ctx.pendingJobs.count} jobs queued for two hours later ...`);
    await queuePendingJobs(ctx.pendingJobs.owner, ctx.pendingJobs.count);
  }

  // Burst: N distinct triggers as fast as the API takes them; deliveries counted as they land.
  ctx.log(`  burst: ${ctx.burstTriggers} triggers ...`);
  const prefix = `burst-${runId}`;
  const arrivals: number[] = [];
  const burstLatencies: number[] = [];
  const burst = countArrivals(ctx.receiver, prefix, (a) => {
    arrivals.push(a.at);
    if (a.incidentCreatedAt !== null) burstLatencies.push(a.wallClock - Date.parse(a.incidentCreatedAt));
  });
  let burstStart = performance.now();
  const enqueue = await runLoad(ctx.tmpDir, "burst", distinctTriggers(ctx, prefix), () => (burstStart = performance.now()));
  const enqueueEnd = burstStart + enqueue.durationSeconds * 1000;
  const burstDone = await waitUntil(() => burst.arrived >= takenOf(ctx, enqueue), ctx.burstTimeoutMs);
  burst.stop();
  const { arrived, lastArrival } = burst;
  const totalSeconds = ((arrived > 0 ? lastArrival : performance.now()) - burstStart) / 1000;
  // After the last trigger was answered, only the worker is busy: its own delivery rate.
  const drainSeconds = Math.max(0, (lastArrival - enqueueEnd) / 1000);
  const drained = arrivals.filter((at) => at > enqueueEnd).length;
  await ctx.quiesce("burst");

  ctx.log(`  backlog: ${ctx.burstTriggers} triggers while the worker is stopped, then the worker alone ...`);
  const backlog = await measureBacklog(ctx, runId);
  await ctx.quiesce("backlog");
  if (ctx.pendingJobs.count > 0) await removePendingJobs(ctx.pendingJobs.owner);

  // The ceiling: signing and POSTing to the same receiver, nothing else (bench/bare-sender.ts).
  ctx.log(`  bare sender: ${ctx.bareSender.connections} in flight for ${ctx.bareSender.seconds} s ...`);
  const receiverUrl = new URL(ctx.receiver.url);
  const bare = await runLoad(
    ctx.tmpDir,
    "bare sender",
    {
      baseUrl: receiverUrl.origin,
      path: receiverUrl.pathname,
      secret: target.secret,
      connections: ctx.bareSender.connections,
      warmupSeconds: 1,
      durationSeconds: ctx.bareSender.seconds,
      timeoutSeconds: 30,
    },
    undefined,
    "bench/bare-sender.ts",
  );
  const deliveriesPerSecond = perSecond(arrived, totalSeconds);
  /** A delivery rate ÷ the bare sender's (null when the bare sender delivered nothing). */
  const ofBareSender = (rate: number) => (bare.rps > 0 ? Math.round((rate / bare.rps) * 1000) / 1000 : null);
  const stats = ctx.receiver.stats();
  return {
    latency: {
      triggers: ctx.latencyTriggers,
      arrived: latencies.length,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      max: percentile(latencies, 1),
      timedOut: !latencyDone,
    },
    burst: {
      triggers: ctx.burstTriggers,
      enqueueSeconds: enqueue.durationSeconds,
      enqueueRps: enqueue.rps,
      enqueueErrors: enqueue.non2xx + enqueue.errors,
      arrived,
      totalSeconds: Math.round(totalSeconds * 100) / 100,
      deliveriesPerSecond,
      vsBareSender: ofBareSender(deliveriesPerSecond),
      drainSeconds: Math.round(drainSeconds * 100) / 100,
      drainDeliveriesPerSecond: drainSeconds > 0.5 ? Math.round((drained / drainSeconds) * 10) / 10 : null,
      p50: percentile(burstLatencies, 0.5),
      p99: percentile(burstLatencies, 0.99),
      timedOut: !burstDone,
    },
    backlog: { ...backlog, vsBareSender: ofBareSender(backlog.deliveriesPerSecond) },
    bareSender: { connections: ctx.bareSender.connections, deliveriesPerSecond: bare.rps, p50: bare.p50, p99: bare.p99, errors: bare.non2xx + bare.errors },
    badSignatures: stats.badSignatures,
    duplicates: stats.duplicates,
  };
}
