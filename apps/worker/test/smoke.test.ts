import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { createIncident, createService, register } from "../../api/test/helpers.js";
import { startReceiver, useTestStack, waitFor } from "./helpers.js";

const stack = useTestStack();

describe("worker smoke", () => {
  it("delivers a signed webhook for a new incident", async () => {
    const { api } = stack.current;
    await stack.current.startWorker();
    const receiver = await startReceiver();
    try {
      const { accessToken: token } = await register(api);
      const target = await api.request<{ id: string; secret: string }>("POST", "/v1/org/notification-targets", {
        token,
        body: { name: "hook", type: "webhook", config: { url: receiver.url } },
      });
      expect(target.status).toBe(201);
      const service = await createService(api, token);
      const incident = await createIncident(api, token, service.id);
      const request = await waitFor(() => receiver.received[0], 20_000, "a delivery");
      const verified = new Webhook(target.body.secret).verify(request.body, {
        "webhook-id": String(request.headers["webhook-id"]),
        "webhook-timestamp": String(request.headers["webhook-timestamp"]),
        "webhook-signature": String(request.headers["webhook-signature"]),
      }) as { type: string; incident: { id: string } };
      expect(verified.type).toBe("incident.triggered");
      expect(verified.incident.id).toBe(incident.id);
      const attempts = await waitFor(async () => {
        const res = await api.request<{ items: { status: string; attemptCount: number }[] }>("GET", `/v1/incidents/${incident.id}/notifications`, { token });
        return res.body.items[0]?.status === "succeeded" ? res.body.items : undefined;
      });
      expect(attempts).toHaveLength(1);
      expect(attempts[0]?.attemptCount).toBe(1);
    } finally {
      await receiver.close();
    }
  });
});
