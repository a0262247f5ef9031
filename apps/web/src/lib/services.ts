import type { Service } from "./api-types";
import { useAllPages } from "./all-pages";
import { useTRPCClient } from "./trpc";

/** Every service of the org (they are few), by name, and by id. */
export function useServices() {
  const client = useTRPCClient();
  return useAllPages(
    "all-services",
    (page) => client.org.services.list.query(page),
    (services: Service[]) => {
      const list = [...services].sort((a, b) => a.name.localeCompare(b.name));
      return { list, byId: new Map(list.map((service) => [service.id, service])) };
    },
  );
}
