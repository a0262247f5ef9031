import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { Megaphone } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { QueryState } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { messageOf } from "@/lib/api-error";
import { STATUS_UPDATE_STATUSES, type IncidentStatus, type StatusUpdateStatus } from "@/lib/api-types";
import { useKeyedMutation } from "@/lib/idempotency-keys";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import { cn } from "@/lib/utils";
import { InlineError, InlineForm } from "./panel";

const PHASE_LABEL: Record<StatusUpdateStatus, string> = { investigating: "Investigating", identified: "Identified", monitoring: "Monitoring", resolved: "Resolved" };
const PHASE_STYLE: Record<StatusUpdateStatus, string> = {
  investigating: "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-900",
  identified: "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900",
  monitoring: "bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-900",
  resolved: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-900",
};

/** The phase the API picks when none is chosen (its rule, shown so the person knows what goes out). */
export const defaultPhase = (status: IncidentStatus): StatusUpdateStatus => (status === "resolved" ? "resolved" : status === "mitigated" ? "monitoring" : "investigating");

const DEFAULT = "default";

function PhaseBadge({ phase }: { phase: StatusUpdateStatus }) {
  return <span className={cn("inline-flex h-5 items-center rounded-full px-2 text-[11px] font-medium ring-1 ring-inset", PHASE_STYLE[phase])}>{PHASE_LABEL[phase]}</span>;
}

function StatusUpdateForm({ incidentId, incidentStatus, onPosted }: { incidentId: string; incidentStatus: IncidentStatus; onPosted: () => Promise<unknown> }) {
  // Sent again after an answer that never came, stakeholders are not told twice.
  const post = useKeyedMutation(useTRPCClient().incidents.statusUpdates.create.mutate);
  const [body, setBody] = useState("");
  const [phase, setPhase] = useState<string>(DEFAULT);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (body.trim() === "") {
      setError("Write the update first");
      return;
    }
    try {
      await post.mutateAsync({ incidentId, body, ...(phase === DEFAULT ? {} : { status: phase as StatusUpdateStatus }) });
      setBody("");
      setPhase(DEFAULT);
      setError(null);
      toast.success("Status update posted to stakeholders");
      await onPosted();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <InlineForm onSubmit={submit}>
      <label htmlFor="status-update-body" className="text-sm font-medium">
        New status update
      </label>
      <Textarea
        id="status-update-body"
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder="What stakeholders should know: impact, what is being done, when the next update comes."
        aria-invalid={error !== null}
        aria-describedby={error === null ? undefined : "status-update-error"}
      />
      <InlineError id="status-update-error" error={error} />
      <div className="flex flex-wrap items-center justify-end gap-2">
        <Select value={phase} onValueChange={setPhase}>
          <SelectTrigger size="sm" className="h-8 w-full min-w-0 text-xs" aria-label="Phase of the status update">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={DEFAULT}>{PHASE_LABEL[defaultPhase(incidentStatus)]} (from the incident)</SelectItem>
            {STATUS_UPDATE_STATUSES.map((value) => (
              <SelectItem key={value} value={value}>
                {PHASE_LABEL[value]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Button type="submit" size="sm" disabled={post.isPending}>
          <Megaphone aria-hidden /> Post update
        </Button>
      </div>
    </InlineForm>
  );
}

/**
 * What stakeholders were told, newest first: kept apart from the responders' comments (its own
 * panel and colour), delivered to the targets subscribed to status updates.
 */
export function StatusUpdatesPanel({ incidentId, incidentStatus, canPost }: { incidentId: string; incidentStatus: IncidentStatus; canPost: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const updates = useInfiniteQuery(trpc.incidents.statusUpdates.list.infiniteQueryOptions({ incidentId, limit: 20 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const items = updates.data?.pages.flatMap((page) => page.items) ?? [];
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.incidents.statusUpdates.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.incidents.events.pathKey() }),
    ]);
  return (
    <section aria-labelledby="status-updates-heading" className="rounded-xl border border-sky-200 bg-sky-50/60 px-4 py-4 dark:border-sky-900 dark:bg-sky-950/30">
      <h2 id="status-updates-heading" className="flex items-center gap-1.5 text-sm font-semibold">
        <Megaphone className="size-4" aria-hidden /> Status updates
      </h2>
      <p className="text-muted-foreground mt-0.5 text-xs">For stakeholders, not responders: sent to the targets subscribed to status updates. Comments stay internal.</p>
      <div className="mt-3">
        <QueryState query={updates} rows={2} errorTitle="The status updates could not be loaded">
          {() =>
            items.length === 0 ? (
              <p className="text-muted-foreground pb-2 text-sm">No status update yet.</p>
            ) : (
              <ol className="space-y-3 pb-2" aria-label="Status updates, newest first">
                {items.map((update) => (
                  <li key={update.id} className="bg-background rounded-md border px-3 py-2">
                    <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
                      <PhaseBadge phase={update.status} />
                      <span className="text-muted-foreground">
                        {update.author?.name ?? "An API key"} · <RelativeTime iso={update.createdAt} />
                      </span>
                    </div>
                    <p className="mt-1.5 text-sm whitespace-pre-wrap break-words">{update.body}</p>
                  </li>
                ))}
              </ol>
            )
          }
        </QueryState>
        {updates.hasNextPage && (
          <Button variant="outline" size="sm" className="mb-2" onClick={() => void updates.fetchNextPage()}>
            Older updates
          </Button>
        )}
        {canPost && <StatusUpdateForm incidentId={incidentId} incidentStatus={incidentStatus} onPosted={refresh} />}
      </div>
    </section>
  );
}
