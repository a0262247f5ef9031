import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@incidentops/testkit";
import { migrate, migrationsDir, readMigrations, type MigrationFile } from "../src/migrate.js";

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

interface LedgerRow {
  version: string;
  name: string;
  checksum: string;
}

const ledger = (url: string) =>
  withClient(url, async (client) => (await client.query<LedgerRow>("SELECT version, name, checksum FROM schema_migrations ORDER BY version")).rows);

const tableExists = (url: string, table: string) =>
  withClient(url, async (client) => (await client.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [table])).rows[0]?.found ?? null);

const databases: TestDatabase[] = [];
async function emptyDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase({ template: null });
  databases.push(database);
  return database;
}

/** A new database migrated with the files before `version` (and graphile-worker's schema). */
async function migratedUpTo(version: string): Promise<TestDatabase> {
  const db = await emptyDatabase();
  const before = await mkdtemp(join(tmpdir(), "migrations-"));
  try {
    for (const file of files.filter((f) => f.version < version)) await copyFile(join(migrationsDir, `${file.name}.sql`), join(before, `${file.name}.sql`));
    await migrate(db.url, { dir: before });
  } finally {
    await rm(before, { recursive: true, force: true });
  }
  return db;
}

let files: MigrationFile[];
beforeAll(async () => {
  files = await readMigrations();
});

afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});

describe("migrate", () => {
  it("has migration files to apply", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((f) => f.name)).toEqual([...files.map((f) => f.name)].sort());
  });

  it("applies every file to an empty database, in order, then nothing on a second run", async () => {
    const db = await emptyDatabase();
    expect(await tableExists(db.url, "incidents")).toBeNull();

    const applied = await migrate(db.url);
    expect(applied).toEqual(files.map((f) => f.name));
    expect(await ledger(db.url)).toEqual(files.map((f) => ({ version: f.version, name: f.name, checksum: f.checksum })));
    for (const table of ["users", "orgs", "org_members", "services", "incidents", "incident_events", "refresh_tokens", "notification_targets"]) {
      expect(await tableExists(db.url, table), table).toBe(table);
    }

    expect(await migrate(db.url)).toEqual([]);
    expect(await ledger(db.url)).toHaveLength(files.length);
  });

  it("applies each file exactly once when two processes migrate at the same time", async () => {
    const db = await emptyDatabase();
    const results = await Promise.allSettled([migrate(db.url), migrate(db.url), migrate(db.url)]);
    const failures = results.filter((r) => r.status === "rejected");
    expect(failures).toEqual([]);
    const applied = results.flatMap((r) => (r.status === "fulfilled" ? r.value : []));
    // Between them, the runs applied every file once; the losers of the lock found nothing to do.
    expect(applied.sort()).toEqual(files.map((f) => f.name).sort());
    const rows = await ledger(db.url);
    expect(rows.map((r) => r.version)).toEqual(files.map((f) => f.version));
  });

  it("refuses to run when an applied migration was changed", async () => {
    const db = await emptyDatabase();
    await migrate(db.url);
    const first = files[0];
    expect(first).toBeDefined();
    await withClient(db.url, (client) => client.query("UPDATE schema_migrations SET checksum = 'x' WHERE version = $1", [first?.version]));
    await expect(migrate(db.url)).rejects.toThrow(/changed/i);
    await expect(migrate(db.url)).rejects.toThrow(first?.name ?? "unreachable");
    // Nothing was re-applied or rewritten.
    const rows = await ledger(db.url);
    expect(rows.find((r) => r.version === first?.version)?.checksum).toBe("x");
  });

  it("releases its lock after a failure, so the next run can proceed", async () => {
    const db = await emptyDatabase();
    await migrate(db.url);
    const first = files[0];
    await withClient(db.url, (client) => client.query("UPDATE schema_migrations SET checksum = 'x' WHERE version = $1", [first?.version]));
    await expect(migrate(db.url)).rejects.toThrow(/changed/i);
    await withClient(db.url, (client) =>
      client.query("UPDATE schema_migrations SET checksum = $1 WHERE version = $2", [first?.checksum, first?.version]),
    );
    // Would hang (and time out) if the advisory lock were still held by a leaked session.
    expect(await migrate(db.url)).toEqual([]);
  });
});

