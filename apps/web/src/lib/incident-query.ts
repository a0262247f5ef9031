import { replaceEqualDeep } from "@tanstack/react-query";
import type { useTRPC } from "./trpc";

const versionOf = (value: unknown): number | null =>
  typeof value === "object" && value !== null && "version" in value && typeof value.version === "number" ? value.version : null;

/**
 * What the cache keeps of an incident when another copy arrives: the received one, unless it is
 * of an older version than the one kept. A read that left before a change and came back after the
 * change's own answer (or its live update) would otherwise show the incident as it was.
 */
export function newerIncident(kept: unknown, received: unknown): unknown {
  const [had, got] = [versionOf(kept), versionOf(received)];
  return had !== null && got !== null && got < had ? kept : replaceEqualDeep(kept, received);
}

/** The query of one incident, whose cache entry never goes back to an older version. */
export const incidentQueryOptions = (trpc: ReturnType<typeof useTRPC>, incidentId: string) => ({
  ...trpc.incidents.get.queryOptions({ incidentId }),
  structuralSharing: newerIncident,
});
