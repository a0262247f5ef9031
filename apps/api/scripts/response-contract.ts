/**
 * The web app's response contract: what each query and mutation answers, as the JSON Schema of
 * its output, from the router, and what each subscription sends. The app is built with it and
 * checks every answer against it at run time (apps/web/src/lib/response-contract.ts), so an app
 * and an API of different versions fail with a message that says to reload instead of showing
 * what neither meant.
 *
 *   pnpm api:contract [--check]   regenerates apps/web/src/generated/response-contract.json
 *                                 (--check: fails when it is out of date instead)
 *
 * Only the shape is kept: an answer may carry fields the app does not know (an API may add them),
 * and descriptions, titles and examples are left out.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { incidentUpdatesSchema } from "@incidentops/core";
import { z } from "zod";
import { browserSessionSchema } from "../src/browser-session.js";
import { appRouter } from "../src/router.js";
import { rootDir, updateGeneratedFile } from "./generated-file.js";

export const responseContractFile = join(rootDir, "apps", "web", "src", "generated", "response-contract.json");

/** Keywords that describe a value without constraining it. */
const ANNOTATIONS = new Set(["$schema", "description", "title", "examples", "default"]);

/**
 * A schema without its annotations and without `additionalProperties: false` (an answer may gain
 * fields). `oneOf` becomes `anyOf`: once objects may carry more fields, an answer could fit two
 * options that had excluded each other by their fields alone.
 */
function shapeOnly(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(shapeOnly);
  if (typeof schema !== "object" || schema === null) return schema;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || (key === "additionalProperties" && value === false)) continue;
    kept[key === "oneOf" ? "anyOf" : key] =
      key === "properties" ? Object.fromEntries(Object.entries(value as object).map(([name, property]) => [name, shapeOnly(property)])) : shapeOnly(value);
  }
  return kept;
}

const jsonSchemaOf = (schema: z.ZodType) => shapeOnly(z.toJSONSchema(schema, { io: "output" }));

/** What each subscription sends, by path: tRPC declares and validates no subscription's events. */
const SUBSCRIPTION_EVENTS: Record<string, z.ZodType> = { "live.incidents": incidentUpdatesSchema };

/**
 * Each query's and mutation's output schema, by procedure path; each subscription's events; and
 * the answer of the cookie session routes that sign in, renew or switch (not procedures: REST only).
 */
export function buildResponseContract(): { procedures: Record<string, unknown>; events: Record<string, unknown>; browserSession: unknown } {
  const procedures: Record<string, unknown> = {};
  const events: Record<string, unknown> = {};
  // tRPC keeps a procedure's output parser in its definition, out of its public types.
  const procedureDefinitions = appRouter._def.procedures as unknown as Record<string, { _def: { type: string; output?: unknown } }>;
  for (const [path, { _def }] of Object.entries(procedureDefinitions)) {
    const { type, output } = _def;
    const declared = type === "subscription" ? SUBSCRIPTION_EVENTS[path] : output;
    if (!(declared instanceof z.ZodType)) throw new Error(`${path} declares no ${type === "subscription" ? "events' schema (SUBSCRIPTION_EVENTS)" : "output schema"}`);
    (type === "subscription" ? events : procedures)[path] = jsonSchemaOf(declared);
  }
  return { procedures, events, browserSession: jsonSchemaOf(browserSessionSchema) };
}

/** The contract as the checked-in file holds it: a line per schema, so that a change shows as the lines of what changed. */
export function renderResponseContract(): string {
  const { procedures, events, browserSession } = buildResponseContract();
  const lines = (schemas: Record<string, unknown>) => Object.entries(schemas).map(([path, schema]) => `  ${JSON.stringify(path)}: ${JSON.stringify(schema)}`).join(",\n");
  return `{\n "procedures": {\n${lines(procedures)}\n },\n "events": {\n${lines(events)}\n },\n "browserSession": ${JSON.stringify(browserSession)}\n}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await updateGeneratedFile(responseContractFile, renderResponseContract(), { check: process.argv.includes("--check"), command: "pnpm api:contract" });
}
