import { describe, expect, it } from "vitest";
import { insideOneMinuteWindow, anAlertSource, expectError, incidentsOfService, startTestApi, useTestApi, type TestApi } from "@incidentops/testkit";

const api = useTestApi();

async function integration(t: TestApi, settings?: Record<string, unknown>) {
  const source = await anAlertSource(t, settings);
  expect(source.routingKey).toMatch(/^[0-9a-f]{32}$/);
  return source;
}

const trigger = (routingKey: string, dedupKey?: string, summary = "Disk full on db-1") => ({
  routing_key: routingKey,
  event_action: "trigger",
  ...(dedupKey === undefined ? {} : { dedup_key: dedupKey }),
  payload: { summary, source: "db-1", severity: "critical", custom_details: { free: "1%" } },
});

const incidentsOf = incidentsOfService;

describe("PagerDuty Events v2", () => {
  it("trigger opens an incident, a repeat counts on it, acknowledge and resolve move it", async () => {
    const { token, serviceId, routingKey } = await integration(api.current);
    const first = await api.current.request("POST", "/v2/enqueue", { body: trigger(routingKey, "disk-db-1") });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ status: "success", message: "Event processed", dedup_key: "disk-db-1" });
    const again = await api.current.request("POST", "/v1/events", { body: trigger(routingKey, "disk-db-1") });
    expect(again.status).toBe(202);

    const [incident] = await incidentsOf(api.current, token, serviceId);
    expect(incident).toMatchObject({ status: "triggered", severity: "sev1", title: "Disk full on db-1", dedupKey: "disk-db-1", alertCount: 2 });
    if (incident === undefined) throw new Error("no incident");
    const events = await api.current.request<{ items: { kind: string; data: Record<string, unknown> }[] }>(
      "GET",
      `/v1/incidents/${incident.id}/events`,
      { token },
    );
    expect(events.body.items.map((e) => e.kind)).toEqual(["created", "alert_repeated"]);
    // The raw alert is kept, without the routing key (a credential).
    expect(events.body.items[0]?.data.alert).toMatchObject({ event_action: "trigger", payload: { source: "db-1" } });
    expect(JSON.stringify(events.body.items)).not.toContain(routingKey);

    const ack = await api.current.request("POST", "/v2/enqueue", {
      body: { routing_key: routingKey, event_action: "acknowledge", dedup_key: "disk-db-1" },
    });
    expect(ack.status).toBe(202);
    expect((await incidentsOf(api.current, token, serviceId))[0]?.status).toBe("acknowledged");
    const resolve = await api.current.request("POST", "/v2/enqueue", {
      body: { routing_key: routingKey, event_action: "resolve", dedup_key: "disk-db-1" },
    });
    expect(resolve.status).toBe(202);
    expect((await incidentsOf(api.current, token, serviceId))[0]?.status).toBe("resolved");

    // A trigger after resolution opens a new incident with the same key.
    await api.current.request("POST", "/v2/enqueue", { body: trigger(routingKey, "disk-db-1") });
    expect(await incidentsOf(api.current, token, serviceId)).toHaveLength(2);
  });

  it("generates and returns a dedup key when the trigger has none", async () => {
    const { routingKey } = await integration(api.current);
    const res = await api.current.request<{ dedup_key: string }>("POST", "/v2/enqueue", { body: trigger(routingKey) });
    expect(res.status).toBe(202);
    expect(res.body.dedup_key).toMatch(/^[0-9a-f]{32}$/);
  });

  it("accepts acknowledge and resolve for an unknown dedup key as no-ops", async () => {
    const { token, serviceId, routingKey } = await integration(api.current);
    const res = await api.current.request("POST", "/v2/enqueue", {
      body: { routing_key: routingKey, event_action: "resolve", dedup_key: "never-seen" },
    });
    expect(res.status).toBe(202);
    expect(await incidentsOf(api.current, token, serviceId)).toEqual([]);
  });

  it("opens exactly one incident for 50 concurrent identical triggers", async () => {
    const { token, serviceId, routingKey } = await integration(api.current);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => api.current.request("POST", "/v2/enqueue", { body: trigger(routingKey, "storm") })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 50 }, () => 202));
    const incidents = await incidentsOf(api.current, token, serviceId);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.alertCount).toBe(50);
  });

  it("answers bad events with PagerDuty's error shape and changes nothing", async () => {
    const { token, serviceId, routingKey } = await integration(api.current);
    const cases: { body?: unknown; rawBody?: string; status: number }[] = [
      { body: { event_action: "trigger", payload: { summary: "x", source: "y", severity: "info" } }, status: 400 },
      { body: trigger("0".repeat(32)), status: 400 },
      { body: { ...trigger(routingKey), event_action: "explode" }, status: 400 },
      { body: { ...trigger(routingKey), payload: { summary: "x", source: "y", severity: "fatal" } }, status: 400 },
      { body: { routing_key: routingKey, event_action: "trigger" }, status: 400 },
      { body: { routing_key: routingKey, event_action: "acknowledge" }, status: 400 },
      { rawBody: "{not json", status: 400 },
      { body: trigger(routingKey, "big", "x".repeat(600 * 1024)), status: 413 },
    ];
    for (const c of cases) {
      const res = await api.current.request<{ status: string; errors: string[] }>("POST", "/v2/enqueue", c.rawBody === undefined ? { body: c.body } : { rawBody: c.rawBody });
      expect(res.status, JSON.stringify(c.body ?? c.rawBody).slice(0, 80)).toBe(c.status);
      expect(res.body.status).toBe("invalid event");
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    expect(await incidentsOf(api.current, token, serviceId)).toEqual([]);
  });
});

