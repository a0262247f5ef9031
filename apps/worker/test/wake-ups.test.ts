import { EventEmitter } from "node:events";
import { randomUUID } from "node:crypto";
import { createLogger, msUntilNextJob, removeJob, type Incident, type IncidentEvent } from "@incidentops/core";
import { createJobQueuePool, sql } from "@incidentops/db";
import { run, type WorkerEvents, type WorkerPool } from "graphile-worker";
import { beforeAll, describe, expect, it } from "vitest";
import { graphileLogger } from "../src/job-log.js";
import { LISTENING_PROBE, startWakeUps } from "../src/wake-ups.js";
import {
  anIncident,
  anOrgOwner,
  anSlaPolicy,
  aPolicy,
  aService,
  aWebhookTarget,
  deferred,
  listEvents,
  ok,
  queuedJobs,
  sleep,
  startWebhookReceiver,
  useTestStack,
  waitFor,
  type Account,
} from "@incidentops/testkit";

// Jobs scheduled for later run when they come due, not on the runners' next poll: the worker
// here polls every 10 minutes, so a job that runs within seconds of its time was woken for.
// The bound (3 s) is generous for a busy machine and far below the poll.

const LONG_POLL_MS = 600_000;
const stack = useTestStack({ WORKER_POLL_INTERVAL_MS: String(LONG_POLL_MS) });
const MINUTE = 60_000;
const silent = createLogger({ level: "silent", name: "wake-ups-test" });
const BOUND_MS = 3_000;

let owner: Account;

beforeAll(async () => {
  owner = await anOrgOwner(stack.current.api, { orgName: "Wake-up Org" });
  await stack.current.startWorker();
});

/** The database says whether the job with this key is due, and for how long it has been (ms). */
async function dueFor(jobKey: string): Promise<number> {
  const { rows } = await sql<{ ms: number }>`
    SELECT (extract(epoch FROM now() - run_at) * 1000)::float8 AS ms FROM graphile_worker._private_jobs WHERE key = ${jobKey}`.execute(stack.current.api.db);
  const ms = rows[0]?.ms;
  if (ms === undefined) throw new Error(`no job ${jobKey}`);
  return ms;
}

/** Wake-ups following a stand-in runner whose one pool records when it is nudged. */
function watchedRunner() {
  const nudges: number[] = [];
  const pool = { id: "pool-test", nudge: () => void nudges.push(Date.now()) } as unknown as WorkerPool;
  const emitter: WorkerEvents = new EventEmitter();
  const wakeUps = startWakeUps({ db: stack.current.api.db, logger: silent });
  wakeUps.observe(emitter);
  emitter.emit("pool:create", { ctx: {} as never, workerPool: pool });
  return { emitter, nudges, pool, stop: wakeUps.stop };
}

const events = async (incidentId: string, kind: IncidentEvent["kind"]) =>
  (await listEvents(stack.current.api, owner.accessToken, incidentId)).filter((e) => e.kind === kind);

