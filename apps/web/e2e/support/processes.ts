import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { fileURLToPath } from "node:url";

// Starting the API and the worker as the real processes (`node --import tsx <main.ts>`), shared by
// the stack (global setup) and the tests that start a process of their own (a second API replica).

export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

export interface AppProcess {
  child: ChildProcess;
  exited: Promise<void>;
  stop: () => Promise<void>;
}

/** Runs `entry` (a path from the repository root) with `env`, its output appended to `logFile`. */
export function startAppProcess(entry: string, env: Record<string, string>, logFile: string): AppProcess {
  const log = createWriteStream(logFile, { flags: "a" });
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@incidentops/source", entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const forced = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(forced);
    },
  };
}

/** Polls `url` until it answers 200, or fails after `timeoutMs` (the process may have died: see its log). */
export async function waitUntilReady(url: string, timeoutMs: number, process?: AppProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (process !== undefined && process.child.exitCode !== null) throw new Error(`${url}: the process exited with ${process.child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} was not ready after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
