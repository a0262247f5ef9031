/**
 * The API's OpenAPI document as files (as served without PUBLIC_URL):
 *
 *   pnpm openapi:lint            writes it to a temp file and lints it with Redocly's recommended rules;
 *   pnpm openapi:types [--check] regenerates test/generated/openapi.ts with openapi-typescript, the
 *                                types the test client (openapi-fetch) is checked against.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { buildOpenApiDocument } from "../src/openapi/document.js";

const apiDir = fileURLToPath(new URL("..", import.meta.url));
export const openApiTypesFile = join(apiDir, "test", "generated", "openapi.ts");

const HEADER = "// Generated from the API's OpenAPI document by `pnpm openapi:types`: do not edit.\n\n";

/** What openapi-typescript makes of a document, as the checked-in file holds it. */
export async function renderOpenApiTypes(document: object): Promise<string> {
  return HEADER + astToString(await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0]));
}

async function lint(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "incidentops-openapi-"));
  try {
    const file = join(dir, "openapi.json");
    await writeFile(file, JSON.stringify(buildOpenApiDocument({ publicUrl: undefined }), null, 2));
    const redocly = spawnSync("redocly", ["lint", "--config", join(apiDir, "..", "..", "redocly.yaml"), file], {
      stdio: "inherit",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    });
    if (redocly.error !== undefined) throw redocly.error;
    return redocly.status ?? 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function types(check: boolean): Promise<number> {
  const wanted = await renderOpenApiTypes(buildOpenApiDocument({ publicUrl: undefined }));
  const current = await readFile(openApiTypesFile, "utf8").catch(() => "");
  if (current === wanted) return 0;
  if (check) {
    console.error("openapi: test/generated/openapi.ts is out of date: run `pnpm openapi:types`");
    return 1;
  }
  await writeFile(openApiTypesFile, wanted);
  console.log("openapi: test/generated/openapi.ts regenerated");
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command] = process.argv.slice(2);
  if (command === "lint") process.exitCode = await lint();
  else if (command === "types") process.exitCode = await types(process.argv.includes("--check"));
  else {
    console.error("usage: openapi.ts lint | types [--check]");
    process.exitCode = 2;
  }
}
