import { sql, type SelectQueryBuilder } from "kysely";

/**
 * The keyset condition for a list ordered by (time column, id): rows strictly past `position`,
 * older for newest-first lists ("<"), newer for oldest-first lists (">").
 */
export function pastPosition(
  columns: { time: string; id: string },
  direction: "<" | ">",
  position: { time: string; id: string },
) {
  return sql<boolean>`(${sql.ref(columns.time)}, ${sql.ref(columns.id)}) ${sql.raw(direction)} (${position.time}::timestamptz, ${position.id}::uuid)`;
}

/** Rows after `position` in a newest-first list ordered by (created_at DESC, id DESC). */
export const olderThan = (position: { createdAt: string; id: string }) =>
  pastPosition({ time: "created_at", id: "id" }, "<", { time: position.createdAt, id: position.id });

/**
 * One page of a single-table list, newest first by (created_at, id): the rows past `after`, and
 * one more that only says whether another page exists (see toPage).
 */
export function newestFirst<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  limit: number,
  after: { createdAt: string; id: string } | undefined,
) {
  return (after === undefined ? query : query.where(olderThan(after))).orderBy(sql`created_at DESC, id DESC`).limit(limit + 1);
}