describe("0074 integration settings", () => {
  it("keeps one incident per alert for the keys that existed, and groups for new ones", async () => {
    const db = await migratedUpTo("0074");
    const insertKey = (client: pg.Client, routingKey: string) =>
      client.query(
        `WITH o AS (INSERT INTO orgs (name) VALUES ('acme') RETURNING id), s AS (INSERT INTO services (org_id, name) SELECT id, 'checkout' FROM o RETURNING org_id, id)
         INSERT INTO integration_keys (org_id, service_id, name, routing_key) SELECT org_id, id, 'prometheus', $1 FROM s`,
        [routingKey],
      );
    await withClient(db.url, (client) => insertKey(client, "existing"));
    await migrate(db.url);
    await withClient(db.url, (client) => insertKey(client, "created-later"));
    const rows = await withClient(db.url, async (client) => (await client.query<{ routing_key: string; grouping: string }>("SELECT routing_key, grouping FROM integration_keys ORDER BY routing_key")).rows);
    expect(rows).toEqual([
      { routing_key: "created-later", grouping: "group" },
      { routing_key: "existing", grouping: "alert" },
    ]);
  });
});

describe("0087 jobs off the named queue", () => {
  it("takes the jobs waiting on the queue `critical` off it, and leaves other queues' jobs alone", async () => {
    const db = await migratedUpTo("0087");
    const addJob = (client: pg.Client, key: string, queue: string) =>
      client.query("SELECT graphile_worker.add_job('escalate_if_unacked', '{}'::json, queue_name => $2, job_key => $1)", [key, queue]);
    await withClient(db.url, async (client) => {
      await addJob(client, "escalation", "critical");
      await addJob(client, "elsewhere", "another");
    });
    await migrate(db.url);
    const rows = await withClient(
      db.url,
      async (client) =>
        (await client.query<{ key: string; queue: string | null }>(
          `SELECT j.key, q.queue_name AS queue FROM graphile_worker._private_jobs j
             LEFT JOIN graphile_worker._private_job_queues q ON q.id = j.job_queue_id ORDER BY j.key`,
        )).rows,
    );
    expect(rows).toEqual([
      { key: "elsewhere", queue: "another" },
      { key: "escalation", queue: null },
    ]);
  });
});

describe("incident_events is append-only", () => {
  let db: TestDatabase;
  let eventId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    databases.push(db);
    eventId = await withClient(db.url, async (client) => {
      const org = await client.query<{ id: string }>("INSERT INTO orgs (name) VALUES ('Acme') RETURNING id");
      const orgId = org.rows[0]?.id;
      const service = await client.query<{ id: string }>("INSERT INTO services (org_id, name) VALUES ($1, 'api') RETURNING id", [orgId]);
      const incident = await client.query<{ id: string }>(
        "INSERT INTO incidents (org_id, service_id, title) VALUES ($1, $2, 'down') RETURNING id",
        [orgId, service.rows[0]?.id],
      );
      const event = await client.query<{ id: string }>(
        "INSERT INTO incident_events (org_id, incident_id, kind) VALUES ($1, $2, 'created') RETURNING id",
        [orgId, incident.rows[0]?.id],
      );
      const id = event.rows[0]?.id;
      if (id === undefined) throw new Error("no event inserted");
      return id;
    });
  });

  const eventCount = () =>
    withClient(db.url, async (client) => Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM incident_events")).rows[0]?.n));

  it("accepts inserts", async () => {
    expect(await eventCount()).toBe(1);
  });

  it.each([
    ["UPDATE", "UPDATE incident_events SET kind = 'tampered'"],
    ["DELETE", "DELETE FROM incident_events"],
    // CASCADE gets past the foreign keys that point at incident_events: the trigger is what stops it.
    ["TRUNCATE", "TRUNCATE incident_events CASCADE"],
  ])("refuses %s (%s)", async (operation, statement) => {
    await expect(withClient(db.url, (client) => client.query(statement))).rejects.toThrow(
      new RegExp(`incident_events is append-only: ${operation} is not allowed`),
    );
    expect(await eventCount()).toBe(1);
    const kind = await withClient(db.url, async (client) => (await client.query<{ kind: string }>("SELECT kind FROM incident_events WHERE id = $1", [eventId])).rows[0]?.kind);
    expect(kind).toBe("created");
  });

  it("refuses a plain TRUNCATE too", async () => {
    await expect(withClient(db.url, (client) => client.query("TRUNCATE incident_events"))).rejects.toThrow();
    expect(await eventCount()).toBe(1);
  });

  it("refuses deleting the incident under its events", async () => {
    await expect(withClient(db.url, (client) => client.query("DELETE FROM incidents"))).rejects.toThrow();
    expect(await eventCount()).toBe(1);
  });
});
