import { describe, expect, it } from "vitest";
import {
  anIncident,
  anIntegrationKey,
  anOrgOwner,
  auditEntries,
  aService,
  aUserWithRole,
  expectError,
  expectValidationFailed,
  setIntegrationSettings,
  useTestApi,
  type TestApi,
} from "@incidentops/testkit";

// Maintenance windows: while one holds on a service, its triggers are recorded and open nothing.

const api = useTestApi();

interface WindowView {
  id: string;
  start: string;
  end: string;
  reason: string;
  inEffect: boolean;
  suppressedAlerts: number;
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

async function aServiceWithKey(t: TestApi) {
  const owner = await anOrgOwner(t);
  const token = owner.accessToken;
  const service = await aService(t, token);
  const { id, routingKey } = await anIntegrationKey(t, token, service.id, { name: "prometheus" });
  // Its Alertmanager alerts are keyed by fingerprint, one incident each.
  await setIntegrationSettings(t, token, service.id, id, { grouping: "alert" });
  return { owner, token, serviceId: service.id, routingKey };
}

const windowsPath = (serviceId: string) => `/v1/org/services/${serviceId}/maintenance-windows`;

async function aWindow(t: TestApi, token: string, serviceId: string, body: { start?: string; end: string; reason?: string }) {
  const res = await t.request<WindowView>("POST", windowsPath(serviceId), { token, body: { reason: "database upgrade", ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const pagerDutyTrigger = (routingKey: string, dedupKey: string) => ({
  routing_key: routingKey,
  event_action: "trigger",
  dedup_key: dedupKey,
  payload: { summary: `${dedupKey} is down`, source: "db-1", severity: "critical" },
});

const alertmanagerFiring = (fingerprint: string) => ({
  version: "4",
  groupKey: "{}:{}",
  status: "firing",
  receiver: "incidentops",
  alerts: [{ status: "firing", labels: { alertname: "DiskFull", severity: "warning" }, annotations: { summary: "Disk full" }, startsAt: new Date().toISOString(), fingerprint }],
});

const incidentsOf = async (t: TestApi, token: string, serviceId: string) =>
  (await t.request<{ items: { title: string; status: string; dedupKey: string; alertCount: number }[] }>("GET", `/v1/incidents?serviceId=${serviceId}`, { token })).body.items;

describe("a maintenance window in effect", () => {
  it("records the service's triggers (PagerDuty and Alertmanager) and opens no incident", async () => {
    const { token, serviceId, routingKey } = await aServiceWithKey(api.current);
    const window = await aWindow(api.current, token, serviceId, { end: inMinutes(60) });
    expect(window).toMatchObject({ inEffect: true, suppressedAlerts: 0, reason: "database upgrade" });

    expect((await api.current.request("POST", "/v2/enqueue", { body: pagerDutyTrigger(routingKey, "db-1") })).status).toBe(202);
    const am = await api.current.request<{ alerts: { outcome: string; incidentId: string | null }[] }>("POST", `/v1/integrations/alertmanager/${routingKey}`, {
      body: alertmanagerFiring("fp-1"),
    });
    expect(am.body.alerts).toEqual([expect.objectContaining({ outcome: "suppressed", incidentId: null })]);
    expect(await incidentsOf(api.current, token, serviceId)).toEqual([]);

    const [listed] = (await api.current.request<{ items: WindowView[] }>("GET", windowsPath(serviceId), { token })).body.items;
    expect(listed).toMatchObject({ id: window.id, suppressedAlerts: 2 });
    const alerts = await api.current.request<{ items: { dedupKey: string; summary: string; severity: string; alert: unknown }[] }>(
      "GET",
      `${windowsPath(serviceId)}/${window.id}/alerts`,
      { token },
    );
    expect(alerts.body.items.map((a) => [a.dedupKey, a.severity])).toEqual([
      ["fp-1", "sev3"],
      ["db-1", "sev1"],
    ]);
    expect(JSON.stringify(alerts.body)).not.toContain(routingKey);
  });

  it("still lets an incident opened before it be acknowledged and resolved by its alerts", async () => {
    const { token, serviceId, routingKey } = await aServiceWithKey(api.current);
    await api.current.request("POST", "/v2/enqueue", { body: pagerDutyTrigger(routingKey, "before") });
    await aWindow(api.current, token, serviceId, { end: inMinutes(30) });
    await api.current.request("POST", "/v2/enqueue", { body: { routing_key: routingKey, event_action: "resolve", dedup_key: "before" } });
    expect(await incidentsOf(api.current, token, serviceId)).toMatchObject([{ dedupKey: "before", status: "resolved" }]);
  });

  it("keeps its service's alerts of concurrent requests, as received, while the org's other service opens incidents; a repeat of an incident opened before counts nothing on it", async () => {
    const { token, serviceId, routingKey } = await aServiceWithKey(api.current);
    const key = await anIntegrationKey(api.current, token, serviceId, { name: "second source" });
    const other = await aService(api.current, token);
    const { routingKey: otherKey } = await anIntegrationKey(api.current, token, other.id, { name: "other" });
    await api.current.request("POST", "/v2/enqueue", { body: pagerDutyTrigger(routingKey, "before") });
    const window = await aWindow(api.current, token, serviceId, { end: inMinutes(60) });

    const keys = Array.from({ length: 10 }, (_, i) => `storm-${i}`);
    const answers = await Promise.all([
      ...keys.flatMap((dedupKey) => [pagerDutyTrigger(key.routingKey, dedupKey), pagerDutyTrigger(otherKey, dedupKey)]),
      pagerDutyTrigger(routingKey, "before"),
    ].map((body) => api.current.request("POST", "/v2/enqueue", { body })));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));

    expect(await incidentsOf(api.current, token, serviceId)).toMatchObject([{ dedupKey: "before", alertCount: 1 }]);
    expect((await incidentsOf(api.current, token, other.id)).map((i) => i.dedupKey).sort()).toEqual(keys);
    const kept = await api.current.request<{ items: { dedupKey: string; integrationId: string | null; summary: string; alert: { payload: { summary: string } } }[] }>(
      "GET",
      `${windowsPath(serviceId)}/${window.id}/alerts?limit=50`,
      { token },
    );
    expect(kept.body.items.map((a) => a.dedupKey).sort()).toEqual(["before", ...keys].sort());
    const storm = kept.body.items.find((a) => a.dedupKey === "storm-3");
    expect(storm).toMatchObject({ integrationId: key.id, summary: "storm-3 is down", alert: { payload: { summary: "storm-3 is down" } } });
  });

  it("leaves other services alone", async () => {
    const { token, serviceId, routingKey } = await aServiceWithKey(api.current);
    const other = await aService(api.current, token);
    await aWindow(api.current, token, other.id, { end: inMinutes(30) });
    await api.current.request("POST", "/v2/enqueue", { body: pagerDutyTrigger(routingKey, "elsewhere") });
    expect(await incidentsOf(api.current, token, serviceId)).toHaveLength(1);
  });
});

describe("the life of a window", () => {
  it("does nothing before it starts; deleting one not started removes it", async () => {
    const { token, serviceId, routingKey } = await aServiceWithKey(api.current);
    const later = await aWindow(api.current, token, serviceId, { start: inMinutes(60), end: inMinutes(120) });
    expect(later.inEffect).toBe(false);
    await api.current.request("POST", "/v2/enqueue", { body: pagerDutyTrigger(routingKey, "now") });
    expect(await incidentsOf(api.current, token, serviceId)).toHaveLength(1);
    expect((await api.current.request("DELETE", `${windowsPath(serviceId)}/${later.id}`, { token })).body).toEqual({ ok: true });
    expect((await api.current.request<{ items: WindowView[] }>("GET", windowsPath(serviceId), { token })).body.items).toEqual([]);
  });

  it("ends one in effect now, keeping it and its alerts on record; then alerts open incidents again, and the ended one cannot be ended twice", async () => {
    const { token, serviceId, routingKey } = await aServiceWithKey(api.current);
    const window = await aWindow(api.current, token, serviceId, { end: inMinutes(60) });
    await api.current.request("POST", "/v2/enqueue", { body: pagerDutyTrigger(routingKey, "during") });
    expect((await api.current.request("DELETE", `${windowsPath(serviceId)}/${window.id}`, { token })).status).toBe(200);
    const [ended] = (await api.current.request<{ items: WindowView[] }>("GET", windowsPath(serviceId), { token })).body.items;
    expect(ended).toMatchObject({ id: window.id, inEffect: false, suppressedAlerts: 1 });
    expect(Date.parse(ended?.end ?? "")).toBeLessThanOrEqual(Date.now() + 1000);

    await api.current.request("POST", "/v2/enqueue", { body: pagerDutyTrigger(routingKey, "after") });
    expect((await incidentsOf(api.current, token, serviceId)).map((i) => i.dedupKey)).toEqual(["after"]);
    expectError(await api.current.request("DELETE", `${windowsPath(serviceId)}/${window.id}`, { token }), 409, "CONFLICT");
  });

  it("ended by several requests at once, ends once: the others find it over (409) or gone (404), and one audit entry says so", async () => {
    const { token, serviceId } = await aServiceWithKey(api.current);
    const now = await aWindow(api.current, token, serviceId, { end: inMinutes(60) });
    const later = await aWindow(api.current, token, serviceId, { start: inMinutes(60), end: inMinutes(120) });
    const endAtOnce = async (windowId: string) =>
      (await Promise.all(Array.from({ length: 8 }, () => api.current.request("DELETE", `${windowsPath(serviceId)}/${windowId}`, { token })))).map((res) => res.status).sort();

    expect(await endAtOnce(now.id)).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect(await endAtOnce(later.id)).toEqual([200, 404, 404, 404, 404, 404, 404, 404]);
    expect(await auditEntries(api.current.db, { targetId: now.id, action: "maintenance_window.ended" })).toHaveLength(1);
    expect(await auditEntries(api.current.db, { targetId: later.id, action: "maintenance_window.ended" })).toHaveLength(1);
    const [ended] = (await api.current.request<{ items: WindowView[] }>("GET", windowsPath(serviceId), { token })).body.items;
    expect(ended).toMatchObject({ id: now.id, inEffect: false });
  });

  it("refuses a window that ends before it starts or in the past, naming end, and creates nothing", async () => {
    const { token, serviceId } = await aServiceWithKey(api.current);
    expect(expectValidationFailed(await api.current.request("POST", windowsPath(serviceId), { token, body: { start: inMinutes(60), end: inMinutes(30), reason: "x" } }))).toEqual(["end"]);
    expect(expectValidationFailed(await api.current.request("POST", windowsPath(serviceId), { token, body: { start: inMinutes(-120), end: inMinutes(-60), reason: "x" } }))).toEqual(["end"]);
    expect(expectValidationFailed(await api.current.request("POST", windowsPath(serviceId), { token, body: { end: inMinutes(60), reason: "" } }))).toEqual(["reason"]);
    expect(expectValidationFailed(await api.current.request("POST", windowsPath(serviceId), { token, body: { end: "soon", reason: "x" } }))).toEqual(["end"]);
    expect((await api.current.request<{ items: unknown[] }>("GET", windowsPath(serviceId), { token })).body.items).toEqual([]);
  });

  it("lets members and admins put a service in maintenance, viewers only read", async () => {
    const { owner, token, serviceId } = await aServiceWithKey(api.current);
    const viewer = await aUserWithRole(api.current, owner.org.id, "viewer");
    const member = await aUserWithRole(api.current, owner.org.id, "member");
    const body = { end: inMinutes(60), reason: "upgrade" };
    expectError(await api.current.request("POST", windowsPath(serviceId), { token: viewer.accessToken, body }), 403, "FORBIDDEN");
    const made = await api.current.request<WindowView>("POST", windowsPath(serviceId), { token: member.accessToken, body });
    expect(made.status).toBe(201);
    expectError(await api.current.request("DELETE", `${windowsPath(serviceId)}/${made.body.id}`, { token: viewer.accessToken }), 403, "FORBIDDEN");
    expect((await api.current.request("GET", windowsPath(serviceId), { token: viewer.accessToken })).status).toBe(200);
    expect((await api.current.request("GET", `${windowsPath(serviceId)}/${made.body.id}/alerts`, { token: viewer.accessToken })).status).toBe(200);
    expect((await api.current.request("DELETE", `${windowsPath(serviceId)}/${made.body.id}`, { token: member.accessToken })).status).toBe(200);
    // An incident opened by hand during maintenance is the person's choice: allowed.
    await aWindow(api.current, token, serviceId, { end: inMinutes(60) });
    expect((await anIncident(api.current, token, serviceId, { title: "by hand" })).status).toBe("triggered");
  });
});
