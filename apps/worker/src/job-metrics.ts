import { observeJob } from "@incidentops/core";
import type { WorkerEvents } from "graphile-worker";

/** Each job's duration by task and outcome: success, error (to be retried) or failed (its last try). */
export function observeJobEvents(events: WorkerEvents): void {
  const startedAt = new Map<string, number>();
  const finished = (job: { id: string; task_identifier: string }, outcome: "success" | "error" | "failed") => {
    const start = startedAt.get(job.id);
    startedAt.delete(job.id);
    if (start !== undefined) observeJob({ task: job.task_identifier, outcome }, (performance.now() - start) / 1000);
  };
  events.on("job:start", ({ job }) => startedAt.set(job.id, performance.now()));
  events.on("job:success", ({ job }) => finished(job, "success"));
  // Emitted for every failure, the last one included (job:failed follows it).
  events.on("job:error", ({ job }) => finished(job, job.attempts < job.max_attempts ? "error" : "failed"));
}
