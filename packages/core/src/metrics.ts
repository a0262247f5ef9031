import type { IncidentSeverity, NotificationChannel } from "@incidentops/db";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

// What a process exposes at /metrics (metrics-server.ts), in Prometheus' text format. Each
// process (API, worker) counts what it did; Prometheus sums the replicas. Labels are bounded:
// routes are templates, services are ids, never a raw path or an org's free text.

export const metricsRegistry = new Registry();

const RESPONSE_TIME_BUCKETS = [10, 30, 60, 120, 300, 600, 1_200, 1_800, 3_600, 7_200, 21_600, 86_400];

const httpRequestDuration = new Histogram({
  name: "incidentops_http_request_duration_seconds",
  help: "HTTP requests the API answered, by method, route template and status",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

const jobDuration = new Histogram({
  name: "incidentops_job_duration_seconds",
  help: "Jobs the worker ran, by task and outcome (success; error: to be retried; failed: for good)",
  labelNames: ["task", "outcome"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

const deliveries = new Counter({
  name: "incidentops_deliveries_total",
  help: "Notification delivery tries, by channel and result (succeeded; retrying: failed, to be tried again; failed: for good)",
  labelNames: ["channel", "result"] as const,
  registers: [metricsRegistry],
});

const incidentsOpened = new Counter({
  name: "incidentops_incidents_opened_total",
  help: "Incidents opened (committed), by service id and severity",
  labelNames: ["service_id", "severity"] as const,
  registers: [metricsRegistry],
});

const responseTime = new Histogram({
  name: "incidentops_incident_response_time_seconds",
  help: "From an incident's first trigger to its first acknowledgement, by service id and severity (as Grafana OnCall's alert_groups_response_time_seconds)",
  labelNames: ["service_id", "severity"] as const,
  buckets: RESPONSE_TIME_BUCKETS,
  registers: [metricsRegistry],
});

export function observeHttpRequest(labels: { method: string; route: string; status: number }, seconds: number): void {
  httpRequestDuration.observe({ method: labels.method, route: labels.route, status: String(labels.status) }, seconds);
}

export type JobOutcome = "success" | "error" | "failed";

export function observeJob(labels: { task: string; outcome: JobOutcome }, seconds: number): void {
  jobDuration.observe(labels, seconds);
}

/** `result`: a DeliveryResult (the kernel names no feature's types). */
export function countDelivery(channel: NotificationChannel, result: string): void {
  deliveries.inc({ channel, result });
}

export function countIncidentOpened(incident: { service_id: string; severity: IncidentSeverity }): void {
  incidentsOpened.inc({ service_id: incident.service_id, severity: incident.severity });
}

export function observeResponseTime(incident: { service_id: string; severity: IncidentSeverity }, seconds: number): void {
  responseTime.observe({ service_id: incident.service_id, severity: incident.severity }, seconds);
}

/** The job queue as a scrape finds it: ready jobs per task, and how long the oldest has waited. */
export interface QueueStats {
  task: string;
  ready: number;
  oldestAgeSeconds: number;
}

let readQueue: (() => Promise<QueueStats[]>) | undefined;
let queueRead: Promise<QueueStats[]> | undefined;

/**
 * Where the job queue's gauges come from (the worker's query), or nowhere (undefined). The depth
 * and age are facts of the database, read when Prometheus scrapes, not counted by one process.
 */
export function readQueueStatsWith(read: (() => Promise<QueueStats[]>) | undefined): void {
  readQueue = read;
}

/** One query per scrape for both gauges; none when the database cannot answer (the gauges are then absent). */
function queueStats(): Promise<QueueStats[]> {
  if (readQueue === undefined) return Promise.resolve([]);
  queueRead ??= readQueue()
    .catch(() => [])
    .finally(() => setTimeout(() => (queueRead = undefined), 0));
  return queueRead;
}

/** A gauge by task of the queue, read at each scrape. */
function queueGauge(name: string, help: string, valueOf: (stats: QueueStats) => number): void {
  new Gauge({
    name,
    help,
    labelNames: ["task"] as const,
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      for (const row of await queueStats()) this.set({ task: row.task }, valueOf(row));
    },
  });
}

queueGauge("incidentops_jobs_ready", "Jobs due and not yet taken, by task (from the worker)", (stats) => stats.ready);
queueGauge("incidentops_jobs_oldest_ready_age_seconds", "How long the oldest job due and not yet taken has waited, by task (from the worker)", (stats) => stats.oldestAgeSeconds);

let processMetrics = false;

/** The process's own figures (CPU, memory, event loop lag, handles), prefixed `incidentops_`, once per process. */
export function collectProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: "incidentops_" });
}
