import { request as httpRequest } from "node:http";
import { Agent, createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { event } from "@pagerduty/pdjs";
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
});
