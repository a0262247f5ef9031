import { request as httpRequest } from "node:http";
import { Agent, createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { change, event } from "@pagerduty/pdjs";
import type { ChangeParameters, EventPromise } from "@pagerduty/pdjs/build/src/events.js";
import { generate } from "selfsigned";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anIntegrationKey, anOrgOwner, aService, useTestApi } from "@incidentops/testkit";

const api = useTestApi();

/**
 * The official PagerDuty client (@pagerduty/pdjs) only speaks https://<server>/v2/enqueue, so it
 * talks to a TLS front on loopback (self-signed) that passes every request to the API unchanged.
 */
describe("the PagerDuty Events v2 client library, pointed at IncidentOps", () => {
  let front: Server;
  let server: string;
  const agent = new Agent({ rejectUnauthorized: false });

  beforeAll(async () => {
    const pems = generate([{ name: "commonName", value: "127.0.0.1" }], { days: 1, keySize: 2048 });
    const upstream = new URL(api.current.baseUrl);
    front = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
      const forwarded = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(forwarded);
    });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    server = `127.0.0.1:${(front.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    agent.destroy();
    await new Promise((resolve) => front.close(resolve));
  });

  it("sends trigger, acknowledge and resolve; the incident follows", async () => {
    const { accessToken: token } = await anOrgOwner(api.current);
    const service = await aService(api.current, token);
    const { routingKey } = await anIntegrationKey(api.current, token, service.id, { name: "pdjs" });
    const send = (action: "trigger" | "acknowledge" | "resolve") => {
      // node-fetch (under pdjs) takes an agent; RequestInit's type does not name it.
      const parameters = {
        server,
        agent,
        data: {
          routing_key: routingKey,
          event_action: action,
          dedup_key: "pdjs-checkout-latency",
          payload: { summary: "Checkout p99 over 2s", source: "checkout-1", severity: "error" as const },
        },
      };
      return event(parameters);
    };
    const statusOfIncident = async () => {
      const list = await api.current.request<{ items: { status: string; severity: string; title: string }[] }>(
        "GET",
        `/v1/incidents?serviceId=${service.id}`,
        { token },
      );
      return list.body.items;
    };

    const triggered = await send("trigger");
    expect(triggered.status).toBe(202);
    expect(triggered.data).toMatchObject({ status: "success", dedup_key: "pdjs-checkout-latency" });
    expect(await statusOfIncident()).toMatchObject([{ status: "triggered", severity: "sev2", title: "Checkout p99 over 2s" }]);

    expect((await send("acknowledge")).status).toBe(202);
    expect(await statusOfIncident()).toMatchObject([{ status: "acknowledged" }]);

    expect((await send("resolve")).status).toBe(202);
    expect(await statusOfIncident()).toMatchObject([{ status: "resolved" }]);
  });

  it("sends a change event; it is listed on the service", async () => {
    const { accessToken: token } = await anOrgOwner(api.current);
    const service = await aService(api.current, token);
    const { routingKey } = await anIntegrationKey(api.current, token, service.id, { name: "pdjs changes" });
    // pdjs declares `change` with the alert event's parameters; its own ChangeParameters are what it sends.
    const sendChange = change as unknown as (parameters: ChangeParameters) => EventPromise;
    const parameters = {
      server,
      agent,
      data: { routing_key: routingKey, payload: { summary: "Deploy checkout v2.31.0", source: "ci", timestamp: "2026-03-02T10:00:00.000+0000", custom_details: { commit: "9f2c1ab" } }, links: [] },
    };
    const sent = await sendChange(parameters);
    expect(sent.status).toBe(202);
    expect(sent.data).toMatchObject({ status: "success" });
    const changes = await api.current.request<{ items: { summary: string; occurredAt: string }[] }>("GET", `/v1/org/services/${service.id}/change-events`, { token });
    expect(changes.body.items).toMatchObject([{ summary: "Deploy checkout v2.31.0", occurredAt: "2026-03-02T10:00:00.000Z" }]);
  });
});
