import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { anAlertSource, incidentsOfService, startAlertmanager, useTestApi, waitFor, type RunningAlertmanager } from "@incidentops/testkit";

// A real sender: Prometheus Alertmanager (Debian's prometheus-alertmanager) with an opsgenie_configs
// receiver pointed at this API. Alertmanager sends each group as one Opsgenie alert, aliased by
// the hash of its group key, and closes it (identifierType=alias) when the group resolves.

const api = useTestApi();

/** Alertmanager's configuration: every alert to IncidentOps as Opsgenie, grouped by alertname, flushed within a second. */
const opsgenieReceiver = (apiUrl: string, apiKey: string) => ({
  route: { receiver: "incidentops", group_by: ["alertname"], group_wait: "1s", group_interval: "1s", repeat_interval: "1h" },
  receivers: [
    {
      name: "incidentops",
      opsgenie_configs: [
        {
          api_url: `${apiUrl}/`,
          api_key: apiKey,
          send_resolved: true,
          priority: '{{ if eq .CommonLabels.severity "critical" }}P1{{ else }}P3{{ end }}',
          details: { team: "storage" },
        },
      ],
    },
  ],
});

describe("Alertmanager's opsgenie_configs", () => {
  it("opens one incident per Alertmanager group and closes it when the group resolves", { timeout: 60_000 }, async () => {
    const { token, serviceId, routingKey } = await anAlertSource(api.current);
    const incidents = () => incidentsOfService(api.current, token, serviceId);

    let alertmanager: RunningAlertmanager | undefined;
    try {
      alertmanager = await startAlertmanager(opsgenieReceiver(api.current.baseUrl, routingKey));
      const startsAt = new Date(Date.now() - 60_000).toISOString();
      const alerts = [
        { labels: { alertname: "DiskFull", instance: "db-1", severity: "critical" }, annotations: { summary: "Disk full on db-1" }, startsAt },
        { labels: { alertname: "DiskFull", instance: "db-2", severity: "critical" }, annotations: { summary: "Disk full on db-2" }, startsAt },
        { labels: { alertname: "HighLatency", instance: "api-1", severity: "warning" }, annotations: { summary: "Latency over 1 s" }, startsAt },
      ];
      await alertmanager.postAlerts(alerts);

      const running = alertmanager;
      const opened = await waitFor(async () => {
        const items = await incidents();
        return items.length >= 2 ? items : undefined;
      }, 20_000, `two incidents (Alertmanager said:\n${running.output().slice(-2000)})`);
      // Two groups, two incidents (never one per alert), aliased by the hash of the group key.
      expect(opened).toHaveLength(2);
      const groupKeyHash = (groupLabels: string) => createHash("sha256").update(`{}:${groupLabels}`).digest("hex");
      expect(new Set(opened.map((i) => i.dedupKey))).toEqual(new Set([groupKeyHash('{alertname="DiskFull"}'), groupKeyHash('{alertname="HighLatency"}')]));
      const disk = opened.find((i) => i.title.includes("DiskFull"));
      expect(disk).toMatchObject({ severity: "sev1", status: "triggered" });
      expect(opened.find((i) => i.title.includes("HighLatency"))).toMatchObject({ severity: "sev3" });

      // The same alerts resolved (endsAt in the past): Alertmanager closes each group's alert.
      const endsAt = new Date(Date.now() - 1_000).toISOString();
      await alertmanager.postAlerts(alerts.map((alert) => ({ ...alert, endsAt })));
      const closed = await waitFor(async () => {
        const items = await incidents();
        return items.every((i) => i.status === "resolved") ? items : undefined;
      }, 20_000, `the incidents to resolve (Alertmanager said:\n${running.output().slice(-2000)})`);
      expect(closed).toHaveLength(2);
    } finally {
      await alertmanager?.close();
    }
  });
});
