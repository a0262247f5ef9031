import {
  forEachOpenApiProcedure,
  getInputOutputParsers,
  instanceofZodTypeLikeVoid,
  instanceofZodTypeObject,
  unwrapZodType,
  type OpenApiMeta,
  type OpenApiRouter,
} from "trpc-to-openapi";
import type { ZodType } from "zod";
import type { Access, Meta } from "./trpc.js";

/** One REST operation: a procedure with an `openapi` route, as its meta declared it. */
export interface RestOperation {
  /** The procedure's path, e.g. `incidents.create`. */
  procedure: string;
  type: "query" | "mutation";
  method: NonNullable<OpenApiMeta["openapi"]>["method"];
  /** The route under `/v1`, e.g. `/services/{serviceId}/incidents`. */
  path: `/${string}`;
  meta: Meta & { openapi: NonNullable<OpenApiMeta["openapi"]> };
  access: Access;
  /** The procedure's own input schema (all its `.input()`s merged) and output schema. */
  input: ZodType;
  output: ZodType | undefined;
  /** The names of the input's fields (none for a procedure without input). */
  inputFields: string[];
  /** Whether the procedure takes an input at all (a void one takes none). */
  takesInput: boolean;
}

/**
 * The REST operations of a router, read once when the router is built: the REST adapter routes
 * them, the OpenAPI document describes them, tests check their examples against their schemas.
 */
export function listRestOperations(router: OpenApiRouter): RestOperation[] {
  const operations: RestOperation[] = [];
  forEachOpenApiProcedure<Meta>(router._def.procedures, ({ path, type, procedure, meta }) => {
    if (type === "subscription") return;
    const { inputParser, outputParser } = getInputOutputParsers(procedure);
    const inputObject = unwrapZodType(inputParser, true);
    operations.push({
      procedure: path,
      type,
      method: meta.openapi.method,
      path: meta.openapi.path,
      meta,
      access: meta.access ?? { kind: "public" },
      input: inputParser,
      output: outputParser,
      inputFields: instanceofZodTypeObject(inputObject) ? Object.keys(inputObject.shape) : [],
      takesInput: !instanceofZodTypeLikeVoid(inputObject),
    });
  });
  return operations;
}

/** POST, PUT and PATCH take a JSON body; GET and DELETE read the query string. */
export const takesBody = (method: RestOperation["method"]) => method !== "GET" && method !== "DELETE";

/** The names in an operation's path: `incidentId` of `/incidents/{incidentId}`. */
const pathParametersOf = (operation: RestOperation) => [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);

/** The query parameters an operation takes: its input's fields not in its path (GET, DELETE); none for a body-taking one. */
export function queryParametersOf(operation: RestOperation): string[] {
  if (takesBody(operation.method)) return [];
  const inPath = pathParametersOf(operation);
  return operation.inputFields.filter((field) => !inPath.includes(field));
}
