import { useInfiniteQuery } from "@tanstack/react-query";
import {
  AlarmClock,
  AlertTriangle,
  ArrowRightLeft,
  BellOff,
  BellRing,
  CheckSquare,
  FileText,
  Megaphone,
  MessageSquare,
  Paperclip,
  Pencil,
  PlusCircle,
  Timer,
  TimerOff,
  TimerReset,
  UserCheck,
  UserMinus,
  type LucideIcon,
} from "lucide-react";
import { useEffect } from "react";
import { StatusBadge } from "@/components/badges";
import { Markdown } from "@/components/markdown";
import { ErrorAlert, LoadingRows } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { STATUSES, type IncidentStatus, type TimelineEvent } from "@/lib/api-types";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { cn } from "@/lib/utils";

/** Pages read on their own before "Load more" (an alert storm can make a long timeline). */
const AUTO_PAGES = 5;

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const isStatus = (value: unknown): value is IncidentStatus => typeof value === "string" && (STATUSES as readonly string[]).includes(value);

function who(event: TimelineEvent): string {
  if (event.actor !== null) return event.actor.name;
  if (event.data.integration !== undefined || event.data.alert !== undefined) return "An alert";
  return event.actorUserId === null ? "IncidentOps" : "Someone";
}

function notifiedNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => (typeof entry === "object" && entry !== null && "name" in entry && typeof entry.name === "string" ? [entry.name] : []));
}

/** "45 minutes", "2 hours", "1 hour 30 minutes". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (hours === 0) return part(rest, "minute");
  return rest === 0 ? part(hours, "hour") : `${part(hours, "hour")} ${part(rest, "minute")}`;
}

/** One line of the timeline: who did what, in words, with its icon. */
export function describeEvent(event: TimelineEvent): { icon: LucideIcon; summary: React.ReactNode; body?: string; stakeholder?: boolean } {
  const actor = <strong className="font-medium">{who(event)}</strong>;
  switch (event.kind) {
    case "created":
      return { icon: PlusCircle, summary: <>{actor} opened the incident{text(event.data.severity) === null ? "" : ` at ${String(event.data.severity).toUpperCase()}`}</> };
    case "status_changed": {
      const to = event.data.toStatus;
      return { icon: ArrowRightLeft, summary: <>{actor} changed the status {isStatus(to) ? <>to <StatusBadge status={to} className="ml-0.5 h-5" /></> : ""}</> };
    }
    case "commented":
      return { icon: MessageSquare, summary: <>{actor} commented</>, body: text(event.data.body) ?? "" };
    case "escalated": {
      const names = notifiedNames(event.data.notified);
      const level = typeof event.data.level === "number" ? ` to level ${event.data.level}` : "";
      return { icon: BellRing, summary: <>Escalated{level}{names.length > 0 ? `, notifying ${names.join(", ")}` : ""}</> };
    }
    case "alert_repeated":
      return { icon: AlertTriangle, summary: <>The alert fired again{typeof event.data.alertCount === "number" ? ` (${event.data.alertCount} alerts)` : ""}</> };
    case "assigned": {
      const names = notifiedNames(event.data.assignees);
      return { icon: UserCheck, summary: <>{actor} assigned it to {names.length > 0 ? names.join(", ") : "no one"}</> };
    }
    case "unassigned": {
      const [name] = notifiedNames([event.data.unassigned]);
      const why = event.data.reason === "member_removed" ? " (removed from the organisation)" : "";
      return { icon: UserMinus, summary: <>{actor} unassigned {name ?? "someone"}{why}</> };
    }
    case "snoozed":
      return { icon: AlarmClock, summary: <>{actor} snoozed it{typeof event.data.minutes === "number" ? ` for ${formatMinutes(event.data.minutes)}` : ""}</> };
    case "unsnoozed":
      return { icon: AlarmClock, summary: <>The snooze ended: the incident is triggered again</> };
    case "ack_timed_out":
      return { icon: TimerReset, summary: <>The acknowledgement timed out: the incident is triggered again</> };
    case "no_one_on_call": {
      const level = typeof event.data.level === "number" ? ` at level ${event.data.level}` : "";
      const admins = notifiedNames(event.data.adminsNotified);
      const told = event.data.everyLevel === true ? `: no level found anyone${admins.length > 0 ? `, the admins were told (${admins.join(", ")})` : ""}` : "";
      return { icon: BellOff, summary: <>No one was on call{level}{told}</> };
    }
    case "title_changed":
      return { icon: Pencil, summary: <>{actor} renamed the incident{text(event.data.to) === null ? "" : ` to “${String(event.data.to)}”`}</> };
    case "type_changed":
      return { icon: Pencil, summary: <>{actor} {text(event.data.to) === null ? "cleared the type" : `set the type to “${String(event.data.to)}”`}</> };
    case "description_changed":
      return { icon: Pencil, summary: <>{actor} changed the description</> };
    case "severity_changed":
      return { icon: Pencil, summary: <>{actor} changed the severity{text(event.data.from) === null || text(event.data.to) === null ? "" : ` from ${String(event.data.from).toUpperCase()} to ${String(event.data.to).toUpperCase()}`}</> };
    case "sla_at_risk":
      return { icon: Timer, summary: <>The {event.data.kind === "resolve" ? "resolve" : "acknowledge"} SLA is at risk{text(event.data.dueAt) === null ? "" : <>: due <time dateTime={String(event.data.dueAt)}>{formatDateTime(String(event.data.dueAt))}</time></>}</> };
    case "sla_breached":
      return { icon: TimerOff, summary: <>The {event.data.kind === "resolve" ? "resolve" : "acknowledge"} SLA was breached</> };
    case "task_created":
      return { icon: CheckSquare, summary: <>{actor} added a task{text(event.data.title) === null ? "" : `: ${String(event.data.title)}`}</> };
    case "task_updated":
      return { icon: CheckSquare, summary: <>{actor} updated a task{text(event.data.title) === null ? "" : `: ${String(event.data.title)}`}</> };
    case "status_update_posted":
      return {
        icon: Megaphone,
        summary: <>{actor} posted a status update for stakeholders{text(event.data.status) === null ? "" : ` (${String(event.data.status)})`}</>,
        body: text(event.data.body) ?? "",
        stakeholder: true,
      };
    case "postmortem_published":
      return { icon: FileText, summary: <>{actor} published the postmortem</> };
    case "attachment_added":
      return { icon: Paperclip, summary: <>{actor} attached {text(event.data.fileName) ?? "a file"}</> };
    case "attachment_deleted":
      return { icon: Paperclip, summary: <>{actor} removed {text(event.data.fileName) ?? "an attachment"}</> };
  }
}

