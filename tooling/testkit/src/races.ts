import { sql, type Db, type Tx } from "@incidentops/db";
import { waitFor } from "./waiting.js";

/** How many sessions of the database wait on a lock right now. */
async function lockWaiters(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Settles once `count` sessions of the database wait on a lock; fails after 15 s, naming `what` it waited for. */
export async function untilWaitingOnLocks(db: Db, count: number, what: string): Promise<void> {
  await waitFor(async () => ((await lockWaiters(db)) >= count ? true : undefined), 15_000, what);
}

/**
 * Starts `calls` together while `lock` (row locks taken in a transaction of the test's own) is
 * held, and releases it once every call waits on a lock: all of them have started, and read
 * what they read first, before any can finish. So the outcome of a race is decided by the
 * locking under test, however the requests happen to be scheduled. Returns the calls' results.
 */
export async function raceBehindLock<T>(db: Db, lock: (tx: Tx) => Promise<unknown>, calls: () => Promise<T>[]): Promise<T[]> {
  const held = await db.transaction().execute(async (tx) => {
    await lock(tx);
    const racing = calls();
    await untilWaitingOnLocks(db, racing.length, `${racing.length} calls to wait on the lock`);
    return { racing };
  });
  return Promise.all(held.racing);
}

/** A trigger statement that fails its transaction as PostgreSQL's deadlock detector does (40P01): every attempt deadlocks. */
export const RAISE_DEADLOCK = "RAISE EXCEPTION 'deadlock detected' USING ERRCODE = 'deadlock_detected'";

/** A trigger statement that deadlocks the attempts for which `condition` (PL/pgSQL, of `attempt` and `NEW`) holds. */
export const deadlocksWhen = (condition: string): string => `IF ${condition} THEN ${RAISE_DEADLOCK}; END IF`;

/** A trigger statement that deadlocks the first `n` attempts, and lets the later ones through. */
export const deadlocksFirst = (n: number): string => deadlocksWhen(`attempt <= ${n}`);

/**
 * Runs `statement` (PL/pgSQL) in a trigger before each row written into `table` whose `column` is
 * `id`: each attempt of a transaction writing one meets it, numbered `attempt` from 1 (e.g.
 * deadlocksFirst(1)). `attempts` counts them: a sequence, which no rollback undoes. `db` must own
 * the table (the test's owner connection).
 */
export async function beforeInserts(db: Db, on: { table: string; column: string; id: string }, statement: string): Promise<{ attempts: () => Promise<number> }> {
  const name = `before_${on.table}_${on.id.replace(/-/g, "")}`;
  await sql
    .raw(
      `CREATE SEQUENCE ${name}_attempts;
       CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE attempt bigint := nextval('${name}_attempts'); BEGIN ${statement}; RETURN NEW; END $$;
       CREATE TRIGGER ${name} BEFORE INSERT ON ${on.table} FOR EACH ROW WHEN (NEW.${on.column} = '${on.id}') EXECUTE FUNCTION ${name}();`,
    )
    .execute(db);
  return {
    attempts: async () => {
      const { rows } = await sql<{ n: string }>`SELECT last_value AS n FROM ${sql.table(`${name}_attempts`)}`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },
  };
}
