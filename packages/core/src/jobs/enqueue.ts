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

/** Removes a pending job by key (a running one is left to finish and re-check its state). */
export async function removeJob(db: Db | Tx, jobKey: string): Promise<void> {
  await sql`SELECT graphile_worker.remove_job(${jobKey})`.execute(db);
}

/** Removes the pending jobs with any of these keys, in one statement. */
export async function removeJobs(db: Db | Tx, jobKeys: readonly string[]): Promise<void> {
  if (jobKeys.length === 0) return;
  await sql`SELECT graphile_worker.remove_job(k) FROM unnest(${jobKeys}::text[]) AS k`.execute(db);
}
