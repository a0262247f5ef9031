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

/**
 * One page of a list ordered by (`time`, `id`) columns (qualified when the query joins), oldest
 * first (`asc`) or newest first (`desc`): the rows past `after`, and one more (see toPage).
 */
export function pageOrderedBy<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  columns: { time: string; id: string },
  order: "asc" | "desc",
  limit: number,
  after: { createdAt: string; id: string } | undefined,
) {
  const paged = after === undefined ? query : query.where(pastPosition(columns, order === "asc" ? ">" : "<", { time: after.createdAt, id: after.id }));
  return paged.orderBy(sql`${sql.ref(columns.time)} ${sql.raw(order)}, ${sql.ref(columns.id)} ${sql.raw(order)}`).limit(limit + 1);
}
