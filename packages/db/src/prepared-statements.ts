import type { CompiledQuery, Kysely, QueryExecutorProvider, Transaction } from "kysely";
import { executeArguments, inlineParameters } from "./literal-statement.js";

/** A statement as kysely builds one (a query builder, a `sql` template): it compiles for the handle it runs on. */
export interface Compilable<R = unknown> {
  compile(executorProvider: QueryExecutorProvider): CompiledQuery<R>;
}

const KEYED = Symbol("keyed");

/** PostgreSQL's invalid_sql_statement_name: EXECUTE of a name the connection does not have. */
const UNKNOWN_PREPARED_STATEMENT = "26000";

/**
 * `select *` or `select "t".*` (also after another column), or `returning *`: a result whose
 * shape a migration can change.
 */
const SELECTS_EVERY_COLUMN = /(?:^\s*select(?:\s+distinct)?|,|\breturning)\s+(?:"\w+"\.)?\*\s*(?:,|from\b|$)/i;

/**
 * Runs `statement`, a keyed statement, as a statement prepared on its connection, and answers its
 * rows. Keyed: every row it reads or writes is found by a primary or unique key, so its best plan
 * cannot depend on its values or on how many rows a table holds. A lookup of one row by its key
 * is one (an incident's read); so is an upsert of rows by their unique key whose values come as
 * one document (`jsonb_to_recordset`), which the planner cannot see into whether it plans for
 * the values or not (an alert batch's incidents); so is a read of the few rows an org has in a
 * table keyed by org first (its notification targets), and rows looked up one at a time, each by
 * its key, in a lateral subquery that OFFSET 0 keeps from being planned as a join (a fan-out's
 * events).
 *
 * PostgreSQL parses and plans a statement sent with its values written in every time (planning
 * the read of one incident with its assignees took three times as long as running it; an alert
 * batch's upsert, twice as long); a prepared one is planned once its connection has run it a few
 * times (plan_cache_mode auto), the plan kept for every value after. A statement whose rows grow
 * with the data (a page, a lane's due attempts) is planned as any other, since the plan a
 * prepared statement settles on comes from the statistics of that moment, which a storm outruns
 * (bench/README.md, "Plans kept per connection"). A keyed statement names its columns: a
 * prepared `select *` or `returning *` fails once a migration adds a column to its table
 * ("cached plan must not change result type").
 */
export async function executeKeyed<DB, R>(db: Kysely<DB> | Transaction<DB>, statement: Compilable<R>): Promise<R[]> {
  const result = await db.executeQuery<R>(keyed(statement).compile(db));
  return result.rows;
}

/** `statement` as a keyed statement (executeKeyed), for a message of several (executeTogether). */
export const keyed = <R>(statement: Compilable<R>): Compilable<R> => ({ compile: (executorProvider) => asKeyed(checkedKeyed(statement.compile(executorProvider))) });

/** `query`, refused unless it names its columns (see executeKeyed). */
function checkedKeyed<R>(query: CompiledQuery<R>): CompiledQuery<R> {
  if (SELECTS_EVERY_COLUMN.test(query.sql)) throw new Error(`A keyed statement names its columns, so that a migration adding one cannot break it once prepared: ${query.sql}`);
  return query;
}

/** Where a keyedStatement's argument goes: built in place of the argument, compiled as one of the statement's values. */
class ArgumentSlot {
  constructor(readonly index: number) {}
}

/**
 * A keyed statement (executeKeyed) of one shape, whatever its arguments: `build` runs and its
 * statement compiles at the first call only, and each call after puts its arguments in as the
 * statement's values. Building and compiling an incident's read took 4% of the API's CPU for
 * each read (bench/README.md, "A keyed read built once"). `build` must use each argument as a value
 * (`where("id", "=", id)`), never to choose the statement's shape, which a statement built once
 * cannot follow: an argument that is not among the compiled statement's values is refused. Its
 * arguments are the parameters `build` declares after `db` (none with a default, no rest).
 */
export function keyedStatement<DB, Args extends unknown[], R>(
  build: (db: Kysely<DB>, ...args: Args) => Compilable<R>,
): (db: Kysely<DB> | Transaction<DB>, ...args: Args) => Promise<R[]> {
  const slots = Array.from({ length: build.length - 1 }, (_, index) => new ArgumentSlot(index));
  let compiled: CompiledQuery<R> | undefined;
  return async (db, ...args) => {
    compiled ??= withEverySlotAValue(checkedKeyed(build(db, ...(slots as Args)).compile(db)), slots);
    const parameters = compiled.parameters.map((value) => (value instanceof ArgumentSlot ? args[value.index] : value));
    const result = await db.executeQuery<R>(asKeyed({ ...compiled, parameters }));
    return result.rows;
  };
}

function withEverySlotAValue<R>(query: CompiledQuery<R>, slots: readonly ArgumentSlot[]): CompiledQuery<R> {
  const missing = slots.find((slot) => !query.parameters.includes(slot));
  if (missing !== undefined) throw new Error(`Argument ${missing.index} of a keyed statement must be one of its values, not shape it: ${query.sql}`);
  return query;
}

/** `query`, marked as a keyed statement for the driver to prepare. */
export const asKeyed = <R>(query: CompiledQuery<R>): CompiledQuery<R> => Object.freeze({ [KEYED]: true, ...query });

export const isKeyed = (query: CompiledQuery): boolean => (query as { [KEYED]?: true })[KEYED] === true;

