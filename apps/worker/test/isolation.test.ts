import { DELIVERY_TASK, enqueueJob, laneJobKey } from "@incidentops/core";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { anIncident, anOrgOwner, aService, aWebhookTarget, bodyOf, never, queuedJobs, runQueuedJobs, sleep, startWebhookReceiver, useTestStack, waitFor } from "@incidentops/testkit";

// One tenant's receivers hang (accept the connection, never answer): its deliveries must not
// delay another tenant's. Timeouts and back-off as in production; the default concurrency.
const stack = useTestStack({ WEBHOOK_TIMEOUT_MS: "10000", DELIVERY_RETRY_BASE_MS: "10000", DELIVERY_MAX_ATTEMPTS: "8" });

const BLACK_HOLES = 20;
const NOISY_INCIDENTS = 20;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] ?? 0;

describe("tenant isolation of delivery capacity", () => {
  it("leaves a lane another run holds to that run, and wakes a free one now: a hanging receiver costs a job per timeout, not per incident", async () => {
    // First in the file: no worker runs yet, so the jobs stay queued for a look.
    const { api } = stack.current;
    const owner = await anOrgOwner(api);
    const held = await aWebhookTarget(api, owner.accessToken, "http://127.0.0.1:9/held");
    const free = await aWebhookTarget(api, owner.accessToken, "http://127.0.0.1:9/free");
    const service = await aService(api, owner.accessToken);
    // Another run holds the first lane (a delivery hanging until its timeout), backed, as a
    // first round's claim is, by the lane's job at the lease's end.
    const { rows } = await sql<{ lease_until: Date }>`
      INSERT INTO delivery_lanes (org_id, recipient_id, lease_until) VALUES (${owner.org.id}, ${held.id}, now() + interval '20 seconds')
      RETURNING lease_until`.execute(api.db);
    const leaseUntil = rows[0]?.lease_until;
    const heldKey = laneJobKey(owner.org.id, held.id);
    await enqueueJob(api.db, DELIVERY_TASK.webhook, { orgId: owner.org.id, recipientId: held.id, requestId: "holder" }, { jobKey: heldKey, runAt: leaseUntil });

    const openedAt = Date.now();
    await anIncident(api, owner.accessToken, service.id);
    await runQueuedJobs(api, ["incident_event"]);

    const heldJobs = await queuedJobs(api.db, { key: heldKey });
    expect(heldJobs.map((job) => ({ runAt: job.runAt, revision: job.revision }))).toEqual([{ runAt: leaseUntil?.toISOString(), revision: 0 }]);
    const [freeJob] = await queuedJobs(api.db, { key: laneJobKey(owner.org.id, free.id) });
    expect(Date.parse(freeJob?.runAt ?? "")).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(freeJob?.runAt ?? "")).toBeGreaterThan(openedAt - 5_000);
    // The held lane's attempt waits, pending, for its holder to claim it.
    const { rows: pending } = await sql<{ count: string }>`
      SELECT count(*) FROM notification_attempts WHERE org_id = ${owner.org.id} AND recipient_id = ${held.id} AND status = 'pending'`.execute(api.db);
    expect(pending[0]?.count).toBe("1");
  });

  it(`with ${BLACK_HOLES} black-hole webhook targets in one org, another org's webhooks keep p99 under 1 s`, { timeout: 120_000 }, async () => {
    const { api } = stack.current;
    const blackHole = await startWebhookReceiver(() => never<number>());
    const healthy = await startWebhookReceiver();
    try {
      const noisy = await anOrgOwner(api);
      for (let i = 0; i < BLACK_HOLES; i++) await aWebhookTarget(api, noisy.accessToken, `${blackHole.url}/hole-${i}`);
      const noisyService = await aService(api, noisy.accessToken);
      const quiet = await anOrgOwner(api);
      await aWebhookTarget(api, quiet.accessToken, healthy.url);
      const quietService = await aService(api, quiet.accessToken);
      await stack.current.startWorker();

      // The noisy org opens 20 incidents at once (400 deliveries that hang), and the quiet org's
      // incidents start right away, one every 200 ms for 12 s (beyond a whole timeout): they are
      // fanned out while the noisy org's are, and delivered while its receivers hang.
      for (let i = 0; i < NOISY_INCIDENTS; i++) await anIncident(api, noisy.accessToken, noisyService.id, { title: `noise ${i}` });
      const openedAt = new Map<string, number>();
      const quietIncidents = (async () => {
        const deadline = Date.now() + 12_000;
        while (Date.now() < deadline) {
          const incident = await anIncident(api, quiet.accessToken, quietService.id);
          openedAt.set(incident.id, Date.now());
          await sleep(200);
        }
      })();

      await quietIncidents;
      await waitFor(() => (healthy.requests.length >= openedAt.size ? true : undefined), 30_000, "the quiet org's deliveries");
      const latencies = healthy.requests.map((request) => request.at - (openedAt.get(bodyOf(request).incident.id) ?? Number.NaN));
      expect(latencies.every((ms) => Number.isFinite(ms))).toBe(true);
      expect(latencies.length).toBeGreaterThanOrEqual(40);
      expect(percentile(latencies, 99), `latencies (ms): ${latencies.join(", ")}`).toBeLessThan(1_000);

      // Each hanging receiver got at most DELIVERY_RECEIVER_CONCURRENCY (4) deliveries at a time, all
      // in one worker slot: in the test's time, at most two rounds of a 10 s timeout.
      const perHole = new Map<string, number>();
      for (const request of blackHole.requests) perHole.set(request.path, (perHole.get(request.path) ?? 0) + 1);
      expect(perHole.size).toBe(BLACK_HOLES);
      expect(Math.max(...perHole.values())).toBeLessThanOrEqual(2 * stack.current.api.config.delivery.receiverConcurrency);
    } finally {
      await blackHole.close();
      await healthy.close();
    }
  });
});
