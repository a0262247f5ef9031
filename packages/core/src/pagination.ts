import { z } from "zod";
import { AppError } from "./errors.js";
import { iso, isStorableInstant } from "./mapping.js";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Opaque to clients: base64url of the JSON keyset position. */
export function encodeCursor(position: Record<string, string>): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

/**
 * Reads a cursor back, checking it has exactly the shape this list writes; no cursor (the first
 * page) is no position.
 */
export function decodeCursor<T extends z.ZodType>(schema: T, cursor: string): z.infer<T>;
export function decodeCursor<T extends z.ZodType>(schema: T, cursor: string | undefined): z.infer<T> | undefined;
export function decodeCursor<T extends z.ZodType>(schema: T, cursor: string | undefined): z.infer<T> | undefined {
  if (cursor === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError("VALIDATION_FAILED", "Invalid cursor: pass back the nextCursor of a previous page", {
      fields: { cursor: ["invalid cursor"] },
    });
  }
  return parsed.data;
}

/** Fetch limit + 1 rows; the extra one only says whether another page exists. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorOf: (row: Row) => Record<string, string>,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toItem),
    nextCursor: hasMore && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}

/**
 * A time inside a cursor, bounded like every date input: a crafted cursor with a year PostgreSQL
 * or an output schema cannot hold is a 400, not a 500.
 */
export const cursorTime = z.iso.datetime().refine(isStorableInstant, "out of range");

/** The position in a newest-first list ordered by (created_at, id). */
export const createdAtCursor = z.object({ createdAt: cursorTime, id: z.uuid() });

/** The cursor position of a row in a list ordered by (`column`, id), in createdAtCursor's shape. */
export const timePositionOf =
  <K extends string>(column: K) =>
  (row: { [key in K]: Date } & { id: string }) => ({ createdAt: iso(row[column]), id: row.id });

/** The cursor position of a row in a list ordered by (created_at, id). */
export const createdAtPositionOf = timePositionOf("created_at");

/**
 * The position in a list ordered by a bigint sequence. 19 digits can exceed bigint: such a seq
 * must be refused here, not by PostgreSQL (a 500). The refine also runs when the regex failed,
 * so it must not assume digits.
 */
export const seqCursor = z.object({
  seq: z
    .string()
    .regex(/^\d{1,19}$/)
    .refine((seq) => seq.length < 19 || seq <= "9223372036854775807"),
});
