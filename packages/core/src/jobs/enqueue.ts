import { keyed, sendWithNext, type Db, type Tx } from "@incidentops/db";
import { sql, type RawBuilder } from "kysely";
import { traceCarrier } from "../tracing.js";
import type { TaskName, TaskPayload } from "./tasks.js";

/**
 * How a job is added. No job names a queue: graphile-worker runs the jobs of a named queue one at
 * a time, whatever their org, and the incident row each job locks already orders the jobs of one
 * incident (decision 0064).
 */
export interface JobSpec {
  runAt?: Date;
  jobKey?: string;
  /**
   * What adding a job whose key is taken does: `replace` (the default) updates the waiting job;
   * `unsafe_dedupe` leaves the existing job alone, even a running one.
   */
  jobKeyMode?: "replace" | "preserve_run_at" | "unsafe_dedupe";
  maxAttempts?: number;
  /** Lower runs first (graphile-worker's default is 0). */
  priority?: number;
}

/**
 * Adds a job on the caller's connection, so it commits or rolls back with the change that
 * caused it: a committed incident always gets its notifications, a rolled-back one never does.
 * With tracing on, the payload also carries the caller's `traceparent`: the job's span continues
 * the trace. Like every statement on jobs here, its answer is not read: in a transaction it goes
 * with the next statement or the COMMIT (sendWithNext), and a failure fails that one. Keyed, as
 * addJobs' statement: it reads no table (graphile_worker.add_job's own statements are planned
 * inside it).
 */
export async function enqueueJob<K extends TaskName>(
  db: Db | Tx,
  task: K,
  payload: TaskPayload<K>,
  spec: JobSpec = {},
): Promise<void> {
  await addHeldJobs(db);
  await sendWithNext(
    db,
    keyed(sql`
    SELECT graphile_worker.add_job(
      identifier   => ${task},
      payload      => ${JSON.stringify({ ...payload, ...traceCarrier() })}::json,
      run_at       => ${spec.runAt?.toISOString() ?? null}::timestamptz,
      max_attempts => ${spec.maxAttempts ?? null}::int,
      job_key      => ${spec.jobKey ?? null},
      priority     => ${spec.priority ?? null}::int,
      job_key_mode => ${spec.jobKeyMode ?? null}
    )`),
  );
}

/** One job to add: its task, payload and options. */
export type JobRequest = { [K in TaskName]: { task: K; payload: TaskPayload<K>; spec?: Omit<JobSpec, "jobKeyMode"> } }[TaskName];

/** A job as graphile_worker.add_jobs takes it (its job_spec), the caller's trace in its payload. */
interface AddJobSpec {
  identifier: TaskName;
  payload: Record<string, unknown>;
  run_at: string | null;
  max_attempts: number | null;
  job_key: string | null;
  priority: number | null;
}

const addJobSpecOf = ({ task, payload, spec = {} }: JobRequest, trace = traceCarrier()): AddJobSpec => ({
  identifier: task,
  payload: { ...payload, ...trace },
  run_at: spec.runAt?.toISOString() ?? null,
  max_attempts: spec.maxAttempts ?? null,
  job_key: spec.jobKey ?? null,
  priority: spec.priority ?? null,
});

/** A condition, as SQL, on a job to add: on its `ref` (what the caller names it by) and its job key. */
export type JobCondition = (ref: RawBuilder<string>, jobKey: RawBuilder<string | null>) => RawBuilder<boolean>;

/**
 * One graphile_worker.add_jobs of those `specs` for which `when` holds; none, and no NOTIFY (which
 * add_jobs sends however many it adds), when none does.
 */
function addJobsStatement(specs: readonly (AddJobSpec & { ref?: string })[], when: JobCondition = () => sql`true`) {
  return sql`
    SELECT graphile_worker.add_jobs(w.specs) FROM (SELECT ARRAY(
      SELECT ROW(s.identifier, s.payload, NULL, s.run_at, s.max_attempts, s.job_key, s.priority, NULL)::graphile_worker.job_spec
      FROM json_to_recordset(${JSON.stringify(specs)}::json)
        AS s(ref text, identifier text, payload json, run_at timestamptz, max_attempts int, job_key text, priority int)
      WHERE ${when(sql.ref("s.ref"), sql.ref("s.job_key"))}
    ) AS specs) AS w
    WHERE cardinality(w.specs) > 0`;
}

/**
 * Adds `specs` with one add_jobs, keyed: with no condition the statement reads no table. One with
 * a condition (addJobsWhere) reads tables a storm grows, such as graphile-worker's jobs, and is
 * planned at every call instead, so that its plan follows them.
 */
