import { createTestDatabase, waitFor, type TestDatabase } from "@incidentops/testkit";
import { CompiledQuery, Kysely, sql, type Transaction } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool, DatabaseNoAnswerError, executeAndCommit, executeKeyed, executeTogether, heldStatementsDialect, keyed, keyedStatement, sendAfterCommit, sendWithNext } from "../src/index.js";
import { inlineParameters } from "../src/literal-statement.js";
import { asKeyed, PreparedStatements, renderMessage } from "../src/prepared-statements.js";

/** A statement on `db` now runs in a transaction of its own: none was left open on the connection. */
async function expectNoTransactionLeftOpen(db: Kysely<ProbesDb>): Promise<void> {
  const { rows } = await sql<{ own: boolean }>`SELECT now() = statement_timestamp() AS own`.execute(db);
  expect(rows[0]?.own).toBe(true);
}

describe("inlineParameters", () => {
  it("writes each parameter as a quoted literal, a quote in it doubled", () => {
    expect(inlineParameters("SELECT f($1, $2, $3, $4, $5)", ["O'Brien", 5, true, null, 12n])).toBe("SELECT f('O''Brien', '5', 'true', NULL, '12')");
  });

  it("tells $1 from $10 and leaves $n inside strings, names and comments alone", () => {
    const parameters = Array.from({ length: 10 }, (_, i) => `p${i + 1}`);
    expect(inlineParameters(`SELECT $10, $1, '$1 it''s', "$2", x -- $3\n/* $4 */`, parameters)).toBe(`SELECT 'p10', 'p1', '$1 it''s', "$2", x -- $3\n/* $4 */`);
  });

  it("dollar-quotes a value with a backslash, with a tag that first appears where it closes", () => {
    expect(inlineParameters("SELECT $1", ["a\\'"])).toBe("SELECT $v0$a\\'$v0$");
    expect(inlineParameters("SELECT $1", ["\\$v0$"])).toBe("SELECT $v1$\\$v0$$v1$");
    expect(inlineParameters("SELECT $1", ["\\ ends in $v0"])).toBe("SELECT $v1$\\ ends in $v0$v1$");
  });

  it.each([
    ["a backslash in an array's element", "SELECT $1", [["a\\b"]]],
    ["a NUL in a value", "SELECT $1", ["a\0b"]],
    ["a Date", "SELECT $1", [new Date()]],
    ["an array of objects", "SELECT $1", [[{ a: 1 }]]],
    ["an object", "SELECT $1", [{ a: 1 }]],
    ["an infinite number", "SELECT $1", [Infinity]],
    ["a parameter it was not given", "SELECT $2", ["a"]],
    ["an escape string", "SELECT E'\\n', $1", ["a"]],
    ["a Unicode string", "SELECT U&'d', $1", ["a"]],
    ["dollar quoting", "SELECT $$ $1 $$, $1", ["a"]],
    ["a second statement", "SELECT $1; SELECT 2", ["a"]],
    ["a nested comment", "SELECT /* /* */ $1 */ 1", ["a"]],
    ["an unclosed string", "SELECT 'a, $1", ["a"]],
  ])("declines %s", (_, statement, parameters) => {
    expect(inlineParameters(statement, parameters)).toBeUndefined();
  });
});

describe("PreparedStatements", () => {
  const lookup = (table: string) => asKeyed(CompiledQuery.raw(`select "label" from "${table}" where "id" = $1`, [1]));
  const written = (table: string) => `select "label" from "${table}" where "id" = '1'`;

  it("prepares a keyed statement in the message of its first use, executes it by name after, and writes anything else in", () => {
    const prepared = new PreparedStatements();
    const first = renderMessage(prepared, ["begin"], [lookup("a"), CompiledQuery.raw(`select $1`, ["x"])], ["commit"]);
    expect(first?.text).toBe(`begin; PREPARE incidentops_0 AS select "label" from "a" where "id" = $1; EXECUTE incidentops_0('1'); select 'x'; commit`);
    expect(first?.resultIndexes).toEqual([2, 3]);
    expect(renderMessage(prepared, [], [lookup("a")])?.text).toBe("EXECUTE incidentops_0('1')");
    expect(renderMessage(undefined, [], [lookup("a")])?.text).toBe(written("a"));
    expect(renderMessage(prepared, [], [asKeyed(CompiledQuery.raw("select $1", [{ an: "object" }]))])).toBeUndefined();
  });

  it("never reuses a name, prepares again what a failed message prepared, and starts with DEALLOCATE ALL past its capacity", () => {
    const prepared = new PreparedStatements(2);
    renderMessage(prepared, [], [lookup("a")])?.failed(new Error("failed"));
    expect(renderMessage(prepared, [], [lookup("a")])?.text).toBe(`PREPARE incidentops_1 AS ${lookup("a").sql}; EXECUTE incidentops_1('1')`);
    expect(renderMessage(prepared, [], [lookup("b")])?.text).toBe(`PREPARE incidentops_2 AS ${lookup("b").sql}; EXECUTE incidentops_2('1')`);
    expect(renderMessage(prepared, [], [lookup("c")])?.text).toBe(`DEALLOCATE ALL; PREPARE incidentops_3 AS ${lookup("c").sql}; EXECUTE incidentops_3('1')`);
    expect(renderMessage(prepared, [], [lookup("c")])?.text).toBe("EXECUTE incidentops_3('1')");
    // A failed message that deallocated may not have: the next deallocates again.
    renderMessage(prepared, [], [lookup("d"), lookup("e")])?.failed(new Error("failed"));
    expect(renderMessage(prepared, [], [lookup("c")])?.text).toMatch(/^DEALLOCATE ALL; PREPARE incidentops_6 AS /);
  });
});

