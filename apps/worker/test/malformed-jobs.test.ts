import { randomUUID } from "node:crypto";
import { captureLogger, queuedJobs, sleep, useTestStack, waitFor, type QueuedJob } from "@incidentops/testkit";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";

const stack = useTestStack();
const log = captureLogger();

beforeAll(async () => {
  await stack.current.startWorker({ logger: log.logger });
});

/** Adds a job the way anything with database access could: graphile_worker.add_job, no types. */
async function addRawJob(task: string, payload: unknown): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    SELECT id::text AS id FROM graphile_worker.add_job(${task}, ${JSON.stringify(payload)}::json)`.execute(stack.current.api.db);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("add_job returned no job");
  return id;
}

const linesOf = (jobId: string) => log.lines.filter((line) => line.jobId === jobId);

/** Waits until the worker has given up on the job: tried, unlocked, and out of attempts. */
function failedForGood(jobId: string): Promise<QueuedJob> {
  return waitFor(
    async () => {
      const job = (await queuedJobs(stack.current.api.db)).find((j) => j.id === jobId);
      return job !== undefined && job.lastError !== null && job.lockedBy === null ? job : undefined;
    },
    10_000,
    `job ${jobId} to fail`,
  );
}

describe("a job whose payload does not match its task's schema", () => {
  it("fails for good on its first run, with one error line naming the job, the task and what is wrong", async () => {
    const requestId = `malformed-${randomUUID()}`;
    const jobId = await addRawJob("send_webhook", { orgId: "not-a-uuid", attemptId: randomUUID(), requestId });

    const job = await failedForGood(jobId);
    expect(job.attempts).toBe(1);
    expect(job.maxAttempts).toBe(1);
    expect(job.lastError).toBe("malformed send_webhook payload, not retried: orgId: Invalid UUID");

    const errors = linesOf(jobId).filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      msg: "job failed permanently",
      jobId,
      task: "send_webhook",
      requestId,
      err: { type: "MalformedPayloadError", message: job.lastError },
    });
    // Not "will be retried": nothing else but its start was logged about it.
    expect(linesOf(jobId).map((line) => line.msg)).toEqual(["job started", "job failed permanently"]);

    // Past graphile-worker's first back-off (e^1 s), it has not run again.
    await sleep(3_500);
    expect(linesOf(jobId).filter((line) => line.msg === "job started")).toHaveLength(1);
    expect((await queuedJobs(stack.current.api.db)).find((j) => j.id === jobId)).toMatchObject({ attempts: 1, maxAttempts: 1 });
  });

  it("names every wrong field, never its value, and runs nothing (a missing address, a secret link)", async () => {
    const link = `https://incidentops.test/accept-invitation?token=ioi_${randomUUID()}`;
    const sentBefore = log.lines.filter((line) => line.msg === "account email sent").length;
    const jobId = await addRawJob("send_account_email", { subject: "You are invited", text: `Join us: ${link}`, requestId: 42 });

    const job = await failedForGood(jobId);
    expect(job.lastError).toBe(
      "malformed send_account_email payload, not retried: to: Invalid input: expected string, received undefined; requestId: Invalid input: expected string, received number",
    );
    const lines = linesOf(jobId);
    expect(lines.filter((line) => line.level === 50)).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain(link);
    expect(JSON.stringify(log.lines)).not.toContain(link);
    expect(log.lines.filter((line) => line.msg === "account email sent")).toHaveLength(sentBefore);
  });

  it("leaves the worker running: a well-formed job after it still runs", async () => {
    const bad = await addRawJob("incident_event", "not an object");
    await failedForGood(bad);
    // A well-formed payload naming nothing that exists: the fan-out finds no event and finishes.
    const good = await addRawJob("incident_event", { orgId: randomUUID(), eventId: randomUUID(), requestId: "req-good" });
    await waitFor(() => linesOf(good).find((line) => line.msg === "job finished"), 10_000, "the good job to finish");
    expect(await queuedJobs(stack.current.api.db, { task: "incident_event" })).toEqual([expect.objectContaining({ id: bad })]);
  });
});
