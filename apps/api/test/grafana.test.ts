import { describe, expect, it } from "vitest";
import { anAlertSource, countRows, expectError, expectValidationFailed, grafanaSignature, incidentsOfService, useTestApi } from "@incidentops/testkit";

// Grafana Alerting's webhook contact point: its documented payload, grouping, and HMAC signatures.

const api = useTestApi();

const SECRET = "grafana-contact-point-secret";

/** Grafana's documented example notification (two firing alerts of one group). */
const grafanaNotification = (status: "firing" | "resolved" = "firing") => ({
  receiver: "My Super Webhook",
  status,
  orgId: 1,
  alerts: [
    {
      status,
      labels: { alertname: "High memory usage", team: "blue", zone: "us-1" },
      annotations: {
        description: "The system has high memory usage",
        runbook_url: "https://myrunbook.com/runbook/1234",
        summary: "This alert was triggered for zone us-1",
      },
      startsAt: "2021-10-12T09:51:03.157076+02:00",
      endsAt: "0001-01-01T00:00:00Z",
      generatorURL: "https://play.grafana.org/alerting/1afz29v7z/edit",
      fingerprint: "c6eadffa33fcdf37",
      silenceURL: "https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT2%2Cteam%3Dblue%2Czone%3Dus-1",
      dashboardURL: "",
      panelURL: "",
      values: { B: 44.23943737541908, C: 1 },
    },
    {
      status,
      labels: { alertname: "High CPU usage", team: "blue", zone: "eu-1" },
      annotations: {
        description: "The system has high CPU usage",
        runbook_url: "https://myrunbook.com/runbook/1234",
        summary: "This alert was triggered for zone eu-1",
      },
      startsAt: "2021-10-12T09:56:03.157076+02:00",
      endsAt: "0001-01-01T00:00:00Z",
      generatorURL: "https://play.grafana.org/alerting/d1rdpdv7k/edit",
      fingerprint: "bc97ff14869b13e3",
      silenceURL: "https://play.grafana.org/alerting/silence/new?alertmanager=grafana&matchers=alertname%3DT1%2Cteam%3Dblue%2Czone%3Deu-1",
      dashboardURL: "",
      panelURL: "",
      values: { B: 44.23943737541908, C: 1 },
    },
  ],
  groupLabels: {},
  commonLabels: { team: "blue" },
  commonAnnotations: {},
  externalURL: "https://play.grafana.org/",
  version: "1",
  groupKey: "{}:{}",
  truncatedAlerts: 0,
  title: "[FIRING:2]  (blue)",
  state: status === "firing" ? "alerting" : "ok",
  message: "**Firing**\n\nLabels:\n - alertname = T2\n - team = blue\n - zone = us-1\n",
});

interface Accepted {
  grouping: string;
  alerts: { fingerprint: string; outcome: string; incidentId: string | null }[];
}

const path = (routingKey: string) => `/v1/integrations/grafana/${routingKey}`;
const nowSeconds = () => String(Math.floor(Date.now() / 1000));

