import { z } from "zod";
// As text: TypeScript would otherwise infer a type for the whole file, for nothing.
import contractText from "../generated/response-contract.json?raw";
import { ApiError } from "./api-error";
import type { BrowserSession } from "./api-types";

// The answers this build of the app was made for: each query's and mutation's output, each
// subscription's events, and the cookie session routes' answer, as JSON Schema generated from the
// API's router (`pnpm api:contract`). An answer that does not fit means the app and the API are of
// different versions (a deploy under way, a page open since the last one): the app says to reload
// rather than show what neither side meant. Fields the app does not know are let through.

type JsonSchema = Parameters<typeof z.fromJSONSchema>[0];

type JsonObject = Extract<JsonSchema, object>;
const contract = JSON.parse(contractText) as { procedures: Record<string, JsonObject>; events: Record<string, JsonObject>; browserSession: JsonObject };
const compiled = new WeakMap<JsonObject, z.ZodType>();

/** The contract's schema `json` as zod, compiled at its first use. */
function compiledOnce(json: JsonObject): z.ZodType {
  let schema = compiled.get(json);
  if (schema === undefined) {
    schema = z.fromJSONSchema(json);
    compiled.set(json, schema);
  }
  return schema;
}

/** Where an answer departs from its schema: each issue's path and message, never a value. */
const breachesOf = (error: z.ZodError) => error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "(the answer)"}: ${issue.message}`);

/** The error an answer that does not fit its contract fails with (its breaches go to the console, for whoever debugs). */
export function contractMismatch(answered: string, breaches: readonly string[]): ApiError {
  console.error(`The answer to ${answered} does not fit this app's contract:`, breaches);
  return new ApiError(
    "CONTRACT_MISMATCH",
    "This page and the server are of different versions: reload the page. If it keeps happening, tell your administrator.",
    0,
    { answered, breaches },
  );
}

/**
 * Why what procedure `path` sent does not fit the contract (a query's or mutation's answer, a
 * subscription's event), or undefined when it does, or when the contract has nothing for it.
 */
export function answerBreaches(type: "query" | "mutation" | "subscription", path: string, data: unknown): string[] | undefined {
  const schemas = type === "subscription" ? contract.events : contract.procedures;
  const json = Object.hasOwn(schemas, path) ? schemas[path] : undefined;
  const checked = json === undefined ? undefined : compiledOnce(json).safeParse(data);
  return checked === undefined || checked.success ? undefined : breachesOf(checked.error);
}

/** A cookie session route's answer once it fits the contract (signed in, renewed, switched); throws CONTRACT_MISMATCH when it does not. */
export function checkedBrowserSession(route: string, payload: unknown): BrowserSession {
  const checked = compiledOnce(contract.browserSession).safeParse(payload);
  if (!checked.success) throw contractMismatch(`/v1/auth/session/${route}`, breachesOf(checked.error));
  return payload as BrowserSession;
}
