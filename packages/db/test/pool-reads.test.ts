import { createTestDatabase, type TestDatabase } from "@incidentops/testkit";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../src/index.js";

// What the pool's rows hold. Timestamps come back as Dates through the pool's own parser
// (pool.ts): the instants PostgreSQL holds, whatever the session's time zone writes them in.
// Rows are built by pg from an empty row made once per result; patches/pg@8.23.1.patch makes it
// a plain object (dictionary-mode rows were slow to copy, decision 0059), so a column's name must
// still never reach an object's prototype.

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase({ template: null });
  db = createDb({ connectionString: database.url, max: 1 });
});

afterAll(async () => {
  await db.destroy();
  await database.drop();
});

describe("timestamps read through the pool", () => {
  it.each(["UTC", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham", "America/Los_Angeles"])("are the instants PostgreSQL holds in time zone %s", async (zone) => {
    await sql`SELECT set_config('TimeZone', ${zone}, false)`.execute(db);
    const { rows } = await sql<{ precise: Date; whole: Date; half: Date; old: Date; forever: number; local: Date }>`
      SELECT '2026-12-04T12:34:56.789123Z'::timestamptz AS precise,
             '2026-03-29T01:00:00Z'::timestamptz AS whole,
             '1970-01-01T00:00:00.5Z'::timestamptz AS half,
             '1883-11-18T12:00:00Z'::timestamptz AS old,
             'infinity'::timestamptz AS forever,
             '2026-12-04 12:34:56.789'::timestamp AS local`.execute(db);
    expect(rows[0]?.precise.toISOString()).toBe("2026-12-04T12:34:56.789Z");
    expect(rows[0]?.whole.toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(rows[0]?.half.toISOString()).toBe("1970-01-01T00:00:00.500Z");
    expect(rows[0]?.old.toISOString()).toBe("1883-11-18T12:00:00.000Z");
    expect(rows[0]?.forever).toBe(Infinity);
    // A timestamp without a time zone is this process's local time, as pg reads it.
    expect(rows[0]?.local.getTime()).toBe(new Date(2026, 11, 4, 12, 34, 56, 789).getTime());
  });
});

describe("rows read through the pool", () => {
  it("are plain objects with every column as their own property, one named __proto__ too", async () => {
    const { rows } = await sql<Record<string, unknown>>`SELECT '{"polluted": true}'::jsonb AS "__proto__", 1 AS "constructor", 'b' AS a`.execute(db);
    const [row] = rows;
    if (row === undefined) throw new Error("no row");
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.keys(row)).toEqual(["__proto__", "constructor", "a"]);
    expect(Object.getOwnPropertyDescriptor(row, "__proto__")?.value).toEqual({ polluted: true });
    expect(row.constructor).toBe(1);
    expect((row as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("of results with different columns each have their own", async () => {
    const { rows } = await sql<Record<string, unknown>>`SELECT 1 AS x UNION ALL SELECT 2`.execute(db);
    const other = await sql<Record<string, unknown>>`SELECT 3 AS y`.execute(db);
    expect([...rows, ...other.rows]).toEqual([{ x: 1 }, { x: 2 }, { y: 3 }]);
  });
});
