import { describe, expect, it } from "vitest";
import { anIncident, anOrgOwner, aService, aWebhookTarget, startWebhookReceiver, useTestStack, waitFor } from "@incidentops/testkit";

// Retry base 2 s: a lane pauses for 6 s after 3 failures in a row. (A retry's wake-up may come up
// to graphile-worker's 2 s poll late: the pause is long enough for it to land inside.)
const RETRY_BASE_MS = 2_000;
const PAUSE_MS = 3 * RETRY_BASE_MS;
const stack = useTestStack({ DELIVERY_RETRY_BASE_MS: String(RETRY_BASE_MS), DELIVERY_MAX_ATTEMPTS: "8" });

describe("a delivery lane's circuit breaker", () => {
  it("pauses a receiver after 3 failures in a row (attempts coming due meanwhile count a try, unsent), then resumes", { timeout: 60_000 }, async () => {
    const { api } = stack.current;
    const receiver = await startWebhookReceiver((_request, index) => (index < 3 ? 503 : 200));
    try {
      const { accessToken: token } = await anOrgOwner(api);
      const target = await aWebhookTarget(api, token, receiver.url);
      const service = await aService(api, token);
      // Three incidents: the lane has another attempt due after each failure.
      const incidents = [];
      for (let i = 0; i < 3; i++) incidents.push(await anIncident(api, token, service.id, { title: `incident ${i}` }));
      await stack.current.startWorker();

      const attempts = await waitFor(
        async () => {
          const rows = await api.db.selectFrom("notification_attempts").selectAll().where("target_id", "=", target.id).execute();
          return rows.length === 3 && rows.every((r) => r.status === "succeeded") ? rows : undefined;
        },
        30_000,
        "every attempt to succeed",
      );
      const [third, fourth] = [receiver.requests[2], receiver.requests[3]];
      if (third === undefined || fourth === undefined) throw new Error("fewer than four requests");
      // Three failures in a row, then nothing reached the receiver for the pause.
      expect(receiver.answered.slice(0, 3).map((a) => a.status)).toEqual([503, 503, 503]);
      expect(fourth.arrivedAt - third.arrivedAt).toBeGreaterThanOrEqual(PAUSE_MS - 50);
      // Tries counted while paused were never sent: more tries than requests for the same webhook-id.
      const sent = new Map<string, number>();
      for (const request of receiver.requests) sent.set(String(request.headers["webhook-id"]), (sent.get(String(request.headers["webhook-id"])) ?? 0) + 1);
      expect(attempts.some((a) => a.attempt_count > (sent.get(a.id) ?? 0))).toBe(true);
      const lane = await api.db.selectFrom("delivery_lanes").selectAll().where("recipient_id", "=", target.id).executeTakeFirstOrThrow();
      expect(lane).toMatchObject({ failure_streak: 0, paused_until: null, lease_until: null });
    } finally {
      await receiver.close();
    }
  });
});
