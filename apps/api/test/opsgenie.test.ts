import { describe, expect, it } from "vitest";
import { insideOneMinuteWindow, anAlertSource, anIntegrationKey, countRows, incidentsOfService, rowsOf, startTestApi, useStarted, useTestApi, type TestApi } from "@incidentops/testkit";

// Opsgenie's Alert API as its senders use it: create (alias de-duplicates), acknowledge, close and
// notes by id, alias and tiny id, the request status, and Opsgenie's error answers.

const api = useTestApi();

interface Accepted {
  result: string;
  took: number;
  requestId: string;
}

interface RequestStatus {
  data: { success: boolean; action: string; processedAt: string; integrationId: string; isSuccess: boolean; status: string; alertId?: string; alias?: string; tinyId?: string };
  took: number;
  requestId: string;
}

const anIntegration = (t: TestApi) => anAlertSource(t);

/** One Opsgenie call with `Authorization: GenieKey <key>`. */
const genie = <T = Accepted>(t: TestApi, key: string, method: string, path: string, body?: unknown) =>
  t.request<T>(method, path, { headers: { authorization: `GenieKey ${key}` }, ...(body === undefined ? {} : { body }) });

async function statusOf(t: TestApi, key: string, requestId: string) {
  const res = await genie<RequestStatus>(t, key, "GET", `/v2/alerts/requests/${requestId}`);
  expect(res.status).toBe(200);
  return res.body.data;
}

/** Creates an alert and returns its request status. */
async function created(t: TestApi, key: string, body: Record<string, unknown>) {
  const res = await genie(t, key, "POST", "/v2/alerts", body);
  expect(res.status).toBe(202);
  return statusOf(t, key, res.body.requestId);
}

const incidentsOf = incidentsOfService;

const eventsOf = async (t: TestApi, token: string, incidentId: string) =>
  (await t.request<{ items: { kind: string; data: Record<string, unknown> }[] }>("GET", `/v1/incidents/${incidentId}/events`, { token })).body.items;

describe("POST /v2/alerts", () => {
  it("answers 202 like Opsgenie and opens an incident; the request status says what happened", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    const res = await genie(api.current, routingKey, "POST", "/v2/alerts", {
      message: "An example alert message",
      alias: "Life is too short for no alias",
      description: "Every alert needs a description",
      responders: [{ id: "4513b7ea-3b91-438f-b7e4-e3e54af9147c", type: "team" }],
      visibleTo: [{ name: "rocket_team", type: "team" }],
      actions: ["Restart", "AnExampleAction"],
      tags: ["OverwriteQuietHours", "Critical"],
      details: { key1: "value1", count: 3, nested: { ok: true }, list: [1, "two"], none: null },
      entity: "An example entity",
      priority: "P1",
      source: "prometheus",
      user: "Monitoring",
      note: "Created by the test",
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ result: "Request will be processed", took: expect.any(Number), requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const [incident] = await incidentsOf(api.current, token, serviceId);
    expect(incident).toMatchObject({ title: "An example alert message", severity: "sev1", status: "triggered", dedupKey: "Life is too short for no alias" });
    const status = await statusOf(api.current, routingKey, res.body.requestId);
    expect(status).toEqual({
      success: true,
      isSuccess: true,
      action: "Create",
      status: "Created alert",
      processedAt: expect.any(String),
      integrationId: expect.any(String),
      alertId: incident?.id,
      alias: "Life is too short for no alias",
      tinyId: expect.stringMatching(/^\d+$/),
    });
    // The alert as sent is on the timeline, its details with their JSON types.
    const createdEvent = (await eventsOf(api.current, token, incident?.id ?? "")).find((e) => e.kind === "created");
    expect(createdEvent?.data.alert).toMatchObject({ details: { key1: "value1", count: 3, nested: { ok: true }, list: [1, "two"], none: null }, entity: "An example entity" });
  });

  it.each([
    ["P1", "sev1"],
    ["P2", "sev2"],
    ["P3", "sev3"],
    ["P4", "sev4"],
    ["P5", "sev4"],
    [undefined, "sev3"],
  ])("maps priority %s to %s", async (priority, severity) => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    await created(api.current, routingKey, { message: "Disk full", ...(priority === undefined ? {} : { priority }) });
    expect((await incidentsOf(api.current, token, serviceId))[0]?.severity).toBe(severity);
  });

  it("keeps the first 130 characters of a longer message, as Opsgenie does", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    await created(api.current, routingKey, { message: "x".repeat(200) });
    expect((await incidentsOf(api.current, token, serviceId))[0]?.title).toBe("x".repeat(130));
  });

  it("de-duplicates 50 concurrent identical alerts by alias into exactly one incident", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    const answers = await Promise.all(Array.from({ length: 50 }, () => genie(api.current, routingKey, "POST", "/v2/alerts", { message: "CPU high", alias: "cpu-high" })));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 50 }, () => 202));
    const incidents = await incidentsOf(api.current, token, serviceId);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.alertCount).toBe(50);
    const statuses = await Promise.all(answers.map((a) => statusOf(api.current, routingKey, a.body.requestId)));
    expect(new Set(statuses.map((s) => s.alertId))).toEqual(new Set([incidents[0]?.id]));
    expect(new Set(statuses.map((s) => s.tinyId)).size).toBe(1);
    expect(statuses.filter((s) => s.status === "Created alert")).toHaveLength(1);
  });

  it("gives an alert without alias a unique one: two such alerts are two incidents", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    const first = await created(api.current, routingKey, { message: "Same message" });
    const second = await created(api.current, routingKey, { message: "Same message" });
    expect(first.alias).not.toBe(second.alias);
    expect(await incidentsOf(api.current, token, serviceId)).toHaveLength(2);
  });

  it("opens nothing during a maintenance window of the service: the request says the alert was suppressed", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    const window = await api.current.request("POST", `/v1/org/services/${serviceId}/maintenance-windows`, {
      token,
      body: { end: new Date(Date.now() + 3_600_000).toISOString(), reason: "Database upgrade" },
    });
    expect(window.status).toBe(201);
    const status = await created(api.current, routingKey, { message: "Disk", alias: "disk" });
    expect(status).toMatchObject({ isSuccess: true, status: "Alert suppressed: a maintenance window holds on the service", alias: "disk" });
    expect(status.alertId).toBeUndefined();
    expect(await incidentsOf(api.current, token, serviceId)).toHaveLength(0);
  });

  it("opens a new incident for an alias whose incident was closed", async () => {
    const { token, serviceId, routingKey } = await anIntegration(api.current);
    const first = await created(api.current, routingKey, { message: "Disk", alias: "disk" });
    await genie(api.current, routingKey, "POST", "/v2/alerts/disk/close?identifierType=alias", {});
    const second = await created(api.current, routingKey, { message: "Disk", alias: "disk" });
    expect(second.alertId).not.toBe(first.alertId);
    expect(second.tinyId).not.toBe(first.tinyId);
    expect(await incidentsOf(api.current, token, serviceId)).toHaveLength(2);
  });
});

