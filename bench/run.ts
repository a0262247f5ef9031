/**
 * `pnpm bench [--quick]`: the benchmark suite. Starts its own embedded PostgreSQL in a temporary
 * data dir, migrates and seeds it, runs the API, the worker and the baseline server as child
 * processes, drives load from separate processes with autocannon (loopback only), measures the
 * notification path end to end, then writes bench/results/latest.{json,md} and prints the table.
 * Everything it started is stopped, and the temporary dir removed, on success, failure or Ctrl-C.
 *
 * Options: --quick (about a minute and a half), --incidents=N, --duration=S (measured seconds per
 * scenario), --connections=N, --log-level=L (of the API and worker; default info), --keep (leave
 * the temporary dir, with every process's log, for inspection), --profile (also write CPU
 * profiles of the API and the worker into it; implies --keep), --only=get,list,create,transition,
 * analytics,enqueue,oncall,notifications,sla,isolation (run only those scenario groups; sla, SLA breaches
 * and escalation levels, then a storm's, waits about 90 s for their deadlines), --replicas=N (N API processes and
 * N workers, the APIs behind a round-robin TCP balancer: docs/SCALING.md; the per-process CPU and
 * memory figures are then the first API's and worker's), --pending-jobs=N (before the burst,
 * N jobs queued for two hours later, as an org's pending SLA breach checks: what a storm meets in
 * an org whose services have SLA policies; removed after the backlog).
 * DB_POOL_SIZE and WORKER_CONCURRENCY in the environment reach the API and the worker.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { APP_ROLE, appRoleUrl, migrate, startEmbeddedPostgres } from "@incidentops/db";
import pg from "pg";
import { startBalancer } from "./balancer.js";
import { measureIsolation } from "./isolation.js";
import { measureNotifications } from "./notifications.js";
import { measureDeadlines } from "./sla.js";
import { freePort } from "@incidentops/testkit/loopback";
import { sleep, startTsProcess, tail, waitForHttp, type ManagedProcess } from "./processes.js";
import { startReceiver } from "./receiver.js";
import { machineInfo, withRatios, writeReport, type Report } from "./report.js";
import { runScenarios } from "./scenarios.js";
import { samplePeakRss } from "./proc.js";
import { renderPath, seedOnCall } from "./oncall.js";
import { apiClient, sampleIncidentIds, seedIncidents, seedOrgThroughApi, triggeredIncidentIds } from "./seed.js";
import type { DeadlineStorm, IsolationResults, Lateness, NotificationResults, ScenarioResult } from "./types.js";

interface Plan {
  mode: "quick" | "full";
  incidents: number;
  triggeredEvery: number;
  services: number;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  latencyTriggers: number;
  latencyRatePerSecond: number;
  burstTriggers: number;
  burstTimeoutMs: number;
  /** Alerts of the deadlines' storm (bench/sla.ts). */
  deadlineStormTriggers: number;
  logLevel: string;
  keep: boolean;
  profile: boolean;
  /** Scenario groups to run; all when undefined. */
  only: Set<string> | undefined;
  /** API processes (behind a balancer) and workers; undefined: one of each, no balancer. */
  replicas: number | undefined;
  pendingJobs: number;
}

