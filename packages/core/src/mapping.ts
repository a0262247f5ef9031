/** Rows come back with Date objects; the wire carries ISO-8601 UTC strings. */
export const iso = (d: Date): string => d.toISOString();
export const isoOrNull = (d: Date | null): string | null => (d === null ? null : d.toISOString());

const EARLIEST_INSTANT = Date.UTC(1970, 0, 1);
const LATEST_INSTANT = Date.UTC(10_000, 0, 1);

/**
 * Whether an ISO-8601 instant lies between 1970 and the end of 9999 once in UTC: what the
 * database and every output schema can hold (a bare ISO check admits `9999-12-31T23:00:00-05:00`,
 * year 10000 in UTC, and year 0000, which PostgreSQL refuses).
 */
export function isStorableInstant(value: string): boolean {
  const time = Date.parse(value);
  return time >= EARLIEST_INSTANT && time < LATEST_INSTANT;
}
