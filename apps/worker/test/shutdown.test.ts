import { describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aWebhookTarget,
  deferred,
  queuedJobs,
  sleep,
  spawnWorkerProcess,
  startWebhookReceiver,
  useTestStack,
  waitFor,
} from "@incidentops/testkit";

const stack = useTestStack();

describe("the worker on SIGTERM", () => {
  it("finishes the delivery in flight, records it, leaves no job locked, and exits 0", { timeout: 60_000 }, async () => {
    const { api } = stack.current;
    const gate = deferred();
    const receiver = await startWebhookReceiver(async () => {
      await gate.promise;
      return 200;
    });
    const worker = spawnWorkerProcess(api);
    try {
      const { accessToken: token } = await anOrgOwner(api);
      await aWebhookTarget(api, token, receiver.url);
      const service = await aService(api, token);
      const incident = await anIncident(api, token, service.id);
      await waitFor(() => receiver.requests[0], 30_000, `the delivery to be in flight (output: ${worker.output()})`);

      worker.child.kill("SIGTERM");
      await sleep(1_000);
      // Still finishing: it has not given up on the delivery.
      expect(worker.child.exitCode).toBeNull();
      gate.resolve();
      expect(await worker.exited).toEqual({ code: 0, signal: null });

      const attempts = await api.db.selectFrom("notification_attempts").select(["status", "attempt_count"]).where("incident_id", "=", incident.id).execute();
      expect(attempts).toEqual([{ status: "succeeded", attempt_count: 1 }]);
      expect(receiver.requests).toHaveLength(1);
      expect((await queuedJobs(api.db)).filter((job) => job.lockedBy !== null)).toEqual([]);
    } finally {
      gate.resolve();
      if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGKILL");
      await receiver.close();
    }
  });
});
