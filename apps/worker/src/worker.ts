import { hostname } from "node:os";
import { createMailer, DELIVERY_TASK, readQueueStats, readQueueStatsWith, type Config, type Logger as AppLogger, type TaskName } from "@incidentops/core";
import { createDb, createJobQueuePool } from "@incidentops/db";
import { makeWorkerUtils, runOnce } from "graphile-worker";
import { startHeartbeat } from "./heartbeat.js";
import { firstRoundSender } from "./first-rounds.js";
import { graphileLogger } from "./job-log.js";
import { superviseRunner } from "./runner.js";
import { createTaskList, TASKS } from "./tasks/index.js";
import { startWakeUps } from "./wake-ups.js";

/** The tasks that send notifications (one lane run each), and the rest. */
const DELIVERY_TASKS: readonly TaskName[] = Object.values(DELIVERY_TASK);
const CORE_TASKS = (Object.keys(TASKS) as TaskName[]).filter((task) => !DELIVERY_TASKS.includes(task));

export interface RunningWorker {
  /** Stops taking jobs, lets running ones finish, then releases everything. */
  stop: () => Promise<void>;
  /** Settles when the runner stops: after stop(), or on a fatal error (never a database outage: it is restarted). */
  done: Promise<void>;
}

export async function startWorker(options: { config: Config; logger: AppLogger; databaseUrl: string }): Promise<RunningWorker> {
  const { config, logger, databaseUrl } = options;
  // Deliveries hold a connection only for their two short transactions, not while they wait on a receiver.
  const db = createDb({ connectionString: databaseUrl, max: config.worker.concurrency + 10, applicationName: "incidentops-worker", prepareKeyed: config.dbPreparedStatements });
  const mailer = createMailer({ smtpUrl: config.delivery.smtpUrl, from: config.delivery.emailFrom, logger });
  // graphile-worker's connections come from pools of ours, which keep their error listeners for
  // good: one it makes itself drops its listener on release while an idle client may still report
  // the server going away, which ended the process (an unhandled 'error' event) during an outage.
  // Their sessions plan without sequential scans, whatever the jobs table's statistics say (JOB_QUEUE_SETTINGS).
  const pools: ReturnType<typeof createJobQueuePool>[] = [];
  const poolFor = (name: string) => {
    const pool = createJobQueuePool({ connectionString: databaseUrl, applicationName: `incidentops-worker-${name}` });
    pools.push(pool);
    return pool;
  };
  const utils = await makeWorkerUtils({ pgPool: poolFor("utils"), logger: graphileLogger(logger) });
  const heartbeat = startHeartbeat({
    db,
    utils,
    logger,
    processName: `${hostname()}:${process.pid}`,
    intervalMs: config.worker.heartbeatMs,
    deadAfterMs: config.worker.deadAfterMs,
  });

  const firstRounds = firstRoundSender({ deps: { db, config, mailer }, logger, capacity: config.worker.deliveryConcurrency });
  const taskList = createTaskList({ db, config, logger, mailer, firstRounds });
  const wakeUps = startWakeUps({ db, logger });
  const runnerOf = (name: string, tasks: readonly TaskName[], concurrency: number) => {
    const pgPool = poolFor(name);
    return superviseRunner({
      name,
      utils,
      heartbeat,
      wakeUps,
      logger,
      runnerOptions: () => ({
        pgPool,
        concurrency,
        taskList: Object.fromEntries(tasks.map((task) => [task, taskList[task]])),
        noHandleSignals: true,
        logger: graphileLogger(logger),
        // Give in-flight deliveries their full timeout before shutdown aborts them.
        gracefulShutdownAbortTimeout: config.delivery.timeoutMs + 5_000,
        preset: {
          worker: {
            // Only a fallback for jobs scheduled for later: wakeUps nudges the runners when one comes due.
            pollInterval: config.worker.pollIntervalMs,
            // Jobs fetched (and locked) a batch at a time, and completions written together, instead
            // of a database round trip per job for each: about 1.5x the deliveries per second through
            // a backlog (bench/README.md). The batch is twice the concurrency, so the next jobs are at
            // hand; a process that dies holding some is released by its heartbeat like a running job.
            localQueue: { size: concurrency * 2 },
            completeJobBatchDelay: 0,
            // Failures are batched too: graphile-worker 0.17 leaves an unbatched failure that cannot
            // be written (the database went away) as an unhandled rejection, which ends the process.
            failJobBatchDelay: 0,
          },
        },
      }),
    });
  };
  // Two runners: deliveries wait on receivers (a slot each, many slots, little CPU or database);
  // everything else (fan-out, escalations, account emails) works the database (few slots), and a
  // backlog of deliveries never delays it.
  const runners = await Promise.all([
    runnerOf("jobs", CORE_TASKS, config.worker.concurrency),
    runnerOf("deliveries", DELIVERY_TASKS, config.worker.deliveryConcurrency),
  ]);
  logger.info({ concurrency: config.worker.concurrency, deliveryConcurrency: config.worker.deliveryConcurrency }, "worker started");
  readQueueStatsWith(() => readQueueStats(db));

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      wakeUps.stop();
      await Promise.all(runners.map((runner) => runner.stop()));
      await firstRounds.drain();
      readQueueStatsWith(undefined);
      await heartbeat.stop();
      await Promise.resolve(utils.release()).catch((error: unknown) => logger.warn({ err: error }, "releasing the worker utils failed"));
      mailer.close();
      await Promise.all([db.destroy(), ...pools.map((pool) => pool.end())]);
    })());
  return { stop, done: Promise.all(runners.map((runner) => runner.done)).then(() => undefined) };
}

/**
 * Runs the jobs of `tasks` that are due now, then returns: a one-off drain (tests use it to run
 * one step of a flow, e.g. the password reset a request asked for, without a worker running).
 */
export async function runQueuedJobs(options: { config: Config; logger: AppLogger; databaseUrl: string; tasks: readonly TaskName[] }): Promise<void> {
  const { config, logger, databaseUrl } = options;
  const db = createDb({ connectionString: databaseUrl, max: 2, applicationName: "incidentops-worker-once", prepareKeyed: config.dbPreparedStatements });
  const mailer = createMailer({ smtpUrl: config.delivery.smtpUrl, from: config.delivery.emailFrom, logger });
  try {
    const all = createTaskList({ db, config, logger, mailer });
    const taskList = Object.fromEntries(options.tasks.map((task) => [task, all[task]]));
    await runOnce({ connectionString: databaseUrl, taskList, noHandleSignals: true, logger: graphileLogger(logger) });
  } finally {
    mailer.close();
    await db.destroy();
  }
}
