import { createHash } from "node:crypto";
import type { Incident } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import { anAlertSource, incidentsOfService, startAlertmanager, useTestApi, waitFor, type PostableAlert } from "@incidentops/testkit";

// Real senders: Prometheus Alertmanager (Debian's prometheus-alertmanager) pointed at this API,
// through its webhook receiver (our Alertmanager route, by the integration's grouping) and its
// Opsgenie receiver (our Opsgenie Alert API: each group is one Opsgenie alert, aliased by the hash
// of its group key, closed with identifierType=alias when the group resolves).

const api = useTestApi();

/** Every alert to IncidentOps through `receiver`, grouped by alertname, flushed within a second. */
const routeTo = (receiver: Record<string, unknown>) => ({
  route: { receiver: "incidentops", group_by: ["alertname"], group_wait: "1s", group_interval: "1s", repeat_interval: "1h" },
  receivers: [{ name: "incidentops", ...receiver }],
});

const ALERTS: PostableAlert[] = [
  { labels: { alertname: "DiskFull", instance: "db-1", severity: "critical" }, annotations: { summary: "Disk full on db-1" } },
  { labels: { alertname: "DiskFull", instance: "db-2", severity: "critical" }, annotations: { summary: "Disk full on db-2" } },
  { labels: { alertname: "HighLatency", instance: "api-1", severity: "warning" }, annotations: { summary: "Latency over 1 s" } },
];

/**
 * Runs a real Alertmanager with `receiver` (built from the API's URL and the routing key), posts
 * ALERTS starting now, waits for `expected` incidents, then resolves the alerts (endsAt now) and waits
 * for every incident to be resolved. Returns the incidents as first opened.
 */
async function sendThroughAlertmanager(receiver: (apiUrl: string, routingKey: string) => Record<string, unknown>, expected: number, settings?: Record<string, unknown>): Promise<Incident[]> {
  const { token, serviceId, routingKey } = await anAlertSource(api.current, settings);
  const incidents = () => incidentsOfService(api.current, token, serviceId);
  const alertmanager = await startAlertmanager(routeTo(receiver(api.current.baseUrl, routingKey)));
  try {
    // Starting now, not earlier: Alertmanager flushes a new group at once when its first alert
    // began more than group_wait ago, and that first flush may then hold one DiskFull alert only.
    const startsAt = new Date().toISOString();
    await alertmanager.postAlerts(ALERTS.map((alert) => ({ ...alert, startsAt })));
    const opened = await waitFor(async () => {
      const items = await incidents();
      return items.length >= expected ? items : undefined;
    }, 20_000, `${expected} incidents (Alertmanager said:\n${alertmanager.output().slice(-2000)})`);
    const endsAt = new Date().toISOString();
    await alertmanager.postAlerts(ALERTS.map((alert) => ({ ...alert, startsAt, endsAt })));
    const closed = await waitFor(async () => {
      const items = await incidents();
      return items.every((i) => i.status === "resolved") ? items : undefined;
    }, 20_000, `the incidents to resolve (Alertmanager said:\n${alertmanager.output().slice(-2000)})`);
    expect(closed).toHaveLength(expected);
    return opened;
  } finally {
    await alertmanager.close();
  }
}

const webhook = (apiUrl: string, routingKey: string) => ({ webhook_configs: [{ url: `${apiUrl}/v1/integrations/alertmanager/${routingKey}`, send_resolved: true }] });

describe("Alertmanager's webhook_configs", () => {
  it("opens one incident per group by default (its alerts listed), resolved when the group resolves", { timeout: 60_000 }, async () => {
    const opened = await sendThroughAlertmanager(webhook, 2);
    expect(opened).toHaveLength(2);
    const disk = opened.find((i) => i.description?.includes("db-2") === true);
    expect(disk).toMatchObject({ severity: "sev1" });
    expect(disk?.description).toContain("db-1");
  });

  it("opens one incident per alert with grouping alert", { timeout: 60_000 }, async () => {
    const opened = await sendThroughAlertmanager(webhook, 3, { grouping: "alert" });
    expect(opened.map((i) => i.title).sort()).toEqual(["Disk full on db-1", "Disk full on db-2", "Latency over 1 s"]);
  });
});

describe("Alertmanager's opsgenie_configs", () => {
  it("opens one incident per Alertmanager group and closes it when the group resolves", { timeout: 60_000 }, async () => {
    const opsgenie = (apiUrl: string, routingKey: string) => ({
      opsgenie_configs: [
        {
          api_url: `${apiUrl}/`,
          api_key: routingKey,
          send_resolved: true,
          priority: '{{ if eq .CommonLabels.severity "critical" }}P1{{ else }}P3{{ end }}',
          details: { team: "storage" },
        },
      ],
    });
    const opened = await sendThroughAlertmanager(opsgenie, 2);
    // Two groups, two incidents (never one per alert), aliased by the hash of the group key.
    expect(opened).toHaveLength(2);
    const groupKeyHash = (groupLabels: string) => createHash("sha256").update(`{}:${groupLabels}`).digest("hex");
    expect(new Set(opened.map((i) => i.dedupKey))).toEqual(new Set([groupKeyHash('{alertname="DiskFull"}'), groupKeyHash('{alertname="HighLatency"}')]));
    expect(opened.find((i) => i.title.includes("DiskFull"))).toMatchObject({ severity: "sev1", status: "triggered" });
    expect(opened.find((i) => i.title.includes("HighLatency"))).toMatchObject({ severity: "sev3" });
  });
});
