import { authorize, inScope, retryingConflicts, transact, type Action, type Actor } from "@incidentops/core";
import type { Tx } from "@incidentops/db";
import type { Context } from "../context.js";
import { bindCallerToLog } from "../request-log.js";
import { assertCredentialAllows, authenticate, readCredential } from "./credential.js";
import { writeQuotaOf } from "./write-quota.js";

/** What a route outside tRPC stands for, as a procedure would declare it. */
export interface RouteAccess {
  action: Action;
  type: "query" | "mutation";
  /** The name its write calls are counted under (and quota exemptions looked up by). */
  procedure: string;
}

/**
 * The caller of a route outside tRPC (an upload, a download), held to the same rules as a
 * procedure: their credential (401), a read-only key on a write (403), their role (403) and, for
 * a write, the org's daily quota (429; for a write sent with an Idempotency-Key, once its key was
 * looked at, which the call sets in `ctx.idempotency.replayed`). Unlike a procedure, the work is
 * not one transaction: `call` gets `inOrg`, which runs a step in a transaction scoped to the
 * caller's org (so the bytes of an upload stream with no transaction open), run again when
 * PostgreSQL aborted it for a concurrent one (retryingConflicts). A write's call counts as one
 * write call: in its last step's transaction (`inOrg(fn, { last: true })`) when it succeeds, on
 * its own when it fails after identification, like a procedure's.
 */
export async function callAsRoute<T>(
  ctx: Context,
  access: RouteAccess,
  call: (actor: Actor, inOrg: <R>(step: (tx: Tx) => Promise<R>, options?: { last: boolean }) => Promise<R>) => Promise<T>,
): Promise<T> {
  const credential = readCredential(ctx);
  const quota = writeQuotaOf({ type: access.type, path: access.procedure }, ctx.config.orgDailyWriteQuota);
  const source = { requestId: ctx.requestId, ip: ctx.ip ?? null };
  const actor = await transact(ctx.db, (tx) => authenticate(tx, credential, ctx.config.jwt, source));
  bindCallerToLog(actor);
  try {
    assertCredentialAllows(actor, access.type);
    authorize(access.action, actor);
    // A keyed write is held to the quota when it is counted, after its key was looked at: a replay
    // of it is answered whatever the quota (WriteQuota.countSucceeded).
    if (ctx.idempotency.header === undefined) await inScope(ctx.db, { orgId: actor.orgId }, async (tx) => quota?.assertLeft(tx, actor.orgId));
    return await call(actor, (step, options) =>
      retryingConflicts(ctx.log, () =>
        inScope(ctx.db, { orgId: actor.orgId }, async (tx) => {
          const result = await step(tx);
          if (options?.last === true) await quota?.countSucceeded(tx, actor.orgId, ctx.idempotency.replayed);
          return result;
        }),
      ),
    );
  } catch (error) {
    await quota?.countFailed(ctx.db, actor.orgId, ctx.log);
    throw error;
  }
}
