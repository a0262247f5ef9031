import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { Loader2 } from "lucide-react";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { SeverityBadge, StatusBadge, statusLabel } from "@/components/badges";
import { EmptyState, PageHeader, QueryState } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { ServiceFilter, TeamFilter } from "@/components/service-filter";
import { SlaSummary } from "@/components/sla";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { toApiError } from "@/lib/api-error";
import { roleAtLeast, SEVERITIES, SLA_STANDINGS, STATUSES, type Incident, type IncidentStatus } from "@/lib/api-types";
import { toastApiError } from "@/lib/error-toast";
import { useServices } from "@/lib/services";
import { SLA_STANDING_LABEL } from "@/lib/sla";
import { ACTION_VERB, canMove, type ActionTarget } from "@/lib/transitions";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import { useSession } from "@/lib/use-session";
import type { IncidentsSearch } from "@/routes";
import { NewIncidentDialog } from "./new-incident-dialog";

const route = getRouteApi("/_app/incidents");
const PAGE_SIZE = 50;
const ALL = "all";

/** Moves each selected incident that can make the move, with the version this list shows; says what happened to the others. */
function useBulkTransition(onDone: () => void) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [running, setRunning] = useState<ActionTarget | null>(null);
  const run = async (incidents: Incident[], toStatus: ActionTarget) => {
    setRunning(toStatus);
    const movable = incidents.filter((incident) => canMove(incident.status, toStatus));
    const results = await Promise.allSettled(movable.map((incident) => client.incidents.transition.mutate({ incidentId: incident.id, toStatus, version: incident.version })));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    const done = results.length - failed.length;
    const skipped = incidents.length - movable.length;
    const verb = ACTION_VERB[toStatus].toLowerCase();
    if (done > 0) toast.success(`${done} incident${done === 1 ? "" : "s"} ${toStatus}`);
    if (skipped > 0) toast.info(`${skipped} skipped: they cannot be ${toStatus === "acknowledged" ? "acknowledged" : toStatus} from their status`);
    if (failed.length > 0) {
      const conflicts = failed.filter((f) => toApiError(f.reason).code === "VERSION_CONFLICT").length;
      if (conflicts > 0) toast.error(`${conflicts} changed while you were looking and were left alone: check them and ${verb} again`);
      else toastApiError(failed[0]?.reason);
    }
    await queryClient.invalidateQueries({ queryKey: trpc.incidents.pathKey() });
    setRunning(null);
    onDone();
  };
  return { run, running };
}

