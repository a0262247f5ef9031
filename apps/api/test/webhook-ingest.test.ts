import { describe, expect, it } from "vitest";
import { anAlertSource, countRows, expectError, expectValidationFailed, incidentsOfService, ok, setIntegrationSettings, useTestApi, type TestApi } from "@incidentops/testkit";

// The generic JSON webhook: payloads read by the integration's mapping (JSON Pointers), with the
// ready Kibana and Datadog mappings.

const api = useTestApi();

interface Preset {
  id: string;
  mapping: Record<string, unknown>;
  payloadTemplate: string;
}

interface Accepted {
  dedupKey: string;
  outcome: string;
  incidentId: string | null;
}

const path = (routingKey: string) => `/v1/integrations/webhook/${routingKey}`;

async function presetMapping(t: TestApi, token: string, id: string) {
  const presets = await ok(t.request<{ items: Preset[] }>("GET", "/v1/org/integrations/webhook-mapping-presets", { token }), 200, "list presets");
  const preset = presets.items.find((item) => item.id === id);
  if (preset === undefined) throw new Error(`no ${id} preset`);
  return preset;
}

/** A source whose mapping is the ready one for `tool`. */
async function aPresetSource(t: TestApi, tool: string) {
  const source = await anAlertSource(t);
  const preset = await presetMapping(t, source.token, tool);
  await setIntegrationSettings(t, source.token, source.serviceId, source.integrationId, { mapping: preset.mapping });
  return { ...source, preset };
}

/** Kibana's Webhook connector body (the preset's template) as Kibana renders it for a threshold rule. */
const kibanaPayload = (actionGroup: "threshold_met" | "recovered") => ({
  dedupKey: "6f1a3b20-5c1e-11ee-8c99-0242ac120002:host-1",
  title: "CPU over 90%: host-1",
  severity: "critical",
  reason: "system.cpu.total.pct is 95% in the last 5 mins for host-1. Alert when > 90%.",
  alert: { id: "host-1", actionGroup, actionGroupName: actionGroup === "recovered" ? "Recovered" : "Threshold met" },
  rule: { id: "6f1a3b20-5c1e-11ee-8c99-0242ac120002", name: "CPU over 90%", url: "https://kibana.example.com/app/observability/alerts/rules/6f1a3b20", tags: "prod" },
  date: "2026-12-02T10:00:00.000Z",
});

/** Datadog's webhook body (the preset's template) with its $-variables filled in. */
const datadogPayload = (transition: "Triggered" | "Re-Triggered" | "Recovered", priority = "P2") => ({
  aggregateKey: "f3d6d1c2e9a0b7c4",
  title: "Checkout error rate above 5%",
  transition,
  priority,
  alertId: "1234567",
  alertType: transition === "Recovered" ? "success" : "error",
  hostname: "web-1",
  link: "https://app.datadoghq.com/event/event?id=7350101",
  date: "1764669600000",
  body: "%%%\nError rate 7.2% over the last 5m\n%%%",
});

