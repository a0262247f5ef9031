/**
 * Builds the published package into dist/: `index.js` (ESM, one file, `@trpc/client` left as a
 * dependency) and `index.d.ts` (one self-contained file: the router's types written out in
 * full, so it imports no workspace package, nor anything else).
 *
 *   1. regenerate src/procedures.ts from the router type (it must match, see ProcedureTable);
 *   2. compile src/ with tsc into build/tsc/ (JS and declarations);
 *   3. replace build/tsc/api-types.d.ts, which imports the unpublished `api` package, with the
 *      same types written out in full, and prove with the compiler that both are identical;
 *   4. bundle the JS with rollup and the declarations with rollup-plugin-dts;
 *   5. check that dist/index.d.ts imports nothing and compiles on its own.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { rollup, type RollupLog } from "rollup";
import { dts } from "rollup-plugin-dts";
import ts from "typescript";
import { formatDiagnostics, loadApiTypes, renderExpandedApiTypes, sdkCompilerOptions, sdkDir } from "./api-shape.js";
import { generateProcedures } from "./generate.js";

const buildDir = join(sdkDir, "build");
const tscDir = join(buildDir, "tsc");
const distDir = join(sdkDir, "dist");

function assertNoDiagnostics(diagnostics: readonly ts.Diagnostic[], what: string): void {
  if (diagnostics.length > 0) throw new Error(`${what}:\n${formatDiagnostics(diagnostics)}`);
}

const onwarn = (warning: RollupLog) => {
  throw new Error(`rollup: ${warning.message}`);
};

function compile(): ts.Program {
  const parsed = sdkCompilerOptions(join(sdkDir, "tsconfig.build.json"));
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const emitted = program.emit();
  // The SDK's own files: the API's are type-checked by its own package.
  const own = program.getSourceFiles().filter((f) => parsed.fileNames.includes(f.fileName));
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...own.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
    ...emitted.diagnostics,
  ];
  assertNoDiagnostics(diagnostics, "tsc");
  return program;
}

async function writeExpandedTypes(program: ts.Program): Promise<void> {
  await writeFile(join(tscDir, "api-types.d.ts"), renderExpandedApiTypes(loadApiTypes(program)));
  // The written-out types must be identical to the ones derived from the router.
  const checkFile = join(buildDir, "check-api-types.ts");
  await writeFile(
    checkFile,
    [
      'import type * as Live from "../src/api-types.js";',
      'import type * as Written from "./tsc/api-types.js";',
      "type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;",
      "export const identical: [",
      "  Equals<Live.ApiShape, Written.ApiShape>,",
      "  Equals<Live.ApiErrorCode, Written.ApiErrorCode>,",
      "  Equals<Live.ApiErrorDetails, Written.ApiErrorDetails>,",
      "  Equals<Live.ApiErrorDetailsByCode, Written.ApiErrorDetailsByCode>,",
      "] = [true, true, true, true];",
      "",
    ].join("\n"),
  );
  const check = ts.createProgram([checkFile], { ...sdkCompilerOptions().options, noEmit: true });
  const checkSource = check.getSourceFile(checkFile);
  if (checkSource === undefined) throw new Error(`${checkFile} was not read`);
  assertNoDiagnostics(check.getSemanticDiagnostics(checkSource), "the written-out API types differ from the router's");
}

async function bundle(): Promise<void> {
  const js = await rollup({
    input: join(tscDir, "index.js"),
    external: (id) => !id.startsWith(".") && !isAbsolute(id),
    onwarn,
  });
  await js.write({ file: join(distDir, "index.js"), format: "es" });
  await js.close();

  const types = await rollup({ input: join(tscDir, "index.d.ts"), plugins: [dts()], onwarn });
  await types.write({ file: join(distDir, "index.d.ts"), format: "es" });
  await types.close();
}

/** The published declarations must stand alone: no import at all, and they compile by themselves. */
async function verifyDeclarations(): Promise<void> {
  const file = join(distDir, "index.d.ts");
  const text = await readFile(file, "utf8");
  const imports = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((m) => m[1]);
  if (imports.length > 0) throw new Error(`dist/index.d.ts imports ${imports.join(", ")}: it must be self-contained`);
  const program = ts.createProgram([file], {
    noEmit: true,
    strict: true,
    skipLibCheck: false,
    types: [],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  });
  assertNoDiagnostics(ts.getPreEmitDiagnostics(program), "dist/index.d.ts does not compile on its own");
}

await generateProcedures({ check: false });
await rm(buildDir, { recursive: true, force: true });
await rm(distDir, { recursive: true, force: true });
const program = compile();
await writeExpandedTypes(program);
await bundle();
await verifyDeclarations();
await rm(buildDir, { recursive: true, force: true });
console.log("sdk: built dist/index.js and dist/index.d.ts");
