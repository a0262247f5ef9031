import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anAlertSource,
  apiProcessReady,
  aWebhookTarget,
  freePort,
  sleep,
  spawnApiProcess,
  spawnWorkerProcess,
  startWebhookReceiver,
  useTestStack,
  waitFor,
  type AppProcess,
  type WebhookReceiver,
} from "@incidentops/testkit";

// Two API processes and two worker processes on one database (docs/SCALING.md), as replicas
// behind a load balancer would run: a burst of PagerDuty events, every dedup key sent to both
// APIs at once, then resolves through the other one. Nothing is lost or doubled: one incident per
// key, one webhook per (event, target), each incident's deliveries in event order, and both
// workers share the deliveries.

const KEYS = 150;
const RESOLVED_EVERY = 3;
const IN_FLIGHT = 16;

const stack = useTestStack();
let receiver: WebhookReceiver;
const apis: { url: string; process: AppProcess }[] = [];
const workers: AppProcess[] = [];

const started = (child: AppProcess, line: string) => (child.output().includes(line) ? true : undefined);

beforeAll(async () => {
  receiver = await startWebhookReceiver(async () => {
    await sleep(5);
    return 200;
  });
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    apis.push({ url: `http://127.0.0.1:${port}`, process: spawnApiProcess(stack.current.api, port, { INGEST_RATE_LIMIT_PER_MINUTE: "100000" }) });
    // Few delivery slots each, so one worker cannot take the whole burst on its own.
    workers.push(spawnWorkerProcess(stack.current.api, { LOG_LEVEL: "info", DELIVERY_CONCURRENCY: "4" }));
  }
  for (const api of apis) await apiProcessReady(api.url, api.process);
  for (const worker of workers) await waitFor(() => started(worker, "worker started"), 60_000, `a worker process (${worker.output()})`);
}, 120_000);

afterAll(async () => {
  for (const child of [...apis.map((api) => api.process), ...workers]) {
    child.child.kill("SIGTERM");
    await child.exited;
  }
  await receiver.close();
});

/** Runs `send` on each item, IN_FLIGHT at a time. */
async function burst<T>(items: readonly T[], send: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await send(item);
    }),
  );
}

/** The child's log lines with this message (and each of `fields`, as `"name":"value"`). */
const lines = (child: AppProcess, message: string, fields: Record<string, string> = {}) =>
  child
    .output()
    .split("\n")
    .filter((line) => [`"msg":"${message}"`, ...Object.entries(fields).map(([name, value]) => `"${name}":"${value}"`)].every((part) => line.includes(part))).length;

describe("two APIs and two workers on one database", () => {
  it("lose and double nothing under a burst: one incident per key, one webhook per event, in event order", { timeout: 180_000 }, async () => {
    const { api } = stack.current;
    const source = await anAlertSource(api);
    await aWebhookTarget(api, source.token, receiver.url);
    const keys = Array.from({ length: KEYS }, (_, i) => `storm-${i}`);
    const statuses: number[] = [];
    const send = async (apiUrl: string, event: Record<string, unknown>) => {
      const res = await fetch(`${apiUrl}/v2/enqueue`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ routing_key: source.routingKey, ...event }) });
      statuses.push(res.status);
      await res.arrayBuffer();
    };
    const [first, second] = apis.map((a) => a.url) as [string, string];

    // Every key from both APIs at the same moment: they race to open its incident.
    await burst(keys, async (key) => {
      const trigger = { event_action: "trigger", dedup_key: key, payload: { summary: `Storm ${key}`, source: "scale-out", severity: "critical" } };
      await Promise.all([send(first, trigger), send(second, trigger)]);
    });
    const resolvedKeys = keys.filter((_, i) => i % RESOLVED_EVERY === 0);
    await burst(resolvedKeys, (key) => send(keys.indexOf(key) % 2 === 0 ? second : first, { event_action: "resolve", dedup_key: key }));
    expect(statuses.filter((status) => status !== 202)).toEqual([]);

    const incidents = await api.db.selectFrom("incidents").select(["id", "dedup_key", "alert_count", "status"]).where("service_id", "=", source.serviceId).execute();
    expect(incidents).toHaveLength(KEYS);
    expect(new Set(incidents.map((i) => i.dedup_key)).size).toBe(KEYS);
    expect(incidents.every((i) => i.alert_count === 2)).toBe(true);
    expect(incidents.filter((i) => i.status === "resolved").map((i) => i.dedup_key).sort()).toEqual([...resolvedKeys].sort());

    const expected = KEYS + resolvedKeys.length;
    await waitFor(() => (receiver.requests.length >= expected ? true : undefined), 120_000, `${expected} webhooks (got ${receiver.requests.length})`);
    await sleep(500);
    const deliveries = receiver.requests.map((r) => ({ id: String(r.headers["webhook-id"]), ...(JSON.parse(r.body) as { type: string; incident: { id: string } }) }));
    expect(deliveries).toHaveLength(expected);
    expect(new Set(deliveries.map((d) => d.id)).size).toBe(expected);
    const typesByIncident = new Map<string, string[]>();
    for (const d of deliveries) typesByIncident.set(d.incident.id, [...(typesByIncident.get(d.incident.id) ?? []), d.type]);
    for (const incident of incidents) {
      expect(typesByIncident.get(incident.id)).toEqual(incident.status === "resolved" ? ["incident.triggered", "incident.resolved"] : ["incident.triggered"]);
    }
    // Both workers fanned out part of the burst (one lane run may send all of a receiver's webhooks, from either).
    for (const worker of workers) expect(lines(worker, "job finished", { task: "incident_event" })).toBeGreaterThan(0);
  });
});
