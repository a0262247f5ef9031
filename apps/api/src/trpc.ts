import {
  AppError,
  assertWriteQuotaLeft,
  authenticateApiKey,
  authorize,
  countWriteCall,
  enterUserScope,
  inScope,
  looksLikeApiKey,
  transact,
  verifyAccessToken,
  type Action,
  type Actor,
} from "@incidentops/core";
import type { Tx } from "@incidentops/db";
import { initTRPC } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import type { Context } from "./context.js";
import { toErrorBody, toTRPCError } from "./errors.js";
import { currentRequestId } from "./request-context.js";

export type Meta = OpenApiMeta<{ successStatus?: 201 | 202 }>;

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const body = toErrorBody(error, ctx?.requestId ?? currentRequestId());
      // tRPC's wire format needs its numeric JSON-RPC code at `code`; ours travels in `data`.
      return { code: shape.code, message: body.message, data: { ...body, httpStatus: shape.data.httpStatus } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** AppErrors thrown by services keep their HTTP status; unexpected errors are logged here. */
const mapErrors = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) throw toTRPCError(cause);
    if (result.error.code === "INTERNAL_SERVER_ERROR") ctx.log.error({ err: result.error.cause ?? result.error, path }, "procedure failed");
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors);

const unauthorized = (message: string) => new AppError("UNAUTHORIZED", message);

type Credential = { kind: "access_token"; token: string } | { kind: "api_key"; secret: string };

/** The request's credential: a bearer (access token or API key), else an `x-api-key` header. */
function readCredential(ctx: Context): Credential {
  if (ctx.authorization === undefined && ctx.apiKey !== undefined) return { kind: "api_key", secret: ctx.apiKey };
  const match = /^Bearer\s+(\S+)$/i.exec(ctx.authorization ?? "");
  const bearer = match?.[1];
  if (bearer === undefined) throw unauthorized("Missing credentials: send Authorization: Bearer <accessToken or API key>");
  return looksLikeApiKey(bearer) ? { kind: "api_key", secret: bearer } : { kind: "access_token", token: bearer };
}

/** Resolves the credential inside the request's transaction and scopes it to the caller's org. */
async function authenticate(ctx: Context, tx: Tx, credential: Credential): Promise<Actor> {
  const request = { requestId: ctx.requestId, ip: ctx.ip ?? null };
  if (credential.kind === "api_key") return authenticateApiKey(tx, credential.secret, request);
  const claims = verifyAccessToken(ctx.config.jwt, credential.token);
  if (claims === null) throw unauthorized("Invalid or expired access token: refresh it or log in again");
  // Scope and membership in one round trip: the role is read on every call, so a removed member
  // or a changed role takes effect at once.
  const role = await enterUserScope(tx, { orgId: claims.org_id, userId: claims.sub });
  if (role === null) throw unauthorized("This token's user or organisation membership no longer exists");
  return { kind: "user", userId: claims.sub, orgId: claims.org_id, role, ...request };
}

/**
 * Mutations that take access away or secure an account. They count as write calls but are never
 * refused for the quota: an org whose quota was burnt (say by a leaked write key) must still be
 * able to revoke that key, remove a member or change a password before 00:00 UTC.
 */
const QUOTA_EXEMPT_PROCEDURES = new Set([
  "org.apiKeys.revoke",
  "org.members.remove",
  "org.members.update",
  "org.invitations.revoke",
  "integrations.delete",
  "auth.changePassword",
]);

/** Thrown inside the request's transaction to roll it back when the procedure failed. */
class ProcedureFailed extends Error {}

/**
 * Every authenticated call runs in one transaction scoped (SET LOCAL) to the caller's org, so
 * row-level security shows it only its org's rows and the call commits or rolls back as a whole.
 * The membership (or key) is read on each call: a deleted user, an ended membership or a revoked
 * key is refused at once, and the role is the current one. Read-only API keys call no mutation.
 *
 * Every mutation that reaches its procedure is a write call of the org, counted once per UTC day
 * whatever its outcome (see usage/quota.ts). A successful one is counted last in its own
 * transaction, atomically against ORG_DAILY_WRITE_QUOTA: if a concurrent call took the last unit,
 * it is refused with 429 and its changes roll back. A failed one rolls back, then is counted on
 * its own. Over the quota, a mutation is refused before it runs (except QUOTA_EXEMPT_PROCEDURES).
 */
export const authedProcedure = publicProcedure.use(async ({ ctx, next, type, path }) => {
  const credential = readCredential(ctx);
  const quota = QUOTA_EXEMPT_PROCEDURES.has(path) ? null : ctx.config.orgDailyWriteQuota;
  const isWrite = type === "mutation";
  const proceed = (tx: Tx, actor: Actor) =>
    next({ ctx: { ...ctx, db: tx, actor, log: ctx.log.child({ actor: actor.kind === "user" ? actor.userId : actor.apiKeyId, orgId: actor.orgId }) } });
  let result: Awaited<ReturnType<typeof proceed>> | undefined;
  let failedWriteOrg: string | undefined;
  try {
    await transact(ctx.db, async (tx) => {
      const actor = await authenticate(ctx, tx, credential);
      if (actor.kind === "api_key" && actor.scope === "read" && type !== "query") {
        throw new AppError("FORBIDDEN", "A read-only API key cannot change anything: use a write key");
      }
      if (isWrite) await assertWriteQuotaLeft(tx, actor.orgId, quota);
      result = await proceed(tx, actor);
      if (!result.ok) {
        if (isWrite) failedWriteOrg = actor.orgId;
        throw new ProcedureFailed();
      }
      if (isWrite) await countWriteCall(tx, actor.orgId, quota);
    });
  } catch (error) {
    if (!(error instanceof ProcedureFailed)) throw error;
  }
  if (failedWriteOrg !== undefined) {
    const orgId = failedWriteOrg;
    try {
      await inScope(ctx.db, { orgId }, (tx) => countWriteCall(tx, orgId, quota, { refuse: false }));
    } catch (error) {
      // The caller gets the procedure's own error, not this one.
      ctx.log.warn({ err: error, orgId }, "counting a failed write call failed");
    }
  }
  if (result === undefined) throw new Error("unreachable: the scoped transaction ran no procedure");
  return result;
});

/** For what only a person can do (their profile, preferences, password): API keys get 403. */
export const userProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== "user") throw new AppError("FORBIDDEN", "This needs a signed-in user: API keys cannot call it");
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** An authenticated procedure that also needs the caller's role to allow `action`. */
export const procedureFor = (action: Action) =>
  authedProcedure.use(({ ctx, next }) => {
    authorize(action, ctx.actor);
    return next();
  });
