import { describe, expect, it } from "vitest";
import { anIncident, anOrgOwner, aService, aWebhookTarget, bodyOf, never, sleep, startWebhookReceiver, useTestStack, waitFor } from "@incidentops/testkit";

// One tenant's receivers hang (accept the connection, never answer): its deliveries must not
// delay another tenant's. Timeouts and back-off as in production; the default concurrency.
const stack = useTestStack({ WEBHOOK_TIMEOUT_MS: "10000", DELIVERY_RETRY_BASE_MS: "10000", DELIVERY_MAX_ATTEMPTS: "8" });

const BLACK_HOLES = 20;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] ?? 0;

describe("tenant isolation of delivery capacity", () => {
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

      // The noisy org keeps its receivers busy: 5 incidents, 100 deliveries that hang.
      for (let i = 0; i < 5; i++) await anIncident(api, noisy.accessToken, noisyService.id, { title: `noise ${i}` });
      await waitFor(() => (blackHole.requests.length >= BLACK_HOLES ? true : undefined), 20_000, "every black hole to hold a delivery");

      // Meanwhile, the quiet org's incidents, one every 200 ms for 12 s (beyond a whole timeout).
      const openedAt = new Map<string, number>();
      const deadline = Date.now() + 12_000;
      while (Date.now() < deadline) {
        const incident = await anIncident(api, quiet.accessToken, quietService.id);
        openedAt.set(incident.id, Date.now());
        await sleep(200);
      }
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
