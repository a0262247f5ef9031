import type { IncomingMessage, ServerResponse } from "node:http";
import { nameRequestRoute } from "@incidentops/core";
import { match, type MatchFunction } from "path-to-regexp";
import { servedRoutes } from "./http-metrics.js";

/**
 * Routes served before express (app.ts): the calls made most often (the REST API's, PagerDuty's
 * events) skip express's per-request work, its request and response prototypes and its layers,
 * which cost a read about a third of the API's CPU (bench/README.md, "REST reads before express"
 * and "PagerDuty's events before express, again"). Each answers false, having done nothing, for a
 * request it leaves to express; the request log, metrics and draining wrap both (app.ts).
 */
export type ServeBeforeExpress = (req: IncomingMessage, res: ServerResponse) => boolean;

/** A parameter decoded as express's router decodes it; a malformed escape throws (express then answers it). */
const decodeParam = (value: string) => (value.includes("%") ? decodeURIComponent(value) : value);

/**
 * `template` (`/v1/incidents/:incidentId`) matched as express matches a route: without regard to
 * case, a trailing slash allowed, parameters decoded. It throws for a malformed escape.
 */
export const expressLikeMatcher = (template: string): MatchFunction<Record<string, string>> =>
  match<Record<string, string>>(template, { sensitive: false, end: true, trailing: true, decode: decodeParam });

/** A request URL's path and its query string (after the `?`, undefined without one). */
export function splitUrl(url: string): { path: string; query: string | undefined } {
  const queryAt = url.indexOf("?");
  return queryAt === -1 ? { path: url, query: undefined } : { path: url.slice(0, queryAt), query: url.slice(queryAt + 1) };
}

/** The request is served here as `template`: its metrics and its span are named by it, as express names the routes it serves. */
export function servedAs(req: IncomingMessage, template: string): void {
  servedRoutes.set(req, template);
  nameRequestRoute(template);
}

/**
 * Leaves no rejection of a call served here unhandled: one comes only when even its error answer
 * failed (its headers were already sent), and, as express does then, it is logged and the
 * connection destroyed.
 */
export function settleServed(req: IncomingMessage, res: ServerResponse, served: Promise<void>, bindings: Record<string, unknown>): void {
  served.catch((error: unknown) => {
    req.log.error({ err: error, ...bindings }, "request failed after its answer began");
    res.destroy();
  });
}
