import { keyed, sendAfterCommit, sendWithNext, type Compilable, type Db, type OrgRole, type Tx } from "@incidentops/db";
import { sql } from "kysely";

/** Who a transaction acts for (row-level security policies read these settings), and how it commits. */
export interface Scope {
  orgId?: string | undefined;
  userId?: string | undefined;
  /** hex SHA-256 of a presented secret (API key, invitation token) being looked up. */
  lookupHash?: string | undefined;
  /** The routing key an alert presents, to find its integration before the org is known. */
  routingKey?: string | undefined;
  /**
   * Commit without waiting for the WAL flush (synchronous_commit off), for work whose every effect
   * outside the database waits for a later synchronous commit, which makes it durable too.
   */
  relaxedCommit?: boolean | undefined;
}

/** What runs once each open transaction has committed (never when it rolls back). */
const commitHooks = new WeakMap<Tx, (() => void)[]>();

/**
 * Runs `fn` in a transaction, or in the caller's one if `db` already is one. `readOnly`: it only
 * reads (a write fails), and its statements may each run in an implicit transaction of their own
 * (the held-statements driver's holdReadOnly), with what sendWithNext holds before each.
 */
export async function transact<T>(db: Db | Tx, fn: (tx: Tx) => Promise<T>, options: { readOnly?: boolean } = {}): Promise<T> {
  if (db.isTransaction) return fn(db as Tx);
  const hooks: (() => void)[] = [];
  const transaction = options.readOnly === true ? db.transaction().setAccessMode("read only") : db.transaction();
  const result = await transaction.execute((tx) => {
    commitHooks.set(tx, hooks);
    return fn(tx);
  });
  for (const hook of hooks) hook();
  return result;
}

/** Runs `hook` once `tx` has committed (at once when `tx` was not opened by transact): for counting what happened, not for work that must happen. */
export function afterCommit(tx: Tx, hook: () => void): void {
  const hooks = commitHooks.get(tx);
  if (hooks === undefined) hook();
  else hooks.push(hook);
}

/**
 * SET LOCAL the scope settings: they last until the transaction ends, never leaking to others.
 * Sent with the transaction's next statement (sendWithNext): no round trip of its own.
 */
export async function setScope(tx: Tx, scope: Scope): Promise<void> {
  await sendWithNext(tx, scopeSettings(scope), { settingsOnly: true });
}

/** The statement that sets the scope's settings for the rest of its transaction (SET LOCAL); keyed: it reads no table. */
const scopeSettings = (scope: Scope) => keyed(sql`
    SELECT set_config('app.org_id', ${scope.orgId ?? ""}, true),
           set_config('app.user_id', ${scope.userId ?? ""}, true),
           set_config('app.lookup_hash', ${scope.lookupHash ?? ""}, true),
           set_config('app.routing_key', ${scope.routingKey ?? ""}, true),
           CASE WHEN ${scope.relaxedCommit === true} THEN set_config('synchronous_commit', 'off', true) END`);

/**
 * Runs `statements` once `tx` has committed, in the COMMIT's message, in a transaction of their
 * own with `scope` (sendAfterCommit): they see what `tx` wrote, and whatever committed before.
 */
export async function afterCommitInScope(tx: Tx, scope: Scope, statements: readonly Compilable[]): Promise<void> {
  await sendAfterCommit(tx, [scopeSettings(scope), ...statements]);
}

/**
 * Makes a relaxedCommit transaction commit synchronously after all: it is about to let something
 * outside the database act on its work. With the next statement, like setScope.
 */
export async function commitDurably(tx: Tx): Promise<void> {
  await sendWithNext(tx, keyed(sql`SELECT set_config('synchronous_commit', 'on', true)`), { settingsOnly: true });
}

/**
 * Scopes the transaction to a person acting in an org (as setScope does) and returns their role
 * there, or null when they are not a member: one statement (app_enter_user_scope), where
 * setScope and a membership lookup would take two round trips.
 */
export async function enterUserScope(tx: Tx, scope: { orgId: string; userId: string }): Promise<OrgRole | null> {
  const { rows } = await sql<{ role: OrgRole | null }>`SELECT app_enter_user_scope(${scope.orgId}, ${scope.userId}) AS role`.execute(tx);
  return rows[0]?.role ?? null;
}

/**
 * Scopes the transaction as enterUserScope does, with the next statement (sendWithNext): no round
 * trip of its own. That statement, and the transaction, fail unless the person is a member of the
 * org with `role` (app_enter_user_scope_as); a transaction that runs nothing else sends it when
 * it commits, so none ends unchecked.
 */
export async function enterUserScopeAs(tx: Tx, scope: { orgId: string; userId: string; role: OrgRole }): Promise<void> {
  await sendWithNext(tx, keyed(sql`SELECT app_enter_user_scope_as(${scope.orgId}, ${scope.userId}, ${scope.role})`));
}

/** A transaction that sees one org's rows (and, with userId, that person's memberships). */
export function inScope<T>(db: Db | Tx, scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return transact(db, async (tx) => {
    await setScope(tx, scope);
    return fn(tx);
  });
}
