/**
 * The load scenarios: each runs in a separate load-generator process (bench/load.ts, autocannon)
 * against the API or the baseline server, on loopback only. Baseline and API runs of the same
 * work are adjacent, so the machine's noise hits both alike.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { assertLoopback, startTsProcess, tail } from "./processes.js";
import { cpuMs, treeCpuMs } from "./proc.js";
import type { LoadMessage, LoadResult, LoadSpec, ScenarioResult, SenderSpec } from "./types.js";

export interface Settings {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  timeoutSeconds: number;
}

export interface ScenarioContext {
  tmpDir: string;
  apiUrl: string;
  baselineUrl: string;
  token: string;
  hotServiceId: string;
  routingKey: string;
  /** Random incident ids of the big org, for the reads. */
  sampleIds: string[];
  /** Triggered incidents at version 1, for the transitions. */
  triggeredIds: string[];
  settings: Settings;
  /** Waits until the worker has run every job the last scenario queued. */
  quiesce: (label: string) => Promise<void>;
  log: (line: string) => void;
  /** Groups to run (get, list, create, transition, analytics, enqueue, oncall); all when undefined. */
  only?: ReadonlySet<string> | undefined;
  /** Seeds the on-call data (schedules, overrides, policies) and answers the path to render. */
  seedOnCall: () => Promise<{ renderPath: string; notes: string }>;
  /** The processes whose CPU time per request is measured: each target's server, and PostgreSQL's server process (with its backends). */
  pids: { api: number | undefined; baseline: number | undefined; postgres: number | undefined };
  /** Each result is appended here as soon as it is known (so a failed run keeps the others). */
  results: ScenarioResult[];
}

let runCounter = 0;

/**
 * Runs one load in a child process (the load generator, or `entry` speaking its protocol: the
 * bare sender); `onMeasuring` fires when its measured part starts.
 */
export async function runLoad(
  tmpDir: string,
  label: string,
  spec: LoadSpec | SenderSpec,
  onMeasuring?: () => void,
  entry = "bench/load.ts",
): Promise<LoadResult> {
  assertLoopback(spec.baseUrl);
  const n = ++runCounter;
  const specFile = join(tmpDir, `load-${n}.json`);
  await writeFile(specFile, JSON.stringify(spec));
  const child = startTsProcess({
    name: `load generator (${label})`,
    entry,
    args: [specFile],
    env: { ...process.env, NODE_ENV: "production" },
    logFile: join(tmpDir, `load-${n}.log`),
    ipc: true,
  });
  let result: LoadResult | undefined;
  let failure: string | undefined;
  child.child.on("message", (message: LoadMessage) => {
    if (message.type === "measuring") onMeasuring?.();
    else if (message.type === "result") result = message.result;
    else failure = message.message;
  });
  await child.exited;
  if (result === undefined) {
    throw new Error(`the load generator for "${label}" failed: ${failure ?? `exit code ${child.child.exitCode}`}\n${await tail(child.logFile)}`);
  }
  return result;
}

