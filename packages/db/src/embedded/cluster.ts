import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { PostgresInstallation } from "./binaries.js";
import { EmbeddedPostgresError, type RunAs } from "./os-user.js";

/** Messages in English whatever the machine's locale (minimal machines lack en_US.UTF-8). */
const ENV = { LC_ALL: "C", LANG: "C" };

const asUser = (user: RunAs) => (user.uid === undefined ? {} : { uid: user.uid, gid: user.gid });

/** The last lines a process wrote, to say why it failed. */
function tail(chunks: string[]): string {
  return chunks.join("").trim().split("\n").slice(-3).join(" | ");
}

/** Runs a PostgreSQL program to completion; never an unhandled `error` event (EACCES, ENOENT ...). */
function runToEnd(program: string, args: string[], user: RunAs): Promise<void> {
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    const child = spawn(program, args, { ...asUser(user), env: ENV, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (c: Buffer) => output.push(c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => output.push(c.toString("utf8")));
    child.once("error", (error) => reject(new EmbeddedPostgresError(`Could not run ${program} as ${user.name}: ${error.message}`)));
    child.once("exit", (code) => {
      if (code === 0) resolve();
      else reject(new EmbeddedPostgresError(`${program} failed (exit code ${code}): ${tail(output)}`));
    });
  });
}

/** Creates a cluster in the (empty, `user`-owned) data dir with `superuser`/`password` and scram-sha-256 logins. */
export async function initCluster(install: PostgresInstallation, options: { dataDir: string; superuser: string; password: string; user: RunAs }): Promise<void> {
  // The password reaches initdb through a file only its user can read, deleted right after.
  const passwordFile = join(tmpdir(), `incidentops-pg-${randomBytes(8).toString("hex")}`);
  await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  try {
    if (options.user.uid !== undefined) await chown(passwordFile, options.user.uid, options.user.gid ?? options.user.uid);
    await runToEnd(
      install.bin("initdb"),
      [
        `--pgdata=${options.dataDir}`,
        "--auth=scram-sha-256",
        `--username=${options.superuser}`,
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--locale=C",
        "--lc-messages=C",
      ],
      options.user,
    );
  } finally {
    await rm(passwordFile, { force: true });
  }
}

export async function isAcceptingConnections(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2000 });
  // A connection lost while probing is an answer ("no"), not a crash.
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface Postmaster {
  process: ChildProcess;
  pid: number;
  /** Settles when the server process has exited, however it ended. */
  exited: Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/**
 * Starts the server on `dataDir` and waits until it takes connections. It runs in a process group
 * of its own, so a Ctrl-C in the terminal reaches only the launcher, which stops it last.
 */
export async function startPostmaster(
  install: PostgresInstallation,
  options: { dataDir: string; port: number; user: RunAs; probeUrl: string; flags: string[]; onOutput: (line: string) => void },
): Promise<Postmaster> {
  const output: string[] = [];
  const child = spawn(install.bin("postgres"), ["-D", options.dataDir, "-p", String(options.port), ...options.flags], {
    ...asUser(options.user),
    env: ENV,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const onData = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output.push(text);
    if (output.length > 20) output.shift();
    for (const line of text.split("\n")) if (line.trim() !== "") options.onOutput(line.trim());
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  let failure: Error | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", (error) => {
      failure = new EmbeddedPostgresError(`Could not run ${install.bin("postgres")} as ${options.user.name}: ${error.message}`);
      resolve();
    });
  });
  const running = () => child.exitCode === null && child.signalCode === null && failure === undefined;

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (running()) {
    // Accepting while our process still runs: it is ours (a server that was already on the port
    // makes ours exit at once, since the port is taken).
    if ((await isAcceptingConnections(options.probeUrl)) && running() && child.pid !== undefined) {
      return { process: child, pid: child.pid, exited };
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new EmbeddedPostgresError(`PostgreSQL did not accept connections within ${START_TIMEOUT_MS / 1000} s: ${tail(output)}`);
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 100))]);
  }
  await exited;
  throw failure ?? new EmbeddedPostgresError(`PostgreSQL exited while starting (port ${options.port}, data in ${options.dataDir}): ${tail(output)}`);
}

const wait = (ms: number) => new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), ms).unref());

/** Fast shutdown (SIGINT: sessions are ended, data is flushed); immediate (SIGQUIT), then SIGKILL, if it will not go. */
export async function stopPostmaster(postmaster: Postmaster): Promise<void> {
  for (const [signal, graceMs] of [
    ["SIGINT", 30_000],
    ["SIGQUIT", 5_000],
    ["SIGKILL", 5_000],
  ] as const) {
    if (postmaster.process.exitCode !== null || postmaster.process.signalCode !== null) return;
    try {
      process.kill(postmaster.pid, signal);
    } catch {
      return; // Already gone.
    }
    if ((await Promise.race([postmaster.exited.then(() => "exited" as const), wait(graceMs)])) === "exited") return;
  }
}
