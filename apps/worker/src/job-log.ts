import { isDatabaseUnavailable, isTransactionConflict, type Logger as AppLogger } from "@incidentops/core";
import { Logger, type Job, type WorkerEvents } from "graphile-worker";

const requestIdOf = (job: Job): string | undefined => {
  const payload = job.payload as { requestId?: unknown } | null;
  return typeof payload?.requestId === "string" ? payload.requestId : undefined;
};

/** What every line about a job carries (never its payload: an account email's holds a link). */
const jobFields = (job: Job) => ({ jobId: job.id, task: job.task_identifier, attempt: job.attempts, requestId: requestIdOf(job) });

/** The job's own logger: every line a task writes names the job, the task and the request. */
export const jobLogger = (logger: AppLogger, job: Job): AppLogger => logger.child(jobFields(job));

/**
 * One line when a job starts, one when it ends: finished, failed (to be retried) or failed for
 * good. A transaction PostgreSQL aborted for a concurrent one (a deadlock) is said so: it changed
 * nothing, and graphile-worker runs the job again after its backoff, as PostgreSQL advises.
 */
export function logJobEvents(events: WorkerEvents, logger: AppLogger): void {
  events.on("job:start", ({ job }) => logger.info(jobFields(job), "job started"));
  events.on("job:success", ({ job }) => logger.info(jobFields(job), "job finished"));
  events.on("job:error", ({ job, error }) => {
    // The last attempt's failure is logged once, by job:failed.
    if (job.attempts >= job.max_attempts) return;
    const conflicted = isTransactionConflict(error);
    logger.warn(
      { ...jobFields(job), err: error },
      conflicted ? "job's transaction conflicted with a concurrent one and PostgreSQL aborted it; it will be retried" : "job failed; it will be retried",
    );
  });
  events.on("job:failed", ({ job, error }) => logger.error({ ...jobFields(job), err: error }, "job failed permanently"));
}

/**
 * graphile-worker's own log lines, through pino. Its per-job lines are left out: the job events
 * above say the same, and its metadata holds the whole job, payload included. An error in its
 * metadata is logged as `err` (type, message, code: describeError), not as the object it is: a pg error
 * there carries its whole client. Its other objects are left out (see below).
 */
export const graphileLogger = (logger: AppLogger) =>
  new Logger((scope) => (level, message, meta) => {
    if (meta?.failure === true || meta?.success === true) return;
    const { error, ...rest } = meta ?? {};
    // Only plain values: its objects (job, jobs, specs) hold payloads, and an account email's
    // payload holds a single-use link.
    const plain = Object.fromEntries(Object.entries(rest).filter(([, value]) => typeof value !== "object" || value === null));
    const fields = { scope, ...plain, ...(error instanceof Error ? { err: error } : {}) };
    // LogLevel is an ambient const enum (unreadable under isolated modules); its values are these strings.
    const name: string = level;
    // Deliveries run many more jobs than the pool has connections, on purpose: they wait on receivers, not on it.
    if (message.startsWith("WARNING: having maxPoolSize")) {
      logger.debug(fields, message);
      return;
    }
    // A connection lost under an idle or busy client is the database going away, which the
    // runner rides out: a warning, not an error.
    const connectionLost = isDatabaseUnavailable(error);
    if (name === "error" && !connectionLost) logger.error(fields, message);
    else if (name === "error" || name === "warning") logger.warn(fields, message);
    else logger.debug(fields, message);
  });
