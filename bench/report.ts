/** The benchmark's output: bench/results/latest.json and a markdown table (also printed). */
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { cpus, freemem, loadavg, release, totalmem } from "node:os";
import { join } from "node:path";
import { root } from "./processes.js";
import type { DeadlineStorm, IsolationResults, Lateness, NotificationResults, ScenarioResult } from "./types.js";

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  freeMemoryGiB: number;
  loadAverage: number[];
  os: string;
  node: string;
  postgres: string;
  commit: string;
}

/** `2 API processes behind a round-robin balancer and 2 workers` (for `--replicas`). */
const replicasPhrase = (n: number) => (n === 1 ? "1 API process behind a round-robin balancer and 1 worker" : `${n} API processes behind a round-robin balancer and ${n} workers`);

export function machineInfo(postgresVersion: string): MachineInfo {
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).trim() !== "";
    if (dirty) commit += " (with uncommitted changes)";
  } catch {
    // not a git checkout
  }
  const gib = (bytes: number) => Math.round((bytes / 1024 ** 3) * 10) / 10;
  return {
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memoryGiB: gib(totalmem()),
    freeMemoryGiB: gib(freemem()),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    os: `${process.platform} ${release()}`,
    node: process.version,
    postgres: postgresVersion,
    commit,
  };
}

export interface Report {
  mode: "quick" | "full";
  startedAt: string;
  totalSeconds: number;
  machine: MachineInfo;
  settings: Record<string, unknown>;
  seed: Record<string, unknown>;
  scenarios: (ScenarioResult & { vsBaseline?: { rps: number; p50: number; p99: number }; rpsVsCeiling?: number })[];
  notifications: NotificationResults | null;
  slaBreaches: Lateness | null;
  /** Second escalation levels, against their first level's delay. */
  escalations: Lateness | null;
  /** The same deadlines in a storm: first pages, second levels and SLA breaches of incidents opened at once. */
  deadlineStorm: DeadlineStorm | null;
  isolation: IsolationResults | null;
  /** Resident memory of the API and the worker at its highest while measuring (sampled every 250 ms). */
  peakRssMiB: { api: number | null; worker: number | null };
  /** Set when something did not finish (the run still writes what it has). */
  error?: string;
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);

/**
 * Each API scenario's figures divided by its baseline's (req/s: higher is better; latency: lower),
 * and its req/s by its ceiling's.
 */
export function withRatios(scenarios: ScenarioResult[]): Report["scenarios"] {
  const find = (id: string | undefined) => (id === undefined ? undefined : scenarios.find((b) => b.id === id));
  return scenarios.map((s) => {
    const baseline = find(s.baselineId);
    const ceiling = find(s.ceilingId);
    return {
      ...s,
      ...(baseline === undefined ? {} : { vsBaseline: { rps: ratio(s.rps, baseline.rps), p50: ratio(s.p50, baseline.p50), p99: ratio(s.p99, baseline.p99) } }),
      ...(ceiling === undefined ? {} : { rpsVsCeiling: ratio(s.rps, ceiling.rps) }),
    };
  });
}

const fmt = (n: number | null, digits = 1) => (n === null ? "n/a" : n.toFixed(digits));

export function toMarkdown(report: Report): string {
  const m = report.machine;
  const lines: string[] = [];
  lines.push(`### ${report.mode} run, ${report.startedAt}`);
  lines.push("");
  lines.push(
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; Node ${m.node}; PostgreSQL ${m.postgres}; ` +
      `load average at the end ${m.loadAverage.join(" / ")}; commit ${m.commit}.`,
  );
  const s = report.settings;
  lines.push(
    `Mode ${report.mode}: ${String(s.incidents)} incidents in the org, ${String(s.connections)} connections, ` +
      `${String(s.warmupSeconds)} s warm-up + ${String(s.durationSeconds)} s per scenario; ` +
      (typeof s.replicas === "number" ? `${replicasPhrase(s.replicas)} ` : "API and worker as separate processes ") +
      `(DB_POOL_SIZE ${String(s.dbPoolSize)}, WORKER_CONCURRENCY ${String(s.workerConcurrency)}, LOG_LEVEL ${String(s.logLevel)}); ` +
      (typeof s.pendingJobs === "number" ? `${s.pendingJobs.toLocaleString("en")} jobs queued for later before the burst; ` : "") +
      `whole run ${report.totalSeconds.toFixed(0)} s.`,
  );
  lines.push("");
  lines.push("| scenario | req/s | p50 ms | p99 ms | errors | API CPU ms/req | PostgreSQL CPU ms/req | baseline req/s | req/s ÷ baseline | p50 × baseline | p99 × baseline | req/s ÷ durable accept |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const row of report.scenarios.filter((r) => r.target === "api")) {
    const baseline = report.scenarios.find((b) => b.id === row.baselineId);
    const v = row.vsBaseline;
    lines.push(
      `| ${row.name} | ${fmt(row.rps, 0)} | ${fmt(row.p50, 2)} | ${fmt(row.p99, 2)} | ${row.non2xx + row.errors} | ${fmt(row.cpuMsPerRequest, 2)} | ${fmt(row.dbCpuMsPerRequest, 2)} | ` +
        `${baseline === undefined ? "n/a" : fmt(baseline.rps, 0)} | ${v === undefined ? "n/a" : v.rps.toFixed(2)} | ` +
        `${v === undefined ? "n/a" : v.p50.toFixed(2)} | ${v === undefined ? "n/a" : v.p99.toFixed(2)} | ${fmt(row.rpsVsCeiling ?? null, 2)} |`,
    );
  }
  lines.push("");
  lines.push("| baseline (node:http + pg, same SQL; durable accept: one INSERT) | req/s | p50 ms | p99 ms | errors | CPU ms/req | PostgreSQL CPU ms/req |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|");
  for (const row of report.scenarios.filter((r) => r.target === "baseline")) {
    lines.push(`| ${row.name} | ${fmt(row.rps, 0)} | ${fmt(row.p50, 2)} | ${fmt(row.p99, 2)} | ${row.non2xx + row.errors} | ${fmt(row.cpuMsPerRequest, 2)} | ${fmt(row.dbCpuMsPerRequest, 2)} |`);
  }
  lines.push("");
  lines.push(`Peak resident memory while measuring: API ${fmt(report.peakRssMiB.api, 0)} MiB, worker ${fmt(report.peakRssMiB.worker, 0)} MiB.`);
  const n = report.notifications;
  if (n !== null) {
    lines.push("");
    lines.push("| notifications (trigger -> signed webhook at a loopback receiver) | value |");
    lines.push("|---|---:|");
    lines.push(
      `| latency p50 / p99 / max, ms (${n.latency.arrived} of ${n.latency.triggers} triggers${n.latency.timedOut ? ", TIMED OUT" : ""}) | ` +
        `${fmt(n.latency.p50)} / ${fmt(n.latency.p99)} / ${fmt(n.latency.max)} |`,
    );
    lines.push(
      `| burst of ${n.burst.triggers}: deliveries/s (first trigger to last webhook${n.burst.timedOut ? ", TIMED OUT" : ""}) | ${fmt(n.burst.deliveriesPerSecond)} |`,
    );
    lines.push(
      `| bare sender (signs and POSTs to the same receiver, ${n.bareSender.connections} in flight): deliveries/s (errors) | ` +
        `${fmt(n.bareSender.deliveriesPerSecond)} (${n.bareSender.errors}) |`,
    );
    lines.push(`| burst deliveries/s ÷ bare sender | ${fmt(n.burst.vsBareSender, 3)} |`);
    lines.push(`| burst: webhooks arrived | ${n.burst.arrived} |`);
    lines.push(`| burst: triggers accepted/s (enqueue errors) | ${fmt(n.burst.enqueueRps, 0)} (${n.burst.enqueueErrors}) |`);
    lines.push(`| burst: first trigger to last webhook, s / backlog after the last trigger, s | ${fmt(n.burst.totalSeconds)} / ${fmt(n.burst.drainSeconds)} |`);
    lines.push(`| burst: deliveries/s while draining that backlog (worker alone) | ${fmt(n.burst.drainDeliveriesPerSecond)} |`);
    lines.push(`| burst: incident created to webhook p50 / p99, ms | ${fmt(n.burst.p50, 0)} / ${fmt(n.burst.p99, 0)} |`);
    lines.push(
      `| backlog of ${n.backlog.triggers} taken while the worker was stopped: deliveries/s once it resumed, worker alone (${n.backlog.arrived} arrived${n.backlog.timedOut ? ", TIMED OUT" : ""}) | ${fmt(n.backlog.deliveriesPerSecond)} |`,
    );
    lines.push(`| backlog deliveries/s ÷ bare sender | ${fmt(n.backlog.vsBareSender, 3)} |`);
    lines.push(`| bad signatures / duplicate deliveries | ${n.badSignatures} / ${n.duplicates} |`);
  }
  const storm = report.deadlineStorm;
  for (const [title, l] of [
    ["SLA breaches (deadline -> sla_breached event)", report.slaBreaches],
    ["escalations (first level's delay over -> second level's escalated event)", report.escalations],
    ...(storm === null
      ? []
      : ([
          [`storm of ${storm.triggers} alerts (${fmt(storm.acceptedPerSecond, 0)} accepted a second): first pages (incident created -> first level's escalated event)`, storm.firstPages],
          ["storm: escalations (first level's delay over -> second level's escalated event)", storm.escalations],
          ["storm: SLA breaches (deadline -> sla_breached event)", storm.slaBreaches],
        ] as const)),
  ] as const) {
    if (l === null) continue;
    lines.push("");
    lines.push(`| ${title} | value |`);
    lines.push("|---|---:|");
    lines.push(`| lateness p50 / p99 / max, ms (${l.recorded} of ${l.incidents} recorded) | ${fmt(l.p50, 0)} / ${fmt(l.p99, 0)} / ${fmt(l.max, 0)} |`);
    lines.push(`| recorded before the deadline | ${l.early} |`);
  }
  if (storm !== null) {
    const cpu = storm.cpuMsPerIncident;
    lines.push("");
    lines.push("| storm: CPU from the first alert until every deadline's event was in, per incident | ms |");
    lines.push("|---|---:|");
    lines.push(`| API / worker / PostgreSQL | ${fmt(cpu.api)} / ${fmt(cpu.worker)} / ${fmt(cpu.postgres)} |`);
  }
  const iso = report.isolation;
  if (iso !== null) {
    lines.push("");
    lines.push(`| isolation: ${iso.blackHoles} black-hole targets in one org (${iso.noisyIncidents} incidents) | value |`);
    lines.push("|---|---:|");
    lines.push(
      `| another org's incident to webhook p50 / p99 / max, ms (${iso.arrived} of ${iso.quietIncidents}${iso.timedOut ? ", TIMED OUT" : ""}) | ` +
        `${fmt(iso.p50)} / ${fmt(iso.p99)} / ${fmt(iso.max)} |`,
    );
  }
  if (report.error !== undefined) {
    lines.push("");
    lines.push(`**The run did not finish:** ${report.error.split("\n")[0] ?? ""}`);
  }
  return lines.join("\n");
}

export async function writeReport(report: Report): Promise<{ json: string; markdown: string; text: string }> {
  const dir = join(root, "bench", "results");
  await mkdir(dir, { recursive: true });
  const json = join(dir, "latest.json");
  const markdown = join(dir, "latest.md");
  const text = toMarkdown(report);
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdown, `${text}\n`);
  return { json, markdown, text };
}
