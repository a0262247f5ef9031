import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isProcessAlive } from "./disposable-postgres.js";
import { freePort } from "./ports.js";
import { waitFor } from "./waiting.js";

/** Debian's `prometheus-alertmanager` (installed by .ci/run); ALERTMANAGER_BINARY names another. */
export const ALERTMANAGER_BINARY = process.env.ALERTMANAGER_BINARY ?? "/usr/bin/prometheus-alertmanager";

/** An alert as Alertmanager's API v2 takes it (POST /api/v2/alerts). */
export interface PostableAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  /** In the past: the alert is resolved. */
  endsAt?: string;
  generatorURL?: string;
}

export interface RunningAlertmanager {
  baseUrl: string;
  pid: number;
  /** What it logged, for failure messages. */
  output: () => string;
  /** Posts alerts to its API, as Prometheus does. */
  postAlerts: (alerts: PostableAlert[]) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * A real Prometheus Alertmanager on a free loopback port, with `config` (its YAML configuration,
 * here as an object: JSON is YAML) and a temporary storage directory of its own, clustering off.
 * It is stopped by its process id on close.
 */
export async function startAlertmanager(config: Record<string, unknown>): Promise<RunningAlertmanager> {
  const dir = await mkdtemp(join(tmpdir(), "incidentops-alertmanager-"));
  const configFile = join(dir, "alertmanager.yml");
  await writeFile(configFile, JSON.stringify(config, null, 2));
  const port = await freePort();
  const child = spawn(
    ALERTMANAGER_BINARY,
    [
      `--config.file=${configFile}`,
      `--storage.path=${join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--cluster.listen-address=",
      "--log.level=debug",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (output += c.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  const pid = child.pid;
  const baseUrl = `http://127.0.0.1:${port}`;

  const close = async () => {
    if (pid !== undefined && running && isProcessAlive(pid)) {
      process.kill(pid, "SIGTERM");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    if (pid === undefined) throw new Error(`${ALERTMANAGER_BINARY} did not start`);
    await waitFor(
      async () => {
        if (!running) throw new Error(`Alertmanager exited:\n${output}`);
        const ready = await fetch(`${baseUrl}/-/ready`).catch(() => undefined);
        return ready?.ok === true ? true : undefined;
      },
      20_000,
      "Alertmanager to be ready",
    );
  } catch (error) {
    await close();
    throw error;
  }

  return {
    baseUrl,
    pid,
    output: () => output,
    postAlerts: async (alerts) => {
      const res = await fetch(`${baseUrl}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(alerts) });
      if (!res.ok) throw new Error(`Alertmanager refused the alerts: ${res.status} ${await res.text()}`);
    },
    close,
  };
}
