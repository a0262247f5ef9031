import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@incidentops/testkit";
import { createJobQueuePool } from "../src/job-queue-pool.js";

/** How many jobs a storm has queued by the time a connection that began at idle adds another. */
const QUEUED = 5_000;

/** graphile_worker.add_jobs of `count` jobs without a key. */
const addJobs = (count: number) =>
  `SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
     SELECT ROW('incident_event', '{}'::json, NULL, NULL, NULL, NULL, NULL, NULL)::graphile_worker.job_spec
     FROM generate_series(1, ${count})))`;

/** Rows of graphile-worker's jobs this connection has read by scanning the table (pg_stat_xact_*: its counts not yet reported). */
async function jobRowsScanned(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ scanned: string }>(
    "SELECT seq_tup_read AS scanned FROM pg_stat_xact_all_tables WHERE relid = 'graphile_worker._private_jobs'::regclass",
  );
  return Number(rows[0]?.scanned ?? 0);
}

/** The rows of graphile-worker's jobs that `statement` read by scanning the table, in a transaction rolled back. */
async function jobRowsScannedBy(client: pg.Client, statement: string, values: unknown[] = []): Promise<number> {
  await client.query("BEGIN");
  try {
    const before = await jobRowsScanned(client);
    await client.query(statement, values);
    return (await jobRowsScanned(client)) - before;
  } finally {
    await client.query("ROLLBACK");
  }
}

let database: TestDatabase;
let idle: pg.Client;
let other: pg.Client;
beforeAll(async () => {
  database = await createTestDatabase();
  idle = new pg.Client({ connectionString: database.url });
  other = new pg.Client({ connectionString: database.url });
  await Promise.all([idle.connect(), other.connect()]);
  // The statistics stay those of the empty table whatever the autovacuum daemon's timing.
  await idle.query("ALTER TABLE graphile_worker._private_jobs SET (autovacuum_enabled = false)");
  // A connection that began while the queue was empty, as the API's and the worker's do at idle:
  // past PostgreSQL's fifth call, the functions' statements would keep a plan made for that.
  await idle.query("ANALYZE graphile_worker._private_jobs");
  for (let call = 0; call < 8; call++) {
    await idle.query(addJobs(1));
    await idle.query("SELECT graphile_worker.remove_job($1)", [`absent-${call}`]);
  }
  await other.query(addJobs(QUEUED));
});

afterAll(async () => {
  await Promise.all([idle.end(), other.end()]);
  await database.drop();
});

describe("graphile-worker's functions once a storm has queued jobs", () => {
  it("add_jobs finds a locked job with the same key through the key's index, not by reading every queued job", async () => {
    expect(await jobRowsScannedBy(idle, addJobs(1))).toBe(0);
  });

  it("remove_job finds its job through the key's index", async () => {
    expect(await jobRowsScannedBy(idle, "SELECT graphile_worker.remove_job($1)", ["absent"])).toBe(0);
  });

  it("still adds and removes jobs by key", async () => {
    await idle.query("SELECT graphile_worker.add_job('incident_event', '{}'::json, job_key => 'kept')");
    const removed = await idle.query<{ key: string | null }>("SELECT (graphile_worker.remove_job('kept')).key");
    expect(removed.rows[0]?.key).toBe("kept");
  });
});

/**
 * graphile-worker 0.17's job fetch, as its runners send it for a batch of 10 (src/sql/getJobs.ts:
 * named queues locked up front, no forbidden flags, PostgreSQL's clock).
 */
const JOB_FETCH = `
  with j as (
    select jobs.job_queue_id, jobs.priority, jobs.run_at, jobs.id
      from graphile_worker._private_jobs as jobs
      where jobs.is_available = true
      and run_at <= now()
      and task_id = any($2::int[])
      and (jobs.job_queue_id is null or jobs.job_queue_id in (
        select id from graphile_worker._private_job_queues as job_queues
        where job_queues.is_available = true for update skip locked))
      order by priority asc, run_at asc
      limit 10
      for update skip locked
  ), q as (
    update graphile_worker._private_job_queues as job_queues set locked_by = $1::text, locked_at = now()
    from j where job_queues.id = j.job_queue_id
  )
  update graphile_worker._private_jobs as jobs set attempts = jobs.attempts + 1, locked_by = $1::text, locked_at = now()
  from j where jobs.id = j.id
  returning *`;

/** The plan PostgreSQL makes on `client` for a runner's fetch of every task's jobs. */
async function jobFetchPlan(client: pg.ClientBase): Promise<string> {
  const { rows: tasks } = await client.query<{ id: number }>("SELECT id FROM graphile_worker._private_tasks");
  const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (COSTS OFF) ${JOB_FETCH}`, ["test-runner", tasks.map((task) => task.id)]);
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

describe("graphile-worker's job fetch once a storm has queued deadlines", () => {
  beforeAll(async () => {
    // Each incident's breach check, due later and ahead of everything else once due.
    await other.query(
      `SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
         SELECT ROW('sla_breach', '{}'::json, NULL, now() + interval '1 hour', NULL, NULL, -10, NULL)::graphile_worker.job_spec
         FROM generate_series(1, ${QUEUED})))`,
    );
  });

  it("(control) on a plain connection, statistics from the empty table have it scan and sort every queued job", async () => {
    expect(await jobFetchPlan(idle)).toContain("Seq Scan on _private_jobs");
  });

  it("on graphile-worker's own connections (JOB_QUEUE_SETTINGS), walks the index of available jobs in order", async () => {
    const pool = createJobQueuePool({ connectionString: database.url, max: 1 });
    try {
      const client = await pool.connect();
      try {
        const plan = await jobFetchPlan(client);
        expect(plan).not.toContain("Seq Scan on _private_jobs");
        expect(plan).toContain("Index Scan using jobs_main_index on _private_jobs");
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });
});
