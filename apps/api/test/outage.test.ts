import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anIntegrationKey,
  anOrgOwner,
  aService,
  expectError,
  rejectionOf,
  startTestApi,
  useDisposablePostgres,
  waitFor,
  type Account,
  type TestApi,
} from "@incidentops/testkit";

// The API on a PostgreSQL server of this file's own, which the tests stop and start again by its
// process id (the run's shared server stays up for every other file).
const pg = useDisposablePostgres();
let api: TestApi;
let owner: Account;
let serviceId: string;
let routingKey: string;

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: pg.current.url() });
  owner = await anOrgOwner(api);
  serviceId = (await aService(api, owner.accessToken)).id;
  routingKey = (await anIntegrationKey(api, owner.accessToken, serviceId)).routingKey;
});
afterAll(async () => {
  await api.close();
});

const alertmanagerPayload = {
  version: "4",
  groupKey: "{}:{alertname=\"Disk\"}",
  status: "firing",
  alerts: [{ status: "firing", labels: { alertname: "Disk", severity: "critical" }, annotations: {}, fingerprint: "f1" }],
};

describe("while PostgreSQL is down", () => {
  it("answers every kind of call 503 with Retry-After, in each route's own format, and recovers within 5 s of its return", { timeout: 120_000 }, async () => {
    await pg.current.kill("SIGINT");

    // REST, signed in and not (the auth rate limit counts in PostgreSQL too).
    for (const [method, path, body] of [
      ["GET", "/v1/incidents", undefined],
      ["POST", `/v1/services/${serviceId}/incidents`, { title: "during the outage" }],
      ["POST", "/v1/auth/login", { email: owner.email, password: owner.password }],
      ["POST", "/v1/auth/password/forgot", { email: owner.email }],
    ] as const) {
      const res = await api.request(method, path, { token: owner.accessToken, body });
      expectError(res, 503, "SERVICE_UNAVAILABLE");
      expect(res.headers.get("retry-after"), `${method} ${path}`).toMatch(/^\d+$/);
      expect(res.body.details).toEqual({ retryAfterSeconds: Number(res.headers.get("retry-after")) });
    }

    // tRPC: the same error in its envelope.
    const trpcError = await rejectionOf(api.trpc(owner.accessToken).incidents.list.query({}));
    expect(trpcError).toBeInstanceOf(TRPCClientError);
    expect((trpcError as TRPCClientError<never>).data).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503 });
    const trpcLogin = await rejectionOf(api.trpc().auth.login.mutate({ email: owner.email, password: owner.password }));
    expect((trpcLogin as TRPCClientError<never>).data).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503 });

    // Ingestion: Alertmanager in ours, PagerDuty in its own (a 5xx its clients retry).
    const alertmanager = await api.request("POST", `/v1/integrations/alertmanager/${routingKey}`, { body: alertmanagerPayload });
    expectError(alertmanager, 503, "SERVICE_UNAVAILABLE");
    const grafana = await api.request("POST", `/v1/integrations/grafana/${routingKey}`, { body: alertmanagerPayload });
    expectError(grafana, 503, "SERVICE_UNAVAILABLE");
    expect(grafana.headers.get("retry-after")).toMatch(/^\d+$/);
    expectError(await api.request("POST", `/v1/integrations/webhook/${routingKey}`, { body: { title: "Disk" } }), 503, "SERVICE_UNAVAILABLE");
    const pagerDuty = await api.request("POST", "/v2/enqueue", {
      body: { routing_key: routingKey, event_action: "trigger", payload: { summary: "Disk", source: "db", severity: "error" } },
    });
    expect(pagerDuty.status).toBe(503);
    expect(pagerDuty.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(pagerDuty.body).toMatchObject({ status: "error", errors: [] });
    // Opsgenie in its own: { message, took, requestId } (a 5xx its senders retry).
    for (const [method, path] of [
      ["POST", "/v2/alerts"],
      ["POST", "/v2/alerts/disk/close?identifierType=alias"],
      ["GET", "/v2/alerts/requests/3f0c8a5e-8f5e-4c55-9a53-0d1b7b3e2f10"],
    ] as const) {
      const opsgenie = await api.request(method, path, { headers: { authorization: `GenieKey ${routingKey}` }, ...(method === "POST" ? { body: { message: "Disk" } } : {}) });
      expect(opsgenie.status, `${method} ${path}`).toBe(503);
      expect(opsgenie.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(opsgenie.body).toEqual({ message: expect.any(String), took: expect.any(Number), requestId: expect.any(String) });
    }

    // Health: alive, not ready.
    expect((await api.request("GET", "/healthz")).status).toBe(200);
    expect(await api.request("GET", "/readyz")).toMatchObject({ status: 503, body: { status: "unavailable", database: "unreachable" } });

    await pg.current.start();
    const back = Date.now();
    await waitFor(async () => ((await api.request("GET", "/readyz")).status === 200 ? true : undefined), 5_000, "/readyz to answer 200");
    const created = await api.request("POST", `/v1/services/${serviceId}/incidents`, { token: owner.accessToken, body: { title: "after the outage" } });
    expect(created.status).toBe(201);
    expect(Date.now() - back).toBeLessThan(5_000);
  });

  it("rides out a crash of the server (SIGKILL) the same way", { timeout: 120_000 }, async () => {
    await pg.current.kill("SIGKILL");
    expectError(await api.request("GET", "/v1/incidents", { token: owner.accessToken }), 503, "SERVICE_UNAVAILABLE");
    await pg.current.start();
    const back = Date.now();
    await waitFor(async () => ((await api.request("GET", "/v1/incidents", { token: owner.accessToken })).status === 200 ? true : undefined), 5_000, "the API to answer again");
    expect(Date.now() - back).toBeLessThan(5_000);
  });
});
