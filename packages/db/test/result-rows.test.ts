import { createTestDatabase, type TestDatabase } from "@incidentops/testkit";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../src/index.js";

// pg builds each result's rows from an empty row made once per result; patches/pg@8.23.1.patch
// makes it a plain object (dictionary-mode rows were slow to copy), so a column's name must still
// never reach an object's prototype.

describe("rows read through the pool", () => {
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
