import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQueryString } from "node:querystring";
import { AppError, IDEMPOTENT_REPLAYED_HEADER } from "@incidentops/core";
import express, { type RequestHandler, type Router } from "express";
import { create as contentDisposition } from "content-disposition";
import proxyAddr from "proxy-addr";
import typeis from "type-is";
import { coerceSchema, instanceofZodTypeObject, unwrapZodType } from "trpc-to-openapi";
import { expressLikeMatcher, servedAs, settleServed, splitUrl, type ServeBeforeExpress } from "./before-express.js";
import type { Context, RequestSource } from "./context.js";
import { sendError } from "./errors.js";
import { jsonBodyParser, parsedBodyOf, type BodyParser } from "./input-guard.js";
import { writeJson, writeText } from "./json-response.js";
import { queryParametersOf, takesBody, type RestOperation } from "./operations.js";

type CallProcedure = (input: unknown) => Promise<unknown>;
type Caller = (ctx: Context) => object;

interface RestOptions {
  operations: readonly RestOperation[];
  createCaller: Caller;
  createContext: (opts: { req: RequestSource; inputRefusal?: AppError }) => Context;
  maxBodyBytes: number;
}

/** What a call reads of its request, whichever router found its operation. */
interface RestCall {
  source: RequestSource;
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, unknown>>;
  body: unknown;
}

/** One operation as both routers route it, with what its calls check, worked out once. */
interface RestRoute {
  operation: RestOperation;
  /** `/incidents/{incidentId}` as an Express route: `/incidents/:incidentId`. */
  expressPath: string;
  queryParameters: readonly string[];
}

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
function inputOf(operation: RestOperation, call: RestCall): unknown {
  if (!operation.takesInput) return undefined;
  const source: unknown = takesBody(operation.method) ? call.body : call.query;
  const fields = typeof source === "object" && source !== null ? source : {};
  return { ...fields, ...call.params };
}

/** A body-taking route refuses a body that is not JSON (415); no body at all reads as `{}`. */
export function jsonBodyRefusal(req: IncomingMessage): AppError | undefined {
  const hasBody = req.headers["transfer-encoding"] !== undefined || (req.headers["content-length"] ?? "0") !== "0";
  return hasBody && typeis(req, ["application/json"]) === false
    ? new AppError("UNSUPPORTED_MEDIA_TYPE", "The request body must be JSON: send Content-Type: application/json")
    : undefined;
}

/** What a route refuses of a request's body once the parser has read it: one that is not JSON, where its operation takes a body. */
const bodyRefusalOf = (operation: RestOperation, req: IncomingMessage) => (takesBody(operation.method) ? jsonBodyRefusal(req) : undefined);

/**
 * A query parameter the operation does not take is refused, not ignored: a misspelt or
 * differently encoded filter (`serviceID=`, `status[]=`) would otherwise answer as if no filter
 * had been asked for. Operations that take a body take no query parameter at all. Each one it
 * takes is given once: `status=a&status=b` is no "either", and would fail as a value it is not.
 * The refusal is the procedure's to raise, where it reads its input (Context.inputRefusal).
 */
function queryParametersRefusal(known: readonly string[], queryParameters: Readonly<Record<string, unknown>>): AppError | undefined {
  const query = Object.entries(queryParameters);
  if (query.every(([name, value]) => known.includes(name) && !Array.isArray(value))) return undefined;
  const takes = known.length === 0 ? "this operation takes no query parameters" : `this operation takes ${known.join(", ")}`;
  const fields: Record<string, string[]> = {};
  for (const [name, value] of query) {
    if (!known.includes(name)) fields[name] = [`unknown query parameter: ${takes}`];
    else if (Array.isArray(value)) fields[name] = [`given ${value.length} times: give it once`];
  }
  const refused = Object.keys(fields);
  return new AppError("VALIDATION_FAILED", `Query parameters refused: ${refused.map((name) => JSON.stringify(name)).join(", ")} (see details.fields); ${takes}`, { fields });
}

/**
 * Calls the route's procedure through a tRPC caller (so every middleware, the scoped transaction
 * included, runs as it does over tRPC) and answers with the status its meta declares
 * (`successStatus`, else 200). Failures get the REST error answer (errors.ts).
 */
async function serve(route: RestRoute, call: RestCall, res: ServerResponse, options: RestOptions): Promise<void> {
  const { operation } = route;
  try {
    const inputRefusal = queryParametersRefusal(route.queryParameters, call.query);
    const ctx = options.createContext({ req: call.source, inputRefusal });
    const data = await procedureOn(options.createCaller(ctx), operation.procedure)(inputOf(operation, call));
    if (ctx.idempotency.replayed) res.setHeader(IDEMPOTENT_REPLAYED_HEADER, "true");
    const status = operation.meta.successStatus ?? 200;
    const text = operation.meta.textResponse;
    if (text === undefined) writeJson(res, status, data);
    else writeText(res, status, data as string, text.contentType, text.fileName === undefined ? undefined : contentDisposition(text.fileName));
  } catch (error) {
    sendError(call.source, res, error, { procedure: operation.procedure });
  }
}

/** Each operation's route, its input schema read from query strings where it takes one. */
function restRoutes(operations: readonly RestOperation[]): Map<string, RestRoute[]> {
  const byResource = new Map<string, RestRoute[]>();
  for (const operation of operations) {
    const resource = resourceOf(operation.path);
    if (resource === "" || resource.startsWith("{")) throw new Error(`REST path ${operation.path} must start with a fixed segment: routes are grouped by it`);
    const schema = unwrapZodType(operation.input, true);
    // Query strings carry text: numbers and booleans in them are read as such.
    if (!takesBody(operation.method) && instanceofZodTypeObject(schema)) coerceSchema(schema);
    const routes = byResource.get(resource) ?? [];
    routes.push({ operation, expressPath: toExpressPath(operation.path), queryParameters: queryParametersOf(operation) });
    byResource.set(resource, routes);
  }
  return byResource;
}

