/** Shapes shared by the benchmark's processes (orchestrator, load generator) and its report. */

/** How the load generator makes each request; plain data, so it can cross a process boundary. */
export type RequestPlan =
  | { kind: "static"; method: "GET" | "POST"; path: string; body?: string }
  /** Request i goes to items[i % length] (or stops being sent past the end when `cycle` is false). */
  | { kind: "rotate"; method: "GET" | "POST"; items: { path: string; body?: string }[]; cycle: boolean }
  /**
   * PagerDuty Events v2 triggers. With `uniqueEvery` 10, one request in 10 carries a new dedup
   * key and the other nine repeat one of `repeatKeys` keys; with 1, every key is new.
   */
  | { kind: "enqueue"; path: string; routingKey: string; keyPrefix: string; uniqueEvery: number; repeatKeys: number };

export interface LoadSpec {
  /** http://127.0.0.1:port: the load generator refuses anything that is not loopback. */
  baseUrl: string;
  headers: Record<string, string>;
  plan: RequestPlan;
  connections: number;
  /** Seconds of unmeasured load first (0: none). */
  warmupSeconds: number;
  /** Measured part: for `durationSeconds`, or until `amount` responses. */
  durationSeconds?: number;
  amount?: number;
  /** Per-request timeout, seconds. */
  timeoutSeconds: number;
}

/** What the bare sender (bench/bare-sender.ts) sends: signed webhooks to `baseUrl` + `path`. */
export interface SenderSpec {
  baseUrl: string;
  path: string;
  /** The receiver's `whsec_` secret. */
  secret: string;
  /** Requests in flight at once, one per keep-alive connection. */
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  timeoutSeconds: number;
}

/** Messages from the load generator process to the orchestrator (over IPC). */
export type LoadMessage = { type: "measuring" } | { type: "result"; result: LoadResult } | { type: "error"; message: string };

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  rps: number;
  /** Over 2xx responses, milliseconds. */
  p50: number;
  p99: number;
  mean: number;
  non2xx: number;
  /** Socket errors and timeouts. */
  errors: number;
  statusCodes: Record<string, number>;
}

export interface ScenarioResult extends LoadResult {
  id: string;
  name: string;
  target: "api" | "baseline";
  /** Id of the baseline scenario this one is compared with (api scenarios only). */
  baselineId?: string;
  /** Id of the ceiling this one's req/s is also given as a ratio to (the enqueue scenarios: durable accept). */
  ceilingId?: string;
  /** CPU time of the serving process (the API, or the baseline server) per request, ms. */
  cpuMsPerRequest: number | null;
  /** CPU time of PostgreSQL (its server process and backends) per request, ms: every connection's, the worker's included. */
  dbCpuMsPerRequest: number | null;
  connections: number;
  notes?: string;
}

export interface NotificationResults {
  latency: {
    triggers: number;
    arrived: number;
    p50: number | null;
    p99: number | null;
    max: number | null;
    timedOut: boolean;
  };
  burst: {
    triggers: number;
    enqueueSeconds: number;
    enqueueRps: number;
    enqueueErrors: number;
    arrived: number;
    /** First trigger sent to last webhook arrived. */
    totalSeconds: number;
    deliveriesPerSecond: number;
    /** deliveriesPerSecond ÷ the bare sender's. */
    vsBareSender: number | null;
    /** Last trigger answered to last webhook arrived: the backlog the worker still had. */
    drainSeconds: number;
    /** Deliveries per second over that backlog (null when it took under half a second). */
    drainDeliveriesPerSecond: number | null;
    /** Incident creation (database clock) to arrival, over the burst. */
    p50: number | null;
    p99: number | null;
    timedOut: boolean;
  };
  /** Triggers taken while the workers were stopped, then delivered by the workers alone once resumed. */
  backlog: {
    triggers: number;
    enqueueErrors: number;
    arrived: number;
    /** Workers resumed to last webhook arrived. */
    seconds: number;
    deliveriesPerSecond: number;
    /** deliveriesPerSecond ÷ the bare sender's. */
    vsBareSender: number | null;
    timedOut: boolean;
  };
  /** The ceiling: signed webhooks POSTed to the same receiver by a process doing nothing else. */
  bareSender: { connections: number; deliveriesPerSecond: number; p50: number; p99: number; errors: number };
  /** Over every delivery the receiver saw, the bare sender's included. */
  badSignatures: number;
  duplicates: number;
}

/** How late jobs scheduled for a deadline did their work (bench/sla.ts): SLA breaches, escalation levels. */
export interface Lateness {
  incidents: number;
  recorded: number;
  /** The event's creation minus its deadline, milliseconds. */
  p50: number | null;
  p99: number | null;
  max: number | null;
  /** Recorded before their deadline (must be 0). */
  early: number;
}

/** A storm's deadlines (bench/sla.ts): alerts opening incidents at once on a service with an SLA and an escalation policy. */
export interface DeadlineStorm {
  triggers: number;
  acceptedPerSecond: number;
  /** The first level, due at once: its `escalated` event's creation minus its incident's. */
  firstPages: Lateness;
  escalations: Lateness;
  slaBreaches: Lateness;
  /** CPU time from the storm's first alert until every deadline's event was in, per incident (null: a process gone). */
  cpuMsPerIncident: { api: number | null; worker: number | null; postgres: number | null };
}

/** One org's black-hole receivers against another org's notifications (bench/isolation.ts). */
export interface IsolationResults {
  blackHoles: number;
  noisyIncidents: number;
  quietIncidents: number;
  arrived: number;
  /** The quiet org's incident created (as the API answered) to its webhook, ms. */
  p50: number | null;
  p99: number | null;
  max: number | null;
  timedOut: boolean;
}