describe("Grafana webhook contact point", () => {
  it("with grouping group: opens one incident for the notification and resolves it with the group", async () => {
    const { token, serviceId, routingKey } = await anAlertSource(api.current);
    const firing = await api.current.request<Accepted>("POST", path(routingKey), { body: grafanaNotification() });
    expect(firing.status, JSON.stringify(firing.body)).toBe(202);
    expect(firing.body).toMatchObject({ grouping: "group", alerts: [{ outcome: "created" }] });
    const [incident] = await incidentsOfService(api.current, token, serviceId);
    expect(incident).toMatchObject({ title: "Alert group (2 alerts)", status: "triggered" });
    expect(incident?.description).toContain("This alert was triggered for zone eu-1 (bc97ff14869b13e3)");

    const resolved = await api.current.request<Accepted>("POST", path(routingKey), { body: grafanaNotification("resolved") });
    expect(resolved.body.alerts).toEqual([expect.objectContaining({ outcome: "resolved", incidentId: incident?.id })]);
  });

  it("with grouping alert: one incident per alert fingerprint", async () => {
    const { token, serviceId, routingKey } = await anAlertSource(api.current, { grouping: "alert" });
    const firing = await api.current.request<Accepted>("POST", path(routingKey), { body: grafanaNotification() });
    expect(firing.body.alerts.map((a) => [a.fingerprint, a.outcome])).toEqual([
      ["c6eadffa33fcdf37", "created"],
      ["bc97ff14869b13e3", "created"],
    ]);
    const incidents = await incidentsOfService(api.current, token, serviceId);
    expect(incidents.map((i) => i.title).sort()).toEqual(["This alert was triggered for zone eu-1", "This alert was triggered for zone us-1"]);
  });

  it("opens exactly one incident for 50 concurrent identical notifications", { timeout: 60_000 }, async () => {
    const { token, serviceId, routingKey } = await anAlertSource(api.current);
    const answers = await Promise.all(Array.from({ length: 50 }, () => api.current.request<Accepted>("POST", path(routingKey), { body: grafanaNotification() })));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 50 }, () => 202));
    expect(answers.filter((a) => a.body.alerts[0]?.outcome === "created")).toHaveLength(1);
    expect(await incidentsOfService(api.current, token, serviceId)).toHaveLength(1);
  });

  it("during a maintenance window: suppressed, opening nothing", async () => {
    const { token, serviceId, routingKey } = await anAlertSource(api.current);
    const end = new Date(Date.now() + 3_600_000).toISOString();
    expect((await api.current.request("POST", `/v1/org/services/${serviceId}/maintenance-windows`, { token, body: { end, reason: "upgrade" } })).status).toBe(201);
    const res = await api.current.request<Accepted>("POST", path(routingKey), { body: grafanaNotification() });
    expect(res.body.alerts).toEqual([expect.objectContaining({ outcome: "suppressed", incidentId: null })]);
    expect(await incidentsOfService(api.current, token, serviceId)).toEqual([]);
  });

  it("refuses bad input with a 4xx that opens nothing", async () => {
    const { serviceId, routingKey } = await anAlertSource(api.current);
    const notification = grafanaNotification();
    const withNul = { ...notification, alerts: notification.alerts.map((alert, i) => (i === 0 ? { ...alert, labels: { ...alert.labels, alertname: "High\u0000memory" } } : alert)) };
    expect(expectValidationFailed(await api.current.request("POST", path(routingKey), { body: withNul }))).toEqual(["alerts.0.labels.alertname"]);
    expect(expectValidationFailed(await api.current.request("POST", path(routingKey), { body: { ...grafanaNotification(), alerts: [] } }))).toEqual(["alerts"]);
    expectError(await api.current.request("POST", path(routingKey), { rawBody: "[".repeat(5000) + "]".repeat(5000) }), 400, "VALIDATION_FAILED");
    expectError(await api.current.request("POST", path(routingKey), { rawBody: '{"status": "firing",' }), 400, "MALFORMED_JSON");
    expectError(await api.current.request("POST", path(routingKey), { rawBody: JSON.stringify({ pad: "x".repeat(1_100_000) }) }), 413, "PAYLOAD_TOO_LARGE");
    expectError(await api.current.request("POST", path("f".repeat(32)), { body: grafanaNotification() }), 404, "NOT_FOUND");
    expect(await countRows(api.current.db, "incidents", { service_id: serviceId })).toBe(0);
  });
});

