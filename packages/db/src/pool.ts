import { createRequire } from "node:module";
import { Kysely, type Transaction } from "kysely";
import pg from "pg";
import { heldStatementsDialect } from "./held-statements-driver.js";
import type { Database } from "./schema.js";

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface CreateDbOptions {
  connectionString: string;
  max?: number;
  applicationName?: string;
  /** How long to wait for a connection before the query fails (as the database being unavailable). */
  connectionTimeoutMs?: number;
  /** Keyed statements prepared on each connection (HeldStatementsOptions.prepareKeyed). */
  prepareKeyed?: boolean;
  /**
   * How long a statement may go unanswered before its connection is given up
   * (HeldStatementsOptions.answerTimeoutMs), and the most connecting may take; none: no limit.
   */
  answerTimeoutMs?: number | undefined;
  /** PostgreSQL settings of each connection's session (sent when it connects). */
  settings?: Readonly<Record<string, string>>;
}

/** Session settings as the startup packet's options (`-c name=value`); values with spaces or backslashes escaped as libpq's are. */
const startupOptions = (settings: Readonly<Record<string, string>>) =>
  Object.entries(settings)
    .map(([name, value]) => `-c ${name}=${value.replace(/[\\ ]/g, (c) => `\\${c}`)}`)
    .join(" ");

// A calendar date (day counters) stays the string PostgreSQL wrote, not a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// Timestamps are read by postgres-date 2, the same parser as the 1.x pg-types bundles, rewritten
// without regular expressions: 2.4x as fast. A page of incidents holds hundreds of them, and
// parsing them was a tenth of the API's CPU time on a list (bench/README.md).
// (A CommonJS module whose types declare an ES default export: required, as it is written.)
const parseTimestamp = createRequire(import.meta.url)("postgres-date") as (value: string) => Date | number | null;
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, parseTimestamp);
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, parseTimestamp);

const ignore = () => undefined;

/**
 * A pg pool that outlives the server going away. A client losing its connection (server restart)
 * must not crash the process: an idle one is reported on the pool, one checked out
 * (mid-transaction) on itself. Either way the query in progress, or the next one, fails with the
 * error, and the pool drops the client. The listeners stay for the pool's whole life (a pool
 * whose owner removes its listener before the last idle client is gone crashes the process).
 */
export function createPool({ connectionString, max = 10, applicationName = "incidentops", connectionTimeoutMs = 5_000, answerTimeoutMs, settings }: CreateDbOptions): pg.Pool {
  // A server that does not answer a new connection is as stalled as one that does not answer a statement.
  const connectionTimeoutMillis = Math.min(connectionTimeoutMs, answerTimeoutMs ?? connectionTimeoutMs);
  const pool = new pg.Pool({
    connectionString,
    max,
    application_name: applicationName,
    connectionTimeoutMillis,
    ...(settings === undefined ? {} : { options: startupOptions(settings) }),
  });
  pool.on("error", ignore);
  pool.on("connect", (client) => client.on("error", ignore));
  return pool;
}

export function createDb(options: CreateDbOptions): Db {
  return new Kysely<Database>({ dialect: heldStatementsDialect(createPool(options), { prepareKeyed: options.prepareKeyed, answerTimeoutMs: options.answerTimeoutMs }) });
}
