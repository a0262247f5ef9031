import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EmptyState, PageHeader, QueryState } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useMembers } from "@/lib/people";
import { useTRPC } from "@/lib/trpc";

export function AuditLogPage() {
  const trpc = useTRPC();
  const members = useMembers();
  const [action, setAction] = useState("");
  const [applied, setApplied] = useState("");
  const entries = useInfiniteQuery(
    trpc.auditLogs.list.infiniteQueryOptions({ limit: 50, ...(applied === "" ? {} : { action: applied }) }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const actorName = (actor: (typeof items)[number]["actor"]) =>
    actor.type === "user" && actor.id !== null ? (members.data?.byId.get(actor.id)?.user.name ?? "a former member") : actor.type === "api_key" ? "an API key" : "someone signed out";
  return (
    <div>
      <PageHeader title="Audit log" description="Security-relevant changes, newest first. Nothing here can be edited or deleted." />
      <form
        className="mb-4 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(action.trim());
        }}
      >
        <div className="space-y-1.5">
          <Label htmlFor="audit-action">Action</Label>
          <Input id="audit-action" value={action} onChange={(e) => setAction(e.target.value)} placeholder="notification_target.created" className="w-72" />
        </div>
        <Button type="submit" variant="outline">
          Filter
        </Button>
      </form>
      <QueryState query={entries}>
        {() =>
          items.length === 0 ? (
            <EmptyState title="No entries" />
          ) : (
            <ul className="divide-y rounded-lg border text-sm" aria-label="Audit log entries">
              {items.map((entry) => (
                <li key={entry.id} className="px-4 py-2.5">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p>
                      <code className="font-mono text-xs font-semibold">{entry.action}</code> by {actorName(entry.actor)}
                      {entry.target !== null && <span className="text-muted-foreground"> on {entry.target.type}</span>}
                    </p>
                    <span className="text-muted-foreground text-xs">
                      <RelativeTime iso={entry.createdAt} />
                      {entry.ip !== null && ` · ${entry.ip}`}
                    </span>
                  </div>
                  {Object.keys(entry.data).length > 0 && (
                    <details className="mt-1">
                      <summary className="text-muted-foreground cursor-pointer text-xs">Details</summary>
                      <pre className="bg-muted mt-1 overflow-x-auto rounded p-2 text-xs">{JSON.stringify(entry.data, null, 2)}</pre>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {entries.hasNextPage && (
        <Button variant="outline" className="mt-3" onClick={() => void entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
          Load more
        </Button>
      )}
    </div>
  );
}
