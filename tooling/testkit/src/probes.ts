import { createHash } from "node:crypto";
import { authService } from "@incidentops/core";
import { createPool, heldStatementsDialect, sql, type Database, type Db } from "@incidentops/db";
import { Kysely } from "kysely";
import { deferred } from "./waiting.js";

// Reads straight from the database (the owner's connection sees every org): what a call changed,
// or must have left alone.

type Where<T extends keyof Database> = Partial<Record<keyof Database[T] & string, string | number | boolean | null>>;

const conditions = (where: Record<string, unknown>) => {
  const entries = Object.entries(where);
  if (entries.length === 0) return sql`true`;
  return sql.join(
    entries.map(([column, value]) => (value === null ? sql`${sql.ref(column)} IS NULL` : sql`${sql.ref(column)} = ${value}`)),
    sql` AND `,
  );
};

/** How many rows of `table` match `where` (column = value, all of them). */
export async function countRows<T extends keyof Database>(db: Db, table: T, where: Where<T> = {}): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${conditions(where)}`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * The rows of `table` matching `where`, whole and as JSON (dates as ISO strings), in a stable
 * order: equal before and after a call means the call changed none of them.
 */
export async function rowsOf<T extends keyof Database>(db: Db, table: T, where: Where<T> = {}): Promise<unknown[]> {
  const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} WHERE ${conditions(where)}`.execute(db);
  return (JSON.parse(JSON.stringify(rows)) as Record<string, unknown>[]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** What a refused call must leave untouched: the incident's row state and its timeline length. */
export async function incidentState(db: Db, incidentId: string) {
  const incident = await db
    .selectFrom("incidents")
    .select(["status", "version", "updated_at"])
    .where("id", "=", incidentId)
    .executeTakeFirstOrThrow();
  const events = await countRows(db, "incident_events", { incident_id: incidentId });
  return { status: incident.status, version: incident.version, updatedAt: incident.updated_at.toISOString(), events };
}

/** The key of an incident's pending escalation job, written out independently of the implementation's. */
export const escalationKey = (incidentId: string) => `escalation:${incidentId}`;
/** The key of an incident's pending return to triggered (a snooze's end, an acknowledgement's timeout), written out likewise. */
export const retriggerKey = (incidentId: string) => `retrigger:${incidentId}`;

export const heartbeatKey = (heartbeatId: string) => `heartbeat:${heartbeatId}`;
/** The key of an incident's pending SLA breach check, written out independently of the implementation's. */
export const slaKey = (kind: "acknowledge" | "resolve", incidentId: string) => `sla:${kind}:${incidentId}`;
/** The key of an incident's pending SLA warning check. */
export const slaWarningKey = (kind: "acknowledge" | "resolve", incidentId: string) => `sla-warning:${kind}:${incidentId}`;

export interface QueuedJob {
  id: string;
  task: string;
  queue: string | null;
  key: string | null;
  payload: Record<string, unknown>;
  runAt: string;
  revision: number;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  lockedBy: string | null;
}

/**
 * graphile-worker's jobs, oldest first. 0.17 keeps them in the table
 * `graphile_worker._private_jobs` (the public `graphile_worker.jobs` is a view without the
 * payload), with tasks and queues by id.
 */
export async function queuedJobs(db: Db, filter: { task?: string; key?: string; orgId?: string } = {}): Promise<QueuedJob[]> {
  const result = await sql<{
    id: string;
    task: string;
    queue: string | null;
    key: string | null;
    payload: Record<string, unknown>;
    run_at: Date;
    revision: number;
    attempts: number;
    max_attempts: number;
    last_error: string | null;
    locked_by: string | null;
  }>`
    SELECT j.id::text AS id, t.identifier AS task, q.queue_name AS queue, j.key, j.payload, j.run_at, j.revision,
           j.attempts, j.max_attempts, j.last_error, j.locked_by
    FROM graphile_worker._private_jobs j
    JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    LEFT JOIN graphile_worker._private_job_queues q ON q.id = j.job_queue_id
    WHERE (${filter.task ?? null}::text IS NULL OR t.identifier = ${filter.task ?? null}::text)
      AND (${filter.key ?? null}::text IS NULL OR j.key = ${filter.key ?? null}::text)
      AND (${filter.orgId ?? null}::text IS NULL OR j.payload->>'orgId' = ${filter.orgId ?? null}::text)
    ORDER BY j.id`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    task: r.task,
    queue: r.queue,
    key: r.key,
    payload: r.payload,
    runAt: r.run_at.toISOString(),
    revision: r.revision,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    lastError: r.last_error,
    lockedBy: r.locked_by,
  }));
}

/** The queued jobs of several incidents' escalation steps (unkeyed) that name any of `incidentIds`. */
export async function stepsJobsOf(db: Db, orgId: string, incidentIds: readonly string[]): Promise<QueuedJob[]> {
  return (await queuedJobs(db, { task: "escalate_if_unacked", orgId })).filter((job) =>
    (job.payload.steps as { incidentId: string }[] | undefined)?.some((s) => incidentIds.includes(s.incidentId)),
  );
}

/**
 * Makes the pending job with this key due now, as if its time had come (a notification rule's
 * delay, a snooze's end): the job still checks the rows when it runs. Returns whether there was one.
 */
export async function makeJobDue(db: Db, key: string): Promise<boolean> {
  const { numAffectedRows } = await sql`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = ${key} AND locked_at IS NULL`.execute(db);
  return (numAffectedRows ?? 0n) > 0n;
}

/** Makes the pending jobs with these ids due now (jobs without a key: makeJobDue finds one by key). */
export async function makeJobsDue(db: Db, jobIds: readonly string[]): Promise<void> {
  await sql`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE id = ANY(${jobIds}::bigint[]) AND locked_at IS NULL`.execute(db);
}

