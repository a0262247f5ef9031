/**
 * The live part of the consumer check (run by scripts/check-sdk-consumer.sh, not by `pnpm test`):
 * examples/sdk-consumer, compiled against the packed SDK it installed from the tarball, runs as
 * a plain Node process against the API on real PostgreSQL.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { useTestApi } from "@incidentops/testkit";

const consumerDir = fileURLToPath(new URL("../../../../examples/sdk-consumer/", import.meta.url));
const entry = `${consumerDir}dist/main.js`;

const api = useTestApi();

function runNode(file: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file], { cwd: consumerDir, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

test("the consumer, built against the packed SDK, works against the live API", async () => {
  expect(existsSync(entry), `${entry} is missing: run scripts/check-sdk-consumer.sh`).toBe(true);
  const result = await runNode(entry, { INCIDENTOPS_API_URL: api.current.baseUrl });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const summary: unknown = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "");
  expect(summary).toEqual({
    ok: true,
    // Resolved from the consumer's own node_modules (the tarball), not from the workspace.
    sdk: `file://${consumerDir}node_modules/@incidentops/sdk/dist/index.js`,
    org: "Consumer Org",
    incidents: 3,
    triggered: 2,
    timeline: ["created", "status_changed", "commented"],
    described: expect.stringMatching(/^acknowledged at \d{4}-\d\d-\d\dT/),
    conflict: "VERSION_CONFLICT",
    tokensPersisted: 2,
  });
});
