import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft, BellRing, Loader2 } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { SeverityBadge, StatusBadge } from "@/components/badges";
import { LoadingRows, ReadError } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { SlaDeadlines, SlaSummary } from "@/components/sla";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { roleAtLeast, type Incident } from "@/lib/api-types";
import { toastApiError } from "@/lib/error-toast";
import { formatDateTime, formatDuration } from "@/lib/format";
import { incidentQueryOptions } from "@/lib/incident-query";
import { useServices } from "@/lib/services";
import { ACTION_VERB, canMove, type ActionTarget } from "@/lib/transitions";
import { useTRPC } from "@/lib/trpc";
import { useSession } from "@/lib/use-session";
import { AssignDialog, SnoozeDialog } from "./assign-snooze";
import { AttachmentsPanel } from "./attachments-panel";
import { CommentForm } from "./comment-form";
import { EditableDescription, EditableTitle, EditableType, SeverityControl } from "./edit-incident";
import { NotificationLog } from "./notification-log";
import { PostmortemPanel } from "./postmortem-panel";
import { ConflictAlert, useConflictHandler, type Conflict } from "./stale";
import { StatusUpdatesPanel } from "./status-updates-panel";
import { TasksPanel } from "./tasks-panel";
import { Timeline } from "./timeline";

const route = getRouteApi("/_app/incidents/$incidentId");

