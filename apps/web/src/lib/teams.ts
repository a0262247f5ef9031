import { useQueries, useQuery } from "@tanstack/react-query";
import { roleAtLeast } from "./api-types";
import { useTRPC } from "./trpc";
import { useSession } from "./use-session";

// What the viewer may manage by their teams (the API decides; these only hide what it would
// refuse): an admin manages every team, a member the teams that name them manager, a viewer none.

/** The teams of the org (the first 200: the pickers' choices). */
export function useTeams(enabled = true) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.org.teams.list.queryOptions({ limit: 200 }), enabled, staleTime: 30_000 });
}

/** A team's people (nothing to fetch without a team). */
export function useTeamMembers(teamId: string | null, enabled = true) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.org.teams.members.list.queryOptions({ teamId: teamId ?? "" }), enabled: enabled && teamId !== null, staleTime: 30_000 });
}

/** Whether the viewer manages the team `teamId` (null: no team, then only an admin). */
export function useManagesTeam(teamId: string | null): boolean {
  const { org, user } = useSession();
  const isAdmin = org.role === "admin";
  const members = useTeamMembers(teamId, !isAdmin && roleAtLeast(org.role, "member"));
  if (isAdmin) return true;
  return members.data?.items.some((m) => m.user.id === user.id && m.role === "manager") ?? false;
}

/** The ids of the teams the viewer manages ("all" for an admin). */
export function useManagedTeamIds(): "all" | Set<string> {
  const trpc = useTRPC();
  const { org, user } = useSession();
  const isAdmin = org.role === "admin";
  const asks = !isAdmin && roleAtLeast(org.role, "member");
  const teams = useTeams(asks);
  const rosters = useQueries({
    queries: (asks ? (teams.data?.items ?? []) : []).map((team) => ({ ...trpc.org.teams.members.list.queryOptions({ teamId: team.id }), staleTime: 30_000 })),
  });
  if (isAdmin) return "all";
  const managed = new Set<string>();
  (teams.data?.items ?? []).forEach((team, i) => {
    if (rosters[i]?.data?.items.some((m) => m.user.id === user.id && m.role === "manager") === true) managed.add(team.id);
  });
  return managed;
}
