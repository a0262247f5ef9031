import { useInfiniteQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { NotificationAttempt } from "@/lib/api-types";
import { formatTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { cn } from "@/lib/utils";

const STATUS_STYLE: Record<NotificationAttempt["status"], string> = {
  pending: "text-amber-800 dark:text-amber-300",
  succeeded: "text-emerald-700 dark:text-emerald-300",
  failed: "text-red-700 dark:text-red-300",
  cancelled: "text-muted-foreground",
};

/** Who and what each delivery of the incident's events went to, and how it went. */
export function NotificationLog({ incidentId }: { incidentId: string }) {
  const trpc = useTRPC();
  const attempts = useInfiniteQuery(trpc.incidents.notifications.infiniteQueryOptions({ incidentId, limit: 100 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const items = attempts.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card className="gap-2 py-4">
      <CardHeader className="px-4">
        <CardTitle>
          <h2 className="text-sm">Notifications</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="px-4">
        <QueryState query={attempts} rows={2} errorTitle="The notifications could not be loaded">
          {() =>
            items.length === 0 ? (
              <p className="text-muted-foreground text-sm">Nobody has been notified: no target or escalation policy matched.</p>
            ) : (
              <ul className="divide-y text-sm" aria-label="Notification deliveries">
                {items.map((attempt) => (
                  <li key={attempt.id} className="py-2">
                    <div className="flex items-baseline justify-between gap-2">
                      <span className="min-w-0 truncate font-medium">
                        {attempt.target?.name ?? attempt.user?.email ?? "removed target"}
                        {attempt.target?.deleted === true && <span className="text-muted-foreground font-normal"> (deleted)</span>}
                      </span>
                      <span className={cn("text-xs font-medium capitalize", STATUS_STYLE[attempt.status])}>{attempt.status}</span>
                    </div>
                    <div className="text-muted-foreground flex flex-wrap gap-x-2 text-xs">
                      <span>{attempt.channel}</span>
                      {attempt.contactMethod !== null && (
                        <span>
                          via {attempt.contactMethod.name} ({attempt.contactMethod.address}){attempt.contactMethod.deleted && " (deleted)"}
                        </span>
                      )}
                      <span>
                        {attempt.attemptCount} attempt{attempt.attemptCount === 1 ? "" : "s"}
                      </span>
                      {attempt.lastHttpStatus !== null && <span>HTTP {attempt.lastHttpStatus}</span>}
                      <RelativeTime iso={attempt.updatedAt} />
                      {attempt.status === "pending" && attempt.attemptCount > 0 && attempt.nextAttemptAt !== null && (
                        <span>next try at {formatTime(Date.parse(attempt.nextAttemptAt))}</span>
                      )}
                    </div>
                    {attempt.lastError !== null && <p className="mt-1 text-xs break-words text-red-700 dark:text-red-300">{attempt.lastError}</p>}
                    {attempt.status === "cancelled" && attempt.note !== null && <p className="text-muted-foreground mt-1 text-xs break-words">{attempt.note}</p>}
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
        {attempts.hasNextPage && (
          <Button variant="outline" size="sm" className="mt-2" onClick={() => void attempts.fetchNextPage()}>
            Load more
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