/** The incident's actions (member+): each move its status allows, Assign, Snooze (when acknowledged) and Escalate. */
export function IncidentActions({ incident, onConflict }: { incident: Incident; onConflict: (conflict: Conflict | null) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.incidents.get.queryKey({ incidentId: incident.id });
  const transition = useMutation(trpc.incidents.transition.mutationOptions());
  const escalate = useMutation(trpc.incidents.escalate.mutationOptions());
  const handleRefusal = useConflictHandler(incident, onConflict);
  const [pending, setPending] = useState<string | null>(null);
  const group = useRef<HTMLDivElement>(null);
  // A move replaces the button that made it: once the actions of the new status are shown, the
  // keyboard goes on from the first of them, not from the top of the page.
  const movedFrom = useRef<string | null>(null);
  useEffect(() => {
    if (movedFrom.current === null || pending !== null || incident.status === movedFrom.current) return;
    movedFrom.current = null;
    group.current?.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus();
  }, [pending, incident.status]);

  const move = async (toStatus: ActionTarget) => {
    movedFrom.current = incident.status;
    setPending(toStatus);
    onConflict(null);
    try {
      const updated = await transition.mutateAsync({ incidentId: incident.id, toStatus, version: incident.version });
      queryClient.setQueryData(key, updated);
      toast.success(`${ACTION_VERB[toStatus]}d: the incident is ${toStatus}`);
    } catch (error) {
      movedFrom.current = null;
      await handleRefusal(ACTION_VERB[toStatus], error);
    } finally {
      setPending(null);
      void queryClient.invalidateQueries({ queryKey: trpc.incidents.events.pathKey() });
    }
  };

  const requestEscalation = async () => {
    setPending("escalate");
    try {
      await escalate.mutateAsync({ incidentId: incident.id });
      toast.success("The next escalation level is being notified");
    } catch (error) {
      toastApiError(error);
    } finally {
      setPending(null);
    }
  };

  const moves = (["acknowledged", "mitigated", "resolved"] as const).filter((toStatus) => canMove(incident.status, toStatus));
  if (moves.length === 0 && incident.status === "resolved") return null;
  return (
    <div ref={group} className="flex flex-wrap gap-2" role="group" aria-label="Incident actions">
      {moves.map((toStatus) => (
        <Button key={toStatus} variant={toStatus === "acknowledged" || toStatus === "resolved" ? "default" : "outline"} onClick={() => void move(toStatus)} disabled={pending !== null}>
          {pending === toStatus && <Loader2 className="animate-spin" aria-hidden />}
          {ACTION_VERB[toStatus]}
        </Button>
      ))}
      {incident.status !== "resolved" && <AssignDialog incident={incident} disabled={pending !== null} onRefusal={handleRefusal} />}
      {incident.status === "acknowledged" && <SnoozeDialog incident={incident} disabled={pending !== null} onRefusal={handleRefusal} />}
      <Button variant="outline" onClick={() => void requestEscalation()} disabled={pending !== null}>
        {pending === "escalate" ? <Loader2 className="animate-spin" aria-hidden /> : <BellRing aria-hidden />}
        Escalate
      </Button>
    </div>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-baseline justify-between gap-3 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="text-right">{children}</dd>
    </div>
  );
}

function When({ iso }: { iso: string | null }) {
  return iso === null ? <span className="text-muted-foreground">—</span> : <RelativeTime iso={iso} />;
}

export function IncidentPage() {
  const { incidentId } = route.useParams();
  const trpc = useTRPC();
  const { org } = useSession();
  const services = useServices();
  const incident = useQuery(incidentQueryOptions(trpc, incidentId));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  useEffect(() => setConflict(null), [incidentId]);

  if (incident.isPending) return <LoadingRows rows={6} />;
  if (incident.isError) return <ReadError error={incident.error} what="incident" title="The incident could not be loaded" />;
  const data = incident.data;
  const canAct = roleAtLeast(org.role, "member");
  const service = services.data?.byId.get(data.serviceId);
  const ackedAfter = data.acknowledgedAt === null ? null : Date.parse(data.acknowledgedAt) - Date.parse(data.triggeredAt);
  const resolvedAfter = data.resolvedAt === null ? null : Date.parse(data.resolvedAt) - Date.parse(data.triggeredAt);

  return (
    <div className="space-y-5">
      <header>
        <Link to="/incidents" className="text-muted-foreground inline-flex items-center gap-1 text-sm hover:underline">
          <ArrowLeft className="size-4" aria-hidden /> Incidents
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <SeverityControl incident={data} canEdit={canAct} onConflict={setConflict} />
          <StatusBadge status={data.status} />
          <SlaSummary incident={data} />
          {data.snoozedUntil !== null && (
            <span className="text-muted-foreground text-sm">
              snoozed until {formatDateTime(data.snoozedUntil)}
            </span>
          )}
          <span className="text-muted-foreground text-sm">
            opened <RelativeTime iso={data.createdAt} /> on {service === undefined ? "…" : <Link to="/services/$serviceId" params={{ serviceId: service.id }} className="underline-offset-4 hover:underline">{service.name}</Link>}
          </span>
        </div>
        <p className="text-muted-foreground mt-2 text-sm" data-testid="assignees">
          Assigned to {data.assignees.length === 0 ? "nobody" : data.assignees.map((a) => a.name).join(", ")}
        </p>
        <div className="mt-2 space-y-2">
          <EditableTitle incident={data} canEdit={canAct} onConflict={setConflict} />
          <EditableDescription incident={data} canEdit={canAct} onConflict={setConflict} />
          <EditableType incident={data} canEdit={canAct} onConflict={setConflict} />
        </div>
      </header>

      {conflict !== null && <ConflictAlert conflict={conflict} />}

      {canAct && <IncidentActions incident={data} onConflict={setConflict} />}

      <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_320px]">
        <section aria-labelledby="timeline-heading" className="min-w-0 space-y-4">
          <h2 id="timeline-heading" className="text-base font-semibold">
            Timeline
          </h2>
          <Timeline incidentId={incidentId} />
          {canAct && <CommentForm incidentId={incidentId} />}
        </section>

        {/* The side column: details, the postmortem once resolved, then the work around the incident. */}
        <aside className="space-y-5">
          <Card className="gap-2 py-4">
            <CardHeader className="px-4">
              <CardTitle>
                <h2 className="text-sm">Details</h2>
              </CardTitle>
            </CardHeader>
            <CardContent className="px-4">
              <dl className="divide-y">
                <Detail label="Status">
                  <StatusBadge status={data.status} />
                </Detail>
                <Detail label="Severity">
                  <SeverityBadge severity={data.severity} />
                </Detail>
                <SlaDeadlines incident={data} />
                <Detail label="Alerts">{data.alertCount}</Detail>
                <Detail label="Triggered">
                  <span title={formatDateTime(data.triggeredAt)}>
                    <RelativeTime iso={data.triggeredAt} />
                  </span>
                </Detail>
                <Detail label="Acknowledged">
                  <When iso={data.acknowledgedAt} />
                  {ackedAfter !== null && <span className="text-muted-foreground block text-xs">after {formatDuration(ackedAfter)}</span>}
                </Detail>
                <Detail label="Mitigated">
                  <When iso={data.mitigatedAt} />
                </Detail>
                <Detail label="Resolved">
                  <When iso={data.resolvedAt} />
                  {resolvedAfter !== null && <span className="text-muted-foreground block text-xs">after {formatDuration(resolvedAfter)}</span>}
                </Detail>
                {data.dedupKey !== null && (
                  <Detail label="Dedup key">
                    <code className="text-xs break-all">{data.dedupKey}</code>
                  </Detail>
                )}
              </dl>
            </CardContent>
          </Card>
          {data.status === "resolved" && <PostmortemPanel incidentId={incidentId} title={data.title} canWrite={canAct} />}
          <StatusUpdatesPanel incidentId={incidentId} incidentStatus={data.status} canPost={canAct} />
          <TasksPanel incidentId={incidentId} canEdit={canAct} />
          <AttachmentsPanel incidentId={incidentId} />
          <NotificationLog incidentId={incidentId} />
        </aside>
      </div>
    </div>
  );
}
