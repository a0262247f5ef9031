import { join } from "node:path";
import { appRoleUrl, EmbeddedPostgresError, migrate, startEmbeddedPostgres, type EmbeddedLog } from "@incidentops/db";
import pg from "pg";
import { ConfigError, type Config } from "./config.js";
import type { Logger } from "./logger.js";

export const EMBEDDED_DATABASE_NAME = "incidentops";

export interface DatabaseHandle {
  url: string;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  stop: () => Promise<void>;
}

async function ensureDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } catch (error) {
    // Another process may have created it between the check and the create.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await client.end();
  }
}

/** The embedded server's reports as log lines; PostgreSQL's own output at debug level. */
const embeddedLog =
  (logger: Logger): EmbeddedLog =>
  (level, message, fields = {}) => {
    if (level === "debug") logger.debug({ postgres: message }, "postgres");
    else logger[level](fields, message);
  };

/** DATABASE_URL when configured; otherwise the embedded PostgreSQL under the data dir. */
export async function openDatabase(config: Config, logger: Logger): Promise<DatabaseHandle> {
  if (config.databaseUrl !== undefined) return { url: config.databaseUrl, stop: () => Promise.resolve() };
  const dataDir = join(config.dataDir, "postgres");
  logger.info({ dataDir, port: config.embeddedPgPort }, "starting the embedded PostgreSQL");
  const server = await startEmbeddedPostgres({ dataDir, port: config.embeddedPgPort, log: embeddedLog(logger) });
  if (server.owned) logger.info({ dataDir: server.dataDir, port: config.embeddedPgPort, pid: server.pid() }, "the embedded PostgreSQL is running");
  else logger.info("the embedded PostgreSQL is already running: using it");
  await ensureDatabase(server.url(), EMBEDDED_DATABASE_NAME);
  return { url: server.url(EMBEDDED_DATABASE_NAME), stop: server.stop };
}

export interface PreparedDatabase extends DatabaseHandle {
  /** The connection for queries: the application role, bound by row-level security. */
  appUrl: string;
}

/**
 * Opens the database, applies pending migrations as the owner (safe from several processes at
 * once) and returns the application role's connection string.
 */
export async function prepareDatabase(config: Config, logger: Logger): Promise<PreparedDatabase> {
  const database = await openDatabase(config, logger);
  const password = "password" in config.appDatabase ? config.appDatabase.password : undefined;
  const applied = await migrate(database.url, { appRolePassword: password });
  if (applied.length > 0) logger.info({ applied }, "migrations applied");
  const appUrl = "url" in config.appDatabase ? config.appDatabase.url : appRoleUrl(database.url, config.appDatabase.password);
  return { ...database, appUrl };
}

/**
 * What a process that could not start prints: one line that says what to do for a refusal it
 * understands (a bad setting, an embedded PostgreSQL that cannot run here), else the error itself.
 */
export const startupFailure = (error: unknown): unknown =>
  error instanceof ConfigError || error instanceof EmbeddedPostgresError ? error.message : error;
