import type { IncidentCounts } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import { anIncident, aService, aUserWithRole, expectError, useTestApi } from "@incidentops/testkit";
import { incidentCalls, newCaller } from "./support/incidents.js";

// GET /v1/incidents/counts: the list's status tabs and the overview's open incidents.

const api = useTestApi();
const { transition } = incidentCalls(api);

const counts = (token: string, query = "") => api.current.request<IncidentCounts>("GET", `/v1/incidents/counts${query}`, { token });

describe("GET /v1/incidents/counts", () => {
  it("counts per status, and open incidents per severity and service (most first), under the filters", async () => {
    const caller = await newCaller(api.current);
    const other = await aService(api.current, caller.token);
    const open = async (serviceId: string, severity: string) => anIncident(api.current, caller.token, serviceId, { severity });
    await open(caller.serviceId, "sev1");
    await open(caller.serviceId, "sev2");
    const acked = await open(caller.serviceId, "sev2");
    await transition(caller, acked.id, "acknowledged", 1);
    const resolved = await open(other.id, "sev3");
    await transition(caller, resolved.id, "resolved", 1);
    await open(other.id, "sev4");

    const all = await counts(caller.token);
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      byStatus: { triggered: 3, acknowledged: 1, mitigated: 0, resolved: 1 },
      open: {
        total: 4,
        bySeverity: { sev1: 1, sev2: 2, sev3: 0, sev4: 1 },
        byService: [
          { serviceId: caller.serviceId, count: 3 },
          { serviceId: other.id, count: 1 },
        ],
      },
    });

    const sev2 = await counts(caller.token, "?severity=sev2");
    expect(sev2.body.byStatus).toEqual({ triggered: 1, acknowledged: 1, mitigated: 0, resolved: 0 });
    const ofOther = await counts(caller.token, `?serviceId=${other.id}`);
    expect(ofOther.body.byStatus).toEqual({ triggered: 1, acknowledged: 0, mitigated: 0, resolved: 1 });
    expect(ofOther.body.open.byService).toEqual([{ serviceId: other.id, count: 1 }]);
  });

  it("is zero everywhere for an org without incidents, and readable by a viewer", async () => {
    const caller = await newCaller(api.current);
    const viewer = await aUserWithRole(api.current, caller.orgId, "viewer");
    const res = await counts(viewer.accessToken);
    expect(res.body).toEqual({
      byStatus: { triggered: 0, acknowledged: 0, mitigated: 0, resolved: 0 },
      open: { total: 0, bySeverity: { sev1: 0, sev2: 0, sev3: 0, sev4: 0 }, byService: [] },
    });
  });

  it("refuses bad filters (400) and no credential (401)", async () => {
    const caller = await newCaller(api.current);
    expectError(await counts(caller.token, "?severity=sev9"), 400, "VALIDATION_FAILED");
    expectError(await counts(caller.token, "?serviceId=nope"), 400, "VALIDATION_FAILED");
    expectError(await api.current.request("GET", "/v1/incidents/counts"), 401, "UNAUTHORIZED");
  });
});
