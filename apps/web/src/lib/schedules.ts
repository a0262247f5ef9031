import { useInfiniteQuery } from "@tanstack/react-query";
import type { Schedule } from "./api-types";
import { useTRPC } from "./trpc";

/** The org's schedules (the first 100): names for the on-call screens and the feed picker. */
export function useSchedules(): Schedule[] {
  const trpc = useTRPC();
  const schedules = useInfiniteQuery({
    ...trpc.org.schedules.list.infiniteQueryOptions({ limit: 100 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    staleTime: 30_000,
  });
  return schedules.data?.pages.flatMap((page) => page.items) ?? [];
}