describe("acknowledge, close and notes", () => {
  async function anAlert(t: TestApi) {
    const integration = await anIntegration(t);
    const alias = `alias-${Math.random().toString(36).slice(2)}`;
    const status = await created(t, integration.routingKey, { message: "Database down", alias });
    return { ...integration, alias, incidentId: status.alertId ?? "", tinyId: status.tinyId ?? "" };
  }

  it.each(["id", "alias", "tiny"] as const)("acknowledges, notes and closes an alert named by %s", async (identifierType) => {
    const alert = await anAlert(api.current);
    const identifier = { id: alert.incidentId, alias: alert.alias, tiny: alert.tinyId }[identifierType];
    // identifierType defaults to id.
    const query = identifierType === "id" ? "" : `?identifierType=${identifierType}`;
    const path = (action: string) => `/v2/alerts/${encodeURIComponent(identifier)}/${action}${query}`;

    const ack = await genie(api.current, alert.routingKey, "POST", path("acknowledge"), { user: "Monitoring Script", source: "AWS Lambda", note: "Action executed via Alert API" });
    expect(ack.status).toBe(202);
    expect(await statusOf(api.current, alert.routingKey, ack.body.requestId)).toMatchObject({ action: "Acknowledge", isSuccess: true, status: "Acknowledged alert", alertId: alert.incidentId, alias: alert.alias });
    expect((await incidentsOf(api.current, alert.token, alert.serviceId))[0]?.status).toBe("acknowledged");

    const note = await genie(api.current, alert.routingKey, "POST", path("notes"), { note: "Looking into it", user: "Ada", source: "runbook" });
    expect(note.status).toBe(202);
    expect(await statusOf(api.current, alert.routingKey, note.body.requestId)).toMatchObject({ action: "AddNote", isSuccess: true, status: "Added note" });
    const comment = (await eventsOf(api.current, alert.token, alert.incidentId)).find((e) => e.kind === "commented");
    expect(comment?.data).toMatchObject({ body: "Looking into it", user: "Ada", source: "runbook" });

    // Acknowledge and close take no body at all, too.
    const close = await api.current.request<Accepted>("POST", path("close"), { headers: { authorization: `GenieKey ${alert.routingKey}` } });
    expect(close.status).toBe(202);
    expect(await statusOf(api.current, alert.routingKey, close.body.requestId)).toMatchObject({ action: "Close", isSuccess: true, status: "Closed alert" });
    expect((await incidentsOf(api.current, alert.token, alert.serviceId))[0]?.status).toBe("resolved");
  });

  it.each([
    ["an unknown alias", "no-such-alias", "alias"],
    ["an unknown id", "3f0c8a5e-8f5e-4c55-9a53-0d1b7b3e2f10", "id"],
    ["an id that is no UUID", "12", "id"],
    ["an unknown tiny id", "999999", "tiny"],
  ])("accepts %s (202) and reports the request as failed, changing nothing", async (_what, identifier, identifierType) => {
    const alert = await anAlert(api.current);
    const before = await rowsOf(api.current.db, "incident_events", { incident_id: alert.incidentId });
    for (const action of ["acknowledge", "close"]) {
      const res = await genie(api.current, alert.routingKey, "POST", `/v2/alerts/${identifier}/${action}?identifierType=${identifierType}`, {});
      expect(res.status).toBe(202);
      expect(await statusOf(api.current, alert.routingKey, res.body.requestId)).toMatchObject({ isSuccess: false, success: false, status: "Alert does not exist" });
    }
    expect(await rowsOf(api.current.db, "incident_events", { incident_id: alert.incidentId })).toEqual(before);
  });

  it("reports acknowledging a closed alert as done, moving nothing", async () => {
    const alert = await anAlert(api.current);
    await genie(api.current, alert.routingKey, "POST", `/v2/alerts/${alert.incidentId}/close`, {});
    const res = await genie(api.current, alert.routingKey, "POST", `/v2/alerts/${alert.incidentId}/acknowledge`, {});
    expect(await statusOf(api.current, alert.routingKey, res.body.requestId)).toMatchObject({ isSuccess: true, status: "Alert is already acknowledged or closed" });
    expect((await incidentsOf(api.current, alert.token, alert.serviceId))[0]?.status).toBe("resolved");
  });

  it("refuses a note without text (422), changing nothing", async () => {
    const alert = await anAlert(api.current);
    const before = await rowsOf(api.current.db, "incident_events", { incident_id: alert.incidentId });
    const requests = await countRows(api.current.db, "opsgenie_requests");
    const res = await genie(api.current, alert.routingKey, "POST", `/v2/alerts/${alert.incidentId}/notes`, { user: "Ada" });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ message: "Request body is not processable. Please check the errors.", errors: { note: expect.any(String) } });
    expect(await rowsOf(api.current.db, "incident_events", { incident_id: alert.incidentId })).toEqual(before);
    expect(await countRows(api.current.db, "opsgenie_requests")).toBe(requests);
  });
});