describe("Grafana HMAC signatures", () => {
  const signedSource = () => anAlertSource(api.current, { signingSecret: SECRET });

  it("accepts a request signed over the body, or over timestamp:body with a fresh timestamp", async () => {
    const { token, serviceId, routingKey } = await signedSource();
    const body = JSON.stringify(grafanaNotification());
    const plain = await api.current.request("POST", path(routingKey), { rawBody: body, headers: { "X-Grafana-Alerting-Signature": grafanaSignature(SECRET, body) } });
    expect(plain.status, JSON.stringify(plain.body)).toBe(202);
    const timestamp = nowSeconds();
    const timed = await api.current.request("POST", path(routingKey), {
      rawBody: body,
      headers: { "X-Grafana-Alerting-Signature": grafanaSignature(SECRET, body, timestamp), "X-Grafana-Alerting-Signature-Timestamp": timestamp },
    });
    expect(timed.status, JSON.stringify(timed.body)).toBe(202);
    expect(await incidentsOfService(api.current, token, serviceId)).toHaveLength(1);
  });

  it("refuses a missing, wrong or stale signature with 401 INVALID_SIGNATURE, counting and opening nothing", async () => {
    const { integrationId, serviceId, routingKey } = await signedSource();
    const body = JSON.stringify(grafanaNotification());
    const send = (headers: Record<string, string>) => api.current.request("POST", path(routingKey), { rawBody: body, headers });
    const reasonOf = (res: Awaited<ReturnType<typeof send>>) => (expectError(res, 401, "INVALID_SIGNATURE").details as { reason: string }).reason;

    expect(reasonOf(await send({}))).toBe("missing");
    expect(reasonOf(await send({ "X-Grafana-Alerting-Signature": grafanaSignature("another-secret-entirely", body) }))).toBe("mismatch");
    expect(reasonOf(await send({ "X-Grafana-Alerting-Signature": "not hex" }))).toBe("mismatch");
    const otherBody = JSON.stringify({ ...grafanaNotification(), title: "changed" });
    expect(reasonOf(await send({ "X-Grafana-Alerting-Signature": grafanaSignature(SECRET, otherBody) }))).toBe("mismatch");
    // Signed without the timestamp the request then carries: the signature covers it.
    const timestamp = nowSeconds();
    expect(reasonOf(await send({ "X-Grafana-Alerting-Signature": grafanaSignature(SECRET, body), "X-Grafana-Alerting-Signature-Timestamp": timestamp }))).toBe("mismatch");
    const stale = String(Math.floor(Date.now() / 1000) - 6 * 60);
    expect(reasonOf(await send({ "X-Grafana-Alerting-Signature": grafanaSignature(SECRET, body, stale), "X-Grafana-Alerting-Signature-Timestamp": stale }))).toBe(
      "stale_timestamp",
    );

    expect(await countRows(api.current.db, "incidents", { service_id: serviceId })).toBe(0);
    expect(await countRows(api.current.db, "rate_limit_counters", { key: `ingest:${integrationId}` })).toBe(0);
  });

  it("keeps the key to its signed route: every route that checks no signature answers it as an unknown key, counting and opening nothing", async () => {
    const { integrationId, serviceId, routingKey } = await signedSource();
    const firing = { version: "4", groupKey: "{}:{}", status: "firing", receiver: "incidentops", alerts: [{ status: "firing", labels: { alertname: "DiskFull" }, annotations: {}, startsAt: new Date().toISOString() }] };
    const trigger = { routing_key: routingKey, event_action: "trigger", payload: { summary: "Disk full", source: "db-1", severity: "critical" } };
    const change = { routing_key: routingKey, payload: { summary: "Deployed v2", source: "ci" } };
    const genieKey = { authorization: `GenieKey ${routingKey}` };

    expectError(await api.current.request("POST", `/v1/integrations/alertmanager/${routingKey}`, { body: firing }), 404, "NOT_FOUND");
    expectError(await api.current.request("POST", `/v1/integrations/webhook/${routingKey}`, { body: { title: "Disk full" } }), 404, "NOT_FOUND");
    for (const [path, body] of [["/v2/enqueue", trigger], ["/v2/change/enqueue", change]] as const) {
      const refused = await api.current.request<{ errors: string[] }>("POST", path, { body });
      expect([refused.status, refused.body.errors], path).toEqual([400, ["Invalid routing key"]]);
    }
    expect((await api.current.request("POST", "/v2/alerts", { headers: genieKey, body: { message: "Disk full" } })).status).toBe(401);

    expect(await countRows(api.current.db, "incidents", { service_id: serviceId })).toBe(0);
    expect(await countRows(api.current.db, "change_events", { service_id: serviceId })).toBe(0);
    expect(await countRows(api.current.db, "rate_limit_counters", { key: `ingest:${integrationId}` })).toBe(0);
  });
});
