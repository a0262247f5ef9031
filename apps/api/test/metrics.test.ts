import type { Incident } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import { anIncident, anIntegrationKey, anOrgOwner, aService, METRICS_TEST_TOKEN as TOKEN, useMetricsServer, useTestStack } from "@incidentops/testkit";

const stack = useTestStack();
const server = useMetricsServer();

async function scrape(): Promise<string> {
  const res = await fetch(server.current.url, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return res.text();
}

/** The value of the sample `name` whose labels include `labels` (0 when there is none). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && wanted.every((pair) => l.includes(pair)));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(" ") + 1));
}

describe("GET /metrics", () => {
  it("answers only GET /metrics, and only with the bearer token", async () => {
    expect((await fetch(server.current.url)).status).toBe(401);
    expect((await fetch(server.current.url, { headers: { authorization: "Bearer not-the-token" } })).status).toBe(401);
    expect((await fetch(server.current.url.replace("/metrics", "/other"), { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    const text = await scrape();
    expect(text).toContain("# TYPE incidentops_http_request_duration_seconds histogram");
    expect(text).toContain("incidentops_process_cpu_user_seconds_total");
  });

  it("times requests by route template and status, never by the id or routing key in the path", async () => {
    const { api } = stack.current;
    const { accessToken: token } = await anOrgOwner(api);
    const service = await aService(api, token);
    const incident = await anIncident(api, token, service.id);
    const route = { method: "GET", route: "/v1/incidents/:incidentId" };
    const before = sample(await scrape(), "incidentops_http_request_duration_seconds_count", { ...route, status: "200" });
    expect((await api.request("GET", `/v1/incidents/${incident.id}`, { token })).status).toBe(200);
    expect((await api.request("GET", "/v1/incidents/00000000-0000-4000-8000-000000000000", { token })).status).toBe(404);
    await api.trpc(token).incidents.get.query({ incidentId: incident.id });
    const { routingKey } = await anIntegrationKey(api, token, service.id);
    await api.request("POST", `/v1/integrations/alertmanager/${routingKey}`, { body: { version: "4" } });
    // PagerDuty's events are served before express (before-express.ts): named all the same, the body parser's refusals included.
    const event = { routing_key: routingKey, event_action: "trigger", payload: { summary: "Disk full", source: "db-1", severity: "critical" } };
    expect((await api.request("POST", "/v2/enqueue", { body: event })).status).toBe(202);
    expect((await api.request("POST", "/v2/enqueue", { rawBody: "{not json" })).status).toBe(400);
    expect((await api.request("POST", "/generic/2010-04-15/create_event.json", { body: { service_key: routingKey, event_type: "nonsense" } })).status).toBe(400);
    await api.request("GET", "/no/such/path");
    await api.request("GET", "/trpc/no.such.procedure");

    const text = await scrape();
    expect(sample(text, "incidentops_http_request_duration_seconds_count", { ...route, status: "200" })).toBe(before + 1);
    expect(sample(text, "incidentops_http_request_duration_seconds_count", { ...route, status: "404" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "incidentops_http_request_duration_seconds_count", { route: "/trpc/incidents.get" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "incidentops_http_request_duration_seconds_count", { route: "/v1/integrations/alertmanager/:routingKey", status: "400" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "incidentops_http_request_duration_seconds_count", { method: "POST", route: "/v2/enqueue", status: "202" })).toBe(1);
    expect(sample(text, "incidentops_http_request_duration_seconds_count", { method: "POST", route: "/v2/enqueue", status: "400" })).toBe(1);
    expect(sample(text, "incidentops_http_request_duration_seconds_count", { method: "POST", route: "/generic/2010-04-15/create_event.json", status: "400" })).toBe(1);
    expect(sample(text, "incidentops_http_request_duration_seconds_count", { route: "(unmatched)", status: "404" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "incidentops_http_request_duration_seconds_count", { route: "/trpc/(unknown)" })).toBeGreaterThanOrEqual(1);
    for (const secret of [incident.id, routingKey, "no.such.procedure", "/no/such/path"]) expect(text).not.toContain(secret);
  });

  it("counts an incident opened once, however many identical alerts open it at once, and times its first acknowledgement", async () => {
    const { api } = stack.current;
    const { accessToken: token } = await anOrgOwner(api);
    const service = await aService(api, token);
    const { routingKey } = await anIntegrationKey(api, token, service.id);
    const opened = { service_id: service.id, severity: "sev1" };
    const trigger = { routing_key: routingKey, event_action: "trigger", dedup_key: "disk-full", payload: { summary: "Disk full", source: "db-1", severity: "critical" } };
    const answers = await Promise.all(Array.from({ length: 50 }, () => api.request("POST", "/v2/enqueue", { body: trigger })));
    expect(answers.every((answer) => answer.status === 202)).toBe(true);
    expect(sample(await scrape(), "incidentops_incidents_opened_total", opened)).toBe(1);

    const [incident] = (await api.request<{ items: Incident[] }>("GET", `/v1/incidents?serviceId=${service.id}`, { token })).body.items;
    if (incident === undefined) throw new Error("the alerts opened no incident");
    const acknowledged = await api.request("POST", `/v1/incidents/${incident.id}/transition`, { token, body: { toStatus: "acknowledged", version: incident.version } });
    expect(acknowledged.status).toBe(200);
    const text = await scrape();
    expect(sample(text, "incidentops_incident_response_time_seconds_count", opened)).toBe(1);
    // Acknowledged within seconds: in the first bucket.
    expect(sample(text, "incidentops_incident_response_time_seconds_bucket", { ...opened, le: "10" })).toBe(1);
    // A refused move opens and acknowledges nothing.
    expect((await api.request("POST", `/v1/incidents/${incident.id}/transition`, { token, body: { toStatus: "acknowledged", version: incident.version } })).status).toBe(409);
    expect(sample(await scrape(), "incidentops_incident_response_time_seconds_count", opened)).toBe(1);
  });
});
