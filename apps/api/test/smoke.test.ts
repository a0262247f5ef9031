import { describe, expect, it } from "vitest";
import { anIncident, anOrgOwner, aService, useTestApi } from "@incidentops/testkit";

const api = useTestApi();

describe("walk-through", () => {
  it("registers, opens an incident, acknowledges it and reads its timeline", async () => {
    const { accessToken: token } = await anOrgOwner(api.current);
    const service = await aService(api.current, token);
    const incident = await anIncident(api.current, token, service.id, { severity: "sev2" });
    expect(incident).toMatchObject({ serviceId: service.id, status: "triggered", severity: "sev2", version: 1 });
    const ack = await api.current.request("POST", `/v1/incidents/${incident.id}/transition`, {
      token,
      body: { toStatus: "acknowledged", version: 1 },
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: "acknowledged", version: 2 });
    const timeline = await api.current.request<{ items: { kind: string }[] }>("GET", `/v1/incidents/${incident.id}/events`, { token });
    expect(timeline.body.items.map((e) => e.kind)).toEqual(["created", "status_changed"]);
  });
});
