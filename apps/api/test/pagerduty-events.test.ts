import { describe, expect, it } from "vitest";
import { insideOneMinuteWindow, anIntegrationKey, anOrgOwner, aService, startTestApi, useTestApi, type TestApi } from "@incidentops/testkit";

// PagerDuty's Events APIs as PagerDuty accepts them: its own documented examples, lenient
// timestamps, Change Events, the legacy v1 endpoint, and its answer to an unknown key.

const api = useTestApi();

const V1 = "/generic/2010-04-15/create_event.json";

interface ChangeEventView {
  summary: string;
  source: string | null;
  occurredAt: string;
  receivedAt: string;
  customDetails: unknown;
  links: { href: string; text?: string }[];
  notes: string[];
}

async function anIntegration(t: TestApi) {
  const { accessToken: token } = await anOrgOwner(t);
  const service = await aService(t, token);
  const { routingKey } = await anIntegrationKey(t, token, service.id, { name: "pagerduty" });
  return { token, serviceId: service.id, routingKey };
}

async function incidentsOf(t: TestApi, token: string, serviceId: string) {
  const res = await t.request<{ items: { id: string; status: string; severity: string; title: string; dedupKey: string; alertCount: number }[] }>(
    "GET",
    `/v1/incidents?serviceId=${serviceId}`,
    { token },
  );
  return res.body.items;
}

async function createdEventData(t: TestApi, token: string, incidentId: string) {
  const res = await t.request<{ items: { kind: string; data: Record<string, unknown> }[] }>("GET", `/v1/incidents/${incidentId}/events`, { token });
  return res.body.items.find((e) => e.kind === "created")?.data;
}

const list = async <T>(t: TestApi, token: string, path: string) => (await t.request<{ items: T[] }>("GET", path, { token })).body.items;

/** PagerDuty's documented example trigger (developer.pagerduty.com), with our routing key. */
const documentedTrigger = (routingKey: string, timestamp: unknown = "2015-07-17T08:42:58.315+0000") => ({
  payload: {
    summary: "DISK at 99% on machine prod-datapipe03.example.com",
    timestamp,
    severity: "critical",
    source: "prod-datapipe03.example.com",
    component: "mysql",
    group: "prod-datapipe",
    class: "disk",
    custom_details: { "free space": "1%", "ping time": "1500ms", "load avg": 0.75 },
  },
  routing_key: routingKey,
  dedup_key: "samplekeyhere",
  images: [{ src: "https://www.pagerduty.com/wp-content/uploads/2016/05/pagerduty-logo-green.png", href: "https://example.com/", alt: "Example text" }],
  links: [{ href: "https://example.com/", text: "Link text" }],
  event_action: "trigger",
  client: "Example Monitoring Client",
  client_url: "https://monitoring.example.com",
});

