import type { NamedPerson, Schedule } from "./api-types";
import { useMembers } from "./people";
import { useTeamMembers } from "./teams";
import { useSession } from "./use-session";

/**
 * Who a schedule's forms may name: an admin picks from every member of the org; anyone else from
 * the schedule's team and its people, and themselves (the API checks each name anyway).
 */
export function usePeopleFor(schedule: Schedule | undefined): NamedPerson[] {
  const { org, user } = useSession();
  const isAdmin = org.role === "admin";
  const members = useMembers(isAdmin);
  const team = useTeamMembers(schedule?.teamId ?? null, !isAdmin);
  const byId = new Map<string, NamedPerson>();
  const add = (p: NamedPerson) => byId.set(p.id, p);
  if (isAdmin) for (const m of members.data?.list ?? []) add({ id: m.user.id, name: m.user.name });
  for (const m of team.data?.items ?? []) add(m.user);
  for (const p of schedule?.people ?? []) add(p);
  add({ id: user.id, name: user.name });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