describe("generic webhook with the ready mappings", () => {
  it("Kibana: the template has every mapped field; a threshold alert opens sev1 and its recovery resolves it", async () => {
    const { token, serviceId, routingKey, preset } = await aPresetSource(api.current, "kibana");
    expect(Object.keys(JSON.parse(preset.payloadTemplate) as object)).toEqual(expect.arrayContaining(["dedupKey", "title", "severity", "alert"]));
    const opened = await api.current.request<Accepted>("POST", path(routingKey), { body: kibanaPayload("threshold_met") });
    expect(opened.status, JSON.stringify(opened.body)).toBe(202);
    expect(opened.body).toMatchObject({ dedupKey: "6f1a3b20-5c1e-11ee-8c99-0242ac120002:host-1", outcome: "created" });
    expect(await incidentsOfService(api.current, token, serviceId)).toMatchObject([{ title: "CPU over 90%: host-1", severity: "sev1", status: "triggered" }]);
    const recovered = await api.current.request<Accepted>("POST", path(routingKey), { body: kibanaPayload("recovered") });
    expect(recovered.body).toMatchObject({ outcome: "resolved", incidentId: opened.body.incidentId });
  });

  it("Datadog: priority maps to severity, a re-trigger counts on the incident, Recovered resolves it", async () => {
    const { token, serviceId, routingKey, preset } = await aPresetSource(api.current, "datadog");
    expect(preset.payloadTemplate).toContain("$AGGREG_KEY");
    const opened = await api.current.request<Accepted>("POST", path(routingKey), { body: datadogPayload("Triggered") });
    expect(opened.body.outcome).toBe("created");
    expect((await api.current.request<Accepted>("POST", path(routingKey), { body: datadogPayload("Re-Triggered") })).body.outcome).toBe("deduplicated");
    expect(await incidentsOfService(api.current, token, serviceId)).toMatchObject([{ title: "Checkout error rate above 5%", severity: "sev2", alertCount: 2 }]);
    expect((await api.current.request<Accepted>("POST", path(routingKey), { body: datadogPayload("Recovered") })).body).toMatchObject({
      outcome: "resolved",
      incidentId: opened.body.incidentId,
    });
  });

  it("opens exactly one incident for 50 concurrent identical alerts", { timeout: 60_000 }, async () => {
    const { token, serviceId, routingKey } = await aPresetSource(api.current, "datadog");
    const answers = await Promise.all(Array.from({ length: 50 }, () => api.current.request<Accepted>("POST", path(routingKey), { body: datadogPayload("Triggered") })));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 50 }, () => 202));
    expect(answers.filter((a) => a.body.outcome === "created")).toHaveLength(1);
    expect(await incidentsOfService(api.current, token, serviceId)).toMatchObject([{ alertCount: 50 }]);
  });

  it("during a maintenance window: suppressed, opening nothing", async () => {
    const { token, serviceId, routingKey } = await aPresetSource(api.current, "kibana");
    const end = new Date(Date.now() + 3_600_000).toISOString();
    expect((await api.current.request("POST", `/v1/org/services/${serviceId}/maintenance-windows`, { token, body: { end, reason: "upgrade" } })).status).toBe(201);
    expect((await api.current.request<Accepted>("POST", path(routingKey), { body: kibanaPayload("threshold_met") })).body).toMatchObject({ outcome: "suppressed", incidentId: null });
    expect(await incidentsOfService(api.current, token, serviceId)).toEqual([]);
  });
});

