/** The instants the database and every output schema can hold: from 1970 to the end of 9999 (UTC). */
export const EARLIEST_INSTANT = Date.UTC(1970, 0, 1);
export const LATEST_INSTANT = Date.UTC(10_000, 0, 1);

const MS_PER_DAY = 86_400_000;
const twoDigits = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const threeDigits = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * Rows come back with Date objects; the wire carries ISO-8601 UTC strings, exactly as
 * `toISOString` writes them. For the instants the database can hold (1970 to 9999) they are
 * written here: V8's `toISOString` is a call into its runtime, and a page of 50 incidents formats
 * up to 750 timestamps (it was 8.5% of the list's CPU; this takes a quarter of its time, see
 * bench/README, "Validation on zod's compiled path, timestamps written in JavaScript").
 * The date of a day number is Howard Hinnant's `civil_from_days`, in 400-year eras of 146,097 days
 * counted from 0000-03-01, so that a leap day ends its year.
 */
export function iso(date: Date): string {
  const time = date.getTime();
  if (!(time >= EARLIEST_INSTANT && time < LATEST_INSTANT)) return date.toISOString();
  const days = Math.floor(time / MS_PER_DAY);
  const msOfDay = time - days * MS_PER_DAY;
  const daysFromMarch0000 = days + 719_468;
  const era = Math.floor(daysFromMarch0000 / 146_097);
  const dayOfEra = daysFromMarch0000 - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
  const hours = Math.floor(msOfDay / 3_600_000);
  const minutes = Math.floor(msOfDay / 60_000) % 60;
  const seconds = Math.floor(msOfDay / 1_000) % 60;
  return `${year}-${twoDigits(month)}-${twoDigits(day)}T${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}.${threeDigits(msOfDay % 1_000)}Z`;
}

export const isoOrNull = (date: Date | null): string | null => (date === null ? null : iso(date));

/**
 * Whether an ISO-8601 instant lies between 1970 and the end of 9999 once in UTC: what the
 * database and every output schema can hold (a bare ISO check admits `9999-12-31T23:00:00-05:00`,
 * year 10000 in UTC, and year 0000, which PostgreSQL refuses).
 */
export function isStorableInstant(value: string): boolean {
  const time = Date.parse(value);
  return time >= EARLIEST_INSTANT && time < LATEST_INSTANT;
}