async function addJobs(db: Db | Tx, specs: readonly AddJobSpec[]): Promise<void> {
  if (specs.length === 0) return;
  await sendWithNext(db, keyed(addJobsStatement(specs)));
}

/**
 * A statement that adds each of `jobs` whose `when` holds for its `ref` (a condition the caller
 * can only know in the database, such as a row it has locked), in one add_jobs, as enqueueJobs
 * adds them; to be sent by the caller, in its transaction.
 */
export const addJobsWhere = (jobs: readonly { ref: string; job: JobRequest }[], when: JobCondition) =>
  addJobsStatement(
    jobs.map(({ ref, job }) => ({ ref, ...addJobSpecOf(job) })),
    when,
  );

/** The jobs a transaction holds back until its batch ends (withJobsHeld), and the trace the first was asked for in. */
interface HeldJobs {
  jobs: JobRequest[];
  trace: ReturnType<typeof traceCarrier> | undefined;
  combine: (jobs: readonly JobRequest[]) => JobRequest[];
}

const heldJobs = new WeakMap<Tx, HeldJobs>();

/** Adds the jobs `db` holds back, if it is a transaction that holds some: combined, with the first one's trace. */
async function addHeldJobs(db: Db | Tx): Promise<void> {
  const held = db.isTransaction ? heldJobs.get(db as Tx) : undefined;
  if (held === undefined || held.jobs.length === 0) return;
  const trace = held.trace ?? {};
  held.trace = undefined;
  await addJobs(db, held.combine(held.jobs.splice(0)).map((job) => addJobSpecOf(job, trace)));
}

/**
 * Runs a batch of changes in `tx` whose enqueueJobs calls add nothing until the batch ends, then
 * all in one graphile_worker.add_jobs: one statement (and one NOTIFY) for a batch of alerts'
 * jobs, after `combine` has merged those that can run as one. Order still holds: any other job
 * call (enqueueJob, removeJob, removeJobs) and any job whose key a held one has add the held jobs
 * first, so a job added then removed in one batch is removed.
 */
export async function withJobsHeld<T>(tx: Tx, batch: () => Promise<T>, combine: HeldJobs["combine"] = (jobs) => [...jobs]): Promise<T> {
  heldJobs.set(tx, { jobs: [], trace: undefined, combine });
  try {
    const result = await batch();
    await addHeldJobs(tx);
    return result;
  } finally {
    heldJobs.delete(tx);
  }
}

/**
 * Adds several jobs on the caller's connection in one statement (graphile_worker.add_jobs), as
 * enqueueJob adds one: a job whose key is taken replaces the waiting one. One round trip for the
 * jobs a change causes together (a new incident's fan-out, SLA checks and first escalation); none
 * inside withJobsHeld, where they wait for the batch's end.
 */
export async function enqueueJobs(db: Db | Tx, jobs: readonly JobRequest[]): Promise<void> {
  const held = db.isTransaction ? heldJobs.get(db as Tx) : undefined;
  if (held === undefined) return addJobs(db, jobs.map((job) => addJobSpecOf(job)));
  const heldKeys = new Set(held.jobs.map((job) => job.spec?.jobKey));
  if (jobs.some((job) => job.spec?.jobKey !== undefined && heldKeys.has(job.spec.jobKey))) await addHeldJobs(db);
  held.trace ??= traceCarrier();
  held.jobs.push(...jobs);
}

/** Removes a pending job by key (a running one is left to finish and re-check its state). */
export const removeJob = (db: Db | Tx, jobKey: string): Promise<void> => removeJobs(db, [jobKey]);

/**
 * Removes the pending jobs with any of these keys, in one statement. graphile_worker.remove_job
 * runs only for the keys a job has, found through the jobs' key index: most keys have none (a
 * transition drops each assignee's 20 possible page keys, pageJobKeysOf), and remove_job of an
 * absent key still runs its two statements, each planned at the call (decision 0063). In a storm
 * that was 1.9 ms of PostgreSQL's time for each escalation (bench/README.md).
 */
export async function removeJobs(db: Db | Tx, jobKeys: readonly string[]): Promise<void> {
  if (jobKeys.length === 0) return;
  await addHeldJobs(db);
  await sendWithNext(db, sql`SELECT graphile_worker.remove_job(j.key) FROM graphile_worker._private_jobs AS j WHERE j.key = ANY(${jobKeys}::text[])`);
}