function parseArgs(argv: string[]): Plan {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const number = (name: string, fallback: number) => {
    const given = value(name);
    if (given === undefined) return fallback;
    const n = Number(given);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  for (const arg of argv) {
    if (arg === "--") continue;
    if (!/^--(quick|keep|profile|only=|incidents=|duration=|connections=|log-level=|replicas=|pending-jobs=)/.test(arg)) throw new Error(`unknown option ${arg}`);
  }
  const quick = flag("quick");
  const only = value("only");
  const groups = ["get", "list", "create", "transition", "analytics", "enqueue", "oncall", "notifications", "sla", "isolation"];
  for (const group of only?.split(",") ?? []) if (!groups.includes(group)) throw new Error(`--only takes ${groups.join(",")}`);
  const incidents = Math.round(number("incidents", quick ? 50_000 : 1_000_000));
  return {
    mode: quick ? "quick" : "full",
    incidents,
    // Enough still-triggered incidents for the transition scenario, spread over the year.
    triggeredEvery: Math.max(2, Math.min(50, Math.floor(incidents / 5_000))),
    services: 20,
    connections: Math.round(number("connections", 16)),
    warmupSeconds: quick ? 1 : 3,
    durationSeconds: number("duration", quick ? 3 : 15),
    latencyTriggers: quick ? 40 : 200,
    latencyRatePerSecond: 20,
    burstTriggers: quick ? 1_000 : 10_000,
    burstTimeoutMs: quick ? 60_000 : 300_000,
    deadlineStormTriggers: quick ? 300 : 2_000,
    logLevel: value("log-level") ?? "info",
    keep: flag("keep") || flag("profile"),
    profile: flag("profile"),
    only: only === undefined ? undefined : new Set(only.split(",")),
    replicas: value("replicas") === undefined ? undefined : Math.round(number("replicas", 1)),
    pendingJobs: Math.round(number("pending-jobs", 0)),
  };
}

const log = (line: string) => console.log(line);
const since = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

/** Cleanup steps, run last-in first-out exactly once, whatever happened. */
const cleanups: { name: string; run: () => Promise<void> }[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const step = cleanups.pop();
      if (step === undefined) break;
      try {
        await step.run();
      } catch (error) {
        console.error(`cleanup (${step.name}) failed:`, error instanceof Error ? error.message : error);
      }
    }
  })();
  return cleaning;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping everything the benchmark started ...`);
    void cleanup().finally(() => process.exit(130));
  });
}
// An error thrown outside main's promise chain must not leave PostgreSQL and the children running.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error: unknown) => {
    console.error(`${event}:`, error instanceof Error ? (error.stack ?? error.message) : error);
    void cleanup().finally(() => process.exit(1));
  });
}

/** A child that must stay up: its exit fails the run (unless we are stopping it). */
function watch(child: ManagedProcess, crashes: string[]): ManagedProcess {
  let stopping = false;
  void child.exited.then(async () => {
    if (!stopping) crashes.push(`${child.name} exited (code ${child.child.exitCode ?? child.child.signalCode}):\n${await tail(child.logFile)}`);
  });
  const stop = child.stop;
  return {
    ...child,
    stop: (graceMs?: number) => {
      stopping = true;
      return stop(graceMs);
    },
  };
}

async function main(): Promise<number> {
  const plan = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const t0 = performance.now();
  log(`IncidentOps benchmark, ${plan.mode} mode (${plan.incidents.toLocaleString("en")} incidents)`);

  const tmpDir = await mkdtemp(join(tmpdir(), "incidentops-bench-"));
  cleanups.push({
    name: "temporary dir",
    run: () => (plan.keep ? Promise.resolve(log(`kept ${tmpDir}`)) : rm(tmpDir, { recursive: true, force: true })),
  });

  // PostgreSQL: our own, on a free port, in the temporary dir.
  let t = performance.now();
  const pgPort = await freePort();
  // A data dir of its own at the top of the temporary area: run as root, the server runs as a
  // `postgres` user, which could not enter the (private) dir holding the logs.
  const pgDataDir = await mkdtemp(join(tmpdir(), "incidentops-bench-pg-"));
  cleanups.push({ name: "PostgreSQL data dir", run: () => rm(pgDataDir, { recursive: true, force: true }) });
  const server = await startEmbeddedPostgres({ dataDir: pgDataDir, port: pgPort });
  cleanups.push({ name: "PostgreSQL", run: server.stop });
  const maintenance = new pg.Client({ connectionString: server.url() });
  await maintenance.connect();
  await maintenance.query("CREATE DATABASE incidentops_bench");
  const postgresVersion = (await maintenance.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? "unknown";
  await maintenance.end();
  const ownerUrl = server.url("incidentops_bench");
  const appPassword = randomBytes(24).toString("base64url");
  await migrate(ownerUrl, { appRolePassword: appPassword });
  const appUrl = appRoleUrl(ownerUrl, appPassword);
  log(`PostgreSQL ${postgresVersion} on 127.0.0.1:${pgPort}, migrated (${since(t)})`);

  // The API and the worker, as `pnpm start` runs them: separate processes on the owner's URL
  // (each migrates, finds nothing to do, and connects as the application role).
  t = performance.now();
  const apiPort = await freePort();
  // Settings of another deployment must not leak in (its database, a quota, a public URL).
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !["APP_DATABASE_URL", "TEST_DATABASE_URL", "ORG_DAILY_WRITE_QUOTA", "PUBLIC_URL"].includes(name)),
  );
  const childEnv: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: "production",
    DATABASE_URL: ownerUrl,
    APP_DB_PASSWORD: appPassword,
    JWT_SECRET_KEY: randomBytes(48).toString("base64url"),
    HOST: "127.0.0.1",
    PORT: String(apiPort),
    DATA_DIR: tmpDir,
    LOG_LEVEL: plan.logLevel,
    // Generous limits: the benchmark registers once and writes a lot from one org.
    AUTH_RATE_LIMIT_PER_MINUTE: "1000000",
    INGEST_RATE_LIMIT_PER_MINUTE: "100000000",
    ACCESS_TOKEN_EXPIRE_MINUTES: "240",
    WEBHOOK_ALLOW_PRIVATE: "true",
    DELIVERY_RETRY_BASE_MS: "1000",
    // No SMTP server here: emails (none are sent) would go to the log.
    EMAIL_LOG_ONLY: "true",
  };
  const crashes: string[] = [];
  const profileArgs = (name: string) => (plan.profile ? ["--cpu-prof", `--cpu-prof-dir=${join(tmpDir, "profiles", name)}`] : []);
  // One API and one worker, or --replicas of each with the APIs behind a balancer.
  const apis: ManagedProcess[] = [];
  const workers: ManagedProcess[] = [];
  const apiPorts: number[] = [];
  for (let i = 0; i < (plan.replicas ?? 1); i++) {
    const suffix = i === 0 ? "" : `-${i + 1}`;
    const port = i === 0 ? apiPort : await freePort();
    const replica = watch(
      startTsProcess({ name: `API${suffix}`, entry: "apps/api/src/main.ts", nodeArgs: profileArgs(`api${suffix}`), env: { ...childEnv, PORT: String(port) }, logFile: join(tmpDir, `api${suffix}.log`) }),
      crashes,
    );
    cleanups.push({ name: `API${suffix}`, run: () => replica.stop() });
    const worker = watch(
      startTsProcess({ name: `worker${suffix}`, entry: "apps/worker/src/main.ts", nodeArgs: profileArgs(`worker${suffix}`), env: childEnv, logFile: join(tmpDir, `worker${suffix}.log`) }),
      crashes,
    );
    cleanups.push({ name: `worker${suffix}`, run: () => worker.stop(20_000) });
    apis.push(replica);
    workers.push(worker);
    apiPorts.push(port);
  }
  for (const [i, replica] of apis.entries()) await waitForHttp(`http://127.0.0.1:${apiPorts[i] ?? 0}/readyz`, 60_000, replica);
  const [api, worker] = [apis[0], workers[0]];
  if (api === undefined || worker === undefined) throw new Error("no API or worker started");
  const balancer = plan.replicas === undefined ? undefined : await startBalancer(apiPorts);
  if (balancer !== undefined) cleanups.push({ name: "balancer", run: balancer.close });
  const apiUrl = `http://127.0.0.1:${balancer?.port ?? apiPort}`;
  log(`${apis.length === 1 ? "API" : `${apis.length} APIs`} on ${apiUrl} and ${workers.length === 1 ? "worker" : `${workers.length} workers`} started (${since(t)})`);

  const owner = new pg.Pool({ connectionString: ownerUrl, max: 2 });
  cleanups.push({ name: "owner pool", run: () => owner.end() });

  // Seed: org, admin, services and integration key through the API; incidents in SQL.
  t = performance.now();
  const client = apiClient(apiUrl);
  const org = await seedOrgThroughApi(client, plan.services);
  const seed = await seedIncidents(ownerUrl, org, plan.incidents, plan.triggeredEvery);
  log(
    `seeded ${seed.incidents.toLocaleString("en")} incidents (${seed.incidentSeconds.toFixed(1)} s) and ` +
      `${seed.events.toLocaleString("en")} timeline events (${seed.eventSeconds.toFixed(1)} s), vacuumed (${seed.vacuumSeconds.toFixed(1)} s)`,
  );
  const sampleIds = await sampleIncidentIds(ownerUrl, org.orgId, plan.incidents, 10_000);
  const triggeredIds = await triggeredIncidentIds(ownerUrl, org.orgId, 50_000);

  // The baseline server, with the API's pool size, and the webhook receiver. Its durable accept
  // writes to a plain table: no index but the key, no trigger, no row-level security.
  await owner.query(`
    CREATE TABLE bench_accepted (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL, received_at timestamptz NOT NULL DEFAULT now());
    GRANT INSERT ON bench_accepted TO ${APP_ROLE}`);
  const baselinePort = await freePort();
  const baseline = watch(
    startTsProcess({
      name: "baseline server",
      entry: "bench/baseline-server.ts",
      env: { ...process.env, NODE_ENV: "production", BASELINE_DATABASE_URL: appUrl, BASELINE_ORG_ID: org.orgId, PORT: String(baselinePort) },
      logFile: join(tmpDir, "baseline.log"),
    }),
    crashes,
  );
  cleanups.push({ name: "baseline server", run: () => baseline.stop() });
  const baselineUrl = `http://127.0.0.1:${baselinePort}`;
  await waitForHttp(`${baselineUrl}/healthz`, 30_000, baseline);
  const receiver = await startReceiver();
  cleanups.push({ name: "webhook receiver", run: receiver.close });
  log(`seeding and setup done (${since(t)})`);

  // Waits for the job queue to drain, so one scenario's notifications do not load the next.
  const assertAlive = () => {
    if (crashes.length > 0) throw new Error(crashes.join("\n"));
  };
  const quiesce = async (label: string) => {
    const started = performance.now();
    for (;;) {
      assertAlive();
      const { rows } = await owner.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE attempts < max_attempts AND run_at <= now() + interval '1 second'",
      );
      if ((rows[0]?.n ?? 0) === 0) return;
      if (performance.now() - started > 120_000) {
        log(`  (jobs still queued 120 s after "${label}": going on)`);
        return;
      }
      await sleep(100);
    }
  };
  await quiesce("seed");

  const settings = {
    incidents: plan.incidents,
    services: plan.services,
    connections: plan.connections,
    warmupSeconds: plan.warmupSeconds,
    durationSeconds: plan.durationSeconds,
    dbPoolSize: Number(process.env.DB_POOL_SIZE ?? 10),
    workerConcurrency: Number(process.env.WORKER_CONCURRENCY ?? 5),
    deliveryReceiverConcurrency: Number(process.env.DELIVERY_RECEIVER_CONCURRENCY ?? 4),
    logLevel: plan.logLevel,
    latencyTriggers: plan.latencyTriggers,
    latencyRatePerSecond: plan.latencyRatePerSecond,
    burstTriggers: plan.burstTriggers,
    deadlineStormTriggers: plan.deadlineStormTriggers,
    ...(plan.pendingJobs > 0 ? { pendingJobs: plan.pendingJobs } : {}),
    ...(plan.replicas === undefined ? {} : { replicas: plan.replicas }),
  };
  const scenarios: ScenarioResult[] = [];
  let notifications: NotificationResults | null = null;
  let slaBreaches: Lateness | null = null;
  let escalations: Lateness | null = null;
  let deadlineStorm: DeadlineStorm | null = null;
  let isolation: IsolationResults | null = null;
  let failure: string | undefined;
  // From the first scenario to the last measurement: the load's peak, not the start-up's.
  const rss = samplePeakRss({ api: api.child.pid, worker: worker.child.pid });
  try {
    log("scenarios:");
    await runScenarios({
      tmpDir,
      apiUrl,
      baselineUrl,
      token: org.token,
      hotServiceId: org.hotServiceId,
      routingKey: org.routingKey,
      sampleIds,
      triggeredIds,
      settings: { connections: plan.connections, warmupSeconds: plan.warmupSeconds, durationSeconds: plan.durationSeconds, timeoutSeconds: 30 },
      quiesce,
      log,
      results: scenarios,
      only: plan.only,
      pids: { api: api.child.pid, baseline: baseline.child.pid, postgres: server.pid() },
      seedOnCall: async () => {
        const started = performance.now();
        const seeded = await seedOnCall(client, ownerUrl, org);
        log(`  seeded ${seeded.schedules} schedules, ${seeded.overrides} overrides, ${seeded.people} people (${since(started)})`);
        await quiesce("on-call seed");
        return { renderPath: renderPath(seeded), notes: `${seeded.schedules} schedules, ${seeded.overrides} overrides` };
      },
    });
    assertAlive();
    if (plan.only === undefined || plan.only.has("notifications")) {
      log("notifications:");
      notifications = await measureNotifications({
        tmpDir,
        api: client,
        token: org.token,
        routingKey: org.routingKey,
        receiver,
        latencyTriggers: plan.latencyTriggers,
        latencyRatePerSecond: plan.latencyRatePerSecond,
        burstTriggers: plan.burstTriggers,
        burstTimeoutMs: plan.burstTimeoutMs,
        pendingJobs: { count: plan.pendingJobs, owner },
        bareSender: { connections: settings.deliveryReceiverConcurrency, seconds: plan.durationSeconds },
        connections: plan.connections,
        workers: {
          stop: () => workers.forEach((w) => w.child.kill("SIGSTOP")),
          resume: () => workers.forEach((w) => w.child.kill("SIGCONT")),
        },
        quiesce,
        log,
      });
    }
    assertAlive();
    if (plan.only === undefined || plan.only.has("sla")) {
      log("SLA breaches and escalations:");
      ({ slaBreaches, escalations, storm: deadlineStorm } = await measureDeadlines({
        api: client,
        token: org.token,
        userId: org.userId,
        ownerUrl,
        incidents: plan.mode === "quick" ? 30 : 100,
        storm: { triggers: plan.deadlineStormTriggers, connections: plan.connections, tmpDir },
        pids: { api: api.child.pid, worker: worker.child.pid, postgres: server.pid() },
        log,
      }));
    }
    assertAlive();
    // Last: its hanging deliveries hold the worker's slots until their timeout.
    if (plan.only === undefined || plan.only.has("isolation")) {
      log("isolation:");
      isolation = await measureIsolation({
        api: client,
        receiver,
        blackHoles: 20,
        noisyIncidents: plan.mode === "quick" ? 5 : 20,
        quietIncidents: plan.mode === "quick" ? 60 : 200,
        intervalMs: 200,
        log,
      });
    }
    assertAlive();
  } catch (error) {
    failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  const peakRss = rss.stop();

  const report: Report = {
    mode: plan.mode,
    startedAt: startedAt.toISOString(),
    totalSeconds: Math.round((performance.now() - t0) / 100) / 10,
    machine: machineInfo(postgresVersion),
    settings,
    seed: { ...seed },
    scenarios: withRatios(scenarios),
    notifications,
    slaBreaches,
    escalations,
    deadlineStorm,
    isolation,
    peakRssMiB: { api: peakRss.api ?? null, worker: peakRss.worker ?? null },
    ...(failure === undefined ? {} : { error: failure }),
  };
  const written = await writeReport(report);
  log("");
  log(written.text);
  log("");
  log(`wrote ${written.json} and ${written.markdown}`);
  if (failure !== undefined) {
    console.error(`\nthe benchmark failed: ${failure}`);
    return 1;
  }
  return 0;
}

void main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    return 1;
  })
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });
