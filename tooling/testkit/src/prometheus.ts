import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./ports.js";
import { waitFor } from "./waiting.js";

/** Debian's `prometheus` package (.ci/run installs it). */
export const PROMETHEUS_BINARY = "/usr/bin/prometheus";

export interface ScrapeTarget {
  job: string;
  /** The metrics URL, `http://127.0.0.1:port/metrics`. */
  url: string;
  bearerToken?: string;
}

export interface RunningPrometheus {
  /** The instant vector `expr` evaluates to now: each series' labels and value. */
  query: (expr: string) => Promise<{ metric: Record<string, string>; value: number }[]>;
  stop: () => Promise<void>;
}

/** A real Prometheus server on loopback scraping `targets` every second, with its own storage in a temporary dir. */
export async function startPrometheus(targets: ScrapeTarget[]): Promise<RunningPrometheus> {
  if (!existsSync(PROMETHEUS_BINARY)) throw new Error(`${PROMETHEUS_BINARY} is missing: install Debian's package (apt-get install -y prometheus), as .ci/run does`);
  const dir = await mkdtemp(join(tmpdir(), "incidentops-prometheus-"));
  const config = {
    global: { scrape_interval: "1s", scrape_timeout: "900ms" },
    scrape_configs: targets.map((target) => {
      const url = new URL(target.url);
      return {
        job_name: target.job,
        metrics_path: url.pathname,
        static_configs: [{ targets: [url.host] }],
        ...(target.bearerToken === undefined ? {} : { authorization: { type: "Bearer", credentials: target.bearerToken } }),
      };
    }),
  };
  // JSON is YAML.
  await writeFile(join(dir, "prometheus.yml"), JSON.stringify(config));
  const port = await freePort();
  const child = spawn(
    PROMETHEUS_BINARY,
    [`--config.file=${join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (output += c.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill("SIGTERM");
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(async () => ((await fetch(`${base}/-/ready`).catch(() => undefined))?.ok === true ? true : undefined), 30_000, `Prometheus to be ready (its output: ${output.slice(-2000)})`);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    query: async (expr) => {
      const res = await fetch(`${base}/api/v1/query?query=${encodeURIComponent(expr)}`);
      const body = (await res.json()) as { status: string; error?: string; data?: { result: { metric: Record<string, string>; value: [number, string] }[] } };
      if (body.status !== "success" || body.data === undefined) throw new Error(`Prometheus refused ${expr}: ${body.error ?? res.status}`);
      return body.data.result.map((series) => ({ metric: series.metric, value: Number(series.value[1]) }));
    },
    stop,
  };
}
