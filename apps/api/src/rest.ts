import { AppError } from "@incidentops/core";
import express, { type Request, type RequestHandler, type Router } from "express";
import { coerceSchema, instanceofZodTypeLikeVoid, instanceofZodTypeObject, unwrapZodType } from "trpc-to-openapi";
import type { Context } from "./context.js";
import { sendError } from "./errors.js";
import { jsonBodyParser } from "./input-guard.js";
import { queryParametersOf, takesBody, type RestOperation } from "./operations.js";

type CallProcedure = (input: unknown) => Promise<unknown>;
type Caller = (ctx: Context) => object;

/** `/incidents/{incidentId}` as an Express route: `/incidents/:incidentId`. */
const toExpressPath = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");

/**
 * A path's first segment, by which routes are grouped, in lower case as Express matches paths:
 * `org` of `/org/services/{serviceId}` and of `/ORG/services/1`.
 */
const resourceOf = (path: string) => (path.split("/", 2)[1] ?? "").toLowerCase();

/** The procedure at `path` (`incidents.create`) on a tRPC caller, whose proxy answers any path. */
const procedureOn = (caller: object, path: string) => (caller as Record<string, CallProcedure>)[path] as CallProcedure;

/**
 * The request's input for the procedure: the JSON body (POST, PUT, PATCH) or the query string
 * (GET, DELETE), with the path parameters over it; nothing for a procedure without input.
 */
function inputOf(operation: RestOperation, req: Request): unknown {
  if (instanceofZodTypeLikeVoid(unwrapZodType(operation.input, true))) return undefined;
  const source: unknown = takesBody(operation.method) ? req.body : req.query;
  const fields = typeof source === "object" && source !== null ? source : {};
  return { ...fields, ...req.params };
}

/** A body-taking route refuses a body that is not JSON (415); no body at all reads as `{}`. */
export function assertJsonBody(req: Request): void {
  const hasBody = req.headers["transfer-encoding"] !== undefined || (req.headers["content-length"] ?? "0") !== "0";
  if (hasBody && !req.is("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "The request body must be JSON: send Content-Type: application/json");
  }
}

/**
 * A query parameter the operation does not take is refused, not ignored: a misspelt or
 * differently encoded filter (`serviceID=`, `status[]=`) would otherwise answer as if no filter
 * had been asked for. Operations that take a body take no query parameter at all. Each one it
 * takes is given once: `status=a&status=b` is no "either", and would fail as a value it is not.
 */
function assertKnownQueryParameters(known: readonly string[], req: Request): void {
  const query = Object.entries(req.query as Record<string, unknown>);
  if (query.every(([name, value]) => known.includes(name) && !Array.isArray(value))) return;
  const takes = known.length === 0 ? "this operation takes no query parameters" : `this operation takes ${known.join(", ")}`;
  const fields: Record<string, string[]> = {};
  for (const [name, value] of query) {
    if (!known.includes(name)) fields[name] = [`unknown query parameter: ${takes}`];
    else if (Array.isArray(value)) fields[name] = [`given ${value.length} times: give it once`];
  }
  const refused = Object.keys(fields);
  throw new AppError("VALIDATION_FAILED", `Query parameters refused: ${refused.map((name) => JSON.stringify(name)).join(", ")} (see details.fields); ${takes}`, { fields });
}

/**
 * The REST API under `/v1`: one Express route per operation, calling its procedure through a tRPC
 * caller (so every middleware, the scoped transaction included, runs as it does over tRPC), and
 * answering with the status its meta declares (`successStatus`, else 200). Failures go through
 * the error boundary (errors.ts).
 */
export function createRestRouter(options: {
  operations: readonly RestOperation[];
  createCaller: Caller;
  createContext: (opts: { req: Request }) => Context;
  maxBodyBytes: number;
}): Router {
  const rest = express.Router();
  // A body is parsed by the REST route that matched it: a body sent to any other path under /v1
  // (an integration's, whose parser keeps the raw bytes for its signature) is left to that path's
  // own parser. A body that fails to parse goes, as every error, to the app's error boundary: the
  // routers after this one are not error handlers, so express passes over them.
  const parseJsonBody = jsonBodyParser({ limit: options.maxBodyBytes });
  // A request is matched against its resource's routes only, found by name, not against all of
  // them in turn (119 of them; `GET /incidents/{incidentId}` was the 76th).
  const byResource = new Map<string, Router>();
  for (const operation of options.operations) {
    const resource = resourceOf(operation.path);
    if (resource === "" || resource.startsWith("{")) throw new Error(`REST path ${operation.path} must start with a fixed segment: routes are grouped by it`);
    const routes = byResource.get(resource) ?? express.Router();
    byResource.set(resource, routes);
    const schema = unwrapZodType(operation.input, true);
    // Query strings carry text: numbers and booleans in them are read as such.
    if (!takesBody(operation.method) && instanceofZodTypeObject(schema)) coerceSchema(schema);
    const queryParameters = queryParametersOf(operation);
    const handle: RequestHandler = async (req, res) => {
      try {
        if (takesBody(operation.method)) assertJsonBody(req);
        assertKnownQueryParameters(queryParameters, req);
        const caller = options.createCaller(options.createContext({ req }));
        const data = await procedureOn(caller, operation.procedure)(inputOf(operation, req));
        res.status(operation.meta.successStatus ?? 200);
        const text = operation.meta.textResponse;
        if (text === undefined) res.json(data);
        else {
          if (text.fileName !== undefined) res.attachment(text.fileName);
          res.type(text.contentType).send(data);
        }
      } catch (error) {
        sendError(req, res, error, { procedure: operation.procedure });
      }
    };
    routes[operation.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete"](toExpressPath(operation.path), parseJsonBody, handle);
  }
  rest.use((req, res, next) => {
    const routes = byResource.get(resourceOf(req.path));
    if (routes === undefined) next();
    else routes(req, res, next);
  });
  return rest;
}