/** A simple-query message's text, and where in pg's answer (one result per statement) each of the given queries' result is. */
export interface Message {
  text: string;
  resultIndexes: number[];
  /** To call with the error when the message failed: what it prepared may or may not exist, and is not used again. */
  failed: (error: unknown) => void;
}

/**
 * A statement as a message writes it: SQL with its values written in (inlineParameters), or a
 * keyed statement to prepare, its SQL and EXECUTE's arguments.
 */
export type WrittenQuery = string | { execute: { sql: string; args: string } };

/**
 * The message of `held`, then `queries` with their values written in, then `tail` (`commit`, and
 * what runs after it); undefined when a query's values cannot be written in. Keyed statements
 * (executeKeyed), among them or held, are prepared and executed when `prepared` is given.
 */
export function renderMessage(
  prepared: PreparedStatements | undefined,
  held: readonly WrittenQuery[],
  queries: readonly CompiledQuery[],
  tail: readonly WrittenQuery[] = [],
): Message | undefined {
  const written: WrittenQuery[] = [];
  for (const query of queries) {
    const each = writeQuery(query, prepared);
    if (each === undefined) return undefined;
    written.push(each);
  }
  return messageOf(prepared, held, written, tail);
}

/**
 * The message of `held`, `written` (the statements whose results are answered) and `tail`, already
 * written (writeQuery): as text when none is keyed, as always without `prepared`; else each keyed
 * one by name (PreparedStatements.render).
 */
export function messageOf(prepared: PreparedStatements | undefined, held: readonly WrittenQuery[], written: readonly WrittenQuery[], tail: readonly WrittenQuery[] = []): Message {
  const parts = [...held, ...written, ...tail];
  const literals = parts.filter((part) => typeof part === "string");
  if (prepared === undefined || literals.length === parts.length) {
    return { text: literals.join("; "), resultIndexes: written.map((_, i) => held.length + i), failed: () => undefined };
  }
  return prepared.render(held, written, tail, parts.length - literals.length);
}

/**
 * A statement as a message writes it: a keyed one by name when `prepared` is given; undefined
 * when its values or SQL cannot be written in (inlineParameters). The SQL of a statement the
 * connection has prepared was checked when it was prepared: an incident's read is not scanned and
 * written out again at every call.
 */
export function writeQuery(query: CompiledQuery, prepared: PreparedStatements | undefined): WrittenQuery | undefined {
  if (prepared !== undefined && isKeyed(query)) {
    const args = executeArguments(query.parameters);
    if (args !== undefined && (prepared.has(query.sql) || inlineParameters(query.sql, query.parameters) !== undefined)) return { execute: { sql: query.sql, args } };
  }
  return inlineParameters(query.sql, query.parameters);
}

/**
 * The SQL-level prepared statements of one connection (PREPARE and EXECUTE, which a simple-query
 * message can carry several of, unlike the extended protocol's named statements). A keyed
 * statement's first use on the connection prepares it in the same message. PREPARE is not transactional: a
 * statement exists once its PREPARE ran, whatever the message did after. So a name is never
 * reused, and what a failed message prepared is forgotten (left on the server, at worst): the
 * cache never names a statement the server lacks. Past `capacity` statements, or `capacity`
 * forgotten ones, the next message starts with DEALLOCATE ALL.
 */
export class PreparedStatements {
  readonly #names = new Map<string, string>();
  #counter = 0;
  #forgotten = 0;
  #deallocateAll = false;

  constructor(private readonly capacity = 100) {}

  /** Whether the connection has `sql` prepared. */
  has(sql: string): boolean {
    return this.#names.has(sql);
  }

  /**
   * The message of `held`, `queries` and `tail`, each keyed statement among them (`keyedCount` of
   * them) by name, prepared in it at its first use; the result of each of `queries`.
   */
  render(held: readonly WrittenQuery[], queries: readonly WrittenQuery[], tail: readonly WrittenQuery[], keyedCount: number): Message {
    const parts: string[] = [];
    const deallocated = this.#deallocateAll || this.#names.size + keyedCount > this.capacity;
    if (deallocated) {
      parts.push("DEALLOCATE ALL");
      this.#names.clear();
      this.#forgotten = 0;
      this.#deallocateAll = false;
    }
    const preparedNow: string[] = [];
    const write = (query: WrittenQuery) => {
      if (typeof query === "string") {
        parts.push(query);
        return;
      }
      let name = this.#names.get(query.execute.sql);
      if (name === undefined) {
        name = `incidentops_${this.#counter++}`;
        this.#names.set(query.execute.sql, name);
        preparedNow.push(query.execute.sql);
        parts.push(`PREPARE ${name} AS ${query.execute.sql}`);
      }
      parts.push(`EXECUTE ${name}${query.execute.args}`);
    };
    held.forEach(write);
    const resultIndexes = queries.map((query) => {
      write(query);
      return parts.length - 1;
    });
    tail.forEach(write);
    const failed = (error: unknown) => {
      for (const sql of preparedNow) this.#names.delete(sql);
      this.#forgotten += preparedNow.length;
      if (deallocated || this.#forgotten >= this.capacity) this.#deallocateAll = true;
      // Something else deallocated the connection's statements (a pooler's DISCARD ALL): start again.
      if ((error as { code?: unknown } | null)?.code === UNKNOWN_PREPARED_STATEMENT) {
        this.#names.clear();
        this.#deallocateAll = true;
      }
    };
    return { text: parts.join("; "), resultIndexes, failed };
  }
}
