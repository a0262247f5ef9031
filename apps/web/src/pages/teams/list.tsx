import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { EmptyState, PageHeader, QueryState } from "@/components/page";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc";
import { useSession } from "@/lib/use-session";
import { TeamDialog } from "./team-dialog";

export function TeamsPage() {
  const trpc = useTRPC();
  const { org } = useSession();
  const teams = useInfiniteQuery(trpc.org.teams.list.infiniteQueryOptions({ limit: 100 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const items = teams.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div>
      <PageHeader title="Teams" description="Groups of people that own services, escalation policies and schedules." actions={org.role === "admin" && <TeamDialog />} />
      <QueryState query={teams}>
        {() =>
          items.length === 0 ? (
            <EmptyState title="No team yet">{org.role === "admin" ? "Create one, add its people, and give it schedules and escalation policies." : "An admin creates teams."}</EmptyState>
          ) : (
            <ul className="divide-y rounded-lg border" aria-label="Teams">
              {items.map((team) => (
                <li key={team.id} className="px-4 py-3">
                  <Link to="/teams/$teamId" params={{ teamId: team.id }} className="font-medium hover:underline">
                    {team.name}
                  </Link>
                  {team.description !== null && <p className="text-muted-foreground text-sm">{team.description}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {teams.hasNextPage && (
        <Button variant="outline" className="mt-3" onClick={() => void teams.fetchNextPage()}>
          Load more
        </Button>
      )}
    </div>
  );
}
