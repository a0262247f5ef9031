import type { Config, Logger, Mailer } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import type { Request } from "express";

/** What the API process shares with every request. */
export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** Sends the test deliveries of email targets. */
  mailer: Mailer;
  /** Set by the process when it starts shutting down: /readyz says 503 and connections close after their response. */
  lifecycle?: { draining: boolean };
}

export interface Context extends AppDeps {
  requestId: string;
  log: Logger;
  /** The raw credentials, verified lazily by procedures that need a caller. */
  authorization: string | undefined;
  apiKey: string | undefined;
  ip: string | undefined;
}

/** The id pino-http assigned (always a string here: see chooseRequestId in app.ts). */
export const requestIdOf = (req: Request): string => (typeof req.id === "string" ? req.id : "unknown");

export function createContextFactory(deps: AppDeps) {
  return ({ req }: { req: Request }): Context => ({
    ...deps,
    requestId: requestIdOf(req),
    log: req.log,
    authorization: req.headers.authorization,
    apiKey: typeof req.headers["x-api-key"] === "string" ? req.headers["x-api-key"] : undefined,
    ip: req.ip,
  });
}