describe("tenancy", () => {
  it("never lets another organisation's key (or another key of the same one) see or act on an alert or a request", async () => {
    const mine = await anIntegration(api.current);
    const theirs = await anIntegration(api.current);
    const second = await anIntegrationKey(api.current, mine.token, mine.serviceId);
    const res = await genie(api.current, mine.routingKey, "POST", "/v2/alerts", { message: "Mine", alias: "mine" });
    const status = await statusOf(api.current, mine.routingKey, res.body.requestId);

    for (const key of [theirs.routingKey, second.routingKey]) {
      const other = await genie<{ message: string }>(api.current, key, "GET", `/v2/alerts/requests/${res.body.requestId}`);
      expect(other.status).toBe(404);
      expect(other.body).toMatchObject({ message: "Request not found. It might not be processed, yet.", took: expect.any(Number), requestId: expect.any(String) });
    }
    for (const [identifier, type] of [
      [status.alertId, "id"],
      ["mine", "alias"],
      [status.tinyId, "tiny"],
    ] as const) {
      for (const action of ["acknowledge", "close", "notes"]) {
        const act = await genie(api.current, theirs.routingKey, "POST", `/v2/alerts/${identifier}/${action}?identifierType=${type}`, { note: "not yours" });
        expect(act.status).toBe(202);
        expect(await statusOf(api.current, theirs.routingKey, act.body.requestId)).toMatchObject({ isSuccess: false, status: "Alert does not exist" });
      }
    }
    const [incident] = await incidentsOf(api.current, mine.token, mine.serviceId);
    expect(incident?.status).toBe("triggered");
    expect((await eventsOf(api.current, mine.token, incident?.id ?? "")).map((e) => e.kind)).toEqual(["created"]);
  });

  it("answers an unknown request id 404 in Opsgenie's shape", async () => {
    const { routingKey } = await anIntegration(api.current);
    for (const id of ["3f0c8a5e-8f5e-4c55-9a53-0d1b7b3e2f10", "not-a-uuid"]) {
      const res = await genie<{ message: string }>(api.current, routingKey, "GET", `/v2/alerts/requests/${id}`);
      expect(res.status).toBe(404);
    }
  });
});

