import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anOrgOwner,
  apiProcessReady,
  aService,
  aWebhookTarget,
  freePort,
  spawnApiProcess,
  spawnWorkerProcess,
  startOtlpReceiver,
  startWebhookReceiver,
  useTestStack,
  waitFor,
  type AppProcess,
  type OtlpReceiver,
  type ReceivedSpan,
  type WebhookReceiver,
} from "@incidentops/testkit";

// The API and the worker as `pnpm start` runs them (with the tracing bootstrap), exporting to a
// loopback OTLP/HTTP receiver: configured by the standard OTEL_* variables only.

const stack = useTestStack();
let otlp: OtlpReceiver;
let webhooks: WebhookReceiver;
let apiProcess: AppProcess;
let workerProcess: AppProcess;
let baseUrl: string;

beforeAll(async () => {
  otlp = await startOtlpReceiver();
  webhooks = await startWebhookReceiver();
  const otel = {
    OTEL_TRACES_EXPORTER: "otlp",
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
    OTEL_METRICS_EXPORTER: "none",
    OTEL_LOGS_EXPORTER: "none",
    OTEL_BSP_SCHEDULE_DELAY: "100",
  };
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  apiProcess = spawnApiProcess(stack.current.api, port, otel);
  workerProcess = spawnWorkerProcess(stack.current.api, otel);
  await apiProcessReady(baseUrl, apiProcess);
}, 90_000);

afterAll(async () => {
  for (const child of [apiProcess, workerProcess]) {
    child.child.kill("SIGTERM");
    await child.exited;
  }
  await webhooks.close();
  await otlp.close();
});

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const inTrace = (traceId: string) => otlp.spans.filter((span) => span.traceId === traceId);
const spanNamed = (traceId: string, name: string) => inTrace(traceId).find((span) => span.name === name);

describe("tracing (OTEL_* set)", () => {
  it("continues the caller's traceparent through the request, its queries, the jobs it enqueued and the webhook they sent", async () => {
    const { api } = stack.current;
    const { accessToken: token } = await anOrgOwner(api);
    await aWebhookTarget(api, token, webhooks.url);
    const service = await aService(api, token);
    const traceId = hex(16);
    const callerSpanId = hex(8);

    const res = await fetch(`${baseUrl}/v1/services/${service.id}/incidents`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", traceparent: `00-${traceId}-${callerSpanId}-01` },
      body: JSON.stringify({ title: "Traced" }),
    });
    expect(res.status).toBe(201);

    // The webhook carries the same trace onward.
    const webhook = await waitFor(() => webhooks.requests[0], 30_000, `the webhook (worker: ${workerProcess.output()})`);
    expect(webhook.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    const server = await waitFor(() => inTrace(traceId).find((span) => span.parentSpanId === callerSpanId), 30_000, "the request's span");
    expect(server).toMatchObject({ serviceName: "incidentops-api", name: "POST /v1/services/:serviceId/incidents", kind: 2 });
    expect(server.attributes).toMatchObject({ "http.route": "/v1/services/:serviceId/incidents" });
    const apiSpanIds = new Set(inTrace(traceId).filter((span) => span.serviceName === "incidentops-api").map((span) => span.spanId));
    expect(inTrace(traceId).some((span) => span.serviceName === "incidentops-api" && span.attributes["db.system.name"] === "postgresql")).toBe(true);

    const fanOut = await waitFor(() => spanNamed(traceId, "job incident_event"), 30_000, "the incident_event job's span");
    expect(fanOut.serviceName).toBe("incidentops-worker");
    // Its parent is the request's span that enqueued it, in the API.
    expect(apiSpanIds.has(fanOut.parentSpanId ?? "")).toBe(true);
    // The fan-out sends the lane's first round itself, in a span of the delivery task's name.
    const delivery = await waitFor(() => spanNamed(traceId, "job send_webhook"), 30_000, "the first round's span");
    expect(delivery.parentSpanId).toBe(fanOut.spanId);
    expect(delivery.attributes).toMatchObject({ "delivery.run": "first round" });
    const outgoing = await waitFor(
      () => inTrace(traceId).find((span) => span.parentSpanId === delivery.spanId && span.kind === 3 && span.attributes["http.request.method"] === "POST"),
      30_000,
      "the webhook's client span",
    );
    expect(webhook.headers.traceparent).toBe(`00-${traceId}-${outgoing.spanId}-01`);
  }, 120_000);

  it("names the trace in an error body's traceId", async () => {
    const { api } = stack.current;
    const { accessToken: token } = await anOrgOwner(api);
    const res = await fetch(`${baseUrl}/v1/incidents/00000000-0000-4000-8000-000000000000`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { code: string; traceId: string };
    expect(body.code).toBe("NOT_FOUND");
    expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
    const span: ReceivedSpan = await waitFor(() => inTrace(body.traceId).find((s) => s.name === "GET /v1/incidents/:incidentId"), 30_000, "the request's span");
    expect(span.attributes["http.response.status_code"] ?? span.attributes["http.status_code"]).toBe(404);
  });
});
