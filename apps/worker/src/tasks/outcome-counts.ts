/** How many of a job's incidents had each outcome (a job of several incidents logs these). */
export function countOf<Outcome extends string>(outcomes: Iterable<Outcome>): Partial<Record<Outcome, number>> {
  const counts: Partial<Record<Outcome, number>> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}