describe("generic webhook with a custom mapping", () => {
  it("reads escaped pointers, array items and numbers", async () => {
    const { token, serviceId, integrationId, routingKey } = await anAlertSource(api.current);
    await setIntegrationSettings(api.current, token, serviceId, integrationId, {
      mapping: { dedupKey: "/event/id", title: "/check~1name", severity: { pointer: "/levels/0", values: { "2": "sev2" } } },
    });
    const res = await api.current.request<Accepted>("POST", path(routingKey), { body: { event: { id: 42 }, "check/name": "Backup failed", levels: [2, 1] } });
    expect(res.body).toMatchObject({ dedupKey: "42", outcome: "created" });
    expect(await incidentsOfService(api.current, token, serviceId)).toMatchObject([{ title: "Backup failed", severity: "sev2", dedupKey: "42" }]);
  });

  it("refuses a payload the mapping cannot read with 400 UNMAPPED_PAYLOAD naming the pointer, changing nothing", async () => {
    const { token, serviceId, integrationId, routingKey } = await anAlertSource(api.current);
    const send = (body: unknown) => api.current.request("POST", path(routingKey), { body });
    const unmapped = async (body: unknown) => expectError(await send(body), 400, "UNMAPPED_PAYLOAD").details;

    expect(await unmapped({ title: "no mapping yet" })).toEqual({});
    await setIntegrationSettings(api.current, token, serviceId, integrationId, {
      mapping: { dedupKey: "/id", title: "/summary", action: { pointer: "/state", trigger: ["alerting"], resolve: ["ok"] } },
    });
    expect(await unmapped({ id: "a", state: "alerting" })).toEqual({ field: "title", pointer: "/summary" });
    expect(await unmapped({ id: "a", summary: { nested: true }, state: "alerting" })).toEqual({ field: "title", pointer: "/summary" });
    expect(await unmapped({ summary: "Disk", state: "alerting" })).toEqual({ field: "dedupKey", pointer: "/id" });
    expect(await unmapped({ id: "a", summary: "Disk" })).toEqual({ field: "action", pointer: "/state" });
    expect(await unmapped({ id: "a", summary: "Disk", state: "pending" })).toEqual({ field: "action", pointer: "/state" });
    expect(await unmapped({ id: "a".repeat(513), summary: "Disk", state: "alerting" })).toEqual({ field: "dedupKey", pointer: "/id" });

    expect(await countRows(api.current.db, "incidents", { service_id: serviceId })).toBe(0);
    expect(await countRows(api.current.db, "rate_limit_counters", { key: `ingest:${integrationId}` })).toBe(0);
    // A resolve needs no title.
    expect((await send({ id: "a", state: "ok" })).status).toBe(202);
  });

  it("reads only what RFC 6901 names: no array length, no inherited member, no index with a leading zero", async () => {
    const { token, serviceId, integrationId, routingKey } = await anAlertSource(api.current);
    const unmappedTitle = async (title: string, body: unknown) => {
      await setIntegrationSettings(api.current, token, serviceId, integrationId, { mapping: { title } });
      return expectError(await api.current.request("POST", path(routingKey), { body }), 400, "UNMAPPED_PAYLOAD").details;
    };
    expect(await unmappedTitle("/list/length", { list: ["a", "b"] })).toEqual({ field: "title", pointer: "/list/length" });
    expect(await unmappedTitle("/list/01", { list: ["a", "b"] })).toEqual({ field: "title", pointer: "/list/01" });
    expect(await unmappedTitle("/constructor/name", {})).toEqual({ field: "title", pointer: "/constructor/name" });
    expect(await countRows(api.current.db, "incidents", { service_id: serviceId })).toBe(0);
  });

  it("cuts a title over 1024 characters (PagerDuty's bound) with an ellipsis, keeping the whole alert on the timeline", async () => {
    const { token, serviceId, integrationId, routingKey } = await anAlertSource(api.current);
    await setIntegrationSettings(api.current, token, serviceId, integrationId, { mapping: { title: "/title" } });
    const title = "Disk full ".repeat(1000);
    expect((await api.current.request("POST", path(routingKey), { body: { title } })).status).toBe(202);
    const [incident] = await incidentsOfService(api.current, token, serviceId);
    expect(incident?.title).toBe(`${title.slice(0, 1023)}…`);
    const events = await ok(api.current.request<{ items: { data: { alert: { title: string } } }[] }>("GET", `/v1/incidents/${incident?.id}/events`, { token }), 200, "timeline");
    expect(events.items[0]?.data.alert.title).toBe(title);
  });

  it("refuses bad input with a 4xx that opens nothing", async () => {
    const { serviceId, routingKey } = await aPresetSource(api.current, "kibana");
    const send = (options: { body?: unknown; rawBody?: string }, key = routingKey) => api.current.request("POST", path(key), options);
    expect(expectValidationFailed(await send({ body: { ...kibanaPayload("threshold_met"), title: "CPU\u0000" } }))).toEqual(["title"]);
    expect(expectValidationFailed(await send({ body: [kibanaPayload("threshold_met")] }))).toEqual(["(body)"]);
    expectError(await send({ rawBody: `{"a":${"[".repeat(5000)}${"]".repeat(5000)}}` }), 400, "VALIDATION_FAILED");
    expectError(await send({ rawBody: '{"title": ' }), 400, "MALFORMED_JSON");
    expectError(await send({ rawBody: JSON.stringify({ title: "x".repeat(1_100_000) }) }), 413, "PAYLOAD_TOO_LARGE");
    expectError(await send({ body: kibanaPayload("threshold_met") }, "f".repeat(32)), 404, "NOT_FOUND");
    expect(await countRows(api.current.db, "incidents", { service_id: serviceId })).toBe(0);
  });
});
