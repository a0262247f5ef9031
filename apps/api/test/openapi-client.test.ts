import { readFile } from "node:fs/promises";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { openApiTypesFile, renderOpenApiTypes } from "../scripts/openapi.js";
import type { paths } from "./generated/openapi.js";
import { uniqueEmail, useTestApi } from "@incidentops/testkit";

const api = useTestApi();

/** A client generated from the document alone (openapi-typescript types, openapi-fetch calls): no SDK, no tRPC. */
const client = () => createClient<paths>({ baseUrl: api.current.baseUrl });

/** Registers through the generated client and creates a service with an integration key: its routing key. */
async function routingKeyOf(): Promise<{ routingKey: string; token: string }> {
  const registered = await client().POST("/v1/auth/register", {
    body: { email: uniqueEmail("openapi"), password: "correct horse battery", name: "Client", orgName: "Client Org" },
  });
  expect(registered.response.status).toBe(201);
  const token = registered.data?.accessToken ?? "";
  const headers = { authorization: `Bearer ${token}` };
  const service = await client().POST("/v1/org/services", { headers, body: { name: "payments" } });
  expect(service.response.status).toBe(201);
  const integration = await client().POST("/v1/org/services/{serviceId}/integrations", {
    headers,
    params: { path: { serviceId: service.data?.id ?? "" } },
    body: { name: "monitoring" },
  });
  expect(integration.response.status).toBe(201);
  return { routingKey: integration.data?.routingKey ?? "", token };
}

describe("a client generated from /openapi.json", () => {
  it("is generated from the live document (test/generated/openapi.ts is up to date: `pnpm openapi:types`)", async () => {
    const res = await api.current.request("GET", "/openapi.json");
    expect(await readFile(openApiTypesFile, "utf8")).toBe(await renderOpenApiTypes(res.body));
  });

  it("sends a PagerDuty event and gets 202", async () => {
    const { routingKey, token } = await routingKeyOf();
    const sent = await client().POST("/v2/enqueue", {
      body: {
        routing_key: routingKey,
        event_action: "trigger",
        dedup_key: "openapi-client-1",
        payload: { summary: "Queue backlog over 10k", source: "queue-1", severity: "error" },
      },
    });
    expect(sent.response.status).toBe(202);
    expect(sent.data).toEqual({ status: "success", message: "Event processed", dedup_key: "openapi-client-1" });

    const incidents = await client().GET("/v1/incidents", { headers: { authorization: `Bearer ${token}` }, params: { query: { limit: 10 } } });
    expect(incidents.data?.items.map((i) => ({ title: i.title, severity: i.severity, dedupKey: i.dedupKey }))).toEqual([
      { title: "Queue backlog over 10k", severity: "sev2", dedupKey: "openapi-client-1" },
    ]);
  });

  it("gets PagerDuty's error shape for a refused event", async () => {
    const refused = await client().POST("/v2/enqueue", {
      body: { routing_key: "0".repeat(32), event_action: "resolve", dedup_key: "nothing" },
    });
    expect(refused.response.status).toBe(400);
    expect(refused.error).toEqual({ status: "invalid event", message: "Event object is invalid", errors: ["Invalid routing key"] });
  });

  it("sends an Alertmanager webhook and gets 202 (grouping group: one entry for the group)", async () => {
    const { routingKey } = await routingKeyOf();
    const sent = await client().POST("/v1/integrations/alertmanager/{routingKey}", {
      params: { path: { routingKey } },
      body: {
        version: "4",
        groupKey: '{}:{alertname="HighLatency"}',
        status: "firing",
        alerts: [
          {
            status: "firing",
            labels: { alertname: "HighLatency", severity: "critical" },
            annotations: { summary: "p99 over 2 s" },
            fingerprint: "openapi-client-am-1",
          },
        ],
      },
    });
    expect(sent.response.status).toBe(202);
    expect(sent.data?.status).toBe("success");
    expect(sent.data?.grouping).toBe("group");
    expect(sent.data?.alerts).toEqual([{ fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), dedupKey: expect.any(String), outcome: "created", incidentId: expect.any(String) }]);
  });
});
