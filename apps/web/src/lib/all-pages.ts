import { useQuery } from "@tanstack/react-query";

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every item of a short list (services, people), read in pages of 200 until the last, kept a
 * minute: `index` turns them into what the screens look up.
 */
export function useAllPages<T, R>(key: string, fetchPage: (page: { limit: number; cursor?: string }) => Promise<Page<T>>, index: (items: T[]) => R, enabled = true) {
  return useQuery({
    queryKey: [key],
    enabled,
    staleTime: 60_000,
    queryFn: async () => {
      const items: T[] = [];
      let cursor: string | undefined;
      do {
        const page = await fetchPage({ limit: 200, ...(cursor === undefined ? {} : { cursor }) });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return index(items);
    },
  });
}
