import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Plus } from "lucide-react";
import { EmptyState, PageHeader, QueryState } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/lib/trpc";

export function EscalationPoliciesPage() {
  const trpc = useTRPC();
  const policies = useInfiniteQuery(trpc.org.escalationPolicies.list.infiniteQueryOptions({ limit: 100 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const items = policies.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div>
      <PageHeader
        title="Escalation policies"
        description="Who is paged when an incident opens, and who next while nobody acknowledges."
        actions={
          <Button asChild>
            <Link to="/escalation-policies/new">
              <Plus aria-hidden /> New policy
            </Link>
          </Button>
        }
      />
      <QueryState query={policies}>
        {() =>
          items.length === 0 ? (
            <EmptyState title="No escalation policy yet">Create one and give it to your services, so incidents page someone.</EmptyState>
          ) : (
            <ul className="divide-y rounded-lg border" aria-label="Escalation policies">
              {items.map((policy) => (
                <li key={policy.id} className="flex items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0">
                    <Link to="/escalation-policies/$policyId" params={{ policyId: policy.id }} className="font-medium hover:underline">
                      {policy.name}
                    </Link>
                    <p className="text-muted-foreground text-sm">
                      {policy.levels.length} level{policy.levels.length === 1 ? "" : "s"}
                      {policy.repeat > 1 ? `, run ${policy.repeat} times` : ""}
                    </p>
                  </div>
                  <span className="text-muted-foreground text-xs">
                    updated <RelativeTime iso={policy.updatedAt} />
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {policies.hasNextPage && (
        <Button variant="outline" className="mt-3" onClick={() => void policies.fetchNextPage()}>
          Load more
        </Button>
      )}
    </div>
  );
}
