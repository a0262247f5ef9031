import { describe, expect, it, onTestFinished } from "vitest";
import { anIncident, anOrgOwner, aService, aWebhookTarget, bodyOf, deferred, sleep, startWebhookReceiver, useTestStack, waitFor } from "@incidentops/testkit";

// Polls far apart: a lane's job that is due but unannounced would wait for one.
const stack = useTestStack({ WORKER_POLL_INTERVAL_MS: "30000" });

describe("a lane another run holds", () => {
  it("is left to that run, which wakes the lane's job at once for the attempts made meanwhile", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const firstAnswer = deferred();
    const receiver = await startWebhookReceiver(async (_request, n) => {
      if (n === 0) await firstAnswer.promise;
      return 200;
    });
    onTestFinished(() => receiver.close());
    const owner = await anOrgOwner(api);
    await aWebhookTarget(api, owner.accessToken, receiver.url);
    const service = await aService(api, owner.accessToken);
    const worker = await stack.current.startWorker();
    onTestFinished(() => worker.stop());

    await anIncident(api, owner.accessToken, service.id, { title: "first" });
    await waitFor(() => receiver.requests[0], 10_000, "the first webhook (a first round, holding the lane)");
    const second = await anIncident(api, owner.accessToken, service.id, { title: "second" });
    const attemptOfSecond = () =>
      api.db.selectFrom("notification_attempts").select("status").where("org_id", "=", owner.org.id).where("incident_id", "=", second.id).executeTakeFirst();
    await waitFor(attemptOfSecond, 10_000, "the second incident's attempt, in the held lane");
    // Answered after the run's budget (a second): the run records its outcome, claims no more, and
    // wakes the lane's job (its backstop, waiting for the lease's end) for the second attempt now.
    await sleep(1_200);
    const answeredAt = Date.now();
    firstAnswer.resolve();

    const secondRequest = await waitFor(() => receiver.requests[1], 20_000, "the second webhook");
    expect(bodyOf(secondRequest).incident.id).toBe(second.id);
    expect(secondRequest.at - answeredAt).toBeLessThan(5_000);
    expect(receiver.requests).toHaveLength(2);
  });
});
