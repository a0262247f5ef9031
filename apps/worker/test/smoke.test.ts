import { describe, expect, it } from "vitest";
import { anIncident, anOrgOwner, aService, startWebhookReceiver, useTestStack, verifyWebhook, waitFor } from "@incidentops/testkit";

const stack = useTestStack();

describe("worker smoke", () => {
  it("delivers a signed webhook for a new incident", async () => {
    const { api } = stack.current;
    await stack.current.startWorker();
    const receiver = await startWebhookReceiver();
    try {
      const { accessToken: token } = await anOrgOwner(api);
      const target = await api.request<{ id: string; secret: string }>("POST", "/v1/org/notification-targets", {
        token,
        body: { name: "hook", type: "webhook", config: { url: receiver.url } },
      });
      expect(target.status).toBe(201);
      const service = await aService(api, token);
      const incident = await anIncident(api, token, service.id);
      const request = await waitFor(() => receiver.requests[0], 20_000, "a delivery");
      const verified = verifyWebhook(target.body.secret, request);
      expect(verified.type).toBe("incident.triggered");
      expect(verified.incident.id).toBe(incident.id);
      expect(verified.service).toEqual({ id: service.id, name: service.name });
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
