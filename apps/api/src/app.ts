import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { readMigrations, sql } from "@incidentops/db";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from "express";
import { pinoHttp } from "pino-http";
import swaggerUi from "swagger-ui-express";
import { createContextFactory, requestIdOf, type AppDeps } from "./context.js";
import { errorBody, httpStatusOf, retryAfterOf, type ErrorBody } from "./errors.js";
import { buildOpenApiDocument } from "./openapi.js";
import { alertmanagerRouter } from "./ingest/alertmanager.js";
import { pagerDutyEventsRouter } from "./ingest/pagerduty.js";
import { authRateLimit } from "./rate-limit.js";
import { bindRequestContext } from "./request-context.js";
import { createRestHandler } from "./rest.js";
import { appRouter } from "./router.js";

const MAX_BODY_BYTES = 1024 * 1024;
const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** Honours a well-formed x-request-id from the caller, otherwise makes one. */
function chooseRequestId(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

const CREDENTIAL_HEADERS = ["authorization", "cookie", "x-api-key"];

/** pino-http's serialized request with credential headers censored (a copy: the raw headers stay intact). */
function redactCredentialHeaders<T extends { headers?: Record<string, unknown> }>(req: T): T {
  if (req.headers === undefined) return req;
  const headers = { ...req.headers };
  for (const name of CREDENTIAL_HEADERS) if (headers[name] !== undefined) headers[name] = "[redacted]";
  req.headers = headers;
  return req;
}

function sendError(res: Response, body: ErrorBody): void {
  res.status(httpStatusOf(body.code)).json(body);
}

export async function createApp(deps: AppDeps): Promise<Express> {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.config.trustProxy);
  app.set("etag", false);

  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const id = chooseRequestId(req);
        res.setHeader("x-request-id", id);
        return id;
      },
      customProps: (req) => ({ requestId: req.id }),
      // Whatever logger the app is given, credentials sent in headers never reach a log line.
      serializers: { req: redactCredentialHeaders },
      // Health probes would drown the log.
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
    }),
    bindRequestContext,
  );

  const createContext = createContextFactory(deps);
  const expectedMigrations = (await readMigrations()).map((m) => m.version);

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.get("/readyz", async (req, res) => {
    try {
      const { rows } = await sql<{ version: string }>`SELECT version FROM schema_migrations`.execute(deps.db);
      const applied = new Set(rows.map((r) => r.version));
      const pending = expectedMigrations.filter((v) => !applied.has(v));
      if (pending.length > 0) {
        res.status(503).json({ status: "unavailable", database: "ok", migrations: { pending } });
        return;
      }
      res.json({ status: "ok", database: "ok", migrations: "current" });
    } catch (error) {
      req.log.warn({ err: error }, "readiness check failed");
      res.status(503).json({ status: "unavailable", database: "unreachable" });
    }
  });

  const publicUrl = (req: Request) => deps.config.publicUrl ?? `${req.protocol}://${req.get("host") ?? "localhost"}`;
  app.get("/openapi.json", (req, res) => {
    res.json(buildOpenApiDocument(publicUrl(req)));
  });
  app.use(
    "/docs",
    swaggerUi.serve,
    swaggerUi.setup(undefined, { swaggerOptions: { url: "/openapi.json" }, customSiteTitle: "IncidentOps API", customCss: "" }),
  );

  // Per-IP limit on /v1/auth/* and the auth.* tRPC procedures, counted in PostgreSQL.
  app.use(["/v1/auth", "/trpc"], authRateLimit({ db: deps.db, limitPerMinute: deps.config.authRateLimitPerMinute, logger: deps.logger }));

  app.use(
    "/trpc",
    createExpressMiddleware({
      router: appRouter,
      createContext,
      maxBodySize: MAX_BODY_BYTES,
      responseMeta: ({ errors }) => {
        const retryAfter = retryAfterOf(errors);
        return retryAfter === undefined ? {} : { headers: { "retry-after": retryAfter } };
      },
      onError: ({ error, ctx }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") ctx?.log.error({ err: error.cause ?? error }, "trpc request failed");
      },
    }),
  );

  app.use(pagerDutyEventsRouter(deps), alertmanagerRouter(deps));
  app.use("/v1", express.json({ limit: MAX_BODY_BYTES }), createRestHandler(appRouter, createContext));

  app.use((req, res) => {
    sendError(res, errorBody("NOT_FOUND", `No route for ${req.method} ${req.path}`, requestIdOf(req)));
  });

  const handleError: ErrorRequestHandler = (error: { type?: string; status?: number }, req, res, _next) => {
    const traceId = requestIdOf(req);
    if (error.type === "entity.too.large") {
      sendError(res, errorBody("PAYLOAD_TOO_LARGE", "The request body is over 1 MB", traceId, { limitBytes: MAX_BODY_BYTES }));
    } else if (error.type === "entity.parse.failed") {
      sendError(res, errorBody("MALFORMED_JSON", "The request body is not valid JSON", traceId));
    } else if (error.status !== undefined && error.status >= 400 && error.status < 500) {
      sendError(res, errorBody("VALIDATION_FAILED", "The request could not be read", traceId));
    } else {
      req.log.error({ err: error }, "unhandled error");
      sendError(res, errorBody("INTERNAL_ERROR", "Something went wrong on our side", traceId));
    }
  };
  app.use(handleError);
  return app;
}
