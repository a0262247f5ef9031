import { EventEmitter } from "node:events";
import { hostname } from "node:os";
import { createMailer, type Config, type Logger as AppLogger } from "@incidentops/core";
import { createDb } from "@incidentops/db";
import { makeWorkerUtils, run, type WorkerEvents } from "graphile-worker";
import { startHeartbeat } from "./heartbeat.js";
import { graphileLogger, logJobEvents } from "./job-log.js";
import { createTaskList } from "./tasks/index.js";

export interface RunningWorker {
  /** Stops taking jobs, lets running ones finish, then releases everything. */
  stop: () => Promise<void>;
  /** Settles when the runner stops (after stop(), or on a fatal error). */
  done: Promise<void>;
}

export async function startWorker(options: { config: Config; logger: AppLogger; databaseUrl: string }): Promise<RunningWorker> {
  const { config, logger, databaseUrl } = options;
  const db = createDb({ connectionString: databaseUrl, max: config.worker.concurrency + 2, applicationName: "incidentops-worker" });
  const mailer = createMailer({ smtpUrl: config.delivery.smtpUrl, from: config.delivery.emailFrom, logger });
  const utils = await makeWorkerUtils({ connectionString: databaseUrl, logger: graphileLogger(logger) });
  const heartbeat = startHeartbeat({
    db,
    utils,
    logger,
    processName: `${hostname()}:${process.pid}`,
    intervalMs: config.worker.heartbeatMs,
    deadAfterMs: config.worker.deadAfterMs,
  });

  const events: WorkerEvents = new EventEmitter();
  // graphile-worker 0.17 locks jobs with the pool's id (locked_by = "pool-..."), not each worker's:
  // that id is the one force_unlock_workers must be given when this process dies.
  events.on("pool:create", ({ workerPool }) => heartbeat.register(workerPool.id));
  logJobEvents(events, logger);

  const runner = await run({
    connectionString: databaseUrl,
    concurrency: config.worker.concurrency,
    taskList: createTaskList({ db, config, logger, mailer }),
    noHandleSignals: true,
    events,
    logger: graphileLogger(logger),
    // Give in-flight deliveries their full timeout before shutdown aborts them.
    gracefulShutdownAbortTimeout: config.delivery.timeoutMs + 5_000,
    preset: {
      worker: {
        // Jobs fetched (and locked) a batch at a time, and completions written together, instead of
        // a database round trip per job for each: about 1.5x the deliveries per second through a
        // backlog (bench/README.md). The batch is twice the concurrency, so the next jobs are at
        // hand; a process that dies holding some is released by its heartbeat like a running job.
        localQueue: { size: config.worker.concurrency * 2 },
        completeJobBatchDelay: 0,
      },
    },
  });
  logger.info({ concurrency: config.worker.concurrency }, "worker started");

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await runner.stop();
      await heartbeat.stop();
      await utils.release();
      mailer.close();
      await db.destroy();
    })());
  return { stop, done: runner.promise };
}