describe("refusals", () => {
  it.each([
    ["an unknown key", { authorization: "GenieKey 0123456789abcdef0123456789abcdef" }],
    ["no Authorization header", {}],
    ["a Bearer token", { authorization: "Bearer 0123456789abcdef0123456789abcdef" }],
  ])("answers %s 401 Could not authenticate, changing nothing", async (_what, headers: Record<string, string>) => {
    const before = await countRows(api.current.db, "incidents");
    for (const [method, path] of [
      ["POST", "/v2/alerts"],
      ["POST", "/v2/alerts/abc/close?identifierType=alias"],
      ["GET", "/v2/alerts/requests/3f0c8a5e-8f5e-4c55-9a53-0d1b7b3e2f10"],
    ] as const) {
      const res = await api.current.request(method, path, { headers, ...(method === "POST" ? { body: { message: "Nope" } } : {}) });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body).toEqual({ message: "Could not authenticate", took: expect.any(Number), requestId: expect.any(String) });
    }
    expect(await countRows(api.current.db, "incidents")).toBe(before);
  });

  it.each([
    ["no message", { alias: "a" }, 422, "message"],
    ["an empty message", { message: "  " }, 422, "message"],
    ["an unknown priority", { message: "m", priority: "P9" }, 422, "priority"],
    ["an alias over 512 characters", { message: "m", alias: "a".repeat(513) }, 422, "alias"],
    ["a NUL character", { message: "bad\u0000" }, 422, "message"],
    ["details that are no object", { message: "m", details: ["a"] }, 422, "details"],
  ])("refuses %s with Opsgenie's 422, changing nothing", async (_what, body, status, field) => {
    const { routingKey } = await anIntegration(api.current);
    const before = await countRows(api.current.db, "incidents");
    const res = await genie<{ message: string; errors: Record<string, string> }>(api.current, routingKey, "POST", "/v2/alerts", body);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ message: "Request body is not processable. Please check the errors.", took: expect.any(Number), requestId: expect.any(String) });
    expect(Object.keys(res.body.errors)).toContain(field);
    expect(await countRows(api.current.db, "incidents")).toBe(before);
  });

  it("refuses bad JSON (400), an oversized body (413), deep nesting (422) and a bad identifierType (422), changing nothing", async () => {
    const { routingKey } = await anIntegration(api.current);
    const headers = { authorization: `GenieKey ${routingKey}` };
    const before = await countRows(api.current.db, "incidents");
    const badJson = await api.current.request("POST", "/v2/alerts", { headers, rawBody: "{ message: " });
    expect(badJson).toMatchObject({ status: 400, body: { message: "Invalid JSON body", took: expect.any(Number), requestId: expect.any(String) } });
    const large = await api.current.request("POST", "/v2/alerts", { headers, body: { message: "m", description: "x".repeat(300 * 1024) } });
    expect(large.status).toBe(413);
    expect(large.body).toMatchObject({ message: expect.stringContaining("bytes"), requestId: expect.any(String) });
    let deep: unknown = "bottom";
    for (let i = 0; i < 200; i++) deep = { deep };
    const nested = await api.current.request("POST", "/v2/alerts", { headers, body: { message: "m", details: { deep } } });
    expect(nested.status).toBe(422);
    const badType = await api.current.request("POST", "/v2/alerts/abc/close?identifierType=name", { headers, body: {} });
    expect(badType.status).toBe(422);
    expect(badType.body).toMatchObject({ errors: { identifierType: expect.any(String) } });
    expect(await countRows(api.current.db, "incidents")).toBe(before);
  });
});

describe("rate limit", () => {
  const limited = useStarted("a rate-limited API", () => startTestApi({ env: { INGEST_RATE_LIMIT_PER_MINUTE: "3" } }));

  it("counts each request (create or action) once against the key's limit: 429 with Retry-After over it", async () => {
    const { token, serviceId, routingKey } = await anIntegration(limited.current);
    await insideOneMinuteWindow();
    for (let i = 0; i < 2; i++) expect((await genie(limited.current, routingKey, "POST", "/v2/alerts", { message: `m${i}`, alias: `a${i}` })).status).toBe(202);
    expect((await genie(limited.current, routingKey, "POST", "/v2/alerts/a0/acknowledge?identifierType=alias", {})).status).toBe(202);
    const over = await genie<{ message: string }>(limited.current, routingKey, "POST", "/v2/alerts", { message: "m3", alias: "a3" });
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(over.body).toMatchObject({ message: expect.stringContaining("too many requests"), took: expect.any(Number), requestId: expect.any(String) });
    expect(await incidentsOf(limited.current, token, serviceId)).toHaveLength(2);
  });
});
