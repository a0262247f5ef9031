import { describe, expect, it } from "vitest";
import {
  anAlertSource,
  auditEntries,
  anIntegrationKey,
  anOrgOwner,
  aService,
  aUserWithRole,
  expectError,
  expectValidationFailed,
  incidentsOfService,
  listEvents,
  setIntegrationSettings,
  useTestApi,
} from "@incidentops/testkit";

// Integration settings (PATCH) and Alertmanager grouping: one incident per group, or per alert.

const api = useTestApi();

const settingsPath = (serviceId: string, integrationId: string) => `/v1/org/services/${serviceId}/integrations/${integrationId}`;

const alert = (name: string, status: "firing" | "resolved", fingerprint: string, severity = "warning") => ({
  status,
  labels: { alertname: name, severity, instance: "web-1" },
  annotations: { summary: `${name} on web-1` },
  startsAt: "2026-11-22T10:00:00Z",
  fingerprint,
});

const GROUP_KEY = '{}:{service="checkout"}';
const notification = (status: "firing" | "resolved", alerts: ReturnType<typeof alert>[]) => ({
  version: "4",
  groupKey: GROUP_KEY,
  status,
  receiver: "incidentops",
  groupLabels: { service: "checkout" },
  commonLabels: { service: "checkout" },
  alerts,
});

interface Accepted {
  grouping: string;
  alerts: { fingerprint: string; dedupKey: string; outcome: string; incidentId: string | null }[];
}

describe("integration settings", () => {
  it("are read with the key: grouping group by default, no secret, no mapping", async () => {
    const { token, serviceId } = await anAlertSource(api.current);
    const list = await api.current.request<{ items: Record<string, unknown>[] }>("GET", `/v1/org/services/${serviceId}/integrations`, { token });
    expect(list.body.items[0]).toMatchObject({ grouping: "group", signingSecretSet: false, mapping: null });
  });

  it("change by PATCH (fields left out stay); the signing secret is write-only", async () => {
    const { token, serviceId, integrationId } = await anAlertSource(api.current);
    const updated = await setIntegrationSettings(api.current, token, serviceId, integrationId, { grouping: "alert", signingSecret: "a-long-enough-secret" });
    expect(updated).toMatchObject({ id: integrationId, grouping: "alert", signingSecretSet: true, mapping: null });
    expect(JSON.stringify(updated)).not.toContain("a-long-enough-secret");
    const mapping = { title: "/title", dedupKey: "/id" };
    const mapped = await setIntegrationSettings(api.current, token, serviceId, integrationId, { mapping });
    expect(mapped).toMatchObject({ grouping: "alert", signingSecretSet: true, mapping: { ...mapping } });
    expect(await setIntegrationSettings(api.current, token, serviceId, integrationId, {})).toMatchObject({ grouping: "alert", signingSecretSet: true });
    const cleared = await setIntegrationSettings(api.current, token, serviceId, integrationId, { signingSecret: null, mapping: null });
    expect(cleared).toMatchObject({ grouping: "alert", signingSecretSet: false, mapping: null });
    const list = await api.current.request("GET", `/v1/org/services/${serviceId}/integrations`, { token });
    expect(JSON.stringify(list.body)).not.toContain("a-long-enough-secret");
    const audited = await auditEntries(api.current.db, { action: "integration_key.updated", targetId: integrationId });
    expect(audited.map((entry) => entry.data)).toContainEqual({ serviceId, changed: ["grouping", "signingSecret"] });
    expect(JSON.stringify(audited)).not.toContain("a-long-enough-secret");
  });

  it("refuses bad settings with 400 and changes nothing", async () => {
    const { token, serviceId, integrationId } = await anAlertSource(api.current);
    const path = settingsPath(serviceId, integrationId);
    expect(expectValidationFailed(await api.current.request("PATCH", path, { token, body: { grouping: "incident" } }))).toEqual(["grouping"]);
    expect(expectValidationFailed(await api.current.request("PATCH", path, { token, body: { signingSecret: "short" } }))).toEqual(["signingSecret"]);
    expect(expectValidationFailed(await api.current.request("PATCH", path, { token, body: { mapping: { title: "title" } } }))).toEqual(["mapping.title"]);
    expect(expectValidationFailed(await api.current.request("PATCH", path, { token, body: { mapping: { title: "/a~2b" } } }))).toEqual(["mapping.title"]);
    expect(expectValidationFailed(await api.current.request("PATCH", path, { token, body: { mapping: { title: "/t", severity: { pointer: "/s", values: { P1: "sev9" } } } } }))).toEqual([
      "mapping.severity.values.P1",
    ]);
    const [read] = (await api.current.request<{ items: Record<string, unknown>[] }>("GET", `/v1/org/services/${serviceId}/integrations`, { token })).body.items;
    expect(read).toMatchObject({ grouping: "group", signingSecretSet: false, mapping: null });
  });

  it("are an admin's: a member is refused 403", async () => {
    const owner = await anOrgOwner(api.current);
    const service = await aService(api.current, owner.accessToken);
    const { id } = await anIntegrationKey(api.current, owner.accessToken, service.id);
    const member = await aUserWithRole(api.current, owner.org.id, "member");
    expectError(await api.current.request("PATCH", settingsPath(service.id, id), { token: member.accessToken, body: { grouping: "alert" } }), 403, "FORBIDDEN");
  });

  it("another org's integration (or service) is 404 and keeps its settings", async () => {
    const theirs = await anAlertSource(api.current);
    const mine = await anAlertSource(api.current);
    expectError(
      await api.current.request("PATCH", settingsPath(theirs.serviceId, theirs.integrationId), { token: mine.token, body: { grouping: "alert" } }),
      404,
      "NOT_FOUND",
    );
    expectError(
      await api.current.request("PATCH", settingsPath(mine.serviceId, theirs.integrationId), { token: mine.token, body: { grouping: "alert" } }),
      404,
      "NOT_FOUND",
    );
    const [read] = (await api.current.request<{ items: Record<string, unknown>[] }>("GET", `/v1/org/services/${theirs.serviceId}/integrations`, { token: theirs.token })).body
      .items;
    expect(read).toMatchObject({ grouping: "group" });
  });
});

