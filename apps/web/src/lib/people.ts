import type { Member, Person } from "./api-types";
import { useAllPages } from "./all-pages";
import { useTRPCClient } from "./trpc";

/** The org's members with their roles (admins read them), by user id. */
export function useMembers(enabled = true) {
  const client = useTRPCClient();
  return useAllPages(
    "all-members",
    (page) => client.org.members.list.query(page),
    (members: Member[]) => ({ list: members, byId: new Map(members.map((member) => [member.user.id, member])) }),
    enabled,
  );
}

/** Everyone in the org (any role reads them: assignee and owner pickers), by name, and by user id. */
export function usePeople() {
  const client = useTRPCClient();
  return useAllPages(
    "all-people",
    (page) => client.org.people.list.query(page),
    (people: Person[]) => {
      const list = [...people].sort((a, b) => a.name.localeCompare(b.name));
      return { list, byId: new Map(list.map((person) => [person.id, person])) };
    },
  );
}
