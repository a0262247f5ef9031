import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate, startEmbeddedPostgres, type RunningPostgres } from "@incidentops/db";
import pg from "pg";
import { TEST_APP_DB_PASSWORD } from "./database.js";
import { useStarted } from "./lifecycle.js";
import { freePort } from "./ports.js";

/**
 * A real PostgreSQL server of the test file's own (not the run's shared one), for fault tests:
 * they stop it, kill it and start it again by its process id without disturbing other files.
 */
export interface DisposablePostgres {
  /** The owner's connection string to `database` (the migrated `incidentops` by default). */
  url: (database?: string) => string;
  port: number;
  /** The postmaster's process id; undefined while it is down. */
  pid: () => number | undefined;
  /** Sends `signal` to the postmaster and waits until it has exited (SIGINT: fast shutdown; SIGKILL: a crash). */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  /** Starts it again on the same data directory and port. */
  start: () => Promise<void>;
  close: () => Promise<void>;
}

export const DISPOSABLE_DATABASE = "incidentops";

/** Whether a process with this id runs (signal 0 checks without signalling). */
export const isProcessAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Starts a server in a temporary directory with one migrated database, `incidentops`. */
export async function startDisposablePostgres(): Promise<DisposablePostgres> {
  const dataDir = await mkdtemp(join(tmpdir(), "incidentops-fault-pg-"));
  const port = await freePort();
  const launch = () => startEmbeddedPostgres({ dataDir, port, restartOnExit: false });
  let server: RunningPostgres = await launch();
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DISPOSABLE_DATABASE}`);
  await admin.end();
  await migrate(server.url(DISPOSABLE_DATABASE), { appRolePassword: TEST_APP_DB_PASSWORD });

  return {
    url: (database = DISPOSABLE_DATABASE) => server.url(database),
    port,
    pid: () => server.pid(),
    kill: async (signal = "SIGINT") => {
      const pid = server.pid();
      if (pid === undefined) throw new Error("The disposable PostgreSQL is not running");
      process.kill(pid, signal);
      const deadline = Date.now() + 30_000;
      while (isProcessAlive(pid)) {
        if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) did not exit after ${signal}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    start: async () => {
      // After a SIGKILL its sessions may hold the shared memory for a moment: try until it starts.
      const deadline = Date.now() + 30_000;
      for (;;) {
        try {
          const started = await launch();
          if (!started.owned) throw new Error("the stopped server still answers");
          server = started;
          return;
        } catch (error) {
          if (Date.now() > deadline) throw error;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
    },
    close: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A disposable PostgreSQL for the file's tests: started before them, removed after. */
export function useDisposablePostgres(): { current: DisposablePostgres } {
  return useStarted("The disposable PostgreSQL", startDisposablePostgres);
}
