import type { Db, Tx } from "@incidentops/db";

export function insertFeed(
  tx: Tx,
  feed: { orgId: string; userId: string; name: string; scheduleId: string | null; fullSchedule: boolean; prefix: string; tokenHash: Buffer },
) {
  return tx
    .insertInto("calendar_feeds")
    .values({
      org_id: feed.orgId,
      user_id: feed.userId,
      name: feed.name,
      schedule_id: feed.scheduleId,
      full_schedule: feed.fullSchedule,
      prefix: feed.prefix,
      token_hash: feed.tokenHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The person's feeds in the org, newest first. */
export function listFeeds(db: Db | Tx, orgId: string, userId: string) {
  return db
    .selectFrom("calendar_feeds")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** False when the person has no such feed in the org. */
export async function deleteFeed(tx: Tx, orgId: string, userId: string, feedId: string): Promise<{ name: string } | undefined> {
  return tx
    .deleteFrom("calendar_feeds")
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .where("id", "=", feedId)
    .returning(["name"])
    .executeTakeFirst();
}

/** The feed a presented token names (the transaction's lookup hash must be set to it), marked used at `at`. */
export function useFeed(tx: Tx, tokenHash: Buffer, at: Date) {
  return tx.updateTable("calendar_feeds").set({ last_used_at: at }).where("token_hash", "=", tokenHash).returningAll().executeTakeFirst();
}