/** The REST API: its calls served before express (restBeforeExpress), every operation in express (restRouter). */
export function createRest(options: RestOptions, trustProxy: (address: string, hop: number) => boolean) {
  const routes = restRoutes(options.operations);
  // One parser for both: a body is read the same way whichever router took its request.
  const parseJsonBody = jsonBodyParser({ limit: options.maxBodyBytes });
  return { beforeExpress: restBeforeExpress(routes, options, parseJsonBody, trustProxy), router: restRouter(routes, options, parseJsonBody) };
}

/**
 * The REST operations under `/v1` as an Express router, one route per operation. A request is
 * matched against its resource's routes only, found by name, not against all of them in turn.
 */
function restRouter(byResource: ReadonlyMap<string, readonly RestRoute[]>, options: RestOptions, parseJsonBody: BodyParser): Router {
  const rest = express.Router();
  // A body is parsed by the REST route that matched it: a body sent to any other path under /v1
  // (an integration's, whose parser keeps the raw bytes for its signature) is left to that path's
  // own parser. A body that fails to parse goes, as every error, to the app's error boundary: the
  // routers after this one are not error handlers, so express passes over them.
  const resourceRouters = new Map<string, Router>();
  for (const [resource, routes] of byResource) {
    const router = express.Router();
    for (const route of routes) {
      const handle: RequestHandler = async (req, res) => {
        const refusal = bodyRefusalOf(route.operation, req);
        if (refusal !== undefined) {
          sendError(req, res, refusal, { procedure: route.operation.procedure });
          return;
        }
        await serve(route, { source: req, params: req.params as Record<string, string>, query: req.query, body: req.body }, res, options);
      };
      router[route.operation.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete"](route.expressPath, parseJsonBody, handle);
    }
    resourceRouters.set(resource, router);
  }
  rest.use((req, res, next) => {
    const router = resourceRouters.get(resourceOf(req.path));
    if (router === undefined) next();
    else router(req, res, next);
  });
  return rest;
}

/** A route as express would match it under `/v1`. */
interface RouteBeforeExpress extends RestRoute {
  match: ReturnType<typeof expressLikeMatcher>;
  /** A download (its own content type) or a session route (behind the auth rate limit, in express): left to express. */
  servedByExpress: boolean;
}

/**
 * The REST calls, served before express (before-express.ts): a request to `/v1/...` that one of
 * them matches is called as the router calls it (serve), its JSON body read by the same parser.
 * Left to express: a method no operation takes (HEAD, OPTIONS), a path it does not match the way
 * express would for certain (a malformed escape, `/V1`), a download, a session route. A method's
 * routes are tried in express's order, so the operation found is the one express would find.
 */
function restBeforeExpress(
  byResource: ReadonlyMap<string, readonly RestRoute[]>,
  options: RestOptions,
  parseJsonBody: BodyParser,
  trustProxy: (address: string, hop: number) => boolean,
): ServeBeforeExpress {
  // By resource, then method: `incidents` -> `POST` -> its routes in express's order.
  const routesOf = new Map<string, Map<string, RouteBeforeExpress[]>>();
  for (const [resource, routes] of byResource) {
    const byMethod = new Map<string, RouteBeforeExpress[]>();
    for (const route of routes) {
      const { method } = route.operation;
      const sameMethod = byMethod.get(method) ?? [];
      sameMethod.push({ ...route, match: expressLikeMatcher(`/v1${route.expressPath}`), servedByExpress: route.operation.meta.textResponse !== undefined || resource === "auth" });
      byMethod.set(method, sameMethod);
    }
    routesOf.set(resource, byMethod);
  }
  const call = (route: RouteBeforeExpress, req: IncomingMessage, res: ServerResponse, params: Record<string, string>, query: string | undefined) => {
    const source: RequestSource = { id: req.id, log: req.log, headers: req.headers, ip: proxyAddr(req, trustProxy) };
    const restCall = { source, params, query: query === undefined ? {} : parseQueryString(query), body: parsedBodyOf(req) };
    settleServed(req, res, serve(route, restCall, res, options), { procedure: route.operation.procedure });
  };
  return (req, res) => {
    const url = req.url ?? "";
    if (!url.startsWith("/v1/")) return false;
    const { path, query } = splitUrl(url);
    for (const route of routesOf.get(resourceOf(path.slice("/v1".length)))?.get(req.method ?? "") ?? []) {
      let matched: ReturnType<typeof route.match>;
      try {
        matched = route.match(path);
      } catch {
        return false;
      }
      if (matched === false) continue;
      if (route.servedByExpress) return false;
      servedAs(req, `/v1${route.expressPath}`);
      // Without a body (a read, most often), the parser would pass the request on untouched: this is its own test.
      if (!typeis.hasBody(req)) {
        call(route, req, res, matched.params, query);
        return true;
      }
      // As express's route: the body parser (whatever the method), the check of the body's type, the call.
      parseJsonBody(req, res, (error) => {
        const refusal = error ?? bodyRefusalOf(route.operation, req);
        if (refusal === undefined) call(route, req, res, matched.params, query);
        else sendError(req, res, refusal, { procedure: route.operation.procedure });
      });
      return true;
    }
    return false;
  };
}
