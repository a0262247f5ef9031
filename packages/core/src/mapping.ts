/** Rows come back with Date objects; the wire carries ISO-8601 UTC strings. */
export const iso = (d: Date): string => d.toISOString();
export const isoOrNull = (d: Date | null): string | null => (d === null ? null : d.toISOString());
