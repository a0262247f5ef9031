import { readQueueStats, readQueueStatsWith } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aWebhookTarget,
  freePort,
  METRICS_TEST_TOKEN as TOKEN,
  spawnWorkerProcess,
  startPrometheus,
  startWebhookReceiver,
  useMetricsServer,
  useTestStack,
  waitFor,
} from "@incidentops/testkit";

const stack = useTestStack();
const apiMetrics = useMetricsServer();

describe("worker metrics", () => {
  it("show the queue's backlog per task: jobs due and not taken, and the oldest one's age", async () => {
    const { api } = stack.current;
    const { accessToken: token } = await anOrgOwner(api);
    await anIncident(api, token, (await aService(api, token)).id);
    // No worker runs: the incident's fan-out job waits.
    readQueueStatsWith(() => readQueueStats(api.db));
    try {
      const text = await (await fetch(apiMetrics.current.url, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      expect(text).toMatch(/^incidentops_jobs_ready\{task="incident_event"\} [1-9]\d*$/m);
      expect(text).toMatch(/^incidentops_jobs_oldest_ready_age_seconds\{task="incident_event"\} \d+(\.\d+)?(e[-+]\d+)?$/m);
    } finally {
      readQueueStatsWith(undefined);
    }
  });

  it("a real Prometheus scrapes the API and a worker process: incidents opened, jobs by task and outcome, deliveries by channel and result", async () => {
    const { api } = stack.current;
    const workerPort = await freePort();
    const worker = spawnWorkerProcess(api, { WORKER_METRICS_PORT: String(workerPort), METRICS_TOKEN: TOKEN });
    const sent = await startWebhookReceiver(200);
    const refused = await startWebhookReceiver(500);
    const prometheus = await startPrometheus([
      { job: "api", url: apiMetrics.current.url, bearerToken: TOKEN },
      { job: "worker", url: `http://127.0.0.1:${workerPort}/metrics`, bearerToken: TOKEN },
    ]);
    try {
      const { accessToken: token } = await anOrgOwner(api);
      await aWebhookTarget(api, token, sent.url);
      await aWebhookTarget(api, token, refused.url);
      const service = await aService(api, token);
      await anIncident(api, token, service.id, { severity: "sev2" });
      await waitFor(() => (sent.requests.length > 0 && refused.requests.length > 0 ? true : undefined), 30_000, `both webhooks (worker output: ${worker.output()})`);

      const value = async (expr: string) => (await prometheus.query(expr))[0]?.value;
      const scraped = async (expr: string, atLeast = 1) => ((await value(expr)) ?? 0) >= atLeast;
      await waitFor(async () => ((await scraped('sum(up{job=~"api|worker"})', 2)) ? true : undefined), 30_000, "both targets up");
      const expectations = [
        `incidentops_incidents_opened_total{job="api",service_id="${service.id}",severity="sev2"}`,
        'incidentops_job_duration_seconds_count{job="worker",task="incident_event",outcome="success"}',
        'incidentops_deliveries_total{job="worker",channel="webhook",result="succeeded"}',
        'incidentops_deliveries_total{job="worker",channel="webhook",result="retrying"}',
        'incidentops_process_resident_memory_bytes{job="worker"}',
      ];
      for (const expr of expectations) await waitFor(async () => ((await scraped(expr)) ? true : undefined), 30_000, expr);
    } finally {
      await prometheus.stop();
      worker.child.kill("SIGTERM");
      await worker.exited;
      await sent.close();
      await refused.close();
    }
  }, 120_000);
});
