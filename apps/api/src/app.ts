import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { AppError, IDEMPOTENT_REPLAYED_HEADER } from "@incidentops/core";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import swaggerUi from "swagger-ui-express";
import { browserSessionRouter, SESSION_PATH } from "./browser-session.js";
import { calendarRouter } from "./calendar.js";
import { createContextFactory, type AppDeps } from "./context.js";
import { attachmentsRouter } from "./attachments.js";
import { logUnexpected, sendError, sendTrpcError, toErrorResponse } from "./errors.js";
import { healthRouter } from "./health.js";
import { observeHttpMetrics } from "./http-metrics.js";
import { alertmanagerRouter } from "./ingest/alertmanager.js";
import { grafanaRouter } from "./ingest/grafana.js";
import { opsgenieRouter } from "./ingest/opsgenie.js";
import { heartbeatPingRouter } from "./ingest/heartbeats.js";
import { webhookRouter } from "./ingest/webhook.js";
import { pagerDutyEvents } from "./ingest/pagerduty.js";
import { buildOpenApiDocument } from "./openapi/document.js";
import { listRestOperations } from "./operations.js";
import { authRateLimit } from "./rate-limit.js";
import { requestLog } from "./request-log.js";
import { createRest } from "./rest.js";
import { appRouter } from "./router.js";
import { createCallerFactory } from "./trpc.js";
import { webAppRouter } from "./web-app.js";

const MAX_BODY_BYTES = 1024 * 1024;

/** The API as a request listener, and `listen` as express's (an HTTP server on it). */
export interface ApiApp {
  (req: IncomingMessage, res: ServerResponse): void;
  listen(port: number, host: string, ready?: () => void): Server;
}

/** What tRPC's HTTP transport serves: GET (queries, subscriptions), POST (mutations) and HEAD. */
const TRPC_METHODS = new Set(["GET", "POST", "HEAD"]);

/**
 * Any other method at /trpc is 405, in tRPC's format. tRPC's adapter answers 415 to most, and
 * fails on TRACE, CONNECT and TRACK, which the Fetch API it reads requests through refuses.
 */
const refuseMethodsTrpcDoesNotServe: RequestHandler = (req, res, next) => {
  if (TRPC_METHODS.has(req.method)) next();
  else {
    res.set("allow", [...TRPC_METHODS].join(", "));
    sendTrpcError(req, res, new AppError("METHOD_NOT_ALLOWED", `tRPC takes GET for queries and POST for mutations, not ${req.method}`));
  }
};

/** The API's documentation page is never shown inside another site's frame (clickjacking), like the app. */
const refuseFraming: RequestHandler = (_req, res, next) => {
  res.set({ "x-frame-options": "DENY", "content-security-policy": "frame-ancestors 'none'", "x-content-type-options": "nosniff" });
  next();
};

export async function createApp(deps: AppDeps): Promise<ApiApp> {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.config.trustProxy);
  app.set("etag", false);

  const createContext = createContextFactory(deps);
  const restOperations = listRestOperations(appRouter);
  // Built once: it depends on the configuration only, never on the request.
  const openApiDocument = buildOpenApiDocument({ publicUrl: deps.config.publicUrl, operations: restOperations });

  app.use(await healthRouter(deps));
  app.get("/openapi.json", (_req, res) => {
    res.json(openApiDocument);
  });
  app.use(
    "/docs",
    refuseFraming,
    swaggerUi.serve,
    swaggerUi.setup(undefined, { swaggerOptions: { url: "/openapi.json" }, customSiteTitle: "IncidentOps API", customCss: "" }),
  );

  // Per-IP limit on /v1/auth/* and the auth.* tRPC procedures, counted in PostgreSQL.
  app.use(["/v1/auth", "/trpc"], authRateLimit({ db: deps.db, limitPerMinute: deps.config.authRateLimitPerMinute, logger: deps.logger }));

  app.use(
    "/trpc",
    refuseMethodsTrpcDoesNotServe,
    createExpressMiddleware({
      router: appRouter,
      createContext,
      maxBodySize: MAX_BODY_BYTES,
      // The first failure that says when to come back sets Retry-After; a replayed write (its
      // Idempotency-Key's first answer) says so, as over REST.
      responseMeta: ({ errors, ctx }) => {
        const retryAfter = errors.map((error) => toErrorResponse(error, ctx?.requestId ?? "").headers).find((h) => h["retry-after"] !== undefined);
        const replayed = ctx?.idempotency.replayed === true ? { [IDEMPOTENT_REPLAYED_HEADER]: "true" } : undefined;
        return retryAfter === undefined && replayed === undefined ? {} : { headers: { ...retryAfter, ...replayed } };
      },
      onError: ({ error, ctx, req, path }) => {
        logUnexpected(ctx?.log ?? req.log, error, toErrorResponse(error, ctx?.requestId ?? ""), { procedure: path });
      },
    }),
  );

  const rest = createRest(
    { operations: restOperations, createCaller: createCallerFactory(appRouter), createContext, maxBodyBytes: MAX_BODY_BYTES },
    app.get("trust proxy fn") as (address: string, hop: number) => boolean,
  );
  // Before the integrations' routers, each of which a request passes through unless its path is
  // theirs: the REST routes are the ones called most, and pass every other path on untouched.
  app.use("/v1", rest.router);
  app.use(
    alertmanagerRouter(deps),
    grafanaRouter(deps),
    webhookRouter(deps),
    opsgenieRouter(deps),
    heartbeatPingRouter(deps),
    attachmentsRouter(deps),
    calendarRouter(deps),
  );
  app.use(SESSION_PATH, browserSessionRouter({ config: deps.config, createContext, maxBodyBytes: MAX_BODY_BYTES }));

  // The web app at `/`: any other GET that is not an API path.
  app.use(webAppRouter(deps.config.webDistDir));

  app.use((req) => {
    throw new AppError("NOT_FOUND", `No route for ${req.method} ${req.path}`);
  });
  // Every failure nothing else answered (body parsers, unknown routes, anything thrown): the error boundary.
  const handleError: ErrorRequestHandler = (error, req, res, _next) => {
    sendError(req, res, error);
  };
  app.use(handleError);

  // Every request gets its id, its log line and its metrics here; the REST calls and PagerDuty's
  // events are then served without express (before-express.ts), everything else by it. While the
  // process shuts down, each response closes its connection: the client's next request opens one
  // to another replica.
  const logRequest = requestLog(deps.logger);
  const servedBeforeExpress = [rest.beforeExpress, pagerDutyEvents(deps)];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    logRequest(req, res, () => {
      if (deps.lifecycle?.draining === true) res.setHeader("connection", "close");
      observeHttpMetrics(req, res);
      if (!servedBeforeExpress.some((serve) => serve(req, res))) app(req, res);
    });
  };
  return Object.assign(handle, { listen: (port: number, host: string, ready?: () => void) => createServer(handle).listen(port, host, ready) });
}
