import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@incidentops/testkit";

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
