import { CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Dialect, type Driver, type Kysely, type QueryResult, type Transaction, type TransactionSettings } from "kysely";
import type pg from "pg";
import { isKeyed, messageOf, PreparedStatements, renderMessage, writeQuery, type Compilable, type Message, type WrittenQuery } from "./prepared-statements.js";

const WRITE_COMMANDS = new Set(["INSERT", "UPDATE", "DELETE", "MERGE"]);

function resultOf<R>(result: pg.QueryResult): QueryResult<R> {
  const rows = result.rows as R[];
  return WRITE_COMMANDS.has(result.command) ? { numAffectedRows: BigInt(result.rowCount ?? 0), rows } : { rows };
}

/**
 * A pooled connection that sends what needs no answer of its own with the statement after it, in
 * one message: a transaction's BEGIN, and statements whose result nobody reads (sendWithNext, the
 * scope's `set_config`). `begin; <scope>; <first statement>` is one round trip where it was
 * three. Which statement comes first and whether BEGIN comes with it changes nothing else: BEGIN
 * takes no snapshot and no lock, and a held statement still runs before the next, in the same
 * transaction. A held statement's failure is the next statement's.
 */
class HeldStatementsConnection implements DatabaseConnection {
  /** What to send with the next statement, in order; its first is `begin` while the transaction's BEGIN has not been sent. */
  #held: WrittenQuery[] = [];
  /** The transaction committed with its last statement (executeAndCommit): nothing more may run in it, and its end sends nothing. */
  #committed = false;
  /** What runs once the transaction has committed, in the COMMIT's message (holdAfterCommit). */
  #afterCommit: WrittenQuery[] = [];
  /** Something held would change more than the transaction's own settings: a COMMIT must send it. */
  #heldHasEffect = false;
  /**
   * Set while a read-only transaction runs as one implicit transaction per message (holdReadOnly):
   * what each of its messages starts with; `ran` once one has been sent.
   */
  #perMessage: { head: WrittenQuery[]; ran: boolean } | undefined;
  /** Set once a message went unanswered for `answerTimeoutMs`: the connection was given up, and everything on it fails with this. */
  #givenUp: DatabaseNoAnswerError | undefined;

  /**
   * `prepared`: the connection's prepared keyed statements (executeKeyed); without it, every
   * statement goes with its values written in. `answerTimeoutMs` (HeldStatementsOptions).
   */
  constructor(
    readonly client: pg.PoolClient,
    private readonly prepared: PreparedStatements | undefined,
    private readonly answerTimeoutMs: number | undefined,
  ) {}

  /** Whether the connection was given up (it went back to the pool, destroyed, already). */
  get givenUp(): boolean {
    return this.#givenUp !== undefined;
  }

