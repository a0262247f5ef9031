import type { Incident } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aWebhookTarget,
  captureLogger,
  sleep,
  startWebhookReceiver,
  useTestStack,
  verifyWebhook,
  waitFor,
  type WebhookReceiver,
} from "@incidentops/testkit";

const stack = useTestStack({ WORKER_CONCURRENCY: "4" });

const INCIDENTS = 30;

/** Per webhook-id, how many requests a receiver got. */
function countById(receiver: WebhookReceiver): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of receiver.requests) {
    const id = String(r.headers["webhook-id"]);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe("two workers on one database", () => {
  it("deliver every (event, target) pair once, twice only through a retry of a failed try", { timeout: 60_000 }, async () => {
    const { api } = stack.current;
    // Slow receivers keep both workers busy at once; each fails the first try of every third
    // message it sees, so some deliveries go through a retry.
    const flaky = () => {
      const seen: string[] = [];
      return async (req: { headers: Record<string, unknown> }) => {
        await sleep(20);
        const id = String(req.headers["webhook-id"]);
        if (seen.includes(id)) return 200;
        seen.push(id);
        return seen.length % 3 === 0 ? 500 : 200;
      };
    };
    const receivers = [await startWebhookReceiver(flaky()), await startWebhookReceiver(flaky())];
    const logs = [captureLogger(), captureLogger()];
    try {
      const { accessToken: token } = await anOrgOwner(api);
      const targets = await Promise.all(receivers.map((r) => aWebhookTarget(api, token, r.url)));
      const service = await aService(api, token);
      await Promise.all(logs.map((log) => stack.current.startWorker({ logger: log.logger })));

      const incidents: Incident[] = [];
      for (let i = 0; i < INCIDENTS; i++) incidents.push(await anIncident(api, token, service.id, { title: `Outage ${i}` }));
      const expected = INCIDENTS * targets.length;

      const rows = await waitFor(
        async () => {
          const all = await api.db
            .selectFrom("notification_attempts")
            .select(["id", "event_id", "target_id", "status", "attempt_count"])
            .where("incident_id", "in", incidents.map((i) => i.id))
            .execute();
          return all.length === expected && all.every((a) => a.status !== "pending") ? all : undefined;
        },
        45_000,
        `${expected} settled attempts`,
      );
      expect(rows.every((a) => a.status === "succeeded")).toBe(true);
      const retried = rows.filter((a) => a.attempt_count === 2);
      expect(retried).toHaveLength(expected / 3);
      expect(rows.every((a) => a.attempt_count === 1 || a.attempt_count === 2)).toBe(true);
      // One attempt per (event, target): 30 events x 2 targets.
      expect(new Set(rows.map((a) => `${a.event_id}/${a.target_id ?? ""}`)).size).toBe(expected);

      // Each receiver accepted each of its deliveries exactly once (one 200 per webhook-id); a
      // second request came only after a failed try, and matches the attempt count.
      const attemptCount = new Map(rows.map((a) => [a.id, a.attempt_count]));
      for (const [i, receiver] of receivers.entries()) {
        const counts = countById(receiver);
        expect(counts.size).toBe(INCIDENTS);
        for (const [id, n] of counts) expect(n).toBe(attemptCount.get(id));
        const accepted = receiver.answered.filter((a) => a.status === 200).map((a) => a.webhookId);
        expect(accepted).toHaveLength(INCIDENTS);
        expect(new Set(accepted).size).toBe(INCIDENTS);
        const secret = targets[i]?.secret ?? "";
        const seen = receiver.requests.map((r) => verifyWebhook(secret, r).incident.id);
        expect(new Set(seen)).toEqual(new Set(incidents.map((x) => x.id)));
        expect(new Set(counts.keys())).toEqual(new Set(rows.filter((a) => a.target_id === targets[i]?.id).map((a) => a.id)));
      }

      // Both workers took part, and no job ran twice across them; every try was made once. A try
      // is logged after its row commits, and a fan-out may finish after its deliveries: wait for the last lines.
      const logged = (msg: string) => logs.map((log) => log.lines.filter((l) => l.msg === msg));
      const fanOutsOf = (finished: Record<string, unknown>[][]) => finished.flat().filter((l) => l.task === "incident_event");
      await waitFor(
        () => (logged("delivery attempt").flat().length >= expected + retried.length && fanOutsOf(logged("job finished")).length >= INCIDENTS ? true : undefined),
        5_000,
        "every try and fan-out logged",
      );
      const finished = logged("job finished");
      expect(finished[0]?.length).toBeGreaterThan(0);
      expect(finished[1]?.length).toBeGreaterThan(0);
      expect(logged("delivery attempt").flat()).toHaveLength(expected + retried.length);
      expect(fanOutsOf(finished)).toHaveLength(INCIDENTS);
      expect(new Set(finished.flat().map((l) => l.jobId)).size).toBe(finished.flat().length);
    } finally {
      await Promise.all(receivers.map((r) => r.close()));
    }
  });
});
