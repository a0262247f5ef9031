import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, isProcessAlive, startWebhookReceiver, waitFor, type WebhookReceiver } from "@incidentops/testkit";

// `pnpm start` as an operator runs it: the launcher with the embedded PostgreSQL, the API and the
// worker as real processes, which the test kills with SIGKILL one after another.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface Launcher {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  base: string;
  postgresPort: number;
}

let launcher: Launcher | undefined;
let dataDir: string | undefined;
let receiver: WebhookReceiver | undefined;

afterAll(async () => {
  if (launcher !== undefined && launcher.child.exitCode === null && launcher.child.signalCode === null) {
    launcher.child.kill("SIGTERM");
    await launcher.exited;
  }
  await receiver?.close();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

async function launch(): Promise<Launcher> {
  dataDir = await mkdtemp(join(tmpdir(), "incidentops-start-"));
  // Reachable by the postgres user when run as root, so the cluster stays inside it (staging is tested elsewhere).
  await chmod(dataDir, 0o755);
  const port = await freePort();
  const postgresPort = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@incidentops/source", "scripts/start.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "development",
      LOG_LEVEL: "info",
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(postgresPort),
      WORKER_HEARTBEAT_MS: "500",
      WORKER_DEAD_AFTER_MS: "3000",
      DATABASE_URL: "",
      TEST_DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Record<string, unknown>[] = [];
  let output = "";
  let partial = "";
  const read = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output += text;
    partial += text;
    const complete = partial.split("\n");
    partial = complete.pop() ?? "";
    for (const line of complete) {
      if (line.startsWith("{")) lines.push(JSON.parse(line) as Record<string, unknown>);
    }
  };
  child.stdout.on("data", read);
  child.stderr.on("data", read);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  return { child, lines, output: () => output.slice(-4000), exited, base: `http://127.0.0.1:${port}`, postgresPort };
}

/** The launcher's log line matching `pattern` (after the first `skip` of them). */
const lineOf = (l: Launcher, pattern: RegExp, skip = 0) => l.lines.filter((line) => line.name === "start" && pattern.test(String(line.msg)))[skip];

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body it expects
async function http<T = Record<string, unknown>>(l: Launcher, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${l.base}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text === "" ? {} : JSON.parse(text)) as T };
}

const ready = async (l: Launcher) => {
  try {
    return (await http(l, "GET", "/readyz")).status === 200 ? true : undefined;
  } catch {
    return undefined;
  }
};

/** Whether anything accepts TCP connections on the loopback port. */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

describe("pnpm start", () => {
  it("restarts a crashed worker, restarts a killed PostgreSQL with nothing lost, and still stops on SIGTERM", { timeout: 300_000 }, async () => {
    const l = (launcher = await launch());
    await waitFor(() => ready(l), 120_000, `the API to be ready (output: ${l.output()})`);
    receiver = await startWebhookReceiver();

    const register = await http<{ accessToken: string }>(l, "POST", "/v1/auth/register", {
      email: "ops@example.com",
      password: "correct horse battery",
      name: "Ops",
      orgName: "Ops",
    });
    expect(register.status).toBe(201);
    const token = register.body.accessToken;
    const service = await http<{ id: string }>(l, "POST", "/v1/org/services", { name: "checkout" }, token);
    await http(l, "POST", "/v1/org/notification-targets", { name: "hook", type: "webhook", config: { url: receiver.url } }, token);
    const before = await http<{ id: string }>(l, "POST", `/v1/services/${service.body.id}/incidents`, { title: "before" }, token);
    expect(before.status).toBe(201);
    await waitFor(() => receiver?.requests[0], 30_000, "the first delivery");

    // The worker is killed: the launcher says so and starts another; the API stays up.
    const worker = lineOf(l, /^started the worker$/);
    const workerPid = Number(worker?.pid);
    process.kill(workerPid, "SIGKILL");
    const crash = await waitFor(() => lineOf(l, /^the worker exited unexpectedly/), 10_000, "the launcher to notice the worker's exit");
    expect(crash).toMatchObject({ child: "worker", pid: workerPid, signal: "SIGKILL", restartInMs: 1000 });
    const restarted = await waitFor(() => lineOf(l, /^started the worker$/, 1), 10_000, "a new worker");
    expect(restarted.pid).not.toBe(workerPid);
    expect((await http(l, "GET", "/healthz")).status).toBe(200);

    // PostgreSQL is killed: it comes back, with every row, and everything works within 60 s.
    const postgres = lineOf(l, /^the embedded PostgreSQL is running$/);
    const postgresPid = Number(postgres?.pid);
    expect(isProcessAlive(postgresPid)).toBe(true);
    process.kill(postgresPid, "SIGKILL");
    const killedAt = Date.now();
    await waitFor(() => l.lines.find((line) => line.msg === "the embedded PostgreSQL is running again"), 60_000, "PostgreSQL to restart");
    await waitFor(() => ready(l), 60_000 - (Date.now() - killedAt), "the API to be ready again");
    const kept = await http<{ title: string }>(l, "GET", `/v1/incidents/${before.body.id}`, undefined, token);
    expect(kept).toMatchObject({ status: 200, body: { title: "before" } });
    const after = await http(l, "POST", `/v1/services/${service.body.id}/incidents`, { title: "after" }, token);
    expect(after.status).toBe(201);
    await waitFor(() => receiver?.requests.find((r) => r.body.includes('"title":"after"')), 60_000 - (Date.now() - killedAt), "a delivery after the restart");
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    expect(l.child.exitCode).toBeNull();

    // Killed again, and SIGTERM at once: the launcher still stops, and leaves no server behind.
    const again = l.lines.filter((line) => line.msg === "the embedded PostgreSQL is running again").at(-1);
    const secondPid = Number(again?.pid);
    process.kill(secondPid, "SIGKILL");
    await waitFor(() => (isProcessAlive(secondPid) ? undefined : true), 10_000, "PostgreSQL to die");
    l.child.kill("SIGTERM");
    const stoppedAt = Date.now();
    expect(await l.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(45_000);
    // Whether or not its restart had begun, no server is left running.
    expect(await listening(l.postgresPort)).toBe(false);
  });
});
