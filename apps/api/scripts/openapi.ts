/**
 * The API's OpenAPI document as files (as served without PUBLIC_URL):
 *
 *   pnpm openapi:lint            writes it under node_modules/.cache and lints it with Redocly's recommended
 *                                rules (.redocly.lint-ignore.yaml lists the findings kept on purpose; extra arguments
 *                                go to `redocly lint`, e.g. --generate-ignore-file);
 *   pnpm openapi:types [--check] regenerates test/generated/openapi.ts with openapi-typescript, the
 *                                types the test client (openapi-fetch) is checked against.
 */
import { spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { buildOpenApiDocument } from "../src/openapi/document.js";
import { rootDir, updateGeneratedFile } from "./generated-file.js";

const apiDir = fileURLToPath(new URL("..", import.meta.url));
export const openApiTypesFile = join(apiDir, "test", "generated", "openapi.ts");

const HEADER = "// Generated from the API's OpenAPI document by `pnpm openapi:types`: do not edit.\n\n";

/** What openapi-typescript makes of a document, as the checked-in file holds it. */
export async function renderOpenApiTypes(document: object): Promise<string> {
  return HEADER + astToString(await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0]));
}

/** A fixed path, so that the ignore file (which names the linted file) applies to every run. */
const lintedFile = join(rootDir, "node_modules", ".cache", "openapi-lint", "openapi.json");

async function lint(): Promise<number> {
  await mkdir(dirname(lintedFile), { recursive: true });
  await writeFile(lintedFile, JSON.stringify(buildOpenApiDocument({ publicUrl: undefined }), null, 2));
  const redocly = spawnSync("redocly", ["lint", "--config", join(rootDir, "redocly.yaml"), ...process.argv.slice(3), lintedFile], {
    stdio: "inherit",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  if (redocly.error !== undefined) throw redocly.error;
  return redocly.status ?? 1;
}

const types = async (check: boolean) =>
  updateGeneratedFile(openApiTypesFile, await renderOpenApiTypes(buildOpenApiDocument({ publicUrl: undefined })), { check, command: "pnpm openapi:types" });

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [command] = process.argv.slice(2);
  if (command === "lint") process.exitCode = await lint();
  else if (command === "types") process.exitCode = await types(process.argv.includes("--check"));
  else {
    console.error("usage: openapi.ts lint | types [--check]");
    process.exitCode = 2;
  }
}
