import { EventEmitter } from "node:events";
import { isDatabaseUnavailable, type Logger as AppLogger } from "@incidentops/core";
import { run, type Runner, type RunnerOptions, type WorkerEvents, type WorkerUtils } from "graphile-worker";
import type { Heartbeat } from "./heartbeat.js";
import { logJobEvents } from "./job-log.js";
import { observeJobEvents } from "./job-metrics.js";
import type { WakeUps } from "./wake-ups.js";

export interface SupervisedRunner {
  /** Stops taking jobs, lets running ones finish, and stops restarting. */
  stop: () => Promise<void>;
  /** Settles once stopped. */
  done: Promise<void>;
}

/** Between tries to start a runner while the database cannot be reached: 0.5 s doubling to 5 s. */
const RESTART_BASE_MS = 500;
const RESTART_MAX_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A graphile-worker runner kept running through database outages. graphile-worker 0.17 stops its
 * pool when it cannot record a job's completion or failure (the database went away mid-job), and
 * its start fails while the database is down. Either way this starts a new runner, retrying until
 * the database answers; the jobs the stopped pool held are released at once (force_unlock_workers)
 * so they run again (deliveries are at-least-once).
 */
export function superviseRunner(options: {
  name: string;
  runnerOptions: () => RunnerOptions;
  utils: WorkerUtils;
  heartbeat: Heartbeat;
  wakeUps: WakeUps;
  logger: AppLogger;
}): Promise<SupervisedRunner> {
  const { name, utils, heartbeat, logger } = options;
  let stopping = false;
  let current: Runner | undefined;
  let poolId: string | undefined;

  const start = async (): Promise<Runner> => {
    const events: WorkerEvents = new EventEmitter();
    // graphile-worker 0.17 locks jobs with the pool's id (locked_by = "pool-..."), not each
    // worker's: that id is the one force_unlock_workers must be given when this pool is gone.
    events.on("pool:create", ({ workerPool }) => {
      poolId = workerPool.id;
      heartbeat.register(workerPool.id);
    });
    logJobEvents(events, logger);
    observeJobEvents(events);
    options.wakeUps.observe(events);
    return run({ ...options.runnerOptions(), events });
  };

  /** Starts a runner, retrying while the database is unavailable; undefined if stopped meanwhile. */
  const startWhenPossible = async (): Promise<Runner | undefined> => {
    for (let attempt = 0; !stopping; attempt++) {
      try {
        return await start();
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        const delayMs = Math.min(RESTART_BASE_MS * 2 ** attempt, RESTART_MAX_MS);
        logger.warn({ runner: name, err: error, delayMs }, "the job runner cannot start: the database is unavailable; retrying");
        await sleep(delayMs);
      }
    }
    return undefined;
  };

  /** Releases the jobs a stopped pool still holds, once the database answers. */
  const releaseJobsOf = async (deadPoolId: string) => {
    heartbeat.forget(deadPoolId);
    for (let attempt = 0; ; attempt++) {
      try {
        await utils.forceUnlockWorkers([deadPoolId]);
        return;
      } catch (error) {
        if (!isDatabaseUnavailable(error) || stopping) throw error;
        await sleep(Math.min(RESTART_BASE_MS * 2 ** attempt, RESTART_MAX_MS));
      }
    }
  };

  const supervise = async (): Promise<void> => {
    while (current !== undefined) {
      const stoppedWith = await current.promise.then(
        () => undefined,
        (error: unknown) => error,
      );
      if (stopping) return;
      const deadPoolId = poolId;
      logger.error({ runner: name, err: stoppedWith }, "the job runner stopped unexpectedly (typically: the database went away mid-job): restarting it");
      current = await startWhenPossible();
      if (deadPoolId !== undefined) await releaseJobsOf(deadPoolId);
      if (current !== undefined) logger.info({ runner: name }, "the job runner is running again");
    }
  };

  return (async () => {
    current = await startWhenPossible();
    const done = supervise();
    return {
      done,
      stop: async () => {
        stopping = true;
        await current?.stop().catch((error: unknown) => logger.warn({ runner: name, err: error }, "stopping the job runner failed"));
        await done.catch(() => undefined);
      },
    };
  })();
}
