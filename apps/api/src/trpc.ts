import { AppError, authorize, authorizeTeamGate, retryingConflicts, streamTicketService, transact, type Action, type Actor } from "@incidentops/core";
import type { Tx } from "@incidentops/db";
import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import type { Context } from "./context.js";
import { toErrorResponse, trpcCodeOf } from "./errors.js";
import { assertAcceptableInput } from "./input-guard.js";
import { assertCredentialAllows, authenticate, enterPresumedScope, presumedUser, readCredential, readStreamTicket } from "./procedure/credential.js";
import { callIdempotently, type KeyedCallContext, type WriteCall } from "./procedure/idempotency.js";
import { failureOfCall, inRetriedScopedTransaction, readPresuming } from "./procedure/scoped-transaction.js";
import { writeQuotaOf, type WriteQuota } from "./procedure/write-quota.js";
import { bindCallerToLog, currentRequestId } from "./request-log.js";

/** Who may call a procedure: anyone, a signed-in person, or a caller whose role allows `action`. */
export type Access = { kind: "public" } | { kind: "user" } | { kind: "authenticated"; action?: Action };

/**
 * A procedure whose output is a document, not JSON (a CSV export, a Markdown rendering): its
 * output is a string, which REST answers as is, with this type, as a download when `fileName` is given.
 */
export interface TextResponse {
  contentType: string;
  fileName?: string;
}

export type Meta = OpenApiMeta<{
  successStatus?: 201 | 202;
  access?: Access;
  textResponse?: TextResponse;
  /**
   * A mutation that changes none of the org's data, only what lets the caller read (a stream
   * ticket): a read-only API key may call it, and it is no write call of the quota (callTypeOf).
   */
  readCall?: true;
  /**
   * A write whose answer holds a secret shown once (an API key, a signing secret, an invitation's
   * token): its answer is never kept, so it refuses an Idempotency-Key (procedure/idempotency.ts).
   */
  answersSecret?: true;
}>;

/** What a call is to API key scopes and the write quota: its type, a `readCall` mutation a read. */
export const callTypeOf = (type: "query" | "mutation" | "subscription", meta: Meta | undefined) => (meta?.readCall === true ? "query" : type);

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Subscriptions (server-sent events): a ping keeps proxies from closing a quiet stream, and a
    // client that hears nothing (not even a ping) for a while reconnects on its own.
    sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 40_000 } },
    errorFormatter({ shape, error, ctx }) {
      const { status, body } = toErrorResponse(error, ctx?.requestId ?? currentRequestId());
      // tRPC's wire format needs its numeric JSON-RPC code at `code`; ours travels in `data`.
      return { code: shape.code, message: body.message, data: { ...body, httpStatus: status } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * A failure with its public status as tRPC's code (tRPC wraps anything thrown as a 500), so tRPC's
 * HTTP status and JSON-RPC code agree with the error body.
 */
function withPublicCode(error: TRPCError): TRPCError {
  const code = trpcCodeOf(toErrorResponse(error, "").status);
  return code === error.code ? error : new TRPCError({ code, message: error.message, cause: error.cause ?? error });
}

const withPublicStatus = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const error = withPublicCode(result.error);
    if (error !== result.error) throw error;
  }
  return result;
});

/** A subscription's stream whose failures, thrown after its procedure returned, carry their public status too (withPublicCode). */
export async function* withPublicCodes<T>(stream: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* stream;
  } catch (error) {
    throw withPublicCode(error instanceof TRPCError ? error : new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error }));
  }
}

/** Before anything else reads it, the input is held to the limits every input has (input-guard.ts). */
const acceptableInput = t.middleware(async ({ getRawInput, next }) => {
  assertAcceptableInput(await getRawInput());
  return next();
});

const baseProcedure = t.procedure.use(withPublicStatus).use(acceptableInput);

/**
 * Raises the input refusal REST made before the call (Context.inputRefusal) where the procedure's
 * input is read: each procedure kind's last middleware calls it, after its authentication and
 * authorization, rather than a middleware of its own on every call.
 */
function raiseInputRefusal(ctx: Pick<Context, "inputRefusal">): void {
  if (ctx.inputRefusal !== undefined) throw ctx.inputRefusal;
}

/**
 * A call anyone may make (sign-in, registration, a token's exchange): its service opens its own
 * transactions, there being no caller to scope one to. When PostgreSQL aborted one for a
 * concurrent one, the call is run again whole, as an authenticated call is (retryingConflicts,
 * which never runs again one that did something outside the database): each of these services
 * writes in its last transaction only (the ones before it read), so the attempt that conflicted
 * left nothing behind, neither a counted login failure nor a rotated refresh token.
 */
export const publicProcedure = baseProcedure.meta({ access: { kind: "public" } }).use(({ ctx, next }) => {
  raiseInputRefusal(ctx);
  return retryingConflicts(ctx.log, () => next(), failureOfCall);
});

/**
 * An authenticated call: its credential (credential.ts), one transaction scoped to the caller's
 * org (scoped-transaction.ts) and, for mutations other than read calls, the org's daily write
 * quota (write-quota.ts), which the call's last middleware applies (writeCall) and which counts a
 * failed call here, on its own after the call rolled back. A call whose transaction PostgreSQL aborted for a
 * concurrent one (a deadlock) is run again, a few times at most (inRetriedScopedTransaction). A
 * person's read first presumes the role their token names, checked with the read's first
 * statement (readPresuming), and identifies first only when that fails.
 */
