import { isDatabaseUnavailable, msUntilNextJob, type Logger } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import type { WorkerEvents, WorkerPool } from "graphile-worker";

export interface WakeUps {
  /**
   * Follows a runner's pools (to nudge them), its `jobs:insert` notifications (to look again) and
   * its listener's start (to fetch what was added before notifications could reach it).
   */
  observe: (events: WorkerEvents) => void;
  stop: () => void;
}

/** Between lookups even without news of a job: a missed notification, a job made due by an UPDATE. */
const REFRESH_MS = 10_000;
/** Notifications of new jobs (one per add_job: many a second under load) make one lookup per this. */
const COALESCE_MS = 100;
/**
 * The furthest ahead a wake-up is set: a later job is left to a lookup to come (one is at most
 * REFRESH_MS away, so it still finds the job before it is due). Node cannot wait more than
 * 2^31 - 1 ms: a longer timeout fires after 1 ms, and wake-ups would nudge and look up in a loop.
 */
const FURTHEST_WAKE_UP_MS = 2 * REFRESH_MS;
/** Sent on a runner's listening connection after its LISTEN: its answer says the LISTEN is in effect. */
export const LISTENING_PROBE = "SELECT 1 AS listening";

/**
 * graphile-worker 0.17 notices a job scheduled for later (an escalation level, an SLA breach, a
 * retry) only on its next poll, up to `pollInterval` after it came due, and a poll is a locking
 * fetch per runner. This keeps one timer for the earliest future job (one cheap indexed lookup at
 * start, after news of new jobs, after each wake-up and every REFRESH_MS) and, when it fires,
 * nudges the runners' pools: they fetch at once, as on a `jobs:insert` notification. A lookup
 * that fails (the database went away) is logged and the next one tries again.
 */
export function startWakeUps(options: { db: Db; logger: Logger }): WakeUps {
  const { db, logger } = options;
  const pools = new Map<string, WorkerPool>();
  let stopped = false;
  let wakeTimer: NodeJS.Timeout | undefined;
  let soonTimer: NodeJS.Timeout | undefined;
  let looking = false;
  let lookAgain = false;

  const nudgePool = (pool: WorkerPool) => {
    try {
      pool.nudge(1);
    } catch (error) {
      logger.debug({ err: error }, "a worker pool that is shutting down was not nudged");
    }
  };
  const nudge = () => {
    for (const pool of pools.values()) nudgePool(pool);
  };

  const wake = () => {
    wakeTimer = undefined;
    nudge();
    void lookUp();
  };

  const arm = (inMs: number | null) => {
    clearTimeout(wakeTimer);
    wakeTimer = inMs === null || inMs > FURTHEST_WAKE_UP_MS || stopped ? undefined : setTimeout(wake, Math.ceil(Math.max(0, inMs)));
    wakeTimer?.unref();
  };

  /** One lookup at a time; a request during one makes one more after it, so the latest answer wins. */
  const lookUp = async (): Promise<void> => {
    if (looking) {
      lookAgain = true;
      return;
    }
    looking = true;
    try {
      arm(await msUntilNextJob(db));
    } catch (error) {
      // Stopping: the worker's pool may be ending under the lookup.
      if (stopped) return;
      if (isDatabaseUnavailable(error)) logger.warn({ err: error }, "could not look up the next scheduled job: the database is unavailable");
      else logger.error({ err: error }, "could not look up the next scheduled job");
    } finally {
      looking = false;
    }
    if (lookAgain && !stopped) {
      lookAgain = false;
      await lookUp();
    }
  };

  const lookUpSoon = () => {
    if (soonTimer !== undefined || stopped) return;
    soonTimer = setTimeout(() => {
      soonTimer = undefined;
      void lookUp();
    }, COALESCE_MS);
    soonTimer.unref();
  };

  const refresh = setInterval(() => void lookUp(), REFRESH_MS);
  refresh.unref();
  void lookUp();

  return {
    observe: (events) => {
      events.on("pool:create", ({ workerPool }) => {
        pools.set(workerPool.id, workerPool);
        lookUpSoon();
      });
      events.on("pool:release", ({ workerPool }) => pools.delete(workerPool.id));
      // graphile-worker 0.17 emits this just before it sends LISTEN on `client`, and a job added
      // until that takes effect is announced to no one: one added while a pool starts (after its
      // first fetch) or while its listener reconnects would wait for a poll. A query queued after
      // the LISTEN (a client runs its queries in order) answers once it is in effect; the pool then
      // fetches what came meanwhile, and the lookup finds what came for later.
      events.on("pool:listen:success", ({ workerPool, client }) => {
        queueMicrotask(() => {
          client.query(LISTENING_PROBE).then(
            () => {
              nudgePool(workerPool);
              lookUpSoon();
            },
            // graphile-worker releases the client and listens again on another: this runs again then.
            (error: unknown) => logger.debug({ err: error }, "a job listener's connection failed as it started listening"),
          );
        });
      });
      events.on("pool:listen:notification", ({ message }) => {
        if (message.channel === "jobs:insert") lookUpSoon();
      });
    },
    stop: () => {
      stopped = true;
      clearInterval(refresh);
      clearTimeout(soonTimer);
      clearTimeout(wakeTimer);
      pools.clear();
    },
  };
}