/** Runs every load scenario in order, appending API and baseline results alike to ctx.results. */
export async function runScenarios(ctx: ScenarioContext): Promise<void> {
  const { settings, results } = ctx;
  const auth = { authorization: `Bearer ${ctx.token}` };
  const base = { connections: settings.connections, timeoutSeconds: settings.timeoutSeconds };
  const timed = { warmupSeconds: settings.warmupSeconds, durationSeconds: settings.durationSeconds };

  const run = async (meta: Omit<ScenarioResult, keyof LoadResult | "connections" | "cpuMsPerRequest" | "dbCpuMsPerRequest">, spec: LoadSpec) => {
    ctx.log(`  ${meta.target === "api" ? "API     " : "baseline"}  ${meta.name} ...`);
    const started = performance.now();
    const pid = ctx.pids[meta.target];
    const readCpu = () => ({ server: cpuMs(pid), db: treeCpuMs(ctx.pids.postgres) });
    let before = readCpu();
    const result = await runLoad(ctx.tmpDir, meta.id, spec, () => (before = readCpu()));
    const after = readCpu();
    // Over the measured part (and the moment the load generator takes to exit): CPU time per request.
    const perRequest = (from: number | null, to: number | null) =>
      from === null || to === null || result.requests === 0 ? null : Math.round(((to - from) / result.requests) * 1000) / 1000;
    const cpuMsPerRequest = perRequest(before.server, after.server);
    const dbCpuMsPerRequest = perRequest(before.db, after.db);
    const scenario: ScenarioResult = { ...meta, ...result, connections: spec.connections, cpuMsPerRequest, dbCpuMsPerRequest };
    results.push(scenario);
    ctx.log(
      `            ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.non2xx + result.errors} errors, ` +
        `${cpuMsPerRequest ?? "n/a"} CPU ms/request, PostgreSQL ${dbCpuMsPerRequest ?? "n/a"} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    return scenario;
  };
  const want = (group: string) => ctx.only === undefined || ctx.only.has(group);

  const getPaths = ctx.sampleIds.map((id) => ({ path: `/v1/incidents/${id}` }));
  if (want("get")) {
    await run(
      { id: "baseline.get_incident", name: "GET /v1/incidents/{id} (baseline)", target: "baseline" },
      { ...base, ...timed, baseUrl: ctx.baselineUrl, headers: {}, plan: { kind: "rotate", method: "GET", items: getPaths, cycle: true } },
    );
    await run(
      { id: "get_incident", name: "GET /v1/incidents/{id}", target: "api", baselineId: "baseline.get_incident" },
      { ...base, ...timed, baseUrl: ctx.apiUrl, headers: auth, plan: { kind: "rotate", method: "GET", items: getPaths, cycle: true } },
    );
  }

  if (want("list")) {
    const path = "/v1/incidents?limit=50";
    await run(
      { id: "baseline.list_incidents", name: "GET /v1/incidents?limit=50 (baseline)", target: "baseline" },
      { ...base, ...timed, baseUrl: ctx.baselineUrl, headers: {}, plan: { kind: "static", method: "GET", path } },
    );
    await run(
      { id: "list_incidents", name: "GET /v1/incidents?limit=50", target: "api", baselineId: "baseline.list_incidents" },
      { ...base, ...timed, baseUrl: ctx.apiUrl, headers: auth, plan: { kind: "static", method: "GET", path } },
    );
  }

  // The writes are compared with the baseline's all-unique trigger: an incident, its event and
  // its notification job in one transaction, the closest bare equivalent.
  const createBody = JSON.stringify({ title: "Checkout returns 500", severity: "sev2", description: "Opened by the benchmark" });
  let createRps = 100;
  if (want("create")) {
    const create = await run(
      { id: "create_incident", name: "POST /v1/services/{id}/incidents", target: "api", baselineId: "baseline.enqueue_unique" },
      {
        ...base,
        ...timed,
        baseUrl: ctx.apiUrl,
        headers: auth,
        plan: { kind: "static", method: "POST", path: `/v1/services/${ctx.hotServiceId}/incidents`, body: createBody },
      },
    );
    createRps = create.rps;
    await ctx.quiesce("create");
  }

  // One request per triggered incident (triggered -> acknowledged at version 1): as many as the
  // create rate suggests fit the duration, within what was seeded (one per connection spare).
  const spare = settings.connections + 1;
  const amount = Math.max(
    1,
    Math.min(ctx.triggeredIds.length - spare, Math.round(Math.max(createRps, 50) * settings.durationSeconds)),
  );
  const transitionBody = JSON.stringify({ toStatus: "acknowledged", version: 1 });
  if (want("transition")) {
    await run(
      {
        id: "transition_incident",
        name: "POST /v1/incidents/{id}/transition",
        target: "api",
        baselineId: "baseline.enqueue_unique",
        notes: `${amount} distinct triggered incidents acknowledged once each`,
      },
      {
        ...base,
        warmupSeconds: 0,
        amount,
        baseUrl: ctx.apiUrl,
        headers: auth,
        plan: {
          kind: "rotate",
          method: "POST",
          items: ctx.triggeredIds.map((id) => ({ path: `/v1/incidents/${id}/transition`, body: transitionBody })),
          cycle: false,
        },
      },
    );
    await ctx.quiesce("transition");
  }

  // A dashboard's query: 90 days of the big org by day, one request at a time (its own latency,
  // not throughput: each one sorts every duration of the window, on both cores).
  if (want("analytics")) {
    const until = new Date();
    const since = new Date(until.getTime() - 90 * 86_400_000);
    const path = `/v1/analytics/incidents?groupBy=day&since=${since.toISOString()}&until=${until.toISOString()}&timeZone=Europe/Berlin`;
    await run(
      { id: "analytics_90d_by_day", name: "GET /v1/analytics/incidents, 90 days by day (1 connection)", target: "api" },
      { ...base, ...timed, connections: 1, baseUrl: ctx.apiUrl, headers: auth, plan: { kind: "static", method: "GET", path } },
    );
  }

  // On call: latency targets (render 90 days of a three-layer schedule: p99 under 20 ms; who is on
  // call in an org of 200 schedules: p99 under 50 ms), one caller at a time.
  if (want("oncall")) {
    const seeded = await ctx.seedOnCall();
    const latency = { ...timed, connections: 1, timeoutSeconds: settings.timeoutSeconds, baseUrl: ctx.apiUrl, headers: auth };
    await run(
      { id: "render_schedule", name: "GET /v1/org/schedules/{id}/shifts, 90 days of three layers with restrictions and overrides", target: "api", notes: `1 connection; ${seeded.notes}` },
      { ...latency, plan: { kind: "static", method: "GET", path: seeded.renderPath } },
    );
    await run(
      { id: "oncalls", name: "GET /v1/oncalls, an org of 200 schedules and 20 policies", target: "api", notes: "1 connection" },
      { ...latency, plan: { kind: "static", method: "GET", path: "/v1/oncalls" } },
    );
  }

  const runId = Date.now().toString(36);
  // The ceiling of accepting an event durably over HTTP: the same bodies, each INSERTed as one row.
  if (want("enqueue")) {
    await run(
      { id: "baseline.durable_accept", name: "POST /accept: the trigger's raw body INSERTed as one row (durable accept)", target: "baseline" },
      {
        ...base,
        ...timed,
        baseUrl: ctx.baselineUrl,
        headers: {},
        plan: { kind: "enqueue", path: "/accept", routingKey: ctx.routingKey, keyPrefix: `accept-${runId}`, uniqueEvery: 1, repeatKeys: 1 },
      },
    );
  }
  const variants = [
    { id: "enqueue_dedup", label: "10% unique dedup keys", uniqueEvery: 10 },
    { id: "enqueue_unique", label: "all-unique dedup keys", uniqueEvery: 1 },
  ];
  for (const variant of want("enqueue") ? variants : []) {
    const plan = (target: string) => ({
      kind: "enqueue" as const,
      path: "/v2/enqueue",
      routingKey: ctx.routingKey,
      keyPrefix: `${target}-${variant.id}-${runId}`,
      uniqueEvery: variant.uniqueEvery,
      repeatKeys: 20,
    });
    await run(
      { id: `baseline.${variant.id}`, name: `POST /v2/enqueue trigger, ${variant.label} (baseline)`, target: "baseline" },
      { ...base, ...timed, baseUrl: ctx.baselineUrl, headers: {}, plan: plan("baseline") },
    );
    await ctx.quiesce(`baseline ${variant.id}`);
    await run(
      {
        id: variant.id,
        name: `POST /v2/enqueue trigger, ${variant.label}`,
        target: "api",
        baselineId: `baseline.${variant.id}`,
        ceilingId: "baseline.durable_accept",
        ...(variant.uniqueEvery > 1 ? { notes: "90% of triggers repeat one of 20 open incidents" } : {}),
      },
      { ...base, ...timed, baseUrl: ctx.apiUrl, headers: {}, plan: plan("api") },
    );
    await ctx.quiesce(variant.id);
  }
}
