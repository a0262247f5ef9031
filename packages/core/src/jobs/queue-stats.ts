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
