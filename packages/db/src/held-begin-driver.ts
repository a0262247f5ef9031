import { CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult, type TransactionSettings } from "kysely";
import type pg from "pg";
import { inlineParameters } from "./literal-statement.js";

const WRITE_COMMANDS = new Set(["INSERT", "UPDATE", "DELETE", "MERGE"]);

function resultOf<R>(result: pg.QueryResult): QueryResult<R> {
  return {
    ...(WRITE_COMMANDS.has(result.command) ? { numAffectedRows: BigInt(result.rowCount ?? 0) } : {}),
    rows: result.rows as R[],
  };
}

/**
 * A pooled connection whose transaction's BEGIN waits for the transaction's first statement and
 * goes in the same message (`begin; <statement>`): one round trip fewer per transaction. Which
 * statement comes first (nearly always the scope's) and whether BEGIN comes with it changes
 * nothing else: BEGIN takes no snapshot and no lock, the first statement does.
 */
class HeldBeginConnection implements DatabaseConnection {
  #beginHeld = false;

  constructor(readonly client: pg.PoolClient) {}

  holdBegin(): void {
    if (this.#beginHeld) throw new Error("A transaction is already open on this connection: commit or roll it back first");
    this.#beginHeld = true;
  }

  /** Whether BEGIN was still held (the transaction ran no statement, so nothing was opened to end); it is dropped either way. */
  dropHeldBegin(): boolean {
    const held = this.#beginHeld;
    this.#beginHeld = false;
    return held;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.dropHeldBegin()) return resultOf(await this.client.query(query.sql, [...query.parameters]));
    const literal = inlineParameters(query.sql, query.parameters);
    if (literal === undefined) {
      await this.client.query("begin");
      return resultOf(await this.client.query(query.sql, [...query.parameters]));
    }
    // Two statements in one message: pg answers with one result each.
    const results: unknown = await this.client.query(`begin; ${literal}`);
    if (!Array.isArray(results) || results.length !== 2) throw new Error("unreachable: begin and one statement make two results");
    return resultOf(results[1] as pg.QueryResult);
  }

  streamQuery(): AsyncIterableIterator<never> {
    throw new Error("Streaming is not supported: page through the rows (keyset) instead");
  }
}

const heldBeginConnection = (connection: DatabaseConnection): HeldBeginConnection => {
  if (!(connection instanceof HeldBeginConnection)) throw new Error("unreachable: the driver is given back only connections it made");
  return connection;
};

/**
 * Kysely's PostgreSQL driver, on a pg pool, with each transaction's BEGIN sent with its first
 * statement (HeldBeginConnection). A transaction with an isolation level or an access mode opens
 * at once, as kysely's own driver opens it. No savepoints (nothing here nests transactions).
 */
class HeldBeginDriver implements Driver {
  constructor(private readonly pool: pg.Pool) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new HeldBeginConnection(await this.pool.connect());
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (settings.isolationLevel === undefined && settings.accessMode === undefined) {
      heldBeginConnection(connection).holdBegin();
      return;
    }
    const isolation = settings.isolationLevel === undefined ? "" : ` isolation level ${settings.isolationLevel}`;
    await connection.executeQuery(CompiledQuery.raw(`start transaction${isolation} ${settings.accessMode ?? ""}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    if (!heldBeginConnection(connection).dropHeldBegin()) await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!heldBeginConnection(connection).dropHeldBegin()) await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    const held = heldBeginConnection(connection);
    held.dropHeldBegin();
    held.client.release();
    return Promise.resolve();
  }

  async destroy(): Promise<void> {
    await this.pool.end();
  }
}

/** PostgreSQL for kysely through HeldBeginDriver. */
export function heldBeginDialect(pool: pg.Pool): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new HeldBeginDriver(pool),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
  };
}
