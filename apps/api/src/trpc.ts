import { AppError, authorize, findMembership, inScope, verifyAccessToken, type Action, type Actor } from "@incidentops/core";
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

/** The verified claims of the bearer token; 401 for a missing, malformed or invalid one. */
function verifyBearer(ctx: Context) {
  const match = /^Bearer\s+(\S+)$/i.exec(ctx.authorization ?? "");
  if (match?.[1] === undefined) throw unauthorized("Missing bearer token: send Authorization: Bearer <accessToken>");
  const claims = verifyAccessToken(ctx.config.jwt, match[1]);
  if (claims === null) throw unauthorized("Invalid or expired access token: refresh it or log in again");
  return claims;
}

/** Thrown inside the request's transaction to roll it back when the procedure failed. */
class ProcedureFailed extends Error {}

/**
 * Every authenticated call runs in one transaction scoped (SET LOCAL) to the caller's org and
 * user, so row-level security shows it only its org's rows and the call commits or rolls back
 * as a whole. The membership is read on each call: a deleted user or an ended membership is
 * refused at once, and the role is the current one.
 */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const claims = verifyBearer(ctx);
  const proceed = (tx: Tx, actor: Actor) =>
    next({ ctx: { ...ctx, db: tx, actor, log: ctx.log.child({ userId: actor.userId, orgId: actor.orgId }) } });
  let result: Awaited<ReturnType<typeof proceed>> | undefined;
  try {
    await inScope(ctx.db, { orgId: claims.org_id, userId: claims.sub }, async (tx) => {
      const membership = await findMembership(tx, claims.sub, claims.org_id);
      if (membership === undefined) throw unauthorized("This token's user or organisation membership no longer exists");
      result = await proceed(tx, { userId: claims.sub, orgId: claims.org_id, role: membership.role, requestId: ctx.requestId });
      if (!result.ok) throw new ProcedureFailed();
    });
  } catch (error) {
    if (!(error instanceof ProcedureFailed)) throw error;
  }
  if (result === undefined) throw new Error("unreachable: the scoped transaction ran no procedure");
  return result;
});

/** An authenticated procedure that also needs the caller's role to allow `action`. */
export const procedureFor = (action: Action) =>
  authedProcedure.use(({ ctx, next }) => {
    authorize(action, ctx.actor);
    return next();
  });
