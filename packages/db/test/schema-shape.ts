import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** Per table, per column: whether the column can be null. */
export type Shape = Record<string, Record<string, boolean>>;

const SCHEMA = fileURLToPath(new URL("../src/schema.ts", import.meta.url));
/** A module beside schema.ts that exists only in the compiler's memory. */
const PROBE = fileURLToPath(new URL("../src/__shape_probe__.ts", import.meta.url));

// Kysely's own Selectable decides what a column reads as (Generated, ColumnType ...); the probe
// turns each into `true` where null is one of its values.
const PROBE_SOURCE = `
import type { Selectable } from "kysely";
import type { Database } from "./schema.js";
type Nullable<T> = null extends T ? true : false;
export declare const shape: { [Table in keyof Database]: { [Column in keyof Selectable<Database[Table]>]-?: Nullable<Selectable<Database[Table]>[Column]> } };
`;

/** The options packages/db compiles with (its tsconfig.json). */
function compilerOptions(): ts.CompilerOptions {
  const file = fileURLToPath(new URL("../tsconfig.json", import.meta.url));
  const { config, error } = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
  if (error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(file));
  return { ...parsed.options, noEmit: true };
}

/**
 * What packages/db/src/schema.ts says the database is: every table of the `Database` interface,
 * its columns and their nullability, read with the TypeScript compiler from the types themselves.
 */
export function shapeOfDatabaseInterface(): Shape {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const disk = ts.createCompilerHost(options);
  host.fileExists = (file) => file === PROBE || disk.fileExists(file);
  host.readFile = (file) => (file === PROBE ? PROBE_SOURCE : disk.readFile(file));
  host.getSourceFile = (file, language, onError, shouldCreate) =>
    file === PROBE ? ts.createSourceFile(file, PROBE_SOURCE, language) : disk.getSourceFile(file, language, onError, shouldCreate);

  const program = ts.createProgram([PROBE, SCHEMA], options, host);
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  if (problems.length > 0) throw new Error(`schema.ts does not compile:\n${problems.join("\n")}`);

  const checker = program.getTypeChecker();
  const probe = program.getSourceFile(PROBE);
  const symbol = probe === undefined ? undefined : checker.getSymbolAtLocation(probe)?.exports?.get(ts.escapeLeadingUnderscores("shape"));
  if (probe === undefined || symbol === undefined) throw new Error("the shape probe did not compile");

  const shape: Shape = {};
  const tables = checker.getTypeOfSymbolAtLocation(symbol, probe);
  for (const table of checker.getPropertiesOfType(tables)) {
    const columns: Record<string, boolean> = {};
    for (const column of checker.getPropertiesOfType(checker.getTypeOfSymbolAtLocation(table, probe))) {
      const nullable = checker.typeToString(checker.getTypeOfSymbolAtLocation(column, probe));
      if (nullable !== "true" && nullable !== "false") throw new Error(`${table.name}.${column.name}: cannot tell its nullability (${nullable})`);
      columns[column.name] = nullable === "true";
    }
    shape[table.name] = columns;
  }
  return shape;
}
