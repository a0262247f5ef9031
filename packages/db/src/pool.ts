import { Kysely, PostgresDialect, type Transaction } from "kysely";
import pg from "pg";
import type { Database } from "./schema.js";

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface CreateDbOptions {
  connectionString: string;
  max?: number;
  applicationName?: string;
}

// A calendar date (day counters) stays the string PostgreSQL wrote, not a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export function createDb({ connectionString, max = 10, applicationName = "incidentops" }: CreateDbOptions): Db {
  const pool = new pg.Pool({ connectionString, max, application_name: applicationName });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on("error", () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