describe("POST /v2/enqueue timestamps", () => {
  it("accepts PagerDuty's own documented example (an offset without a colon) and keeps the sender's time", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    const res = await api.current.request("POST", "/v2/enqueue", { body: documentedTrigger(routingKey) });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: "success", message: "Event processed", dedup_key: "samplekeyhere" });
    const [incident] = await incidentsOf(api.current, token, serviceId);
    expect(incident).toMatchObject({ severity: "sev1", title: "DISK at 99% on machine prod-datapipe03.example.com" });
    const data = await createdEventData(api.current, token, incident?.id ?? "");
    expect(data?.sentAt).toBe("2015-07-17T08:42:58.315Z");
    expect(data?.notes).toBeUndefined();
  });

  it.each([
    ["ISO 8601 with a colon in the offset", "2015-07-17T10:42:58+02:00", "2015-07-17T08:42:58.000Z"],
    ["ISO 8601 in UTC", "2015-07-17T08:42:58Z", "2015-07-17T08:42:58.000Z"],
    ["ISO 8601 without an offset (UTC)", "2015-07-17T08:42:58", "2015-07-17T08:42:58.000Z"],
    ["RFC 2822", "Fri, 17 Jul 2015 08:42:58 +0000", "2015-07-17T08:42:58.000Z"],
    ["a date and time with a space", "2015-07-17 08:42:58", "2015-07-17T08:42:58.000Z"],
  ])("reads %s", async (_form, timestamp, sentAt) => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    expect((await api.current.request("POST", "/v2/enqueue", { body: documentedTrigger(routingKey, timestamp) })).status).toBe(202);
    const [incident] = await incidentsOf(api.current, token, serviceId);
    expect((await createdEventData(api.current, token, incident?.id ?? ""))?.sentAt).toBe(sentAt);
  });

  it.each([["words", "yesterday, around tea"], ["a number", 1437122578], ["an object", { at: "noon" }], ["year 10000", "10000-01-01T00:00:00Z"]])(
    "never refuses an event over an unreadable timestamp (%s): keeps it raw and notes it",
    async (_what, timestamp) => {
      const { token, serviceId, routingKey } = await anIntegration(api.current);
      expect((await api.current.request("POST", "/v2/enqueue", { body: documentedTrigger(routingKey, timestamp) })).status).toBe(202);
      const [incident] = await incidentsOf(api.current, token, serviceId);
      const data = await createdEventData(api.current, token, incident?.id ?? "");
      expect(data?.sentAt).toBeUndefined();
      expect(data?.notes).toEqual([expect.stringContaining("is not a date this service reads")]);
      expect((data?.alert as { payload: { timestamp: unknown } }).payload.timestamp).toEqual(timestamp);
    },
  );

  it("reads no payload on an acknowledge or resolve, as PagerDuty does: one it would refuse on a trigger does not lose the resolve", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    expect((await api.current.request("POST", "/v2/enqueue", { body: documentedTrigger(routingKey) })).status).toBe(202);
    const unreadPayload = { summary: "", severity: "unknown", source: 42 };
    for (const event_action of ["acknowledge", "resolve"]) {
      const res = await api.current.request("POST", "/v2/enqueue", { body: { routing_key: routingKey, event_action, dedup_key: "samplekeyhere", payload: unreadPayload } });
      expect([res.status, res.body], event_action).toEqual([202, { status: "success", message: "Event processed", dedup_key: "samplekeyhere" }]);
    }
    expect((await incidentsOf(api.current, token, serviceId)).map((i) => i.status)).toEqual(["resolved"]);
    const refused = await api.current.request("POST", "/v2/enqueue", { body: { ...documentedTrigger(routingKey), payload: unreadPayload } });
    expect(refused.status).toBe(400);
  });

  it("answers an unknown routing key as PagerDuty does: 400 invalid event, not to be retried", async () => {
    const res = await api.current.request("POST", "/v2/enqueue", { body: documentedTrigger("f".repeat(32)) });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ status: "invalid event", message: "Event object is invalid", errors: ["Invalid routing key"] });
  });
});

