import { observeHttpRequest } from "@incidentops/core";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request } from "express";
import { appRouter } from "./router.js";

const PROCEDURES = new Set(Object.keys(appRouter._def.procedures));

/** The route of each request served before express (rest.ts), which sets no `req.route`. */
export const servedRoutes = new WeakMap<IncomingMessage, string>();

/**
 * The route a request matched, as a template (`/v1/incidents/:incidentId`, never an id or a
 * routing key), or the tRPC procedure it called: a label of bounded cardinality, whatever the
 * path a client sends.
 */
function routeOf(req: IncomingMessage): string {
  const served = servedRoutes.get(req);
  if (served !== undefined) return served;
  // Any other request went through express, which gave it its properties.
  return routeInExpress(req as Request);
}

function routeInExpress(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  if (typeof route?.path === "string") return `${req.baseUrl}${route.path}`;
  if (req.originalUrl.startsWith("/trpc/")) {
    const names = req.path.slice(1).split(",");
    if (!names.every((name) => PROCEDURES.has(name))) return "/trpc/(unknown)";
    return names.length === 1 ? `/trpc/${names[0]}` : "/trpc/(batch)";
  }
  return "(unmatched)";
}

/** Observes each answered request's duration by method, route and status. */
export function observeHttpMetrics(req: IncomingMessage, res: ServerResponse): void {
  const startedAt = performance.now();
  res.once("finish", () => {
    observeHttpRequest({ method: req.method ?? "", route: routeOf(req), status: res.statusCode }, (performance.now() - startedAt) / 1000);
  });
}
