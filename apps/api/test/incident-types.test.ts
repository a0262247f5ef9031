import type { Incident, IncidentAnalytics, IncidentCounts, Page, TimelineEvent } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import { anAlertSource, anIncident, anOrgOwner, aService, expectValidationFailed, incidentsOfService, ok, useTestApi, type ErrorBody } from "@incidentops/testkit";

// An incident's type (decision 0071): what kind of incident it is, in the org's words. Set when it
// is opened (by a person, or from PagerDuty's payload.class), changed like its title, a filter of
// the list and a grouping of the analytics.

const api = useTestApi();

let token: string;
let serviceId: string;

beforeAll(async () => {
  const owner = await anOrgOwner(api.current, { orgName: "Incident Types Org" });
  token = owner.accessToken;
  serviceId = (await aService(api.current, token)).id;
});

const patch = (incident: Pick<Incident, "id" | "version">, body: Record<string, unknown>) =>
  api.current.request<Incident & ErrorBody>("PATCH", `/v1/incidents/${incident.id}`, { token, body: { version: incident.version, ...body } });

const get = <T>(path: string) => ok(api.current.request<T>("GET", path, { token }), 200, `GET ${path}`);

describe("an incident's type", () => {
  it("is given at opening (trimmed), changed and cleared by PATCH, each change a type_changed event and a version", async () => {
    const incident = await anIncident(api.current, token, serviceId, { type: "  database " });
    expect(incident.type).toBe("database");
    expect((await anIncident(api.current, token, serviceId)).type).toBeNull();

    const changed = await patch(incident, { type: "network" });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ type: "network", version: incident.version + 1 });
    const cleared = await patch(changed.body, { type: null });
    expect(cleared.body).toMatchObject({ type: null, version: incident.version + 2 });
    // The same type again changes nothing, not even the version.
    expect((await patch(cleared.body, { type: null })).body.version).toBe(cleared.body.version);

    const events = await get<Page<TimelineEvent>>(`/v1/incidents/${incident.id}/events?kind=type_changed`);
    expect(events.items.map((e) => e.data)).toEqual([
      { from: "database", to: "network", version: incident.version + 1 },
      { from: "network", to: null, version: incident.version + 2 },
    ]);
  });

  it("refuses an empty or too long type with 400, changing nothing", async () => {
    const incident = await anIncident(api.current, token, serviceId, { type: "deploy" });
    expect(expectValidationFailed(await patch(incident, { type: "   " }))).toEqual(["type"]);
    expect(expectValidationFailed(await patch(incident, { type: "x".repeat(101) }))).toEqual(["type"]);
    const opened = await api.current.request("POST", `/v1/services/${serviceId}/incidents`, { token, body: { title: "x", type: "" } });
    expect(expectValidationFailed(opened)).toEqual(["type"]);
    expect((await get<Incident>(`/v1/incidents/${incident.id}`)).type).toBe("deploy");
  });

  it("narrows the list and its counts (exactly), and groups the analytics, most first; incidents of no type are `none`", async () => {
    const owner = await anOrgOwner(api.current);
    const service = await aService(api.current, owner.accessToken);
    for (const type of ["Database", "Database", "deploy", undefined]) {
      await anIncident(api.current, owner.accessToken, service.id, type === undefined ? {} : { type, severity: "sev2" });
    }
    const read = <T>(path: string) => ok(api.current.request<T>("GET", path, { token: owner.accessToken }), 200, `GET ${path}`);
    expect((await read<Page<Incident>>("/v1/incidents?type=Database")).items.map((i) => i.type)).toEqual(["Database", "Database"]);
    expect((await read<Page<Incident>>("/v1/incidents?type=database")).items).toEqual([]);
    expect((await read<IncidentCounts>("/v1/incidents/counts?type=deploy")).byStatus.triggered).toBe(1);

    const byType = await read<IncidentAnalytics>("/v1/analytics/incidents?groupBy=type");
    expect(byType.groups.map((g) => [g.key, g.label, g.count])).toEqual([
      ["Database", "Database", 2],
      ["deploy", "deploy", 1],
      ["none", "No type", 1],
    ]);
    expect((await read<IncidentAnalytics>("/v1/analytics/incidents?groupBy=severity&type=Database")).totals.count).toBe(2);
  });

  it("comes from PagerDuty's payload.class when an alert opens the incident; a repeat leaves it", async () => {
    const source = await anAlertSource(api.current);
    const send = (eventClass: string) =>
      api.current.request("POST", "/v2/enqueue", {
        body: { routing_key: source.routingKey, event_action: "trigger", dedup_key: "disk-db-1", payload: { summary: "Disk full on db-1", source: "db-1", severity: "error", class: eventClass } },
      });
    expect((await send(" Disk ")).status).toBe(202);
    expect((await send("network")).status).toBe(202);
    expect((await incidentsOfService(api.current, source.token, source.serviceId)).map((i) => [i.type, i.alertCount])).toEqual([["Disk", 2]]);
  });
});