  /**
   * Sends one message and waits for its answer, for at most `answerTimeoutMs`. A stalled server
   * (stopped, or the network black-holed) answers nothing and refuses nothing, and pg waits for it
   * for ever; its own query_timeout rejects the call but leaves the client mid-query, so the next
   * user of the connection would wait behind the lost answer (brianc/node-postgres#3399). So past
   * the deadline the client is released with the error: the pool drops it, and ending a client
   * with a query under way destroys its socket. What the message asked may still happen, if the
   * server reads it once it resumes (a COMMIT among it, too).
   */
  async #query(text: string, values?: readonly unknown[]): Promise<unknown> {
    if (this.#givenUp !== undefined) throw this.#givenUp;
    const answer = values === undefined ? this.client.query(text) : this.client.query(text, [...values]);
    const timeoutMs = this.answerTimeoutMs;
    if (timeoutMs === undefined) return answer;
    let timer: NodeJS.Timeout | undefined;
    const unanswered = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        const error = new DatabaseNoAnswerError(timeoutMs);
        this.#givenUp = error;
        this.client.release(error);
        reject(error);
      }, timeoutMs);
    });
    try {
      return await Promise.race([answer, unanswered]);
    } finally {
      clearTimeout(timer);
    }
  }

  holdBegin(): void {
    this.#refuseOpen();
    this.#held.push("begin");
  }

  /**
   * Runs the transaction as implicit ones, one per message (PostgreSQL runs the statements of one
   * simple-query message as one transaction): no BEGIN and no COMMIT are sent. Each message
   * starts with the read-only setting and what is held (the scope), so each sees exactly what
   * the transaction would: at READ COMMITTED every statement takes its own snapshot anyway. Only
   * locks and now() end with each message; a read takes no lock, and a write or FOR UPDATE is
   * refused. A statement whose parameters cannot be written in opens a transaction after all.
   */
  holdReadOnly(): void {
    this.#refuseOpen();
    this.#perMessage = { head: ["SELECT set_config('transaction_read_only', 'on', true)"], ran: false };
  }

  #refuseOpen(): void {
    if (this.#held.length > 0 || this.#perMessage !== undefined) throw new Error("A transaction is already being opened on this connection: commit or roll it back first");
  }

  /**
   * Holds `query` for the next statement's message, prepared if keyed; false (nothing held) when
   * its parameters cannot be written in (writeQuery). `settingsOnly`: it only sets the
   * transaction's own settings (SET LOCAL), so a transaction that runs nothing else sends nothing.
   */
  hold(query: CompiledQuery, settingsOnly: boolean): boolean {
    const written = writeQuery(query, this.prepared);
    if (written === undefined) return false;
    if (this.#perMessage !== undefined) this.#perMessage.head.push(written);
    else this.#held.push(written);
    this.#heldHasEffect ||= !settingsOnly;
    return true;
  }

  /**
   * Holds `queries` to run once the transaction has committed, after the COMMIT in its message,
   * as one implicit transaction of their own, each prepared if keyed; false (nothing held) when a
   * parameter of one cannot be written in.
   */
  holdAfterCommit(queries: readonly CompiledQuery[]): boolean {
    this.#refuseAfterCommit();
    if (this.#perMessage !== undefined) throw new Error("A read-only transaction commits nothing: run the statements after it");
    const written = queries.map((query) => writeQuery(query, this.prepared));
    if (written.includes(undefined)) return false;
    this.#afterCommit.push(...(written as WrittenQuery[]));
    return true;
  }

  /** What is held to run after the COMMIT (holdAfterCommit), which nothing holds after. */
  #takeAfterCommit(): WrittenQuery[] {
    const after = this.#afterCommit;
    this.#afterCommit = [];
    return after;
  }

  /** The message of what is held, then `queries`, then `tail`; undefined when a query's values cannot be written in. */
  #render(queries: readonly CompiledQuery[], tail: readonly WrittenQuery[] = []): Message | undefined {
    return renderMessage(this.prepared, this.#perMessage?.head ?? this.#held, queries, tail);
  }

  /** Sends a message of what is held (#render) and answers each query's result; nothing is held after, as #takeHeld leaves it. */
  async #send(message: Message): Promise<pg.QueryResult[]> {
    this.#takeHeld();
    const answer = await this.#sendMessage(message);
    // pg answers a message of several statements with one result each, in order.
    const results = (Array.isArray(answer) ? answer : [answer]) as pg.QueryResult[];
    return message.resultIndexes.map((index) => {
      const result = results[index];
      if (result === undefined) throw new Error("unreachable: each statement of a message has its result");
      return result;
    });
  }

  /** Sends `message`; a failure forgets what it prepared (Message.failed). */
  async #sendMessage(message: Message): Promise<unknown> {
    try {
      return await this.#query(message.text);
    } catch (error) {
      message.failed(error);
      throw error;
    }
  }

  /** Sends `parts`, statements whose results nobody reads, in one message. */
  async #sendUnanswered(parts: readonly WrittenQuery[]): Promise<void> {
    await this.#sendMessage(messageOf(this.prepared, parts, []));
  }

  /** What is held, to send now: nothing is held after (a read-only transaction's head stays, for its next message). */
  #takeHeld(): WrittenQuery[] {
    if (this.#perMessage !== undefined) {
      this.#perMessage.ran = true;
      return [...this.#perMessage.head];
    }
    const held = this.#held;
    this.#held = [];
    this.#heldHasEffect = false;
    return held;
  }

  /**
   * Drops what is held, and says whether the transaction's BEGIN was among it: then nothing of
   * the transaction reached the database, and there is nothing to end.
   */
  dropHeld(): boolean {
    this.#perMessage = undefined;
    const neverBegun = this.#takeHeld()[0] === "begin";
    this.#committed = false;
    this.#afterCommit = [];
    return neverBegun;
  }

  /** A read-only transaction's statement that must go on its own opens a transaction after all, with the head as held. */
  #openForExtendedQuery(): void {
    if (this.#perMessage === undefined) return;
    this.#held = ["begin", ...this.#perMessage.head];
    this.#perMessage = undefined;
  }

  /**
   * Ends the transaction. A commit sends whatever is still held with it, its BEGIN too when that
   * was never sent (a transaction of held statements only); a transaction that held nothing but
   * its BEGIN and its own settings ran nothing and sends nothing. A rollback drops what is held,
   * and sends nothing when the BEGIN never went.
   */
  async end(command: "commit" | "rollback"): Promise<void> {
    const perMessage = this.#perMessage;
    if (perMessage !== undefined) {
      // Committing one that ran nothing still runs what it held, a check among it.
      const mustRun = command === "commit" && !perMessage.ran && this.#heldHasEffect;
      this.dropHeld();
      if (mustRun) await this.#sendUnanswered(perMessage.head);
      return;
    }
    // A connection given up rolls back by itself: the server ends its transaction with it.
    if (this.#givenUp !== undefined && command === "rollback") {
      this.dropHeld();
      return;
    }
    const held = this.#held;
    const committed = this.#committed;
    const heldHasEffect = this.#heldHasEffect;
    const afterCommit = this.#takeAfterCommit();
    const neverBegun = this.dropHeld();
    if (committed) return;
    if (command === "rollback") {
      if (!neverBegun) await this.#query("rollback");
      return;
    }
    if (neverBegun && !heldHasEffect) {
      // Nothing ran: what was to run after its commit runs on its own.
      if (afterCommit.length > 0) await this.#sendUnanswered(afterCommit);
      return;
    }
    await this.#sendUnanswered([...held, "commit", ...afterCommit]);
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    this.#refuseAfterCommit();
    const alone = this.#held.length === 0 && this.#perMessage === undefined;
    const message = alone && !(this.prepared !== undefined && isKeyed(query)) ? undefined : this.#render([query]);
    if (message !== undefined) return resultOf((await this.#send(message))[0] as pg.QueryResult);
    // On its own, with its parameters (the extended protocol): nothing held and nothing to prepare, or values a message cannot carry.
    this.#openForExtendedQuery();
    const held = this.#takeHeld();
    if (held.length > 0) await this.#sendUnanswered(held);
    return resultOf<R>((await this.#query(query.sql, query.parameters)) as pg.QueryResult);
  }

  /**
   * Runs `queries` in one message, with what is held before them, and answers each; undefined,
   * sending nothing, when a parameter of one cannot be written in.
   */
  async executeTogether(queries: readonly CompiledQuery[]): Promise<QueryResult<unknown>[] | undefined> {
    this.#refuseAfterCommit();
    const message = queries.length === 0 ? undefined : this.#render(queries);
    if (message === undefined) {
      this.#openForExtendedQuery();
      return undefined;
    }
    return (await this.#send(message)).map((result) => resultOf(result));
  }

  /**
   * Runs `query`, then `after` (whose results nobody reads), and commits the transaction, in one
   * message with what is held, and answers `query`; one after the other when a parameter cannot
   * be written in. A failure leaves the transaction to be rolled back as usual.
   */
  async executeAndCommit<R>(query: CompiledQuery, after: readonly CompiledQuery[]): Promise<QueryResult<R>> {
    this.#refuseAfterCommit();
    if (this.#perMessage !== undefined) throw new Error("A read-only transaction commits nothing: run the statement as any other");
    const commitThenAfter = ["commit", ...this.#takeAfterCommit()];
    const message = this.#render([query, ...after], commitThenAfter);
    let result: pg.QueryResult;
    if (message === undefined) {
      const held = this.#takeHeld();
      if (held.length > 0) await this.#sendUnanswered(held);
      result = (await this.#query(query.sql, query.parameters)) as pg.QueryResult;
      for (const each of after) await this.#query(each.sql, each.parameters);
      await this.#sendUnanswered(commitThenAfter);
    } else {
      result = (await this.#send(message))[0] as pg.QueryResult;
    }
    this.#committed = true;
    return resultOf(result);
  }

  #refuseAfterCommit(): void {
    if (this.#committed) throw new Error("This transaction has already committed (executeAndCommit): run further statements in a new one");
  }

  streamQuery(): AsyncIterableIterator<never> {
    throw new Error("Streaming is not supported: page through the rows (keyset) instead");
  }
}

const heldStatementsConnection = (connection: DatabaseConnection): HeldStatementsConnection => {
  if (!(connection instanceof HeldStatementsConnection)) throw new Error("unreachable: the driver is given back only connections it made");
  return connection;
};

/**
 * Runs `statement`, whose result nobody reads, in transaction `db` with its next statement, in
 * that one's message (HeldStatementsConnection): no round trip of its own. At once when that
 * cannot be: `db` is not a transaction, its parameters cannot be written in, or `db` is not on
 * this driver. With `settingsOnly` (it only sets the transaction's own settings, as SET LOCAL
 * does), a transaction that runs nothing else sends nothing at all.
 */
export async function sendWithNext<DB>(db: Kysely<DB> | Transaction<DB>, statement: Compilable, options: { settingsOnly?: boolean } = {}): Promise<void> {
  const query = statement.compile(db);
  if (!db.isTransaction) {
    await db.executeQuery(query);
    return;
  }
  await db.getExecutor().provideConnection(async (connection) => {
    if (connection instanceof HeldStatementsConnection && connection.hold(query, options.settingsOnly === true)) return;
    await connection.executeQuery(query);
  });
}

/**
 * Runs `statements` (whose results nobody reads) once transaction `tx` has committed, after the
 * COMMIT in the same message, as one implicit transaction of their own: they see what committed
 * before them, `tx` included, and nothing of `tx` holds, its scope settings neither. Never when it
 * rolls back. Each statement's values must be ones a message can carry (inlineParameters), and
 * `tx` must be on this driver: both hold for this codebase's statements, and anything else throws.
 * A failure among them fails the commit's call, after the commit.
 */
export async function sendAfterCommit<DB>(tx: Transaction<DB>, statements: readonly Compilable[]): Promise<void> {
  const queries = statements.map((statement) => statement.compile(tx));
  await tx.getExecutor().provideConnection((connection) => {
    if (!(connection instanceof HeldStatementsConnection)) throw new Error("sendAfterCommit needs the held-statements driver (heldStatementsDialect)");
    if (!connection.holdAfterCommit(queries)) throw new Error("A statement sent after the commit must have values a message can carry");
    return Promise.resolve();
  });
}

/** Each statement's rows, in the order of the statements. */
type RowsOf<S extends readonly Compilable[]> = { [K in keyof S]: S[K] extends Compilable<infer R> ? R[] : never };

/**
 * Runs `statements`, none of which needs another's answer, in transaction `db` in one message
 * (with what sendWithNext holds), and returns each one's rows: one round trip for them all. One
 * after another when that cannot be: `db` is not a transaction, a parameter cannot be written
 * in, or `db` is not on this driver.
 */
export async function executeTogether<DB, const S extends readonly Compilable[]>(db: Kysely<DB> | Transaction<DB>, statements: S): Promise<RowsOf<S>> {
  const queries = statements.map((statement) => statement.compile(db));
  const results = await db.getExecutor().provideConnection(async (connection) => {
    const together = db.isTransaction && connection instanceof HeldStatementsConnection ? await connection.executeTogether(queries) : undefined;
    if (together !== undefined) return together;
    // One by one; the first takes what is held.
    const answered = [];
    for (const query of queries) answered.push(await connection.executeQuery(query));
    return answered;
  });
  return results.map((result) => result.rows) as RowsOf<S>;
}

/**
 * Runs `statement` and then `after` (statements whose results nobody reads) as the last of
 * transaction `tx`, and commits it, in one message (with what sendWithNext holds); returns
 * `statement`'s rows. A transaction whose last statements decide nothing more in between holds
 * its locks for no round trip after them. Nothing may run in `tx` after this, and its end sends
 * nothing. Off this driver, the statements run as usual and the transaction commits when it ends.
 */
export async function executeAndCommit<DB, R>(tx: Transaction<DB>, statement: Compilable<R>, after: readonly Compilable[] = []): Promise<R[]> {
  const query = statement.compile(tx);
  const rest = after.map((each) => each.compile(tx));
  const result = await tx.getExecutor().provideConnection(async (connection) => {
    if (connection instanceof HeldStatementsConnection) return connection.executeAndCommit<R>(query, rest);
    const rows = await connection.executeQuery<R>(query);
    for (const each of rest) await connection.executeQuery(each);
    return rows;
  });
  return result.rows;
}

/**
 * Kysely's PostgreSQL driver, on a pg pool, with each transaction's BEGIN (and what sendWithNext
 * holds) sent with its next statement (HeldStatementsConnection). A read-only transaction at the
 * default isolation level runs as one implicit transaction per message (holdReadOnly); one with an
 * isolation level opens at once, as kysely's own driver opens it. No savepoints (nothing here
 * nests transactions).
 */
class HeldStatementsDriver implements Driver {
  /** Each connection's prepared keyed statements, for as long as the pool keeps the connection. */
  readonly #prepared = new WeakMap<pg.PoolClient, PreparedStatements>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: HeldStatementsOptions,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const client = await this.pool.connect();
    return new HeldStatementsConnection(client, this.options.prepareKeyed === false ? undefined : this.#preparedOf(client), this.options.answerTimeoutMs);
  }

  #preparedOf(client: pg.PoolClient): PreparedStatements {
    let prepared = this.#prepared.get(client);
    if (prepared === undefined) {
      prepared = new PreparedStatements();
      this.#prepared.set(client, prepared);
    }
    return prepared;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (settings.isolationLevel === undefined && settings.accessMode === undefined) {
      heldStatementsConnection(connection).holdBegin();
      return;
    }
    if (settings.isolationLevel === undefined && settings.accessMode === "read only") {
      heldStatementsConnection(connection).holdReadOnly();
      return;
    }
    const isolation = settings.isolationLevel === undefined ? "" : ` isolation level ${settings.isolationLevel}`;
    await connection.executeQuery(CompiledQuery.raw(`start transaction${isolation} ${settings.accessMode ?? ""}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await heldStatementsConnection(connection).end("commit");
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await heldStatementsConnection(connection).end("rollback");
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    const held = heldStatementsConnection(connection);
    held.dropHeld();
    if (!held.givenUp) held.client.release();
    return Promise.resolve();
  }

  async destroy(): Promise<void> {
    await this.pool.end();
  }
}

export interface HeldStatementsOptions {
  /**
   * Keyed statements (executeKeyed) are prepared on each connection. Off behind a pooler that may
   * run a client's next message on another server connection (PgBouncer in transaction mode),
   * where a statement prepared on one is missing on the other. True unless said otherwise.
   */
  prepareKeyed?: boolean;
  /**
   * How long a message may go unanswered before its connection is given up (destroyed) and the
   * call fails with DatabaseNoAnswerError; undefined: as long as it takes.
   */
  answerTimeoutMs?: number | undefined;
}

/**
 * The database did not answer a message in time (HeldStatementsOptions.answerTimeoutMs): it is
 * stalled or out of reach, as a refused connection says it is down. Its code is the one Node
 * gives a socket that timed out, so it is told apart as the database being unavailable.
 */
export class DatabaseNoAnswerError extends Error {
  override name = "DatabaseNoAnswerError";
  readonly code = "ETIMEDOUT";

  constructor(readonly timeoutMs: number) {
    super(`The database did not answer within ${timeoutMs} ms`);
  }
}

/** PostgreSQL for kysely through HeldStatementsDriver. */
export function heldStatementsDialect(pool: pg.Pool, options: HeldStatementsOptions = {}): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new HeldStatementsDriver(pool, options),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
  };
}
