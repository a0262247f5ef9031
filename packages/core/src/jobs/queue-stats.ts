import type { Db } from "@incidentops/db";
import { sql } from "kysely";
import type { QueueStats } from "../metrics.js";

/**
 * The jobs due now that no worker has taken, per task, and the age of the oldest: the queue's
 * backlog. graphile-worker 0.17 keeps its jobs in `_private_jobs` (it has no public view of them).
 */
export async function readQueueStats(db: Db): Promise<QueueStats[]> {
  const { rows } = await sql<{ task: string; ready: number; oldest_age_seconds: number }>`
    SELECT t.identifier AS task,
           count(*)::int AS ready,
           extract(epoch FROM now() - min(j.run_at))::float8 AS oldest_age_seconds
      FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id
     WHERE j.locked_at IS NULL AND j.run_at <= now() AND j.attempts < j.max_attempts
     GROUP BY t.identifier`.execute(db);
  return rows.map((row) => ({ task: row.task, ready: row.ready, oldestAgeSeconds: row.oldest_age_seconds }));
}

/**
 * Milliseconds (by the database's clock) until the earliest job not yet due that a worker could
 * take, or null when there is none. graphile-worker's index on available jobs is by
 * `(priority, run_at)`: this walks the few distinct priorities (a skip scan) and takes the first
 * future `run_at` of each, a handful of index probes however long the queue.
 */
export async function msUntilNextJob(db: Db): Promise<number | null> {
  const { rows } = await sql<{ ms: number | null }>`
    WITH RECURSIVE priorities (priority) AS (
      (SELECT priority FROM graphile_worker._private_jobs WHERE is_available ORDER BY priority LIMIT 1)
      UNION ALL
      SELECT (SELECT j.priority FROM graphile_worker._private_jobs j
               WHERE j.is_available AND j.priority > p.priority ORDER BY j.priority LIMIT 1)
        FROM priorities p
       WHERE p.priority IS NOT NULL
    )
    SELECT (extract(epoch FROM min(next.run_at) - now()) * 1000)::float8 AS ms
      FROM priorities p
      CROSS JOIN LATERAL (
        SELECT j.run_at FROM graphile_worker._private_jobs j
         WHERE j.is_available AND j.priority = p.priority AND j.run_at > now()
         ORDER BY j.run_at LIMIT 1
      ) next`.execute(db);
  return rows[0]?.ms ?? null;
}
