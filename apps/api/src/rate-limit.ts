import { AppError, hitWindowCounter, resetWindowCounter, sweepExpiredCounters, unhitWindowCounter, type Logger } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import type { Request, RequestHandler, Response } from "express";
import { rateLimit, type ClientRateLimitInfo, type Options, type Store } from "express-rate-limit";
import { sendError, sendTrpcError } from "./errors.js";

const WINDOW_MS = 60_000;
/** Old windows are deleted at most this often by each process (any replica may do it). */
const SWEEP_EVERY_MS = 60_000;

/**
 * An express-rate-limit store that counts in PostgreSQL (`rate_limit_counters`, one row per key
 * and fixed window), so every API replica enforces one shared limit.
 */
export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = WINDOW_MS;
  private lastSweep = 0;

  constructor(
    private readonly db: Db,
    readonly prefix: string,
    private readonly logger: Logger,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const hit = await hitWindowCounter(this.db, this.prefix + key, this.windowMs);
    this.sweepIfDue();
    return { totalHits: hit.hits, resetTime: new Date(Date.now() + hit.resetInMs) };
  }

  async decrement(key: string): Promise<void> {
    await unhitWindowCounter(this.db, this.prefix + key, this.windowMs);
  }

  async resetKey(key: string): Promise<void> {
    await resetWindowCounter(this.db, this.prefix + key);
  }

  /** Deletes expired windows in the background, never delaying the request that triggers it. */
  private sweepIfDue(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    sweepExpiredCounters(this.db).catch((error: unknown) => {
      this.logger.warn({ err: error }, "sweeping expired rate-limit counters failed");
    });
  }
}

const isTrpcRequest = (req: Request) => req.baseUrl.toLowerCase() === "/trpc";

/**
 * The auth routes that present a session the server issued (a refresh token, its cookie, an
 * access token) to renew, switch, read or end it: the limit is not for them. It slows down what
 * takes a password, an email or a one-time token; and a browser renews its session on every page
 * load, so a team behind one address would run out and be signed out.
 */
const SESSION_ROUTES = new Set(["/refresh", "/switch-org", "/logout", "/me", "/session/refresh", "/session/switch-org", "/session/logout"]);
const SESSION_PROCEDURES = new Set(["auth.refresh", "auth.switchOrg", "auth.logout", "auth.me"]);

/** A `/v1/auth` path as express matches it: any case, a trailing slash or not. */
const isSessionRoute = (path: string) => SESSION_ROUTES.has(path.toLowerCase().replace(/\/+$/, ""));

/** tRPC paths name procedures, comma-separated when batched: `/auth.login,incidents.list`. */
function callsLimitedAuthProcedure(trpcPath: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(trpcPath.replace(/^\/+/, ""));
  } catch {
    return true; // tRPC refuses it anyway; counting it does no harm.
  }
  return decoded.split(",").some((name) => name.startsWith("auth.") && !SESSION_PROCEDURES.has(name));
}

const notCounted = (req: Request) => (isTrpcRequest(req) ? !callsLimitedAuthProcedure(req.path) : isSessionRoute(req.path));

/**
 * The per-IP limit on the auth routes (`/v1/auth/*` and the `auth.*` tRPC procedures, but for
 * those of a session already issued: SESSION_ROUTES): a fixed window of one minute,
 * `AUTH_RATE_LIMIT_PER_MINUTE` requests, counted in PostgreSQL. Over it:
 * 429 RATE_LIMITED with `Retry-After` (seconds until the window ends) and the standard body (in
 * tRPC's wire format on `/trpc`).
 * Mount it on both `/v1/auth` and `/trpc`; on `/trpc` it only counts calls to `auth.*`.
 */
export function authRateLimit(deps: { db: Db; limitPerMinute: number; logger: Logger }): RequestHandler {
  const limiter = rateLimit({
    windowMs: WINDOW_MS,
    limit: deps.limitPerMinute,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    store: new PostgresRateLimitStore(deps.db, "auth-ip:", deps.logger),
    skip: notCounted,
    logger: {
      error: (error: unknown, message?: string) => {
        deps.logger.error({ err: error }, message ?? "rate limiter error");
      },
      warn: (error: unknown, message?: string) => {
        deps.logger.warn({ err: error }, message ?? "rate limiter warning");
      },
    },
    handler: (req, res) => {
      const retryAfterSeconds = Number(res.getHeader("retry-after") ?? WINDOW_MS / 1000);
      const refusal = new AppError("RATE_LIMITED", `Too many requests to the auth routes from this address: retry in ${retryAfterSeconds} seconds`, {
        retryAfterSeconds,
        limit: deps.limitPerMinute,
        windowSeconds: WINDOW_MS / 1000,
      });
      refuse(req, res, refusal);
    },
  });
  // A counter that cannot be written (the database is down) is the request's failure, answered in
  // the caller's wire format like any other: 503 SERVICE_UNAVAILABLE with Retry-After.
  return (req, res, next) => {
    const passed = (error?: unknown) => {
      if (error === undefined) next();
      else refuse(req, res, error);
    };
    Promise.resolve(limiter(req, res, passed)).catch((error: unknown) => refuse(req, res, error));
  };
}

function refuse(req: Request, res: Response, thrown: unknown): void {
  if (isTrpcRequest(req)) sendTrpcError(req, res, thrown);
  else sendError(req, res, thrown);
}