describe("Alertmanager grouping group", () => {
  it("opens one incident per group listing its alerts, notes new ones, and resolves when the group resolves", async () => {
    const { token, serviceId, routingKey } = await anAlertSource(api.current);
    const path = `/v1/integrations/alertmanager/${routingKey}`;
    const first = await api.current.request<Accepted>("POST", path, {
      body: notification("firing", [alert("HighLatency", "firing", "fp-latency"), alert("HighErrorRate", "firing", "fp-errors", "critical")]),
    });
    expect(first.status).toBe(202);
    expect(first.body.grouping).toBe("group");
    expect(first.body.alerts).toEqual([expect.objectContaining({ outcome: "created" })]);
    const [incident] = await incidentsOfService(api.current, token, serviceId);
    expect(incident).toMatchObject({ title: "Alert group (2 alerts)", severity: "sev1", status: "triggered" });
    expect(incident?.description).toContain("HighLatency on web-1 (fp-latency)");
    expect(incident?.description).toContain("HighErrorRate on web-1 (fp-errors)");

    // A later notification of the group: a third alert, one of the first resolved.
    const second = await api.current.request<Accepted>("POST", path, {
      body: notification("firing", [alert("HighLatency", "resolved", "fp-latency"), alert("HighErrorRate", "firing", "fp-errors"), alert("DiskFull", "firing", "fp-disk")]),
    });
    expect(second.body.alerts).toEqual([expect.objectContaining({ outcome: "deduplicated", incidentId: incident?.id })]);
    const events = await listEvents(api.current, token, incident?.id ?? "");
    const repeated = events.find((event) => event.kind === "alert_repeated");
    expect(repeated?.data).toMatchObject({ newAlerts: ["fp-disk"] });
    expect(repeated?.data.groupAlerts).toEqual(expect.arrayContaining([{ key: "fp-latency", status: "resolved", summary: "HighLatency on web-1" }]));
    expect((await incidentsOfService(api.current, token, serviceId)).map((i) => i.status)).toEqual(["triggered"]);

    const resolved = await api.current.request<Accepted>("POST", path, {
      body: notification("resolved", [alert("HighErrorRate", "resolved", "fp-errors"), alert("DiskFull", "resolved", "fp-disk")]),
    });
    expect(resolved.body.alerts).toEqual([expect.objectContaining({ outcome: "resolved", incidentId: incident?.id })]);
    expect(await incidentsOfService(api.current, token, serviceId)).toMatchObject([{ id: incident?.id, status: "resolved" }]);
  });

  it("counts every alert of a group against the routing key's limit", async () => {
    const { integrationId, routingKey } = await anAlertSource(api.current);
    const res = await api.current.request<Accepted>("POST", `/v1/integrations/alertmanager/${routingKey}`, {
      body: notification("firing", [alert("A", "firing", "fp-a"), alert("B", "firing", "fp-b")]),
    });
    expect(res.status).toBe(202);
    const counted = await api.current.db.selectFrom("rate_limit_counters").select("hits").where("key", "=", `ingest:${integrationId}`).execute();
    expect(counted.map((row) => row.hits)).toEqual([2]);
  });

  it("opens exactly one incident for 50 concurrent identical notifications", { timeout: 60_000 }, async () => {
    const { token, serviceId, routingKey } = await anAlertSource(api.current);
    const body = notification("firing", [alert("Storm", "firing", "fp-storm")]);
    const answers = await Promise.all(Array.from({ length: 50 }, () => api.current.request<Accepted>("POST", `/v1/integrations/alertmanager/${routingKey}`, { body })));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 50 }, () => 202));
    expect(answers.filter((a) => a.body.alerts[0]?.outcome === "created")).toHaveLength(1);
    const incidents = await incidentsOfService(api.current, token, serviceId);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.alertCount).toBe(50);
  });
});
