import { useQuery } from "@tanstack/react-query";
import type { Member } from "./api-types";
import { useTRPCClient } from "./trpc";

/** The org's members (admins read them), by user id. */
export function useMembers(enabled = true) {
  const client = useTRPCClient();
  return useQuery({
    queryKey: ["all-members"],
    enabled,
    staleTime: 60_000,
    queryFn: async () => {
      const members: Member[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.org.members.list.query({ limit: 200, ...(cursor === undefined ? {} : { cursor }) });
        members.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return { list: members, byId: new Map(members.map((member) => [member.user.id, member])) };
    },
  });
}
