import { spawn } from "node:child_process";
import { ensureWebBuild } from "../../../scripts/web-build";
import { REPO_ROOT } from "./support/processes";
import type { StackInfo } from "./support/stack";

/**
 * Builds the app if its build is stale, then starts the stack (support/stack.ts) in a child
 * process and hands its address to the tests (process.env.E2E_STACK). Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  ensureWebBuild();
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@incidentops/source", "apps/web/e2e/support/stack.ts"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const info = await new Promise<StackInfo>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`The e2e stack did not start in 180 s:\n${output}`)), 180_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const line = output.split("\n").find((l) => l.startsWith("READY "));
      if (line !== undefined) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice("READY ".length)) as StackInfo);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The e2e stack exited with ${code}:\n${output}`));
    });
  });
  process.env.E2E_STACK = JSON.stringify(info);
  return async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  };
}