/** Audit log entries matching every given filter, oldest first. */
export function auditEntries(db: Db, filter: { orgId?: string; action?: string; targetId?: string; requestId?: string }) {
  let query = db.selectFrom("audit_log").selectAll();
  if (filter.orgId !== undefined) query = query.where("org_id", "=", filter.orgId);
  if (filter.action !== undefined) query = query.where("action", "=", filter.action);
  if (filter.targetId !== undefined) query = query.where("target_id", "=", filter.targetId);
  if (filter.requestId !== undefined) query = query.where("request_id", "=", filter.requestId);
  return query.orderBy("seq").execute();
}

/** An org's write calls counted today (UTC, PostgreSQL's clock): the sum of its rows, read past row-level security. */
export async function writeCallsCounted(db: Db, orgId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT coalesce(sum(write_calls), 0)::int AS n FROM org_usage_daily WHERE org_id = ${orgId} AND day = (now() AT TIME ZONE 'UTC')::date`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * Dates the rotation of `refreshToken` back past the reuse grace: presenting it again is then
 * theft whatever became of its successor, as it is once the window has passed.
 */
export async function outwaitReuseGrace(db: Db, refreshToken: string): Promise<void> {
  await db
    .updateTable("refresh_tokens")
    .set({ rotated_at: sql<Date>`now() - make_interval(secs => ${authService.REFRESH_REUSE_GRACE_SECONDS + 1})` })
    .where("token_hash", "=", createHash("sha256").update(refreshToken).digest())
    .execute();
}

/** A message that ends its transaction (COMMIT, with what was held for it and what runs after it, or ROLLBACK). */
const endsTransaction = (text: string) => /(^|; )(commit(; |$)|rollback$)/.test(text);

/**
 * A handle of its own (one connection, at `connectionString`) whose every message is first shown
 * to `see`, with its SQL as sent; it goes to pg's own query when `see` has settled (at once when
 * it returns nothing). Destroy it when done.
 */
function watchedDb(connectionString: string, see: (text: string) => Promise<void> | undefined): Db {
  const pool = createPool({ connectionString, max: 1 });
  pool.on("connect", (client) => {
    const send = client.query.bind(client);
    // Every call goes on to pg's own query, whatever its overload: this only reads the SQL.
    Object.defineProperty(client, "query", {
      value: (...args: unknown[]): unknown => {
        const [first] = args;
        const text = typeof first === "string" ? first : typeof first === "object" && first !== null && "text" in first && typeof first.text === "string" ? first.text : "";
        const waiting = see(text);
        return waiting === undefined ? Reflect.apply(send, undefined, args) : waiting.then((): unknown => Reflect.apply(send, undefined, args));
      },
    });
  });
  return new Kysely<Database>({ dialect: heldStatementsDialect(pool) });
}

/**
 * A handle of its own (one connection, at `connectionString`) that lists the SQL of each round
 * trip it makes, as sent: what it holds for the next statement (BEGIN, the scope, a held event)
 * goes in that one's message, statements run together (executeTogether) are one message, and
 * the message that ends the transaction is not listed. Destroy it when done.
 */
export function statementCountingDb(connectionString: string): { db: Db; statements: string[] } {
  const statements: string[] = [];
  const db = watchedDb(connectionString, (text) => {
    if (!endsTransaction(text)) statements.push(text);
    return undefined;
  });
  return { db, statements };
}

/** How many round trips `work` makes on a statementCountingDb of its own (destroyed after). */
export async function roundTripsOf(connectionString: string, work: (db: Db) => Promise<void>): Promise<number> {
  const { db, statements } = statementCountingDb(connectionString);
  try {
    await work(db);
  } finally {
    await db.destroy();
  }
  return statements.length;
}

/**
 * A handle of its own (one connection, at `connectionString`) that holds back its first message
 * matching `pattern` until `resume` settles; `paused` settles once that message is held. For
 * ordering a transaction's last message after what a test does meanwhile. Destroy it when done.
 */
export function pausingDb(connectionString: string, pattern: RegExp, resume: Promise<void>): { db: Db; paused: Promise<void> } {
  let pausedOnce = false;
  const paused = deferred();
  const db = watchedDb(connectionString, (text) => {
    if (pausedOnce || !pattern.test(text)) return undefined;
    pausedOnce = true;
    paused.resolve();
    return resume;
  });
  return { db, paused: paused.promise };
}

/** A statement prepared on a connection (PREPARE): its own SQL, and how often it ran on a plan made for its values (custom) and on its generic plan. */
export interface PreparedStatement {
  sql: string;
  custom: number;
  generic: number;
}

/**
 * The statements prepared on `db`'s connection (a handle of one), oldest first. PostgreSQL shows
 * each with the whole message that prepared it, and one message may prepare several (a keyed
 * statement held for the next one, the next one and those run with it): each one's SQL is read
 * from between its PREPARE and its EXECUTE.
 */
export async function preparedStatementsOn<DB>(db: Kysely<DB>): Promise<PreparedStatement[]> {
  const { rows } = await sql<{ name: string; statement: string; custom: number; generic: number }>`
    SELECT name, statement, custom_plans::int AS custom, generic_plans::int AS generic FROM pg_prepared_statements ORDER BY prepare_time, name`.execute(db);
  return rows.map(({ name, statement, custom, generic }) => {
    const start = statement.indexOf(`PREPARE ${name} AS `) + `PREPARE ${name} AS `.length;
    return { sql: statement.slice(start, statement.indexOf(`; EXECUTE ${name}`, start)).trim(), custom, generic };
  });
}
