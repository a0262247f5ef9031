import type { Incident } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aTeam,
  aWebhookTarget,
  bodyOf,
  closedPort,
  listAttempts,
  ok,
  sleep,
  startWebhookReceiver,
  useTestStack,
  verifyWebhook,
  waitForSettledAttempts,
} from "@incidentops/testkit";

const stack = useTestStack();

beforeAll(async () => {
  await stack.current.startWorker();
});

async function transition(token: string, incident: Pick<Incident, "id">, toStatus: string, version: number) {
  const res = await stack.current.api.request<Incident>("POST", `/v1/incidents/${incident.id}/transition`, {
    token,
    body: { toStatus, version },
  });
  expect(res.status).toBe(200);
  return res.body;
}

describe("signed webhook deliveries", () => {
  it("signs every event of an incident so standardwebhooks verifies it; tampering fails verification", async () => {
    const { api } = stack.current;
    const receiver = await startWebhookReceiver();
    try {
      const { accessToken: token } = await anOrgOwner(api);
      const target = await aWebhookTarget(api, token, receiver.url);
      const service = await aService(api, token);
      const incident = await anIncident(api, token, service.id, { title: "Checkout is failing" });
      await transition(token, incident, "acknowledged", 1);
      const comment = await api.request("POST", `/v1/incidents/${incident.id}/comment`, { token, body: { body: "looking into it" } });
      expect(comment.status).toBe(201);
      await transition(token, incident, "resolved", 2);

      const attempts = await waitForSettledAttempts(api, token, incident.id, 4);
      expect(attempts).toHaveLength(4);
      expect(attempts.every((a) => a.status === "succeeded" && a.attemptCount === 1 && a.lastHttpStatus === 200)).toBe(true);
      expect(receiver.requests).toHaveLength(4);

      const verified = receiver.requests.map((request) => verifyWebhook(target.secret, request));
      expect(verified.map((v) => v.type).sort()).toEqual([
        "incident.acknowledged",
        "incident.commented",
        "incident.resolved",
        "incident.triggered",
      ]);
      for (const [i, payload] of verified.entries()) {
        const request = receiver.requests[i];
        expect(request?.headers["content-type"]).toBe("application/json");
        // The webhook-id is the attempt id, which is also the body's id.
        expect(request?.headers["webhook-id"]).toBe(payload.id);
        expect(payload.incident.id).toBe(incident.id);
        expect(payload.incident.title).toBe("Checkout is failing");
        expect(payload.event.incidentId).toBe(incident.id);
        expect(Math.abs(Number(request?.headers["webhook-timestamp"]) * 1000 - Date.now())).toBeLessThan(60_000);
      }
      expect(new Set(verified.map((v) => v.id)).size).toBe(4);
      expect(new Set(verified.map((v) => v.event.id)).size).toBe(4);
      expect(new Set(verified.map((v) => v.id))).toEqual(new Set(attempts.map((a) => a.id)));
      const commented = verified.find((v) => v.type === "incident.commented");
      expect(commented?.event.data.body).toBe("looking into it");

      const first = receiver.requests[0];
      if (first === undefined) throw new Error("no request");
      // A changed body, a body re-serialised differently, or another target's secret: all refused.
      const tampered = first.body.replace("Checkout is failing", "Checkout is fine");
      expect(tampered).not.toBe(first.body);
      expect(() => verifyWebhook(target.secret, first, tampered)).toThrow();
      expect(() => verifyWebhook(target.secret, first, `${first.body} `)).toThrow();
      const other = await aWebhookTarget(api, token, receiver.url, { enabled: false });
      expect(() => verifyWebhook(other.secret, first)).toThrow();
      expect(() =>
        verifyWebhook(target.secret, { ...first, headers: { ...first.headers, "webhook-id": "msg_other" } }),
      ).toThrow();
    } finally {
      await receiver.close();
    }
  });

  it("retries a failing receiver with the same webhook-id until it answers 200", async () => {
    const { api } = stack.current;
    const receiver = await startWebhookReceiver((_req, index) => (index < 2 ? 500 : 200));
    try {
      const { accessToken: token } = await anOrgOwner(api);
      const target = await aWebhookTarget(api, token, receiver.url);
      const service = await aService(api, token);
      const incident = await anIncident(api, token, service.id);

      const attempts = await waitForSettledAttempts(api, token, incident.id, 1);
      expect(attempts).toHaveLength(1);
      expect(attempts[0]).toMatchObject({ status: "succeeded", attemptCount: 3, lastHttpStatus: 200, lastError: null });
      expect(receiver.requests).toHaveLength(3);
      expect(receiver.answered.map((a) => a.status)).toEqual([500, 500, 200]);
      const ids = new Set(receiver.requests.map((r) => r.headers["webhook-id"]));
      expect(ids).toEqual(new Set([attempts[0]?.id]));
      // Same message each time: same body id and event, and each try is signed validly.
      const bodies = receiver.requests.map((r) => verifyWebhook(target.secret, r));
      expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
      expect(new Set(bodies.map((b) => b.event.id)).size).toBe(1);
      // Exponential backoff: base 100 ms, then 200 ms.
      const [a, b, c] = receiver.requests.map((r) => r.at);
      expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(95);
      expect((c ?? 0) - (b ?? 0)).toBeGreaterThanOrEqual(195);
    } finally {
      await receiver.close();
    }
  });

  it("gives up after DELIVERY_MAX_ATTEMPTS on a receiver that always fails or is down, recording the last error", async () => {
    const { api } = stack.current;
    const maxAttempts = api.config.delivery.maxAttempts;
    expect(maxAttempts).toBe(4);
    const failing = await startWebhookReceiver(() => 500);
    const down = `http://127.0.0.1:${await closedPort()}/hook`;
    try {
      const { accessToken: token } = await anOrgOwner(api);
      const failingTarget = await aWebhookTarget(api, token, failing.url);
      const downTarget = await aWebhookTarget(api, token, down);
      const service = await aService(api, token);
      const incident = await anIncident(api, token, service.id);

      const attempts = await waitForSettledAttempts(api, token, incident.id, 2, 30_000);
      const toFailing = attempts.find((a) => a.target?.id === failingTarget.id);
      const toDown = attempts.find((a) => a.target?.id === downTarget.id);
      expect(toFailing).toMatchObject({ status: "failed", attemptCount: maxAttempts, lastHttpStatus: 500, lastError: "HTTP 500", channel: "webhook" });
      expect(toDown).toMatchObject({ status: "failed", attemptCount: maxAttempts, lastHttpStatus: null, lastError: "connection refused" });
      expect(toFailing?.completedAt).not.toBeNull();
      expect(toDown?.completedAt).not.toBeNull();

      expect(failing.requests).toHaveLength(maxAttempts);
      expect(new Set(failing.requests.map((r) => r.headers["webhook-id"]))).toEqual(new Set([toFailing?.id]));
      // Backoff doubles from the 100 ms base between tries: 100, 200, 400.
      const times = failing.requests.map((r) => r.at);
      times.slice(1).forEach((t, i) => expect(t - (times[i] ?? 0)).toBeGreaterThanOrEqual(100 * 2 ** i - 5));

      // Failed is final: no further tries (the worker polls for scheduled jobs every 2 s).
      await sleep(2_500);
      expect(failing.requests).toHaveLength(maxAttempts);
      const again = await listAttempts(api, token, incident.id);
      expect(again.find((a) => a.id === toFailing?.id)?.attemptCount).toBe(maxAttempts);
    } finally {
      await failing.close();
    }
  });

  it("sends to enabled targets whose kind and severity filters match, and to no other", async () => {
    const { api } = stack.current;
    const receiver = await startWebhookReceiver();
    try {
      const { accessToken: token } = await anOrgOwner(api);
      const matching = [
        await aWebhookTarget(api, token, receiver.url),
        await aWebhookTarget(api, token, receiver.url, { eventKinds: ["triggered", "resolved"] }),
        await aWebhookTarget(api, token, receiver.url, { minSeverity: "sev3" }),
        await aWebhookTarget(api, token, receiver.url, { minSeverity: "sev4" }),
      ];
      await aWebhookTarget(api, token, receiver.url, { enabled: false });
      await aWebhookTarget(api, token, receiver.url, { eventKinds: ["resolved"] });
      await aWebhookTarget(api, token, receiver.url, { minSeverity: "sev2" });
      const service = await aService(api, token);
      const incident = await anIncident(api, token, service.id, { severity: "sev3" });
      // One fan-out transaction records every attempt of the event at once.
      const attempts = await waitForSettledAttempts(api, token, incident.id, 1);
      expect(attempts.map((a) => a.target?.id).sort()).toEqual(matching.map((t) => t.id).sort());
      expect(attempts.every((a) => a.status === "succeeded")).toBe(true);
      expect(receiver.requests.map((r) => bodyOf(r).type)).toEqual(matching.map(() => "incident.triggered"));
    } finally {
      await receiver.close();
    }
  });

  it("routes a target by service or team: it takes the incidents of the services it names and of those its teams own, now", async () => {
    const { api } = stack.current;
    const receiver = await startWebhookReceiver();
    try {
      const { accessToken: token } = await anOrgOwner(api);
      const [payments, search] = [await aTeam(api, token), await aTeam(api, token)];
      const checkout = await aService(api, token, { teamId: payments.id });
      const indexer = await aService(api, token, { teamId: search.id });
      const unowned = await aService(api, token);
      const everything = await aWebhookTarget(api, token, receiver.url);
      const paymentsTeam = await aWebhookTarget(api, token, receiver.url, { teamIds: [payments.id] });
      const unownedOnly = await aWebhookTarget(api, token, receiver.url, { serviceIds: [unowned.id] });
      const either = await aWebhookTarget(api, token, receiver.url, { serviceIds: [unowned.id], teamIds: [search.id] });
      const targetsOf = async (serviceId: string) => {
        const incident = await anIncident(api, token, serviceId);
        return (await waitForSettledAttempts(api, token, incident.id, 1)).map((a) => a.target?.id).sort();
      };
      expect(await targetsOf(checkout.id)).toEqual([everything.id, paymentsTeam.id].sort());
      expect(await targetsOf(indexer.id)).toEqual([everything.id, either.id].sort());
      expect(await targetsOf(unowned.id)).toEqual([everything.id, unownedOnly.id, either.id].sort());
      // The team that owns the service when the event fans out is the one that counts.
      await ok(api.request("PATCH", `/v1/org/services/${indexer.id}`, { token, body: { teamId: payments.id } }), 200, "move the service");
      expect(await targetsOf(indexer.id)).toEqual([everything.id, paymentsTeam.id].sort());
    } finally {
      await receiver.close();
    }
  });
});
