import { TRPCClientError } from "@trpc/client";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anIntegrationKey,
  anOrgOwner,
  aService,
  countRows,
  expectError,
  expectValidationFailed,
  fieldsOf,
  rejectionOf,
  uniqueEmail,
  useTestApi,
  type Account,
} from "@incidentops/testkit";

// Inputs no schema should have to think about: NUL characters (PostgreSQL cannot store them in
// text) and JSON nested thousands deep (recursive walkers overflow the stack). Each used to be a
// 500; every route now refuses them with 400 and changes nothing.

const api = useTestApi();
let owner: Account;
let serviceId: string;
let incidentId: string;
let routingKey: string;

beforeAll(async () => {
  owner = await anOrgOwner(api.current);
  serviceId = (await aService(api.current, owner.accessToken)).id;
  incidentId = (await anIncident(api.current, owner.accessToken, serviceId)).id;
  routingKey = (await anIntegrationKey(api.current, owner.accessToken, serviceId)).routingKey;
});

/** JSON text nested `depth` levels deep: `{"a":{"a":...}}`. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

describe("NUL characters", () => {
  it("are a 400 naming the field on REST routes, and change nothing", async () => {
    const services = await countRows(api.current.db, "services", {});
    const service = await api.current.request("POST", "/v1/org/services", { token: owner.accessToken, body: { name: "check\u0000out" } });
    expect(expectValidationFailed(service)).toEqual(["name"]);
    expect(await countRows(api.current.db, "services", {})).toBe(services);

    const events = await countRows(api.current.db, "incident_events", { incident_id: incidentId });
    const comment = await api.current.request("POST", `/v1/incidents/${incidentId}/comment`, { token: owner.accessToken, body: { body: "rolled\u0000back" } });
    expect(expectValidationFailed(comment)).toEqual(["body"]);
    expect(await countRows(api.current.db, "incident_events", { incident_id: incidentId })).toBe(events);

    const users = await countRows(api.current.db, "users", {});
    const register = await api.current.request("POST", "/v1/auth/register", {
      body: { email: uniqueEmail(), password: "correct horse battery", name: "Ada\u0000", orgName: "Acme" },
    });
    expect(expectValidationFailed(register)).toEqual(["name"]);
    expect(await countRows(api.current.db, "users", {})).toBe(users);

    // An unpaired surrogate (valid JSON, `"\ud800"`, but no valid text) likewise.
    const surrogate = await api.current.request("POST", `/v1/incidents/${incidentId}/comment`, { token: owner.accessToken, rawBody: '{"body":"x\\ud800"}' });
    expect(expectValidationFailed(surrogate)).toEqual(["body"]);

    // In a query string and in a key, too.
    expect(expectValidationFailed(await api.current.request("GET", "/v1/incidents?cursor=%00", { token: owner.accessToken }))).toEqual(["cursor"]);
    const key = await api.current.request("POST", "/v1/org/services", { token: owner.accessToken, body: { name: "ok", "x\u0000": 1 } });
    expectValidationFailed(key);
  });

  it("are a 400 over tRPC", async () => {
    const error = await rejectionOf(api.current.trpc(owner.accessToken).org.services.create.mutate({ name: "a\u0000b" }));
    expect(error).toBeInstanceOf(TRPCClientError);
    const data: unknown = (error as TRPCClientError<never>).data;
    expect(data).toMatchObject({ code: "VALIDATION_FAILED", httpStatus: 400 });
    expect(fieldsOf(data as { details?: unknown })).toHaveProperty("name");
  });

  it("are an invalid event for PagerDuty (400: never retried) and a 400 for Alertmanager, opening nothing", async () => {
    const incidents = await countRows(api.current.db, "incidents", { service_id: serviceId });
    const pagerDuty = await api.current.request("POST", "/v2/enqueue", {
      body: { routing_key: routingKey, event_action: "trigger", payload: { summary: "disk\u0000full", source: "db", severity: "error" } },
    });
    expect(pagerDuty.status).toBe(400);
    expect(pagerDuty.body).toEqual({ status: "invalid event", message: "Event object is invalid", errors: [expect.stringContaining("payload.summary")] });
    const keyWithNul = await api.current.request("POST", "/v2/enqueue", {
      body: { routing_key: `${routingKey}\u0000`, event_action: "trigger", payload: { summary: "disk", source: "db", severity: "error" } },
    });
    expect(keyWithNul.status).toBe(400);

    const alertmanager = await api.current.request("POST", `/v1/integrations/alertmanager/${routingKey}`, {
      body: { version: "4", groupKey: "g", status: "firing", alerts: [{ status: "firing", labels: { alertname: "Disk\u0000" } }] },
    });
    expect(expectValidationFailed(alertmanager)).toEqual(["alerts.0.labels.alertname"]);
    const pathWithNul = await api.current.request("POST", "/v1/integrations/alertmanager/abc%00def", {
      body: { version: "4", groupKey: "g", status: "firing", alerts: [{ status: "firing", labels: { alertname: "Disk" } }] },
    });
    expect(expectValidationFailed(pathWithNul)).toEqual(["routingKey"]);
    expect(await countRows(api.current.db, "incidents", { service_id: serviceId })).toBe(incidents);
  });
});

describe("JSON nested 5,000 deep", () => {
  it("is a 400 on REST, before any work on it", async () => {
    const res = await api.current.request("POST", "/v1/org/services", { token: owner.accessToken, rawBody: nested(5000) });
    expect(expectValidationFailed(res)).toEqual(["(body)"]);
  });

  it("is a 400 over tRPC", async () => {
    const res = await fetch(`${api.current.baseUrl}/trpc/org.services.create`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${owner.accessToken}` },
      body: nested(5000),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { data: { code: string } } }).error.data.code).toBe("VALIDATION_FAILED");
  });

  it("is an invalid event for PagerDuty and a 400 for Alertmanager", async () => {
    const deepDetails = `{"routing_key":"${routingKey}","event_action":"trigger","payload":{"summary":"s","source":"db","severity":"error","custom_details":${nested(5000)}}}`;
    const pagerDuty = await api.current.request("POST", "/v2/enqueue", { rawBody: deepDetails });
    expect(pagerDuty.status).toBe(400);
    expect(pagerDuty.body).toMatchObject({ status: "invalid event", errors: [expect.stringContaining("64")] });
    const alertmanager = await api.current.request("POST", `/v1/integrations/alertmanager/${routingKey}`, { rawBody: nested(5000) });
    expectError(alertmanager, 400, "VALIDATION_FAILED");
  });

  it("at 64 levels is still accepted where the schema allows any shape (PagerDuty custom_details)", async () => {
    const details = `{"routing_key":"${routingKey}","event_action":"trigger","payload":{"summary":"deep","source":"db","severity":"error","custom_details":${nested(60)}}}`;
    expect((await api.current.request("POST", "/v2/enqueue", { rawBody: details })).status).toBe(202);
  });
});

describe("dates", () => {
  it("after 9999 in UTC, or before 1970, are a 400 wherever a date is given (API key expiry, list cursors)", async () => {
    const late = await api.current.request("POST", "/v1/org/api-keys", {
      token: owner.accessToken,
      body: { name: "late", scope: "read", expiresAt: "9999-12-31T23:00:00-05:00" },
    });
    expect(expectValidationFailed(late)).toEqual(["expiresAt"]);
    const early = await api.current.request("POST", "/v1/org/api-keys", { token: owner.accessToken, body: { name: "early", scope: "read", expiresAt: "1969-12-31T23:59:59Z" } });
    expect(expectValidationFailed(early)).toEqual(["expiresAt"]);
    const cursor = Buffer.from(JSON.stringify({ createdAt: "0001-01-01T00:00:00.000Z", id: incidentId })).toString("base64url");
    const list = await api.current.request("GET", `/v1/incidents?cursor=${cursor}`, { token: owner.accessToken });
    expect(list.status).toBe(400);
  });
});