describe("wake-ups for jobs scheduled for later", () => {
  it("(control) a due job added without a notification waits for the runners' long poll", { timeout: 20_000 }, async () => {
    const { db } = stack.current.api;
    const jobKey = `control-${Date.now()}`;
    const payload = { orgId: owner.org.id, incidentId: randomUUID(), kind: "acknowledge", requestId: "control" };
    // The runners' first fetches, as they start, would find it, and so would the one each makes once
    // its LISTEN is in effect (its listener's last statement is then the wake-ups' probe): let them pass.
    await waitFor(async () => {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE 'incidentops-worker-%' AND query = ${LISTENING_PROBE}`.execute(db);
      return (rows[0]?.n ?? 0) >= 2 ? true : undefined;
    }, 10_000, "both runners listening");
    await sleep(1_000);
    // Due now, added behind graphile-worker's back: add_job would announce it (NOTIFY).
    await sql`
      INSERT INTO graphile_worker._private_jobs (task_id, payload, run_at, key)
      SELECT id, ${JSON.stringify(payload)}::json, now(), ${jobKey} FROM graphile_worker._private_tasks WHERE identifier = 'sla_breach'`.execute(db);
    expect(await queuedJobs(db, { key: jobKey })).toHaveLength(1);
    await sleep(BOUND_MS);
    expect(await queuedJobs(db, { key: jobKey })).toMatchObject([{ attempts: 0 }]);
    await removeJob(db, jobKey);
  });

  it("do nothing for a job due months ahead, further than a timer can wait", { timeout: 20_000 }, async () => {
    const { db } = stack.current.api;
    const jobKey = `far-ahead-${Date.now()}`;
    await sql`SELECT graphile_worker.add_job('wake_up_probe', '{}'::json, run_at => now() + interval '100 days', job_key => ${jobKey})`.execute(db);
    try {
      // The earliest job to come, and beyond setTimeout's 2^31 - 1 ms (a longer one fires after 1 ms).
      expect(await msUntilNextJob(db)).toBeGreaterThan(2 ** 31);
      const { nudges, stop } = watchedRunner();
      await sleep(1_000);
      stop();
      expect(nudges).toEqual([]);
    } finally {
      await removeJob(db, jobKey);
    }
  });

  it("nudge the runners' pools once the earliest job is due (by the database's clock), not before", { timeout: 20_000 }, async () => {
    const { emitter, nudges, pool, stop } = watchedRunner();
    try {
      const jobKey = `wake-up-test-${Date.now()}`;
      // A task no runner takes, so the job stays for the check below.
      await sql`SELECT graphile_worker.add_job('wake_up_probe', '{}'::json, run_at => now() + interval '1500 milliseconds', job_key => ${jobKey})`.execute(
        stack.current.api.db,
      );
      // The notification a runner would get of the new job.
      emitter.emit("pool:listen:notification", { ctx: {} as never, workerPool: pool, message: { channel: "jobs:insert", payload: "{}", processId: 0 }, client: {} as never });
      await waitFor(() => (nudges.length > 0 ? true : undefined), 10_000, "a nudge");
      const lateness = await dueFor(jobKey);
      expect(lateness).toBeGreaterThanOrEqual(0);
      expect(lateness).toBeLessThan(BOUND_MS);
    } finally {
      stop();
    }
  });

  it("record an SLA breach within seconds of its deadline although the runners poll every 10 minutes", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const serviceId = (await aService(api, owner.accessToken)).id;
    const sev3 = { acknowledgeWithinMinutes: 60, resolveWithinMinutes: null };
    await anSlaPolicy(api, owner.accessToken, { sev1: sev3, sev2: sev3, sev3, sev4: { acknowledgeWithinMinutes: null, resolveWithinMinutes: null } });
    const incident = await anIncident(api, owner.accessToken, serviceId, { severity: "sev4" });
    // Opened 60 minutes minus 2 seconds ago: as sev3, its first response is due in 2 seconds.
    await api.db.updateTable("incidents").set({ created_at: new Date(Date.now() - 60 * MINUTE + 2_000) }).where("id", "=", incident.id).execute();
    const armed = await ok(api.request<Incident>("PATCH", `/v1/incidents/${incident.id}`, { token: owner.accessToken, body: { severity: "sev3", version: 1 } }), 200, "re-severity");
    const dueAt = Date.parse(armed.acknowledgeDueAt ?? "");

    const [breach] = await waitFor(async () => {
      const found = await events(incident.id, "sla_breached");
      return found.length > 0 ? found : undefined;
    }, 15_000, "the breach");
    const lateness = Date.parse(breach?.createdAt ?? "") - dueAt;
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(BOUND_MS);
  });

  it("notify an escalation level within seconds of its delay although the runners poll every 10 minutes", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const receiver = await startWebhookReceiver();
    try {
      const target = await aWebhookTarget(api, owner.accessToken, receiver.url, { eventKinds: ["mitigated"] });
      const levels = [1, 2].map(() => ({ delaySeconds: 2, targets: [{ type: "notification_target" as const, targetId: target.id }] }));
      const policy = await aPolicy(api, owner.accessToken, levels, { name: "Wake-up policy" });
      const service = await aService(api, owner.accessToken, { escalationPolicyId: policy.id });
      const incident = await anIncident(api, owner.accessToken, service.id, { title: "Nobody answers" });

      const level2 = await waitFor(async () => (await events(incident.id, "escalated")).find((e) => e.data.level === 2), 15_000, "level 2");
      const level1 = (await events(incident.id, "escalated")).find((e) => e.data.level === 1);
      // Level 2 is due 2 s after level 1 fired (its event's time is a little earlier still).
      const lateness = Date.parse(level2.createdAt) - (Date.parse(level1?.createdAt ?? "") + 2_000);
      expect(lateness).toBeGreaterThanOrEqual(0);
      expect(lateness).toBeLessThan(BOUND_MS);
    } finally {
      await receiver.close();
    }
  });
});

/**
 * A real runner (its poll every 10 minutes) followed by wake-ups, whose listener's LISTEN is held
 * back when `holdBack(n)` says so for its n-th listener (1 at start, 2 after one reconnect): a
 * slow round trip sent before graphile-worker's LISTEN on its listening connection (a client runs
 * its queries in order), the window a busy database or network opens between a listener's start
 * and its first notification, held open long enough to add a job in it.
 */
async function runnerListeningLate(holdBack: (listener: number) => boolean) {
  const { api } = stack.current;
  const wakeUps = startWakeUps({ db: api.db, logger: silent });
  const pgPool = createJobQueuePool({ connectionString: api.appDatabaseUrl, applicationName: "wake-ups-test" });
  const events: WorkerEvents = new EventEmitter();
  const HELD_BACK = "SELECT pg_sleep(2) AS listen_held_back";
  const listenerPids: Promise<number>[] = [];
  events.on("pool:listen:success", ({ client }) => {
    listenerPids.push(client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid").then(({ rows }) => rows[0]?.pid ?? 0));
    if (holdBack(listenerPids.length)) void client.query(HELD_BACK);
  });
  const firstFetch = deferred();
  events.once("localQueue:getJobs:complete", () => firstFetch.resolve());
  wakeUps.observe(events);
  const ranAt = new Map<string, number>();
  const runner = await run({
    pgPool,
    concurrency: 1,
    noHandleSignals: true,
    events,
    logger: graphileLogger(silent),
    taskList: { listen_race_probe: (payload) => void ranAt.set((payload as { name: string }).name, Date.now()) },
    preset: { worker: { pollInterval: LONG_POLL_MS, localQueue: { size: 2 } } },
  });
  await firstFetch.promise;
  return {
    listenerPids,
    /** Adds a job due now (add_job notifies), and says when it was added. */
    addJob: async (name: string) => {
      await sql`SELECT graphile_worker.add_job('listen_race_probe', ${JSON.stringify({ name })}::json)`.execute(api.db);
      return Date.now();
    },
    /** Whether a listener's LISTEN is being held back now. */
    heldBack: async () => {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query = ${HELD_BACK}`.execute(api.db);
      return (rows[0]?.n ?? 0) > 0;
    },
    /** How long after `addedAt` the job ran (waiting up to 10 s for it). */
    ranAfter: async (name: string, addedAt: number) => (await waitFor(() => ranAt.get(name), 10_000, `the job ${name}`)) - addedAt,
    stop: async () => {
      wakeUps.stop();
      await runner.stop();
      await pgPool.end();
    },
  };
}

describe("a runner whose LISTEN is on its way", () => {
  it("runs a due job added after its first fetch, before the LISTEN took effect, although it polls every 10 minutes", { timeout: 30_000 }, async () => {
    const runner = await runnerListeningLate((listener) => listener === 1);
    try {
      const addedAt = await runner.addJob("at start");
      // Its notification (add_job's NOTIFY) went out while the runner was not yet listening.
      expect(await runner.heldBack()).toBe(true);
      expect(await runner.ranAfter("at start", addedAt)).toBeLessThan(BOUND_MS);
    } finally {
      await runner.stop();
    }
  });

  it("runs a due job added while its listener reconnected, before the new LISTEN took effect", { timeout: 30_000 }, async () => {
    const runner = await runnerListeningLate((listener) => listener === 2);
    try {
      const listening = await runner.addJob("listening");
      expect(await runner.ranAfter("listening", listening)).toBeLessThan(BOUND_MS);
      // The listener's connection is cut: graphile-worker listens again on a new one.
      const [firstPid] = await Promise.all(runner.listenerPids);
      await sql`SELECT pg_terminate_backend(${firstPid}::int)`.execute(stack.current.api.db);
      await waitFor(() => (runner.listenerPids.length === 2 ? true : undefined), 10_000, "the listener's reconnection");

      const addedAt = await runner.addJob("reconnecting");
      expect(await runner.heldBack()).toBe(true);
      expect(await runner.ranAfter("reconnecting", addedAt)).toBeLessThan(BOUND_MS);
    } finally {
      await runner.stop();
    }
  });
});
