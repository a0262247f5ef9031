import { IDEMPOTENCY_KEY_HEADER, type AppError, type Config, type Logger, type Mailer, type ObjectStorage } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import type { IncomingHttpHeaders } from "node:http";
import type { TRPCRequestInfo } from "@trpc/server/http";
import type { ChangeFeed } from "./live/change-feed.js";

/** What the API process shares with every request. */
export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** Sends the test deliveries of email targets. */
  mailer: Mailer;
  /** The process's LISTEN connection on incident changes, behind the live subscriptions. */
  changeFeed: ChangeFeed;
  /** Where attachment bytes are kept. */
  storage: ObjectStorage;
  /** Set by the process when it starts shutting down: /readyz says 503 and connections close after their response. */
  lifecycle?: { draining: boolean };
}

export interface Context extends AppDeps {
  /**
   * The pool itself, also inside a procedure (whose `db` is then its transaction): for reads
   * that run beside the call's transaction, in transactions of their own (analytics).
   */
  pool: Db;
  requestId: string;
  log: Logger;
  /** The raw credentials, verified lazily by procedures that need a caller. */
  authorization: string | undefined;
  apiKey: string | undefined;
  /** A subscription's stream ticket (its connectionParams). */
  streamTicket: string | undefined;
  ip: string | undefined;
  /**
   * The request's `Idempotency-Key` header, read by write calls (procedure/idempotency.ts), and
   * whether the call's answer was a replay of the key's first call (its `Idempotent-Replayed` header).
   * `inBatch`: the request is a tRPC batch of several calls, which all share the header.
   */
  idempotency: { header: string | undefined; replayed: boolean; inBatch: boolean };
  /**
   * A refusal of the request's input that REST made before the call (a query parameter the
   * operation does not take: rest.ts), raised where the input is read: after the caller is
   * authenticated and authorized, so an unauthenticated caller learns nothing of an operation's
   * parameters.
   */
  inputRefusal?: AppError;
}

/**
 * A subscription's credential: EventSource cannot send headers, so a stream is opened with a
 * single-use ticket (POST /v1/live/tickets) as tRPC's `connectionParams` (`{ "ticket": "..." }`),
 * which travel in the URL (the request log redacts them). Only subscriptions read it.
 */
function subscriptionTicket(info: TRPCRequestInfo | undefined): string | undefined {
  if (info?.type !== "subscription") return undefined;
  const value = info.connectionParams?.ticket;
  return typeof value === "string" ? value : undefined;
}

function idempotencyHeaderOf(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[IDEMPOTENCY_KEY_HEADER];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** What a call's context takes from its request (express's, or one routed before express: rest.ts). */
export interface RequestSource {
  /** Set by requestLog. */
  id: string;
  log: Logger;
  headers: IncomingHttpHeaders;
  /** The client's address, through the proxies the configuration trusts. */
  ip: string | undefined;
}

/**
 * A call's context: the request's fields, then the process's. In that order because Node 20's V8
 * copies an object fast with a spread, but each key added to the copy after the spread costs about
 * a microsecond (decision 0059). No key is in both.
 */
export function createContextFactory(deps: AppDeps) {
  return ({ req, info, inputRefusal }: { req: RequestSource; info?: TRPCRequestInfo; inputRefusal?: AppError }): Context => ({
    pool: deps.db,
    requestId: req.id,
    log: req.log,
    authorization: req.headers.authorization,
    apiKey: typeof req.headers["x-api-key"] === "string" ? req.headers["x-api-key"] : undefined,
    streamTicket: subscriptionTicket(info),
    ip: req.ip,
    idempotency: { header: idempotencyHeaderOf(req.headers), replayed: false, inBatch: info !== undefined && info.calls.length > 1 },
    inputRefusal,
    ...deps,
  });
}
