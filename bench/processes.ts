import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const root = fileURLToPath(new URL("..", import.meta.url));

/** Only loopback is ever a target of the benchmark's traffic. */
export function assertLoopback(url: string): void {
  const { hostname } = new URL(url);
  if (!/^127\.\d+\.\d+\.\d+$/.test(hostname) && hostname !== "localhost" && hostname !== "[::1]") {
    throw new Error(`refusing to send benchmark traffic to ${hostname}: loopback only`);
  }
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop: (graceMs?: number) => Promise<void>;
  exited: Promise<void>;
}

/**
 * Runs a TypeScript entry point with tsx and the source condition (as `pnpm start` does), its
 * output appended to `logFile`. With `ipc`, the child gets an IPC channel (process.send).
 */
export function startTsProcess(options: {
  name: string;
  entry: string;
  args?: string[];
  /** Extra flags for node itself (e.g. --cpu-prof). */
  nodeArgs?: string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  ipc?: boolean;
}): ManagedProcess {
  const log = createWriteStream(options.logFile, { flags: "a" });
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", "--conditions=@incidentops/source", options.entry, ...(options.args ?? [])], {
    cwd: root,
    env: options.env,
    stdio: options.ipc === true ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  }).then(() => new Promise<void>((resolve) => log.end(() => resolve())));
  child.once("error", (error) => log.write(`\n[bench] ${options.name} failed to start: ${error.message}\n`));
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    }
    await exited;
  };
  return { name: options.name, child, logFile: options.logFile, stop, exited };
}

/** The last lines of a log file, to explain a failure. */
export async function tail(file: string, lines = 30): Promise<string> {
  try {
    return (await readFile(file, "utf8")).trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `url` until it answers 2xx, or fails after `timeoutMs` (or when `owner` exits). */
export async function waitForHttp(url: string, timeoutMs: number, owner?: ManagedProcess): Promise<void> {
  assertLoopback(url);
  const deadline = Date.now() + timeoutMs;
  const state = { exited: false };
  void owner?.exited.then(() => (state.exited = true));
  for (;;) {
    if (state.exited) throw new Error(`${owner?.name ?? "the process"} exited before ${url} answered:\n${await tail(owner?.logFile ?? "")}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await sleep(200);
  }
}