/** The incident's timeline, oldest first and newest last, as the API keeps it. */
export function Timeline({ incidentId }: { incidentId: string }) {
  const trpc = useTRPC();
  const events = useInfiniteQuery(trpc.incidents.events.infiniteQueryOptions({ incidentId, limit: 200 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const pages = events.data?.pages.length ?? 0;
  useEffect(() => {
    if (events.hasNextPage && !events.isFetchingNextPage && pages < AUTO_PAGES) void events.fetchNextPage();
  }, [events, pages]);

  if (events.isPending) return <LoadingRows rows={3} />;
  if (events.isError) return <ErrorAlert error={events.error} title="The timeline could not be loaded" />;
  const items = events.data.pages.flatMap((page) => page.items);
  return (
    <div>
      <ol className="relative space-y-4 border-l pl-6" aria-label="Timeline">
        {items.map((event) => {
          const { icon: Icon, summary, body, stakeholder } = describeEvent(event);
          return (
            <li key={event.id} className="relative" data-event-kind={event.kind}>
              <span className="bg-background absolute top-0.5 -left-[33px] flex size-5 items-center justify-center rounded-full border">
                <Icon className="text-muted-foreground size-3" aria-hidden />
              </span>
              <p className="text-sm">
                {summary} <RelativeTime iso={event.createdAt} className="text-muted-foreground ml-1 text-xs" />
              </p>
              {body !== undefined && (
                <Markdown
                  className={cn(
                    "mt-1.5 rounded-md border px-3 py-2 text-sm",
                    // What stakeholders were told stands apart from the responders' own comments.
                    stakeholder ? "border-sky-200 bg-sky-50/60 dark:border-sky-900 dark:bg-sky-950/30" : "bg-muted/50",
                  )}
                >
                  {body}
                </Markdown>
              )}
            </li>
          );
        })}
      </ol>
      {events.hasNextPage && pages >= AUTO_PAGES && (
        <Button variant="outline" size="sm" className="mt-3" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
          Load more
        </Button>
      )}
    </div>
  );
}
