import { useQuery } from "@tanstack/react-query";
import type { Service } from "./api-types";
import { useTRPCClient } from "./trpc";

/** Every service of the org (they are few: pages of 200 are read until the last), by id. */
export function useServices() {
  const client = useTRPCClient();
  return useQuery({
    queryKey: ["all-services"],
    staleTime: 60_000,
    queryFn: async () => {
      const services: Service[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.org.services.list.query({ limit: 200, ...(cursor === undefined ? {} : { cursor }) });
        services.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      services.sort((a, b) => a.name.localeCompare(b.name));
      return { list: services, byId: new Map(services.map((service) => [service.id, service])) };
    },
  });
}