describe("the per-routing-key rate limit", () => {
  it("answers 429 with Retry-After once a key is over its events per minute, and opens nothing more", async () => {
    const limited = await startTestApi({ env: { INGEST_RATE_LIMIT_PER_MINUTE: "3" } });
    try {
      const { token, serviceId, routingKey } = await integration(limited);
      const statuses: number[] = [];
      let throttled: { status: number; body: Record<string, unknown>; headers: Headers } | undefined;
      for (let i = 0; i < 7; i++) {
        const res = await limited.request("POST", "/v2/enqueue", { body: trigger(routingKey, `rate-${i}`) });
        statuses.push(res.status);
        if (res.status === 429) throttled = res;
      }
      // Even if a minute boundary falls inside the loop, at most 3 per window (6 in all) pass.
      expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(6);
      expect(statuses).toContain(429);
      expect(throttled?.body.status).toBe("throttle event");
      expect(Number(throttled?.headers.get("retry-after"))).toBeGreaterThan(0);
      const opened = await incidentsOf(limited, token, serviceId);
      expect(opened).toHaveLength(statuses.filter((s) => s === 202).length);
    } finally {
      await limited.close();
    }
  });
  it("admits exactly the limit of concurrent requests counted together, refusing the rest whole", { timeout: 30_000 }, async () => {
    const limited = await startTestApi({ env: { INGEST_RATE_LIMIT_PER_MINUTE: "10" } });
    try {
      const { token, serviceId, routingKey } = await integration(limited);
      await insideOneMinuteWindow();
      // 16 at once: those that come while a take runs are counted together, and as 16 > 10 do not fit, one by one.
      const statuses = await Promise.all(Array.from({ length: 16 }, (_, i) => limited.request("POST", "/v2/enqueue", { body: trigger(routingKey, `burst-${i}`) }).then((res) => res.status)));
      expect(statuses.filter((s) => s === 202)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(6);
      expect(await incidentsOf(limited, token, serviceId)).toHaveLength(10);
      const { hits } = await limited.db.selectFrom("rate_limit_counters").select("hits").where("key", "like", "ingest:%").executeTakeFirstOrThrow();
      expect(hits).toBe(10);
    } finally {
      await limited.close();
    }
  });
});

describe("Alertmanager", () => {
  const alert = (name: string, status: "firing" | "resolved", fingerprint: string) => ({
    status,
    labels: { alertname: name, severity: "warning", instance: "web-1" },
    annotations: { summary: `${name} on web-1` },
    startsAt: "2026-11-22T10:00:00Z",
    fingerprint,
  });

  it("with grouping alert: opens one incident per firing alert and resolves the one that resolved", async () => {
    const { token, serviceId, routingKey } = await integration(api.current, { grouping: "alert" });
    const firing = await api.current.request<{ alerts: { outcome: string }[] }>("POST", `/v1/integrations/alertmanager/${routingKey}`, {
      body: {
        version: "4",
        groupKey: "{}:{alertname=~\"High.*\"}",
        status: "firing",
        receiver: "incidentops",
        alerts: [alert("HighLatency", "firing", "fp-latency"), alert("HighErrorRate", "firing", "fp-errors")],
      },
    });
    expect(firing.status).toBe(202);
    expect(firing.body.alerts.map((a) => a.outcome)).toEqual(["created", "created"]);
    const opened = await incidentsOf(api.current, token, serviceId);
    expect(opened.map((i) => i.title).sort()).toEqual(["HighErrorRate on web-1", "HighLatency on web-1"]);
    expect(opened.every((i) => i.severity === "sev3" && i.status === "triggered")).toBe(true);

    const resolved = await api.current.request("POST", `/v1/integrations/alertmanager/${routingKey}`, {
      body: { version: "4", groupKey: "g", status: "resolved", alerts: [alert("HighLatency", "resolved", "fp-latency")] },
    });
    expect(resolved.status).toBe(202);
    const after = await incidentsOf(api.current, token, serviceId);
    expect(Object.fromEntries(after.map((i) => [i.dedupKey, i.status]))).toEqual({ "fp-latency": "resolved", "fp-errors": "triggered" });
  });

  it("refuses an unknown routing key (404) and a payload that is not version 4 (400)", async () => {
    const { routingKey } = await integration(api.current);
    const unknown = await api.current.request("POST", `/v1/integrations/alertmanager/${"f".repeat(32)}`, {
      body: { version: "4", groupKey: "g", status: "firing", alerts: [alert("A", "firing", "fp")] },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("NOT_FOUND");
    const bad = await api.current.request("POST", `/v1/integrations/alertmanager/${routingKey}`, { body: { version: "3", alerts: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("VALIDATION_FAILED");
  });
});

describe("the per-routing-key rate limit on every ingestion route", () => {
  const batch = (n: number, prefix: string) => ({
    version: "4",
    groupKey: "g",
    status: "firing",
    alerts: Array.from({ length: n }, (_, i) => ({ status: "firing", labels: { alertname: `${prefix}-${i}` }, fingerprint: `${prefix}-${i}` })),
  });

  it("counts every alert against the key: an Alertmanager batch that does not fit is refused whole", { timeout: 30_000 }, async () => {
    const limited = await startTestApi({ env: { INGEST_RATE_LIMIT_PER_MINUTE: "5" } });
    try {
      const { token, serviceId, routingKey } = await integration(limited, { grouping: "alert" });
      await insideOneMinuteWindow();
      for (const i of [1, 2]) expect((await limited.request("POST", "/v2/enqueue", { body: trigger(routingKey, `pd-${i}`) })).status).toBe(202);
      // 2 + 4 > 5: all four refused, none opened, none counted.
      const tooMany = await limited.request("POST", `/v1/integrations/alertmanager/${routingKey}`, { body: batch(4, "big") });
      expectError(tooMany, 429, "RATE_LIMITED");
      expect(Number(tooMany.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await incidentsOf(limited, token, serviceId)).toHaveLength(2);
      // 2 + 3 = 5 fits exactly; then the key is spent on both routes.
      expect((await limited.request("POST", `/v1/integrations/alertmanager/${routingKey}`, { body: batch(3, "fits") })).status).toBe(202);
      expect((await limited.request("POST", "/v2/enqueue", { body: trigger(routingKey, "pd-3") })).status).toBe(429);
      expectError(await limited.request("POST", `/v1/integrations/alertmanager/${routingKey}`, { body: batch(1, "one") }), 429, "RATE_LIMITED");
      expect(await incidentsOf(limited, token, serviceId)).toHaveLength(5);
    } finally {
      await limited.close();
    }
  });

  it("makes no counter for an unknown routing key, and keeps no routing key in its counters", async () => {
    const { routingKey } = await integration(api.current);
    const counters = () => api.current.db.selectFrom("rate_limit_counters").select("key").where("key", "like", "ingest:%").execute();
    const before = await counters();
    for (let i = 0; i < 3; i++) {
      const unknown = `${i}`.repeat(32);
      expect((await api.current.request("POST", "/v2/enqueue", { body: trigger(unknown) })).status).toBe(400);
      expectError(await api.current.request("POST", `/v1/integrations/alertmanager/${unknown}`, { body: batch(1, "unknown") }), 404, "NOT_FOUND");
    }
    expect(await counters()).toEqual(before);
    expect((await api.current.request("POST", "/v2/enqueue", { body: trigger(routingKey) })).status).toBe(202);
    const after = await counters();
    expect(after).toHaveLength(before.length + 1);
    expect(JSON.stringify(after)).not.toContain(routingKey);
  });
});