describe("POST /v2/change/enqueue", () => {
  /** PagerDuty's documented example change event, with our routing key. */
  const documentedChange = (routingKey: string, timestamp: unknown = "2015-07-17T08:42:58.315+0000") => ({
    routing_key: routingKey,
    payload: {
      summary: "Build Success: Increase snapshot create timeout to 30 seconds",
      timestamp,
      source: "prod-build-agent-i-0b148d1040d565540",
      custom_details: { build_state: "passed", build_number: "220", run_time: "1236s" },
    },
    links: [{ href: "https://buildpipeline.com/pagerduty/deployment/builds/220", text: "View in Build Pipeline" }],
  });

  it("records PagerDuty's documented example on the service, opening no incident", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    const res = await api.current.request("POST", "/v2/change/enqueue", { body: documentedChange(routingKey) });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: "success", message: "Change event processed" });
    expect(await incidentsOf(api.current, token, serviceId)).toEqual([]);
    const [change] = await list<ChangeEventView>(api.current, token, `/v1/org/services/${serviceId}/change-events`);
    expect(change).toMatchObject({
      summary: "Build Success: Increase snapshot create timeout to 30 seconds",
      source: "prod-build-agent-i-0b148d1040d565540",
      occurredAt: "2015-07-17T08:42:58.315Z",
      customDetails: { build_state: "passed", build_number: "220", run_time: "1236s" },
      links: [{ href: "https://buildpipeline.com/pagerduty/deployment/builds/220", text: "View in Build Pipeline" }],
      notes: [],
    });
  });

  it("dates a change without a readable timestamp by its arrival, with a note", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    const before = Date.now();
    expect((await api.current.request("POST", "/v2/change/enqueue", { body: documentedChange(routingKey, "soon") })).status).toBe(202);
    const [change] = await list<ChangeEventView>(api.current, token, `/v1/org/services/${serviceId}/change-events`);
    expect(Date.parse(change?.occurredAt ?? "")).toBeGreaterThanOrEqual(before - 1000);
    expect(change?.occurredAt).toBe(change?.receivedAt);
    expect(change?.notes).toEqual([expect.stringContaining('"soon"')]);
  });

  it("shows a change on the incidents open when it happened, and only on those", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    const trigger = (dedupKey: string) => ({ routing_key: routingKey, event_action: "trigger", dedup_key: dedupKey, payload: { summary: dedupKey, source: "web-1", severity: "error" } });
    await api.current.request("POST", "/v2/enqueue", { body: trigger("over-before") });
    await api.current.request("POST", "/v2/enqueue", { body: { routing_key: routingKey, event_action: "resolve", dedup_key: "over-before" } });
    await api.current.request("POST", "/v2/enqueue", { body: trigger("still-open") });
    const incidents = await incidentsOf(api.current, token, serviceId);
    const idOf = (title: string) => incidents.find((i) => i.title === title)?.id ?? "";

    // One change now (while only still-open is open), one dated before either incident.
    await api.current.request("POST", "/v2/change/enqueue", { body: { routing_key: routingKey, payload: { summary: "Deploy web v7" } } });
    await api.current.request("POST", "/v2/change/enqueue", { body: documentedChange(routingKey) });

    const summaries = async (path: string) => (await list<ChangeEventView>(api.current, token, path)).map((c) => c.summary);
    expect(await summaries(`/v1/incidents/${idOf("still-open")}/change-events`)).toEqual(["Deploy web v7"]);
    expect(await summaries(`/v1/incidents/${idOf("over-before")}/change-events`)).toEqual([]);
    expect(await summaries(`/v1/org/services/${serviceId}/change-events`)).toEqual(["Deploy web v7", "Build Success: Increase snapshot create timeout to 30 seconds"]);
  });

  it("pages the service's changes newest first with a cursor", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    for (const day of ["01", "02", "03"]) {
      await api.current.request("POST", "/v2/change/enqueue", { body: { routing_key: routingKey, payload: { summary: `deploy ${day}`, timestamp: `2026-01-${day}T12:00:00Z` } } });
    }
    const first = await api.current.request<{ items: ChangeEventView[]; nextCursor: string }>("GET", `/v1/org/services/${serviceId}/change-events?limit=2`, { token });
    expect(first.body.items.map((c) => c.summary)).toEqual(["deploy 03", "deploy 02"]);
    const rest = await list<ChangeEventView>(api.current, token, `/v1/org/services/${serviceId}/change-events?limit=2&cursor=${first.body.nextCursor}`);
    expect(rest.map((c) => c.summary)).toEqual(["deploy 01"]);
  });

  it("refuses a bad change event in PagerDuty's words and records nothing", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    const cases: [unknown, number, string][] = [
      [{ routing_key: routingKey, payload: {} }, 400, "payload.summary"],
      [{ routing_key: routingKey }, 400, "payload"],
      [{ payload: { summary: "x" } }, 400, "routing_key"],
      [{ routing_key: "e".repeat(32), payload: { summary: "x" } }, 400, "Invalid routing key"],
      [{ routing_key: routingKey, payload: { summary: "nul \u0000" } }, 400, ""],
    ];
    for (const [body, status, mentioned] of cases) {
      const res = await api.current.request<{ status: string; errors: string[] }>("POST", "/v2/change/enqueue", { body });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.status).toBe("invalid event");
      expect(res.body.errors.join(" ")).toContain(mentioned);
    }
    expect(await list(api.current, token, `/v1/org/services/${serviceId}/change-events`)).toEqual([]);
  });
});

