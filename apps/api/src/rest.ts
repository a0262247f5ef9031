import type { AnyRouter } from "@trpc/server";
import type { NextFunction, Request, Response } from "express";
import { createOpenApiExpressMiddleware } from "trpc-to-openapi";
import type { Context } from "./context.js";
import { retryAfterOf, type ErrorBody } from "./errors.js";
import type { Meta } from "./trpc.js";

/** The success status a procedure declares in its meta (201 for creations), if any. */
export function successStatusOf(router: AnyRouter, procedurePath: string): number | undefined {
  const procedure = (router._def.procedures as Record<string, { _def: { meta?: Meta } } | undefined>)[procedurePath];
  return procedure?._def.meta?.successStatus;
}

/**
 * trpc-to-openapi writes its own error body (`{ message, code: "BAD_REQUEST", issues }`) around
 * our formatted shape; this puts the public body (`{ code, message, traceId, details }`) back.
 */
function rewriteErrorBodies(res: Response): void {
  const end = res.end.bind(res) as (chunk?: unknown) => Response;
  res.end = ((chunk?: unknown) => {
    if (res.statusCode >= 400 && typeof chunk === "string") {
      try {
        const parsed = JSON.parse(chunk) as { data?: ErrorBody & { httpStatus?: number } };
        if (parsed.data?.code !== undefined) {
          const { code, message, traceId, details } = parsed.data;
          return end(JSON.stringify({ code, message, traceId, details }));
        }
      } catch {
        // Not JSON: pass through untouched.
      }
    }
    return end(chunk);
  }) as Response["end"];
}

/**
 * A request with no body at all (e.g. `POST /v1/incidents/{incidentId}/escalate`, whose OpenAPI
 * operation declares no request body) would be refused by trpc-to-openapi with 415 for its missing
 * content type; it is read as an empty JSON body instead. A body without a JSON type is still 415.
 */
function treatEmptyBodyAsJson(req: Request): void {
  const { headers } = req;
  const noBody = headers["transfer-encoding"] === undefined && (headers["content-length"] === undefined || headers["content-length"] === "0");
  if (noBody && headers["content-type"] === undefined) headers["content-type"] = "application/json";
}

export function createRestHandler(router: AnyRouter, createContext: (opts: { req: Request }) => Context) {
  const handler = createOpenApiExpressMiddleware({
    router,
    createContext: ({ req }: { req: Request }) => createContext({ req }),
    // trpc-to-openapi fills `paths` but leaves `info.calls` empty, so `paths` is the only way here.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    responseMeta: ({ paths, errors }) => {
      const path = paths?.[0];
      if (errors.length > 0) {
        const retryAfter = retryAfterOf(errors);
        return retryAfter === undefined ? {} : { headers: { "retry-after": retryAfter } };
      }
      if (path === undefined) return {};
      const status = successStatusOf(router, path);
      return status === undefined ? {} : { status };
    },
  });
  return async (req: Request, res: Response, next: NextFunction) => {
    rewriteErrorBodies(res);
    treatEmptyBodyAsJson(req);
    await (handler as (req: Request, res: Response, next: NextFunction) => Promise<void>)(req, res, next);
  };
}
