import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { EmptyState, PageHeader, QueryState } from "@/components/page";
import { Button } from "@/components/ui/button";
import { SelectBox } from "@/components/select-box";
import { useManagedTeamIds, useTeams } from "@/lib/teams";
import { useTRPC } from "@/lib/trpc";
import { ScheduleDialog } from "./schedule-dialog";

const route = getRouteApi("/_app/schedules");
const ALL = "all";

/** Narrows a list to one team's (the search parameter `teamId`). */
export function TeamFilter({ value, onChange }: { value: string | undefined; onChange: (teamId: string | undefined) => void }) {
  const teams = useTeams();
  if ((teams.data?.items.length ?? 0) === 0) return null;
  return (
    <SelectBox
      label="Team"
      className="w-48"
      value={value ?? ALL}
      options={[{ value: ALL, label: "Every team" }, ...(teams.data?.items ?? []).map((team) => ({ value: team.id, label: team.name }))]}
      onChange={(next) => onChange(next === ALL ? undefined : next)}
    />
  );
}

export function SchedulesPage() {
  const trpc = useTRPC();
  const { teamId } = route.useSearch();
  const navigate = useNavigate({ from: "/schedules" });
  const managed = useManagedTeamIds();
  const teams = useTeams();
  const schedules = useInfiniteQuery(
    trpc.org.schedules.list.infiniteQueryOptions({ limit: 100, ...(teamId === undefined ? {} : { teamId }) }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const onCall = useQuery(trpc.oncalls.list.queryOptions({}));
  const items = schedules.data?.pages.flatMap((page) => page.items) ?? [];
  const names = new Map((onCall.data?.people ?? []).map((p) => [p.id, p.name]));
  const teamNames = new Map((teams.data?.items ?? []).map((t) => [t.id, t.name]));
  const onCallBySchedule = new Map((onCall.data?.items ?? []).flatMap((i) => (i.scheduleId === null ? [] : [[i.scheduleId, i.userId] as const])));
  const mayCreate = managed === "all" || managed.size > 0;
  return (
    <div>
      <PageHeader
        title="Schedules"
        description="Who is on call when: rotations in layers, with overrides on top."
        actions={
          <>
            <TeamFilter value={teamId} onChange={(next) => void navigate({ search: next === undefined ? {} : { teamId: next } })} />
            {mayCreate && <ScheduleDialog />}
          </>
        }
      />
      <QueryState query={schedules}>
        {() =>
          items.length === 0 ? (
            <EmptyState title={teamId === undefined ? "No schedule yet" : "No schedule of this team"}>Create one, then name it in an escalation policy so incidents page whoever is on call.</EmptyState>
          ) : (
            <ul className="divide-y rounded-lg border" aria-label="Schedules">
              {items.map((schedule) => {
                const userId = onCallBySchedule.get(schedule.id);
                const team = schedule.teamId === null ? undefined : teamNames.get(schedule.teamId);
                return (
                  <li key={schedule.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                    <div className="min-w-0">
                      <Link to="/schedules/$scheduleId" params={{ scheduleId: schedule.id }} className="font-medium hover:underline">
                        {schedule.name}
                      </Link>
                      <p className="text-muted-foreground text-sm">
                        {schedule.layers.length} layer{schedule.layers.length === 1 ? "" : "s"} · {schedule.timeZone}
                        {team !== undefined && ` · ${team}`}
                      </p>
                    </div>
                    <span className="text-sm">{userId === undefined ? <span className="text-muted-foreground">Nobody on call</span> : <>On call: {names.get(userId) ?? "someone"}</>}</span>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
      {schedules.hasNextPage && (
        <Button variant="outline" className="mt-3" onClick={() => void schedules.fetchNextPage()}>
          Load more
        </Button>
      )}
    </div>
  );
}
