/** What the benchmark's child processes (load generator, bare sender) share: reporting to the orchestrator, and figures. */
import { readFile } from "node:fs/promises";
import { assertLoopback } from "./processes.js";
import type { LoadMessage } from "./types.js";

/** The spec in the JSON file named by the first argument; its target must be loopback. */
export async function readSpec<T extends { baseUrl: string }>(): Promise<T> {
  const file = process.argv[2];
  if (file === undefined) throw new Error(`usage: ${process.argv[1] ?? "child"} <spec.json>`);
  const spec = JSON.parse(await readFile(file, "utf8")) as T;
  assertLoopback(spec.baseUrl);
  return spec;
}

/** Sends a message to the orchestrator over IPC (stdout when run by hand). */
export function send(message: LoadMessage): Promise<void> {
  return new Promise((resolve) => {
    if (process.send === undefined) {
      console.log(JSON.stringify(message));
      resolve();
    } else process.send(message, undefined, {}, () => resolve());
  });
}

/** Runs a child's main, reporting a failure as an error message, and exits. */
export function runChild(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    async (error: unknown) => {
      await send({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    },
  );
}

/** The q-quantile of ascending `sorted` (0 when empty). */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