/** A filter of the list: one of `options`, or all (undefined). */
function FilterSelect<T extends string>(props: { label: string; allLabel: string; options: readonly T[]; labelOf: (option: T) => string; value: T | undefined; onChange: (value: T | undefined) => void }) {
  return (
    <Select value={props.value ?? ALL} onValueChange={(value) => props.onChange(value === ALL ? undefined : (value as T))}>
      <SelectTrigger className="w-36" aria-label={props.label}>
        <SelectValue placeholder={props.label} />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>{props.allLabel}</SelectItem>
        {props.options.map((option) => (
          <SelectItem key={option} value={option}>
            {props.labelOf(option)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

export function IncidentsPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/incidents" });
  const trpc = useTRPC();
  const { org } = useSession();
  const canAct = roleAtLeast(org.role, "member");
  const services = useServices();
  const filters = {
    ...(search.serviceId === undefined ? {} : { serviceId: search.serviceId }),
    ...(search.severity === undefined ? {} : { severity: search.severity }),
    ...(search.assignedTo === undefined ? {} : { assignedTo: search.assignedTo }),
    ...(search.teamId === undefined ? {} : { teamId: search.teamId }),
    ...(search.sla === undefined ? {} : { sla: search.sla }),
  };
  const counts = useQuery(trpc.incidents.counts.queryOptions(filters));
  const list = useInfiniteQuery(
    trpc.incidents.list.infiniteQueryOptions(
      { ...filters, ...(search.status === undefined ? {} : { status: search.status }), limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const incidents = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const chosen = incidents.filter((incident) => selected.has(incident.id));
  const bulk = useBulkTransition(() => setSelected(new Set()));

  const setSearch = (next: Partial<IncidentsSearch>) => {
    setSelected(new Set());
    void navigate({ search: (prev) => ({ ...prev, ...next }) });
  };
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allChecked = incidents.length > 0 && chosen.length === incidents.length;

  return (
    <div>
      <PageHeader title="Incidents" description="Newest first. Updates arrive live." actions={canAct && <NewIncidentDialog />} />

      <Tabs value={search.status ?? ALL} onValueChange={(value) => setSearch({ status: value === ALL ? undefined : (value as IncidentStatus) })}>
        <div className="-mx-3 overflow-x-auto px-3 md:mx-0 md:px-0">
          <TabsList aria-label="Status">
            <TabsTrigger value={ALL}>All</TabsTrigger>
            {STATUSES.map((status) => (
              <TabsTrigger key={status} value={status} className="gap-1.5">
                {statusLabel(status)}
                <span className="text-muted-foreground tabular-nums">{counts.data?.byStatus[status] ?? "–"}</span>
              </TabsTrigger>
            ))}
          </TabsList>
        </div>
        {/* One panel per tab (each tab names its panel); the shown one holds the filters and the list. */}
        {[ALL, ...STATUSES].map((value) => (
          <TabsContent key={value} value={value} forceMount className="data-[state=inactive]:hidden">
            {value === (search.status ?? ALL) && (
              <>
            <div className="mt-3 flex flex-wrap items-center gap-2">
              <ServiceFilter value={search.serviceId} onChange={(serviceId) => setSearch({ serviceId })} />
              <FilterSelect label="Severity" allLabel="All severities" options={SEVERITIES} labelOf={(severity) => severity.toUpperCase()} value={search.severity} onChange={(severity) => setSearch({ severity })} />
              <TeamFilter value={search.teamId} onChange={(teamId) => setSearch({ teamId })} />
              <FilterSelect label="SLA" allLabel="Any SLA" options={SLA_STANDINGS} labelOf={(standing) => SLA_STANDING_LABEL[standing]} value={search.sla} onChange={(sla) => setSearch({ sla })} />
              <Label className="font-normal">
                <Checkbox checked={search.assignedTo === "me"} onCheckedChange={(on) => setSearch({ assignedTo: on === true ? "me" : undefined })} />
                Assigned to me
              </Label>
              {canAct && (
                <div className="ml-auto flex items-center gap-2" role="group" aria-label="Selected incidents">
                  <span className="text-muted-foreground text-sm" aria-live="polite">
                    {chosen.length > 0 ? `${chosen.length} selected` : "Select incidents to act on several"}
                  </span>
                  {(["acknowledged", "resolved"] as const).map((toStatus) => (
                    <Button key={toStatus} size="sm" variant={toStatus === "resolved" ? "default" : "outline"} disabled={chosen.length === 0 || bulk.running !== null} onClick={() => void bulk.run(chosen, toStatus)}>
                      {bulk.running === toStatus && <Loader2 className="animate-spin" aria-hidden />}
                      {ACTION_VERB[toStatus]}
                    </Button>
                  ))}
                </div>
              )}
            </div>

            <div className="mt-4">
              <QueryState query={list} errorTitle="The incidents could not be loaded">
                {() =>
                  incidents.length === 0 ? (
                    <EmptyState title="No incidents here">{search.status === undefined && Object.keys(filters).length === 0 ? "Nothing is burning. Incidents opened by people or alerts show up here at once." : "None with this status and these filters."}</EmptyState>
                  ) : (
                    <div className="overflow-hidden rounded-lg border">
                      <table className="w-full text-sm">
                        <caption className="sr-only">Incidents, newest first</caption>
                        <thead className="bg-muted/50 text-muted-foreground text-left text-xs">
                          <tr>
                            {canAct && (
                              <th scope="col" className="w-10 px-3 py-2">
                                <Checkbox aria-label="Select all shown incidents" checked={allChecked} onCheckedChange={(on) => setSelected(on === true ? new Set(incidents.map((i) => i.id)) : new Set())} />
                              </th>
                            )}
                            <th scope="col" className="w-16 px-2 py-2 font-medium">Sev</th>
                            <th scope="col" className="px-2 py-2 font-medium">Incident</th>
                            <th scope="col" className="hidden px-2 py-2 font-medium md:table-cell">Status</th>
                            <th scope="col" className="hidden px-2 py-2 font-medium lg:table-cell">SLA</th>
                            <th scope="col" className="hidden px-2 py-2 text-right font-medium sm:table-cell">Alerts</th>
                            <th scope="col" className="px-3 py-2 text-right font-medium">Age</th>
                          </tr>
                        </thead>
                        <tbody className="divide-y">
                          {incidents.map((incident) => (
                            <tr key={incident.id} className="hover:bg-muted/40 data-[selected=true]:bg-muted/60" data-selected={selected.has(incident.id)} data-incident-id={incident.id}>
                              {canAct && (
                                <td className="px-3 py-2 align-top">
                                  <Checkbox aria-label={`Select ${incident.title}`} checked={selected.has(incident.id)} onCheckedChange={(on) => toggle(incident.id, on === true)} />
                                </td>
                              )}
                              <td className="px-2 py-2 align-top">
                                <SeverityBadge severity={incident.severity} />
                              </td>
                              <td className="min-w-0 px-2 py-2 wrap-anywhere">
                                <Link to="/incidents/$incidentId" params={{ incidentId: incident.id }} className="font-medium hover:underline focus-visible:underline">
                                  {incident.title}
                                </Link>
                                <div className="text-muted-foreground mt-0.5 flex flex-wrap items-center gap-x-2 text-xs">
                                  <span>{services.data?.byId.get(incident.serviceId)?.name ?? "…"}</span>
                                  <StatusBadge status={incident.status} className="h-5 md:hidden" />
                                  <SlaSummary incident={incident} className="lg:hidden" />
                                </div>
                              </td>
                              <td className="hidden px-2 py-2 align-top md:table-cell">
                                <StatusBadge status={incident.status} />
                              </td>
                              <td className="hidden px-2 py-2 align-top lg:table-cell">
                                <SlaSummary incident={incident} />
                              </td>
                              <td className="text-muted-foreground hidden px-2 py-2 text-right align-top tabular-nums sm:table-cell">{incident.alertCount}</td>
                              <td className="text-muted-foreground px-3 py-2 text-right align-top whitespace-nowrap">
                                <RelativeTime iso={incident.createdAt} />
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )
                }
              </QueryState>
              {list.hasNextPage && (
                <div className="mt-3 flex justify-center">
                  <Button variant="outline" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                    {list.isFetchingNextPage && <Loader2 className="animate-spin" aria-hidden />}
                    Load more
                  </Button>
                </div>
              )}
            </div>
              </>
            )}
          </TabsContent>
        ))}
      </Tabs>

    </div>
  );
}
