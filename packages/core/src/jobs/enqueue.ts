import type { Db, Tx } from "@incidentops/db";
import { sql } from "kysely";
import { traceCarrier } from "../tracing.js";
import type { TaskName, TaskPayload } from "./tasks.js";

export interface JobSpec {
  queueName?: string;
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
 * the trace.
 */
export async function enqueueJob<K extends TaskName>(
  db: Db | Tx,
  task: K,
  payload: TaskPayload<K>,
  spec: JobSpec = {},
): Promise<void> {
  await sql`
    SELECT graphile_worker.add_job(
      identifier   => ${task},
      payload      => ${JSON.stringify({ ...payload, ...traceCarrier() })}::json,
      queue_name   => ${spec.queueName ?? null},
      run_at       => ${spec.runAt ?? null}::timestamptz,
      max_attempts => ${spec.maxAttempts ?? null}::int,
      job_key      => ${spec.jobKey ?? null},
      priority     => ${spec.priority ?? null}::int,
      job_key_mode => ${spec.jobKeyMode ?? null}
    )`.execute(db);
}

/** One job to add: its task, payload and options. */
export type JobRequest = { [K in TaskName]: { task: K; payload: TaskPayload<K>; spec?: Omit<JobSpec, "jobKeyMode"> } }[TaskName];

/**
 * Adds several jobs on the caller's connection in one statement (graphile_worker.add_jobs), as
 * enqueueJob adds one: a job whose key is taken replaces the waiting one. One round trip for the
 * jobs a change causes together (a new incident's fan-out, SLA checks and first escalation).
 */
export async function enqueueJobs(db: Db | Tx, jobs: readonly JobRequest[]): Promise<void> {
  if (jobs.length === 0) return;
  const specs = jobs.map(({ task, payload, spec = {} }) => ({
    identifier: task,
    payload: { ...payload, ...traceCarrier() },
    queue_name: spec.queueName ?? null,
    run_at: spec.runAt?.toISOString() ?? null,
    max_attempts: spec.maxAttempts ?? null,
    job_key: spec.jobKey ?? null,
    priority: spec.priority ?? null,
  }));
  await sql`
    SELECT graphile_worker.add_jobs(ARRAY(
      SELECT ROW(s.identifier, s.payload, s.queue_name, s.run_at, s.max_attempts, s.job_key, s.priority, NULL)::graphile_worker.job_spec
      FROM json_to_recordset(${JSON.stringify(specs)}::json)
        AS s(identifier text, payload json, queue_name text, run_at timestamptz, max_attempts int, job_key text, priority int)
    ))`.execute(db);
}

/** Removes a pending job by key (a running one is left to finish and re-check its state). */
export async function removeJob(db: Db | Tx, jobKey: string): Promise<void> {
  await sql`SELECT graphile_worker.remove_job(${jobKey})`.execute(db);
}

/** Removes the pending jobs with any of these keys, in one statement. */
export async function removeJobs(db: Db | Tx, jobKeys: readonly string[]): Promise<void> {
  if (jobKeys.length === 0) return;
  await sql`SELECT graphile_worker.remove_job(k) FROM unnest(${jobKeys}::text[]) AS k`.execute(db);
}