/** The table these tests write and read. */
interface ProbesDb {
  probes: { id: number; label: string };
}

describe("the held-statements driver, on PostgreSQL", () => {
  let database: TestDatabase;
  let db: Kysely<ProbesDb>;

  beforeAll(async () => {
    database = await createTestDatabase({ template: null });
    db = new Kysely({ dialect: heldStatementsDialect(createPool({ connectionString: database.url, max: 1 })) });
    await sql`CREATE TABLE probes (id int PRIMARY KEY, label text NOT NULL)`.execute(db);
  });

  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  // Within one message PostgreSQL's statement_timestamp() is the message's arrival, and the
  // transaction's start is its BEGIN's: equal only when BEGIN came in the same message.
  const beganWithFirstStatement = (value: unknown) =>
    db.transaction().execute(async (tx) => {
      const { rows } = await sql<{ together: boolean; value: unknown }>`SELECT transaction_timestamp() = statement_timestamp() AS together, ${value}::text AS value`.execute(tx);
      return rows[0];
    });

  it("sends BEGIN in the message of the transaction's first statement, whose parameters arrive intact", async () => {
    const backslashed = [`back\\slash`, `\\'); DROP TABLE probes; --`, `{"a":"q\\"uote\\n"}`, `$v0$\\`, `\\$v0`];
    for (const tricky of [`it's -- not /* a */ comment; $1 "quoted" ü 🚨`, `'); DROP TABLE probes; --`, `''`, ...backslashed]) {
      expect(await beganWithFirstStatement(tricky)).toEqual({ together: true, value: tricky });
    }
  });

  it("writes a backslash as itself whatever standard_conforming_strings says", async () => {
    await sql`SET standard_conforming_strings = off`.execute(db);
    try {
      expect(await beganWithFirstStatement(`\\n'\\`)).toEqual({ together: true, value: `\\n'\\` });
    } finally {
      await sql`RESET standard_conforming_strings`.execute(db);
    }
  });

  it("sends BEGIN on its own when a parameter cannot be a literal", async () => {
    expect(await beganWithFirstStatement({ a: 1 })).toEqual({ together: false, value: '{"a":1}' });
  });

  it("keeps what the first statement set for the rest of the transaction, and no longer", async () => {
    const seen = await db.transaction().execute(async (tx) => {
      await sql`SELECT set_config('app.org_id', ${"org-a"}, true)`.execute(tx);
      return (await sql<{ org: string }>`SELECT current_setting('app.org_id') AS org`.execute(tx)).rows[0]?.org;
    });
    expect(seen).toBe("org-a");
    const after = await sql<{ org: string | null }>`SELECT current_setting('app.org_id', true) AS org`.execute(db);
    expect(after.rows[0]?.org ?? "").toBe("");
  });

  it("rolls back the whole transaction when a later step fails, and counts affected rows", async () => {
    await expect(
      db.transaction().execute(async (tx) => {
        const inserted = await tx.insertInto("probes").values({ id: 1, label: "kept?" }).executeTakeFirst();
        expect(inserted.numInsertedOrUpdatedRows).toBe(1n);
        throw new Error("step failed");
      }),
    ).rejects.toThrow("step failed");
    expect(await db.selectFrom("probes").selectAll().execute()).toEqual([]);
  });

  it("reports a first statement's failure as PostgreSQL's error and leaves the connection usable", async () => {
    await db.insertInto("probes").values({ id: 2, label: "first" }).execute();
    const failure = db.transaction().execute((tx) => tx.insertInto("probes").values({ id: 2, label: "again" }).execute());
    await expect(failure).rejects.toMatchObject({ code: "23505" });
    const updated = await db.transaction().execute((tx) => tx.updateTable("probes").set({ label: "second" }).where("id", "=", 2).executeTakeFirst());
    expect(updated.numUpdatedRows).toBe(1n);
    expect(await db.selectFrom("probes").select("label").execute()).toEqual([{ label: "second" }]);
  });

  it("sends a held statement in the next statement's message, after BEGIN, in the transaction", async () => {
    const arrays = [["a", "it's"], ["b", null]];
    const seen = await db.transaction().execute(async (tx) => {
      await sendWithNext(tx, sql`SELECT set_config('app.held', ${"scoped"}, true)`);
      const { rows } = await sql<{ held: string; together: boolean; arrays: (string | null)[] }>`
        SELECT current_setting('app.held') AS held, transaction_timestamp() = statement_timestamp() AS together, ${arrays[0]}::text[] || ${arrays[1]}::text[] AS arrays`.execute(tx);
      return rows[0];
    });
    expect(seen).toEqual({ held: "scoped", together: true, arrays: ["a", "it's", "b", null] });
  });

  it("runs statements together in one message, after BEGIN and what is held, answering each; one by one when a parameter cannot be written in", async () => {
    const stamped = (label: unknown) =>
      // As text, to the microsecond: a Date keeps milliseconds, and two messages can arrive within one.
      sql<{ label: string; held: string; arrived: string; began: string }>`
        SELECT ${label}::text AS label, current_setting('app.held') AS held, statement_timestamp()::text AS arrived, transaction_timestamp()::text AS began`;
    const run = (second: unknown) =>
      db.transaction().execute(async (tx) => {
        await sendWithNext(tx, sql`SELECT set_config('app.held', ${"together"}, true)`);
        return executeTogether(tx, [stamped("it's first"), tx.selectFrom("probes").select("label").where("id", "=", 1), stamped(second)]);
      });
    await db.insertInto("probes").values({ id: 1, label: "probe" }).execute();
    const [first, probes, last] = await run("second");
    expect([first[0]?.label, probes, last[0]?.label, first[0]?.held, last[0]?.held]).toEqual(["it's first", [{ label: "probe" }], "second", "together", "together"]);
    expect([first[0]?.arrived, last[0]?.arrived]).toEqual([first[0]?.began, first[0]?.began]);
    // An object cannot be written in: each statement goes on its own, BEGIN and what is held with the first.
    const [alone, , afterIt] = await run({ a: 1 });
    expect([alone[0]?.arrived, alone[0]?.held, afterIt[0]?.label, afterIt[0]?.held]).toEqual([alone[0]?.began, "together", '{"a":1}', "together"]);
    expect(afterIt[0]?.arrived).not.toEqual(alone[0]?.arrived);
  });

  it("runs a held statement with COMMIT when no statement follows it, and drops it on ROLLBACK", async () => {
    const holdInsert = (id: number) =>
      db.transaction().execute(async (tx) => {
        // An object sends BEGIN on its own, so the transaction has begun when the insert is held.
        await sql`SELECT ${{ a: 1 }}::jsonb`.execute(tx);
        await sendWithNext(tx, tx.insertInto("probes").values({ id, label: "held" }));
        if (id === 11) throw new Error("rolled back");
      });
    await holdInsert(10);
    await expect(holdInsert(11)).rejects.toThrow("rolled back");
    expect(await db.selectFrom("probes").select("id").where("id", ">=", 10).execute()).toEqual([{ id: 10 }]);
  });

  it("commits a transaction of held statements only, its BEGIN sent with them and the COMMIT", async () => {
    await db.transaction().execute(async (tx) => {
      await sendWithNext(tx, tx.insertInto("probes").values({ id: 20, label: "only held" }));
      await sendWithNext(tx, tx.insertInto("probes").values({ id: 21, label: "only held" }));
    });
    expect(await db.selectFrom("probes").select("id").where("label", "=", "only held").orderBy("id").execute()).toEqual([{ id: 20 }, { id: 21 }]);
  });

  it("runs a held statement at once outside a transaction", async () => {
    await sendWithNext(db, db.insertInto("probes").values({ id: 30, label: "no transaction" }));
    expect(await db.selectFrom("probes").select("id").where("id", "=", 30).execute()).toEqual([{ id: 30 }]);
  });

  it("runs a last statement, those after it and COMMIT in one message, answering the first; the transaction then runs and sends nothing more", async () => {
    const insert = (id: number, label: unknown) =>
      sql<{ label: string; held: string; arrived: string; began: string }>`
        INSERT INTO probes (id, label) VALUES (${id}, ${label}::text)
        RETURNING label, current_setting('app.held') AS held, statement_timestamp()::text AS arrived, transaction_timestamp()::text AS began`;
    const commitWith = (id: number, label: unknown, after?: (tx: Transaction<ProbesDb>) => Promise<unknown>) =>
      db.transaction().execute(async (tx) => {
        await sendWithNext(tx, sql`SELECT set_config('app.held', ${"together"}, true)`);
        // After it, in the same message: a statement whose result nobody reads, seeing the insert.
        const [row] = await executeAndCommit(tx, insert(id, label), [sql`INSERT INTO probes (id, label) SELECT id + 5, 'after ' || label FROM probes WHERE id = ${id}`]);
        await after?.(tx);
        return row;
      });
    // BEGIN, the held statement, the insert and COMMIT arrived as one message.
    const row = await commitWith(40, "last");
    expect([row?.label, row?.held, row?.arrived]).toEqual(["last", "together", row?.began]);
    // A statement after it is refused; what committed stays, and nothing is left open.
    await expect(commitWith(41, "then more", (tx) => tx.selectFrom("probes").selectAll().execute())).rejects.toThrow("already committed");
    // An object cannot be written in: BEGIN and what is held go first, then the statement, then COMMIT.
    const alone = await commitWith(42, { a: 1 });
    expect([alone?.label, alone?.held]).toEqual(['{"a":1}', "together"]);
    expect(alone?.arrived).not.toEqual(alone?.began);
    expect(await db.selectFrom("probes").selectAll().where("id", ">=", 40).where("id", "<", 50).orderBy("id").execute()).toEqual([
      { id: 40, label: "last" },
      { id: 41, label: "then more" },
      { id: 42, label: '{"a":1}' },
      { id: 45, label: "after last" },
      { id: 46, label: "after then more" },
      { id: 47, label: 'after {"a":1}' },
    ]);
    await expectNoTransactionLeftOpen(db);
  });

  it("runs what is sent after the commit once the transaction has committed, in the COMMIT's message, as a transaction of its own; never after a rollback", async () => {
    // After the commit: it sees the insert, not the transaction's settings, and its own settings hold to its end.
    const copyAfterCommit = (tx: Transaction<ProbesDb>, id: number) =>
      sendAfterCommit(tx, [
        sql`SELECT set_config('app.after', ${"after commit"}, true)`,
        sql`INSERT INTO probes (id, label)
            SELECT id + 1, current_setting('app.after') || ' saw ' || label || ', setting ' || coalesce(nullif(current_setting('app.held', true), ''), 'gone')
            FROM probes WHERE id = ${id}`,
      ]);
    await db.transaction().execute(async (tx) => {
      await sendWithNext(tx, sql`SELECT set_config('app.held', ${"in it"}, true)`);
      await copyAfterCommit(tx, 160);
      await tx.insertInto("probes").values({ id: 160, label: "committed" }).execute();
    });
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.insertInto("probes").values({ id: 162, label: "rolled back" }).execute();
        await copyAfterCommit(tx, 162);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    // With executeAndCommit, after its statements and COMMIT; and after a transaction that ran nothing.
    await db.transaction().execute(async (tx) => {
      await copyAfterCommit(tx, 164);
      await executeAndCommit(tx, tx.insertInto("probes").values({ id: 164, label: "committed last" }));
    });
    await db.insertInto("probes").values({ id: 166, label: "already there" }).execute();
    await db.transaction().execute((tx) => copyAfterCommit(tx, 166));
    expect(await db.selectFrom("probes").selectAll().where("id", ">=", 160).where("id", "<", 170).orderBy("id").execute()).toEqual([
      { id: 160, label: "committed" },
      { id: 161, label: "after commit saw committed, setting gone" },
      { id: 164, label: "committed last" },
      { id: 165, label: "after commit saw committed last, setting gone" },
      { id: 166, label: "already there" },
      { id: 167, label: "after commit saw already there, setting gone" },
    ]);
    await expectNoTransactionLeftOpen(db);
  });

  it("runs a statement at once when its parameters cannot be written in", async () => {
    const value = await db.transaction().execute(async (tx) => {
      await sendWithNext(tx, sql`SELECT set_config('app.held', ${{ a: 1 }}::text, true)`);
      return (await sql<{ held: string }>`SELECT current_setting('app.held') AS held`.execute(tx)).rows[0]?.held;
    });
    expect(value).toBe('{"a":1}');
  });

  it("opens nothing for a transaction that runs no statement, committed or rolled back", async () => {
    expect(await db.transaction().execute(() => Promise.resolve("nothing"))).toBe("nothing");
    await expect(db.transaction().execute(async () => Promise.reject(new Error("before any statement")))).rejects.toThrow("before any statement");
    await expectNoTransactionLeftOpen(db);
  });

  it("sends nothing for a transaction that holds only its own settings, and sends them with anything else", async () => {
    // An insert passed off as a setting shows whether the held statements were sent.
    const holdSetting = (tx: Transaction<ProbesDb>, id: number) =>
      sendWithNext(tx, tx.insertInto("probes").values({ id, label: "held as a setting" }), { settingsOnly: true });
    await db.transaction().execute((tx) => holdSetting(tx, 50));
    await db.transaction().execute(async (tx) => {
      await holdSetting(tx, 51);
      await sendWithNext(tx, sql`SELECT set_config('app.held', 'with an effect', true)`);
    });
    await db.transaction().execute(async (tx) => {
      await holdSetting(tx, 52);
      await tx.selectFrom("probes").select("id").execute();
    });
    expect(await db.selectFrom("probes").select("id").where("label", "=", "held as a setting").orderBy("id").execute()).toEqual([{ id: 51 }, { id: 52 }]);
  });

  describe("a read-only transaction", () => {
    const readOnly = () => db.transaction().setAccessMode("read only");
    const held = (tx: Transaction<ProbesDb>, value: string) => sendWithNext(tx, sql`SELECT set_config('app.held', ${value}, true)`);
    const seen = (tx: Transaction<ProbesDb>, parameter: unknown = "p") =>
      sql<{ implicit: boolean; held: string; began: string; parameter: string }>`
        SELECT transaction_timestamp() = statement_timestamp() AS implicit, current_setting('app.held', true) AS held,
               transaction_timestamp()::text AS began, ${parameter}::text AS parameter`
        .execute(tx)
        .then(({ rows }) => rows[0]);

    it("runs each statement in a message of its own, an implicit transaction (no BEGIN, no COMMIT) that starts with what is held", async () => {
      const [first, second] = await readOnly().execute(async (tx) => {
        await held(tx, "scoped");
        return [await seen(tx), await seen(tx)];
      });
      expect(first).toMatchObject({ implicit: true, held: "scoped" });
      expect(second).toMatchObject({ implicit: true, held: "scoped" });
      expect(first?.began).not.toBe(second?.began);
      const { rows } = await sql<{ open: boolean; held: string | null }>`SELECT now() = statement_timestamp() AS open, current_setting('app.held', true) AS held`.execute(db);
      expect(rows[0]).toEqual({ open: true, held: "" });
    });

    it("refuses a write and FOR UPDATE", async () => {
      await expect(readOnly().execute((tx) => tx.insertInto("probes").values({ id: 60, label: "in a read" }).execute())).rejects.toThrow(/read-only transaction/);
      await expect(readOnly().execute((tx) => tx.selectFrom("probes").selectAll().forUpdate().execute())).rejects.toThrow(/read-only transaction/);
      expect(await db.selectFrom("probes").select("id").where("id", "=", 60).execute()).toEqual([]);
    });

    it("runs what it holds when it commits having run nothing else, and not when it rolls back", async () => {
      const failingCheck = (tx: Transaction<ProbesDb>) => sendWithNext(tx, sql`SELECT 1 / 0`);
      await expect(readOnly().execute(failingCheck)).rejects.toThrow(/division by zero/);
      await expect(
        readOnly().execute(async (tx) => {
          await failingCheck(tx);
          throw new Error("the call failed");
        }),
      ).rejects.toThrow("the call failed");
    });

    it("opens a transaction after all, what it held first, when a parameter cannot be written in", async () => {
      const [first, second] = await readOnly().execute(async (tx) => {
        await held(tx, "scoped");
        return [await seen(tx, new Date()), await seen(tx)];
      });
      expect(first).toMatchObject({ implicit: false, held: "scoped" });
      expect(second).toMatchObject({ implicit: false, held: "scoped" });
      expect(first?.began).toBe(second?.began);
      const write = readOnly().execute((tx) => sql`INSERT INTO probes (id, label) VALUES (61, ${new Date()}::text)`.execute(tx));
      await expect(write).rejects.toThrow(/read-only transaction/);
    });
  });

  describe("keyed statements", () => {
    /** A connection of its own (its prepared statements start empty), closed after `use`. */
    const onNewConnection = async <T>(use: (on: Kysely<ProbesDb>) => Promise<T>, options = { prepareKeyed: true }): Promise<T> => {
      const on = new Kysely<ProbesDb>({ dialect: heldStatementsDialect(createPool({ connectionString: database.url, max: 1 }), options) });
      try {
        return await use(on);
      } finally {
        await on.destroy();
      }
    };
    /** The connection's prepared statements (the message that prepared each), and how often each ran on a custom (planned per run) or its generic plan. */
    const preparedOn = async (on: Kysely<ProbesDb>) =>
      (
        await sql<{ statement: string; custom: number; generic: number }>`
          SELECT statement, custom_plans::int AS custom, generic_plans::int AS generic FROM pg_prepared_statements ORDER BY prepare_time`.execute(on)
      ).rows;
    const labelOf = (on: Kysely<ProbesDb> | Transaction<ProbesDb>, id: number) =>
      executeKeyed(on, on.selectFrom("probes").select(["id", "label"]).where("id", "=", id));

    beforeAll(async () => {
      await db.insertInto("probes").values([{ id: 70, label: "seventy" }, { id: 71, label: "it's seventy-one" }]).execute();
    });

    it("prepares a keyed statement at its first use on the connection, executes it after, and PostgreSQL settles on its generic plan", async () => {
      await onNewConnection(async (on) => {
        const answers = [];
        for (const id of [70, 71, 72, 70, 71, 70, 71]) answers.push(await labelOf(on, id));
        expect(answers.slice(0, 3)).toEqual([[{ id: 70, label: "seventy" }], [{ id: 71, label: "it's seventy-one" }], []]);
        const prepared = await preparedOn(on);
        expect(prepared).toHaveLength(1);
        expect(prepared[0]?.statement).toBe(`PREPARE incidentops_0 AS select "id", "label" from "probes" where "id" = $1; EXECUTE incidentops_0('70')`);
        expect(prepared[0]).toMatchObject({ custom: 5, generic: 2 });
      });
    });

    it("executes it with what is held, in a transaction and in a read-only one", async () => {
      await onNewConnection(async (on) => {
        const inTransaction = await on.transaction().execute(async (tx) => {
          await sendWithNext(tx, sql`SELECT set_config('app.held', ${"scoped"}, true)`);
          const rows = await labelOf(tx, 71);
          return { rows, held: (await sql<{ held: string }>`SELECT current_setting('app.held') AS held`.execute(tx)).rows[0]?.held };
        });
        expect(inTransaction).toEqual({ rows: [{ id: 71, label: "it's seventy-one" }], held: "scoped" });
        const inReadOnly = await on
          .transaction()
          .setAccessMode("read only")
          .execute(async (tx) => {
            await sendWithNext(tx, sql`SELECT set_config('app.held', ${"scoped"}, true)`);
            return labelOf(tx, 70);
          });
        expect(inReadOnly).toEqual([{ id: 70, label: "seventy" }]);
        expect(await preparedOn(on)).toHaveLength(1);
      });
    });

    it("forgets what a failed message prepared, and prepares it again", async () => {
      await onNewConnection(async (on) => {
        const failing = on.transaction().execute(async (tx) => {
          await sendWithNext(tx, sql`SELECT 1 / 0`);
          return labelOf(tx, 70);
        });
        await expect(failing).rejects.toThrow(/division by zero/);
        // The message failed before its PREPARE, which never ran: executing the name would fail.
        expect(await labelOf(on, 70)).toEqual([{ id: 70, label: "seventy" }]);
        expect(await labelOf(on, 71)).toEqual([{ id: 71, label: "it's seventy-one" }]);
      });
    });

    it("prepares a keyed statement held for the next statement or for after the commit as well, and forgets it when its message failed", async () => {
      await onNewConnection(async (on) => {
        const setHeld = (value: string) => keyed(sql`SELECT set_config('app.held', ${value}, true)`);
        const copyAfterCommit = (id: number) => keyed(sql`INSERT INTO probes (id, label) SELECT id + 1, label || ' copied' FROM probes WHERE id = ${id}`);
        for (const id of [180, 182, 184, 186, 188, 190]) {
          const held = await on.transaction().execute(async (tx) => {
            await sendWithNext(tx, setHeld(`run ${id}`));
            await sendAfterCommit(tx, [copyAfterCommit(id)]);
            await tx.insertInto("probes").values({ id, label: `run ${id}` }).execute();
            return (await sql<{ held: string }>`SELECT current_setting('app.held') AS held`.execute(tx)).rows[0]?.held;
          });
          expect(held).toBe(`run ${id}`);
        }
        const readOnly = await on
          .transaction()
          .setAccessMode("read only")
          .execute(async (tx) => {
            await sendWithNext(tx, setHeld("read only"), { settingsOnly: true });
            return (await sql<{ held: string }>`SELECT current_setting('app.held') AS held`.execute(tx)).rows[0]?.held;
          });
        expect(readOnly).toBe("read only");
        expect(await on.selectFrom("probes").select("label").where("id", "in", [181, 191]).orderBy("id").execute()).toEqual([{ label: "run 180 copied" }, { label: "run 190 copied" }]);
        // Each planned for its values at its first five runs, then on its generic plan.
        expect((await preparedOn(on)).map(({ custom, generic }) => ({ custom, generic }))).toEqual([
          { custom: 5, generic: 2 },
          { custom: 5, generic: 1 },
        ]);
        // The EXECUTE of a held statement fails after its PREPARE ran: the name is not used again.
        const failing = on.transaction().execute(async (tx) => {
          await sendWithNext(tx, keyed(sql`SELECT 1 / ${0}::int`));
          return labelOf(tx, 70);
        });
        await expect(failing).rejects.toThrow(/division by zero/);
        await on.transaction().execute(async (tx) => {
          await sendWithNext(tx, keyed(sql`SELECT 1 / ${1}::int`));
          expect(await labelOf(tx, 70)).toEqual([{ id: 70, label: "seventy" }]);
        });
      });
    });

    it("prepares its statements again after something else deallocated them (a pooler's DISCARD ALL), failing the one call that found them gone", async () => {
      await onNewConnection(async (on) => {
        expect(await labelOf(on, 70)).toHaveLength(1);
        await sql`DISCARD ALL`.execute(on);
        await expect(labelOf(on, 70)).rejects.toMatchObject({ code: "26000" });
        expect(await labelOf(on, 70)).toEqual([{ id: 70, label: "seventy" }]);
      });
    });

    it("still answers after a migration adds a column to its table", async () => {
      await onNewConnection(async (on) => {
        expect(await labelOf(on, 70)).toEqual([{ id: 70, label: "seventy" }]);
        await sql`ALTER TABLE probes ADD COLUMN added int`.execute(db);
        try {
          expect(await labelOf(on, 70)).toEqual([{ id: 70, label: "seventy" }]);
        } finally {
          await sql`ALTER TABLE probes DROP COLUMN added`.execute(db);
        }
      });
    });

    it("refuses a statement that selects or returns every column: prepared, it would fail once a migration adds one", async () => {
      await expect(executeKeyed(db, db.selectFrom("probes").selectAll().where("id", "=", 70))).rejects.toThrow(/names its columns/);
      await expect(executeKeyed(db, db.selectFrom("probes").select("id").selectAll("probes").where("id", "=", 70))).rejects.toThrow(/names its columns/);
      await expect(executeKeyed(db, db.updateTable("probes").set({ label: "seventy" }).where("id", "=", 70).returningAll())).rejects.toThrow(/names its columns/);
      await expect(executeKeyed(db, db.updateTable("probes").set({ label: "seventy" }).where("id", "=", 70).returning("id").returningAll("probes"))).rejects.toThrow(/names its columns/);
      expect(await executeKeyed(db, db.updateTable("probes").set({ label: "seventy" }).where("id", "=", 70).returning(["id", "label"]))).toEqual([{ id: 70, label: "seventy" }]);
      expect(await executeKeyed(db, db.selectFrom("probes").select((eb) => eb.fn.countAll<string>().as("n")).where("id", "=", 70))).toEqual([{ n: "1" }]);
    });

    it("sends one with a value a message cannot carry, or SQL the scanner does not follow, on its own, unprepared", async () => {
      await onNewConnection(async (on) => {
        expect(await executeKeyed(on, sql<{ id: number }>`SELECT id FROM probes WHERE id = 70 AND ${new Date()}::timestamptz IS NOT NULL`)).toEqual([{ id: 70 }]);
        expect(await executeKeyed(on, sql<{ id: number }>`SELECT id FROM probes WHERE id = ${70} AND label <> E'\n'`)).toEqual([{ id: 70 }]);
        expect(await preparedOn(on)).toEqual([]);
      });
    });

    describe("built once (keyedStatement)", () => {
      it("builds and compiles at its first call only, and runs each call with its own arguments, prepared, wherever it is called", async () => {
        let builds = 0;
        const labelBetween = keyedStatement((on: Kysely<ProbesDb>, from: number, to: number) => {
          builds++;
          return on.selectFrom("probes").select(["id", "label"]).where("id", ">=", from).where("id", "<=", to).where("label", "<>", "none").orderBy("id");
        });
        await onNewConnection(async (on) => {
          expect(await labelBetween(on, 70, 70)).toEqual([{ id: 70, label: "seventy" }]);
          expect(await labelBetween(on, 71, 72)).toEqual([{ id: 71, label: "it's seventy-one" }]);
          expect(await on.transaction().execute((tx) => labelBetween(tx, 70, 71))).toHaveLength(2);
          const prepared = await preparedOn(on);
          expect(prepared).toHaveLength(1);
          expect(prepared[0]?.statement).toBe(
            `PREPARE incidentops_0 AS select "id", "label" from "probes" where "id" >= $1 and "id" <= $2 and "label" <> $3 order by "id"; EXECUTE incidentops_0('70', '70', 'none')`,
          );
        });
        expect(await labelBetween(db, 72, 80)).toEqual([]);
        expect(builds).toBe(1);
      });

      it("refuses an argument that shapes the statement instead of being one of its values, and a statement of every column", async () => {
        const shapedBy = keyedStatement((on: Kysely<ProbesDb>, id: number, withLabel: boolean) =>
          on.selectFrom("probes").select(withLabel ? ["id", "label"] : ["id"]).where("id", "=", id),
        );
        await expect(shapedBy(db, 70, false)).rejects.toThrow(/Argument 1 of a keyed statement must be one of its values/);
        const everyColumn = keyedStatement((on: Kysely<ProbesDb>, id: number) => on.selectFrom("probes").selectAll().where("id", "=", id));
        await expect(everyColumn(db, 70)).rejects.toThrow(/names its columns/);
      });
    });

    it("prepares nothing when the driver is told not to (behind PgBouncer in transaction mode)", async () => {
      await onNewConnection(
        async (on) => {
          expect(await labelOf(on, 70)).toEqual([{ id: 70, label: "seventy" }]);
          expect(await preparedOn(on)).toEqual([]);
        },
        { prepareKeyed: false },
      );
    });
  });

  it("opens a transaction with an isolation level at once, as asked", async () => {
    const level = await db
      .transaction()
      .setIsolationLevel("serializable")
      .execute(async (tx) => (await sql<{ level: string }>`SELECT current_setting('transaction_isolation') AS level`.execute(tx)).rows[0]?.level);
    expect(level).toBe("serializable");
  });

  it("gives up a connection whose message goes unanswered past answerTimeoutMs: the call fails as DatabaseNoAnswerError, the transaction with it, and the pool's next call gets a fresh connection", async () => {
    const timeoutMs = 300;
    const bounded = new Kysely<ProbesDb>({ dialect: heldStatementsDialect(createPool({ connectionString: database.url, max: 1 }), { answerTimeoutMs: timeoutMs }) });
    try {
      const backendOf = async () => (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(bounded)).rows[0]?.pid;
      const before = await backendOf();
      // PostgreSQL busy for longer than the deadline answers nothing meanwhile, as a stalled one.
      const started = performance.now();
      const unanswered = await bounded
        .transaction()
        .execute(async (tx) => {
          await tx.insertInto("probes").values({ id: 80, label: "eighty" }).execute();
          await sql`SELECT pg_sleep(2)`.execute(tx);
        })
        .catch((error: unknown) => error);
      expect(unanswered).toBeInstanceOf(DatabaseNoAnswerError);
      expect(unanswered).toMatchObject({ code: "ETIMEDOUT", message: `The database did not answer within ${timeoutMs} ms` });
      expect(performance.now() - started).toBeLessThan(timeoutMs + 1_000);
      // The pool's one connection was not handed on mid-query: the next call has another, at once.
      const after = await backendOf();
      expect(after).not.toBe(before);
      expect(performance.now() - started).toBeLessThan(timeoutMs + 1_000);
      // The server ended the transaction with its connection.
      await waitFor(async () => ((await sql<{ gone: boolean }>`SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = ${before}) AS gone`.execute(db)).rows[0]?.gone === true ? true : undefined), 10_000, "the given-up backend to end");
      expect(await db.selectFrom("probes").selectAll().where("id", "=", 80).execute()).toEqual([]);
      // An answer within the deadline is waited for, however many statements the call makes.
      expect((await sql<{ slept: string }>`SELECT pg_sleep(0.1)::text AS slept`.execute(bounded)).rows).toHaveLength(1);
    } finally {
      await bounded.destroy();
    }
  });
});
