import { inScope, takeFromWindow } from "@incidentops/core";
import { sql } from "@incidentops/db";
import { describe, expect, it } from "vitest";
import { uniqueName, useTestStack } from "@incidentops/testkit";

const stack = useTestStack();

// Fixed windows start on the database clock; a minute-long one could end between two calls.
// About 23 days makes that chance negligible (the window length is an int of milliseconds).
const LONG_WINDOW_MS = 2_000_000_000;

const synchronousCommit = async (db: Parameters<typeof takeFromWindow>[0]) =>
  (await sql<{ synchronous_commit: string }>`SHOW synchronous_commit`.execute(db)).rows[0]?.synchronous_commit;

describe("rate-limit counters", () => {
  it("count all or nothing under the limit, on their own or inside a caller's transaction", async () => {
    const { db } = stack.current.api;
    const key = uniqueName("counter");
    expect(await takeFromWindow(db, key, LONG_WINDOW_MS, 3, 4)).toMatchObject({ taken: true, hits: 3 });
    expect(await takeFromWindow(db, key, LONG_WINDOW_MS, 2, 4)).toMatchObject({ taken: false, hits: 3 });
    await inScope(db, {}, async (tx) => {
      expect(await takeFromWindow(tx, key, LONG_WINDOW_MS, 1, 4)).toMatchObject({ taken: true, hits: 4 });
    });
    expect(await takeFromWindow(db, key, LONG_WINDOW_MS, 1, 4)).toMatchObject({ taken: false, hits: 4 });
  });

  it("relax synchronous commit for their own statement only, never for a caller's transaction", async () => {
    const { db } = stack.current.api;
    await inScope(db, {}, async (tx) => {
      await takeFromWindow(tx, uniqueName("counter"), 60_000, 1, 10);
      expect(await synchronousCommit(tx)).toBe("on");
    });
    // On a pooled connection the setting ended with the counter's own transaction.
    await db.connection().execute(async (connection) => {
      await takeFromWindow(connection, uniqueName("counter"), 60_000, 1, 10);
      expect(await synchronousCommit(connection)).toBe("on");
    });
  });
});
