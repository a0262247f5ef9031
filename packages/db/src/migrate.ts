import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { Logger, runMigrations as runJobQueueMigrations } from "graphile-worker";
import pg from "pg";

/** The folder of plain SQL migrations, applied in file-name order. */
export const migrationsDir = fileURLToPath(new URL("../migrations/", import.meta.url));

/** The role the API and worker connect as (created by migration 0003). */
export const APP_ROLE = "incidentops_app";

// graphile-worker's schema is created by its own migrations, after ours; the app enqueues into it
// and the worker runs it, both as the application role. Its private tables have row-level
// security enabled with no policy (to keep them out of auto-generated APIs), so the role gets
// an explicit one: the job queue holds no tenant data of its own to hide.
const GRANT_JOB_QUEUE = `
  GRANT USAGE ON SCHEMA graphile_worker TO ${APP_ROLE};
  GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${APP_ROLE};
  GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${APP_ROLE};
  GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${APP_ROLE};
  DO $$
  DECLARE
    t record;
  BEGIN
    FOR t IN
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'graphile_worker' AND c.relkind = 'r' AND c.relrowsecurity
        AND NOT EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = 'graphile_worker'
                        AND p.tablename = c.relname AND p.policyname = 'incidentops_app_job_queue')
    LOOP
      EXECUTE format('CREATE POLICY incidentops_app_job_queue ON graphile_worker.%I TO ${APP_ROLE} USING (true) WITH CHECK (true)', t.relname);
    END LOOP;
  END
  $$;`;

// graphile-worker's add_jobs and remove_job find a job by its key. PL/pgSQL keeps a connection's
// plan of each of their statements, and a plan made while the jobs table was small scans the whole
// table: once a storm has queued thousands of jobs, every call on a connection that began at idle
// reads them all. Planned at each call, they look the key up in its index (decision 0063).
const JOB_QUEUE_PLANS = `
  ALTER FUNCTION graphile_worker.add_jobs(graphile_worker.job_spec[], boolean) SET plan_cache_mode = force_custom_plan;
  ALTER FUNCTION graphile_worker.remove_job(text) SET plan_cache_mode = force_custom_plan;`;

/** The owner's connection string with the application role's credentials in it. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = encodeURIComponent(password);
  return url.toString();
}

const silentJobQueueLogger = new Logger(() => () => undefined);

// Arbitrary constant shared by every process that migrates this database.
const MIGRATION_LOCK_ID = 727_274_001;

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = migrationsDir): Promise<MigrationFile[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(`${dir}/${file}`, "utf8");
      return {
        version: file.slice(0, 4),
        name: file.replace(/\.sql$/, ""),
        sql,
        checksum: createHash("sha256").update(sql).digest("hex"),
      };
    }),
  );
}

const CREATE_LEDGER = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version    text PRIMARY KEY,
    name       text NOT NULL,
    checksum   text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`;

export interface MigrateOptions {
  /** The folder of migration files; the package's own by default. */
  dir?: string;
  /** Also lets the application role log in with this password (the role is created by migration 0003). */
  appRolePassword?: string | undefined;
}

/**
 * Applies every pending migration, each in its own transaction, then graphile-worker's own
 * schema (the job queue the API enqueues into) and the application role's grants on it, all
 * under a session advisory lock so that two processes migrating at once apply each file exactly
 * once. A migration changed after it was applied stops the run. Returns the names applied.
 */
export async function migrate(connectionString: string, options: MigrateOptions = {}): Promise<string[]> {
  const { dir = migrationsDir, appRolePassword } = options;
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString, application_name: "incidentops-migrate" });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await client.query(CREATE_LEDGER);
    const { rows } = await client.query<{ version: string; checksum: string }>(
      "SELECT version, checksum FROM schema_migrations",
    );
    const done = new Map(rows.map((r) => [r.version, r.checksum]));
    for (const m of migrations) {
      const checksum = done.get(m.version);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new Error(
            `Migration ${m.name} was changed after it was applied. Migrations are immutable: add a new file instead.`,
          );
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", [
          m.version,
          m.name,
          m.checksum,
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(m.name);
    }
    await runJobQueueMigrations({ connectionString, logger: silentJobQueueLogger });
    await client.query(GRANT_JOB_QUEUE);
    await client.query(JOB_QUEUE_PLANS);
    if (appRolePassword !== undefined) {
      await client.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${client.escapeLiteral(appRolePassword)}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    await client.end();
  }
  return applied;
}
