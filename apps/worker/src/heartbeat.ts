import { isDatabaseUnavailable, type Logger } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import { sql } from "kysely";
import type { WorkerUtils } from "graphile-worker";

export interface Heartbeat {
  register: (workerId: string) => void;
  /** Stops beating for a worker that is gone (its jobs released by the caller). */
  forget: (workerId: string) => void;
  stop: () => Promise<void>;
}

/**
 * graphile-worker leaves the jobs of a crashed worker locked for four hours. Each process beats
 * for its workers every `intervalMs`; any process that finds a worker silent for `deadAfterMs`
 * releases that worker's jobs (force_unlock_workers) so they run again at once.
 */
export function startHeartbeat(options: {
  db: Db;
  utils: WorkerUtils;
  logger: Logger;
  processName: string;
  intervalMs: number;
  deadAfterMs: number;
}): Heartbeat {
  const { db, utils, logger } = options;
  const workerIds = new Set<string>();

  const beat = async () => {
    if (workerIds.size > 0) {
      await db
        .insertInto("worker_heartbeats")
        .values([...workerIds].map((id) => ({ worker_id: id, process: options.processName })))
        .onConflict((oc) => oc.column("worker_id").doUpdateSet({ last_seen: sql`now()` }))
        .execute();
    }
    const dead = await db
      .deleteFrom("worker_heartbeats")
      .where("last_seen", "<", sql<Date>`now() - make_interval(secs => ${options.deadAfterMs / 1000})`)
      .returning("worker_id")
      .execute();
    if (dead.length > 0) {
      const ids = dead.map((d) => d.worker_id);
      await utils.forceUnlockWorkers(ids);
      logger.warn({ workerIds: ids }, "released the jobs of workers that stopped beating");
    }
  };

  let running = Promise.resolve();
  const tick = () => {
    running = running.then(beat).catch((error: unknown) => {
      if (isDatabaseUnavailable(error)) logger.warn({ err: error }, "heartbeat skipped: the database is unavailable");
      else logger.error({ err: error }, "heartbeat failed");
    });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();

  return {
    register: (workerId) => {
      workerIds.add(workerId);
      tick();
    },
    forget: (workerId) => {
      workerIds.delete(workerId);
    },
    stop: async () => {
      clearInterval(timer);
      await running;
      if (workerIds.size === 0) return;
      // Without the database the rows stay: other workers release them after deadAfterMs.
      await db
        .deleteFrom("worker_heartbeats")
        .where("worker_id", "in", [...workerIds])
        .execute()
        .catch((error: unknown) => logger.warn({ err: error }, "could not remove this worker's heartbeats"));
    },
  };
}
