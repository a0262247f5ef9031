import { createTestDatabase, type TestDatabase } from "@incidentops/testkit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shapeOfDatabaseInterface, type Shape } from "./schema-shape.js";

// packages/db/src/schema.ts (the kysely Database interface) against the migrated database: the
// same tables, the same columns, the same nullability. A column added by a migration but not to
// schema.ts (or the other way round), or a NOT NULL the types call nullable, fails here.

let database: TestDatabase;
let migrated: Shape;
let declared: Shape;

/** The public schema's tables, as the migrations left them (a clone of the migrated template). */
async function shapeOfDatabase(url: string): Promise<Shape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string; column_name: string; is_nullable: "YES" | "NO" }>(`
      SELECT c.table_name, c.column_name, c.is_nullable
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`);
    const shape: Shape = {};
    for (const row of rows) (shape[row.table_name] ??= {})[row.column_name] = row.is_nullable === "YES";
    return shape;
  } finally {
    await client.end();
  }
}

const columnsOf = (shape: Shape) => Object.entries(shape).flatMap(([table, columns]) => Object.keys(columns).map((column) => `${table}.${column}`));

beforeAll(async () => {
  database = await createTestDatabase();
  migrated = await shapeOfDatabase(database.url);
  declared = shapeOfDatabaseInterface();
});

afterAll(async () => {
  await database.drop();
});

describe("packages/db/src/schema.ts matches the migrated database", () => {
  it("has the same tables", () => {
    expect(Object.keys(migrated).length).toBeGreaterThan(10);
    expect(Object.keys(declared).sort()).toEqual(Object.keys(migrated).sort());
  });

  it("has the same columns in every table", () => {
    const inDatabase = new Set(columnsOf(migrated));
    const inTypes = new Set(columnsOf(declared));
    expect([...inDatabase].filter((column) => !inTypes.has(column)), "columns missing from schema.ts").toEqual([]);
    expect([...inTypes].filter((column) => !inDatabase.has(column)), "columns schema.ts has that no migration made").toEqual([]);
  });

  it("says a column can be null exactly where the database allows NULL", () => {
    const mismatches = Object.entries(migrated).flatMap(([table, columns]) =>
      Object.entries(columns)
        .filter(([column, nullable]) => declared[table]?.[column] !== undefined && declared[table][column] !== nullable)
        .map(([column, nullable]) => `${table}.${column}: ${nullable ? "NULL allowed, typed as never null" : "NOT NULL, typed as nullable"}`),
    );
    expect(mismatches).toEqual([]);
  });
});
