/**
 * Regenerates src/procedures.ts (the run-time table of procedure paths) from the router type:
 * `pnpm --filter @incidentops/sdk generate`. `--check` only reports whether it is current.
 */
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { listProcedures, loadApiTypes, proceduresFile, renderProceduresModule, requireAlias } from "./api-shape.js";

export async function generateProcedures(options: { check: boolean }): Promise<boolean> {
  const types = loadApiTypes();
  const wanted = renderProceduresModule(listProcedures(types.checker, requireAlias(types, "ApiShape")));
  const current = await readFile(proceduresFile, "utf8").catch(() => "");
  if (current === wanted) return true;
  if (options.check) return false;
  await writeFile(proceduresFile, wanted);
  console.log("sdk: src/procedures.ts regenerated from the router");
  return true;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const check = process.argv.includes("--check");
  const current = await generateProcedures({ check });
  if (!current) {
    console.error("sdk: src/procedures.ts is out of date: run `pnpm --filter @incidentops/sdk generate`");
    process.exit(1);
  }
}