describe("POST /generic/2010-04-15/create_event.json (Events API v1)", () => {
  it("triggers, de-duplicates, acknowledges and resolves by incident_key, answering 200 as v1 does", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    const send = (body: Record<string, unknown>) => api.current.request("POST", V1, { body: { service_key: routingKey, incident_key: "srv01/HTTP", ...body } });
    const first = await send({ event_type: "trigger", description: "FAILURE for production/HTTP on machine srv01.example.com", details: { ping: "timeout" } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ status: "success", message: "Event processed", incident_key: "srv01/HTTP" });
    expect((await send({ event_type: "trigger", description: "FAILURE again" })).status).toBe(200);
    expect(await incidentsOf(api.current, token, serviceId)).toMatchObject([{ status: "triggered", severity: "sev2", dedupKey: "srv01/HTTP", alertCount: 2 }]);
    expect((await send({ event_type: "acknowledge" })).status).toBe(200);
    expect(await incidentsOf(api.current, token, serviceId)).toMatchObject([{ status: "acknowledged" }]);
    expect((await send({ event_type: "resolve" })).status).toBe(200);
    expect(await incidentsOf(api.current, token, serviceId)).toMatchObject([{ status: "resolved" }]);
    // The service key (a credential) stays off the timeline.
    const data = await createdEventData(api.current, token, (await incidentsOf(api.current, token, serviceId))[0]?.id ?? "");
    expect(JSON.stringify(data)).not.toContain(routingKey);
  });

  it("generates an incident key for a trigger without one", async () => {
    const { routingKey } = await anIntegration(api.current);
    const res = await api.current.request<{ incident_key: string }>("POST", V1, { body: { service_key: routingKey, event_type: "trigger", description: "keyless" } });
    expect(res.status).toBe(200);
    expect(res.body.incident_key).toMatch(/^[0-9a-f]{32}$/);
  });

  it("refuses invalid events and unknown keys with 400 invalid event, changing nothing", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    const cases: [unknown, string][] = [
      [{ service_key: routingKey, event_type: "trigger" }, "description"],
      [{ service_key: routingKey, event_type: "resolve" }, "incident_key"],
      [{ service_key: routingKey, event_type: "explode", description: "x" }, "event_type"],
      [{ event_type: "trigger", description: "x" }, "service_key"],
      [{ service_key: "d".repeat(32), event_type: "trigger", description: "x" }, "Invalid service key"],
    ];
    for (const [body, mentioned] of cases) {
      const res = await api.current.request<{ status: string; errors: string[] }>("POST", V1, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ status: "invalid event", message: "Event object is invalid" });
      expect(res.body.errors.join(" ")).toContain(mentioned);
    }
    expect((await api.current.request("POST", V1, { rawBody: "{nope" })).body).toMatchObject({ status: "invalid event" });
    expect(await incidentsOf(api.current, token, serviceId)).toEqual([]);
  });

  it("answers 403 throttle event over the key's per-minute limit (v1's rate-limit answer), like v2's 429 for change events", async () => {
    const limited = await startTestApi({ env: { INGEST_RATE_LIMIT_PER_MINUTE: "2" } });
    try {
      const { routingKey } = await anIntegration(limited);
      await insideOneMinuteWindow();
      const v1 = () => limited.request<{ status: string }>("POST", V1, { body: { service_key: routingKey, event_type: "trigger", description: "flood" } });
      expect((await v1()).status).toBe(200);
      const change = await limited.request("POST", "/v2/change/enqueue", { body: { routing_key: routingKey, payload: { summary: "deploy" } } });
      expect(change.status).toBe(202);
      const throttled = await v1();
      expect(throttled.status).toBe(403);
      expect(throttled.body.status).toBe("throttle event");
      expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
      const changeThrottled = await limited.request<{ status: string }>("POST", "/v2/change/enqueue", { body: { routing_key: routingKey, payload: { summary: "deploy" } } });
      expect(changeThrottled.status).toBe(429);
      expect(changeThrottled.body.status).toBe("throttle event");
    } finally {
      await limited.close();
    }
  });
});