export const authedProcedure = baseProcedure.meta({ access: { kind: "authenticated" } }).use(async ({ ctx, next, type, path, meta }) => {
  const credential = readCredential(ctx);
  const callType = callTypeOf(type, meta);
  const quota = writeQuotaOf({ type: callType, path }, ctx.config.orgDailyWriteQuota);
  const source = { requestId: ctx.requestId, ip: ctx.ip ?? null };
  const callAs = async (tx: Tx, actor: Actor) => {
    bindCallerToLog(actor);
    assertCredentialAllows(actor, callType);
    // The keys ctx lacks first: a key added after a spread is slow on Node 20 (context.ts).
    return next({ ctx: { actor, credential, writeQuota: quota, ...ctx, db: tx } });
  };
  const presumed = type === "query" ? presumedUser(credential, ctx.config.jwt, source) : null;
  if (presumed !== null) {
    const read = await readPresuming(ctx.db, (tx) => enterPresumedScope(tx, presumed), callAs);
    if (read !== undefined) return read;
  }
  const { result, actor } = await inRetriedScopedTransaction(ctx.db, ctx.log, (tx) => authenticate(tx, credential, ctx.config.jwt, source), callAs);
  if (!result.ok) await quota?.countFailed(ctx.db, actor.orgId, ctx.log);
  return result;
});

/**
 * A write call (a mutation other than a read call), once its caller may make it (each
 * authenticated kind's last middleware calls this): held to the org's daily write quota, refused
 * up front when it is used up and counted last in the call's transaction when the call succeeds
 * (a concurrent call that took the last unit rolls it back with 429), and run under the request's
 * Idempotency-Key, if it has one (procedure/idempotency.ts). The key is looked at first, so that a
 * replay is answered whatever the quota (it changes nothing; it is counted, never refused). Any
 * other call goes on as it is.
 */
function writeCall<R extends { ok: boolean }>(opts: {
  ctx: KeyedCallContext & { writeQuota: WriteQuota | null };
  next: () => Promise<R>;
  path: string;
  meta: Meta | undefined;
  getRawInput: () => Promise<unknown>;
}): Promise<R> {
  const { ctx, next, path, meta, getRawInput } = opts;
  // Not async itself: every read passes here, and goes on without a promise more.
  return ctx.writeQuota === null ? next() : countedWrite(ctx, ctx.writeQuota, { path, getRawInput, answersSecret: meta?.answersSecret === true }, next);
}

async function countedWrite<R extends { ok: boolean }>(ctx: KeyedCallContext, quota: WriteQuota, call: WriteCall, next: () => Promise<R>): Promise<R> {
  const { db, actor, idempotency } = ctx;
  const called = await callIdempotently(ctx, call, async () => {
    await quota.assertLeft(db, actor.orgId);
    return next();
  });
  if (called.ok) await quota.countSucceeded(db, actor.orgId, idempotency.replayed);
  return called;
}

/** For what only a person can do (their profile, preferences, password): API keys get 403. */
export const userProcedure = authedProcedure
  .meta({ access: { kind: "user" } })
  .use(({ ctx, next }) => {
    if (ctx.actor.kind !== "user") throw new AppError("FORBIDDEN", "This needs a signed-in user: API keys cannot call it");
    raiseInputRefusal(ctx);
    return next({ ctx: { ...ctx, actor: ctx.actor } });
  })
  .use((opts) => writeCall(opts));

/** An authenticated procedure for `action`, whose caller `check` lets through. */
const gatedProcedure = (action: Action, check: typeof authorize) =>
  authedProcedure
    .meta({ access: { kind: "authenticated", action } })
    // In the gate's own middleware, not one more: every read of the API passes here.
    .use((opts) => {
      check(action, opts.ctx.actor);
      raiseInputRefusal(opts.ctx);
      return writeCall(opts);
    });

/** An authenticated procedure that also needs the caller's role to allow `action`. */
export const procedureFor = (action: Action) => gatedProcedure(action, authorize);

/**
 * A procedure on something a team may own, whose service makes the final check once it knows the
 * team (authorizeForTeam): the gate refuses up front only who could pass it for no team at all.
 */
export const teamProcedureFor = (action: Action) => gatedProcedure(action, authorizeTeamGate);

/**
 * A subscription for callers whose role allows `action`, opened with a stream ticket (never a
 * credential in its URL). A stream outlives any transaction, so the ticket is used up in a
 * transaction of its own, and the subscription re-checks its holder (membership, role, the
 * expiry of their access token or API key) whenever it reads data to send (see routers/live.ts).
 */
export const subscriptionFor = (action: Action) =>
  baseProcedure.meta({ access: { kind: "authenticated", action } }).use(async ({ ctx, next, type }) => {
    const ticket = readStreamTicket(ctx);
    const source = { requestId: ctx.requestId, ip: ctx.ip ?? null };
    const { actor, holder } = await transact(ctx.db, (tx) => streamTicketService.redeemStreamTicket(tx, ticket, source));
    bindCallerToLog(actor);
    assertCredentialAllows(actor, type);
    authorize(action, actor);
    return next({ ctx: { ...ctx, actor, holder, source } });
  });
