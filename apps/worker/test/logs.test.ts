import { EMAIL_LOGGED_NOTE, type Incident, type Service } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import { anInvitation, anOrgOwner, aService, aWebhookTarget, beforeInserts, captureLogger, deadlocksFirst, startWebhookReceiver, uniqueEmail, useTestStack, waitFor, type Account, type WebhookReceiver } from "@incidentops/testkit";

const stack = useTestStack();

/**
 * Runs `test` with a worker logging into `lines`, and an org whose service's incidents go to a
 * webhook target at `receiver`; the worker and the receiver are stopped after it.
 */
async function withLoggedDeliveries(test: (setup: { lines: Record<string, unknown>[]; receiver: WebhookReceiver; owner: Account; service: Service }) => Promise<void>): Promise<void> {
  const { api } = stack.current;
  const { logger, lines } = captureLogger();
  const worker = await stack.current.startWorker({ logger });
  const receiver = await startWebhookReceiver();
  try {
    const owner = await anOrgOwner(api);
    await aWebhookTarget(api, owner.accessToken, receiver.url);
    const service = await aService(api, owner.accessToken);
    await test({ lines, receiver, owner, service });
  } finally {
    await receiver.close();
    await worker.stop();
  }
}

describe("worker logs", () => {
  it("log every job's start and finish with the request id of the API call that enqueued it", async () => {
    const { api } = stack.current;
    await withLoggedDeliveries(async ({ lines, receiver, owner, service }) => {
      const token = owner.accessToken;
      const created = await api.request<Incident>("POST", `/v1/services/${service.id}/incidents`, {
        token,
        headers: { "x-request-id": "req-worker-1" },
        body: { title: "Traced" },
      });
      expect(created.status).toBe(201);
      expect(created.headers.get("x-request-id")).toBe("req-worker-1");
      // A second call without an id: the generated one (echoed back) travels instead.
      const comment = await api.request("POST", `/v1/incidents/${created.body.id}/comment`, { token, body: { body: "hello" } });
      expect(comment.status).toBe(201);
      const generated = comment.headers.get("x-request-id");
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);

      const jobLines = (requestId: string | null, msg: string) => lines.filter((l) => l.requestId === requestId && l.msg === msg);
      await waitFor(
        () => (jobLines("req-worker-1", "job finished").length >= 1 && jobLines(generated, "job finished").length >= 1 ? true : undefined),
        20_000,
        "both requests' jobs to finish",
      );
      for (const requestId of ["req-worker-1", generated]) {
        for (const msg of ["job started", "job finished"]) {
          // The fan-out sends the lane's first round itself: a delivery job runs only when it could not.
          const tasks = new Set(jobLines(requestId, msg).map((l) => l.task));
          expect(tasks.has("incident_event"), `${msg} ${requestId ?? ""}`).toBe(true);
        }
      }
      const started = jobLines("req-worker-1", "job started")[0];
      expect(started).toMatchObject({ level: 30, attempt: 1 });
      expect(typeof started?.jobId).toBe("string");
      // Every job line names a request id.
      expect(lines.filter((l) => typeof l.msg === "string" && l.msg.startsWith("job ")).every((l) => typeof l.requestId === "string")).toBe(true);
      // A lane run may finish with nothing to send while another run still holds the lane: delivery follows.
      await waitFor(() => (receiver.requests.length >= 2 ? true : undefined), 20_000, "both webhooks");
      expect(receiver.requests).toHaveLength(2);
      // Each try is logged with the request that woke its lane's run.
      const tries = await waitFor(() => {
        const logged = lines.filter((l) => l.msg === "delivery attempt");
        return logged.length >= 2 ? logged : undefined;
      }, 5_000, "both tries logged");
      for (const line of tries) expect([line.result, ["req-worker-1", generated].includes(String(line.requestId))]).toEqual(["succeeded", true]);
    });
  });

  it("log a job whose transaction PostgreSQL aborted for a concurrent one as that conflict (a warning, no SQL), and run it again", async () => {
    const { api } = stack.current;
    await withLoggedDeliveries(async ({ lines, receiver, owner, service }) => {
      // The fan-out's first run deadlocks as it records the delivery.
      const conflicts = await beforeInserts(api.db, { table: "notification_attempts", column: "org_id", id: owner.org.id }, deadlocksFirst(1));
      expect((await api.request("POST", `/v1/services/${service.id}/incidents`, { token: owner.accessToken, body: { title: "Conflicted" } })).status).toBe(201);

      await waitFor(() => (receiver.requests.length >= 1 ? true : undefined), 20_000, "the webhook, sent by the job's second run");
      expect(await conflicts.attempts()).toBe(2);
      const conflicted = lines.filter((l) => l.task === "incident_event" && l.level === 40);
      expect(conflicted).toEqual([expect.objectContaining({ msg: "job's transaction conflicted with a concurrent one and PostgreSQL aborted it; it will be retried", attempt: 1 })]);
      expect(conflicted[0]?.err).toMatchObject({ code: "40P01", message: "deadlock detected" });
      expect(JSON.stringify(conflicted)).not.toMatch(/SELECT|INSERT|notification_attempts/i);
      expect(lines.filter((l) => l.level === 50)).toEqual([]);
    });
  });

  it("without SMTP, write an emailed link's token only at debug level: info lines have it redacted", async () => {
    const { api } = stack.current;
    expect(api.config.delivery.smtpUrl).toBeUndefined();
    const { logger, lines } = captureLogger("debug");
    await stack.current.startWorker({ logger });
    const owner = await anOrgOwner(api);
    const { token } = await anInvitation(api, owner.accessToken, { email: uniqueEmail("invitee") });
    const logged = await waitFor(() => lines.find((l) => l.msg === EMAIL_LOGGED_NOTE), 20_000, "the logged invitation");
    expect(JSON.stringify(logged)).toContain("token=[redacted]");
    const byLevel = (level: number) => JSON.stringify(lines.filter((l) => l.level === level));
    expect(byLevel(30)).not.toContain(token);
    expect(byLevel(20)).toContain(token);
  });
});
