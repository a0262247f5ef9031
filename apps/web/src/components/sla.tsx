import { CheckCircle2, TimerOff, Timer } from "lucide-react";
import type { Incident } from "@/lib/api-types";
import { formatDateTime } from "@/lib/format";
import { describeClock, isUrgent, nextDeadline, SLA_VERB, slaBreached, slaClocks, type SlaClock } from "@/lib/sla";
import { useNow } from "@/lib/use-now";
import { cn } from "@/lib/utils";

type SlaIncident = Parameters<typeof slaClocks>[0] & Pick<Incident, "triggeredAt" | "acknowledgeWarnAt" | "resolveWarnAt">;

/** The red badge of an incident that missed an SLA deadline. */
export function SlaBreachBadge({ className }: { className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex h-5 items-center gap-1 rounded px-1.5 text-[11px] font-semibold whitespace-nowrap text-red-800 ring-1 ring-red-300 ring-inset bg-red-50 dark:bg-red-950 dark:text-red-200 dark:ring-red-800",
        className,
      )}
      data-sla="breached"
    >
      <TimerOff className="size-3" aria-hidden />
      SLA breached
    </span>
  );
}

/** The incident's SLA at a glance (a list's cell): breached, the next deadline counting down, or nothing. */
export function SlaSummary({ incident, className }: { incident: SlaIncident; className?: string }) {
  const now = useNow(1_000);
  if (slaBreached(incident, now)) return <SlaBreachBadge className={className} />;
  const next = nextDeadline(incident, now);
  if (next === null) return null;
  const verb = next.kind === "acknowledge" ? "Ack" : "Resolve";
  return (
    <span
      className={cn("inline-flex items-center gap-1 text-xs tabular-nums whitespace-nowrap", isUrgent(next, incident.triggeredAt) ? "font-medium text-amber-800 dark:text-amber-300" : "text-muted-foreground", className)}
      title={`${SLA_VERB[next.kind]} by ${formatDateTime(next.dueAt)}`}
      data-sla="running"
    >
      <Timer className="size-3" aria-hidden />
      {verb} in {describeClock(next).replace(/ left$/, "")}
    </span>
  );
}

const CLOCK_STYLE: Record<SlaClock["state"], string> = {
  none: "text-muted-foreground",
  running: "",
  overdue: "font-medium text-red-700 dark:text-red-300",
  breached: "font-medium text-red-700 dark:text-red-300",
  met: "text-emerald-700 dark:text-emerald-300",
};

function Deadline({ clock, triggeredAt }: { clock: SlaClock; triggeredAt: string }) {
  const urgent = isUrgent(clock, triggeredAt);
  return (
    <div className="flex items-baseline justify-between gap-3 py-1.5 text-sm" data-sla-kind={clock.kind} data-sla-state={clock.state} data-sla-urgent={urgent}>
      <dt className="text-muted-foreground">{SLA_VERB[clock.kind]} SLA</dt>
      <dd className={cn("text-right tabular-nums", CLOCK_STYLE[clock.state], urgent && "font-medium text-amber-800 dark:text-amber-300")}>
        <span className="inline-flex items-center gap-1">
          {clock.state === "met" && <CheckCircle2 className="size-3.5" aria-hidden />}
          {(clock.state === "breached" || clock.state === "overdue") && <TimerOff className="size-3.5" aria-hidden />}
          {describeClock(clock)}
        </span>
        {clock.state !== "none" && (
          <span className="text-muted-foreground block text-xs font-normal">
            due <time dateTime={clock.dueAt}>{formatDateTime(clock.dueAt)}</time>
          </span>
        )}
      </dd>
    </div>
  );
}

/** Both deadlines of the incident, counting down each second while they run (rows of a <dl>). */
export function SlaDeadlines({ incident }: { incident: SlaIncident }) {
  const now = useNow(1_000);
  const clocks = slaClocks(incident, now);
  if (clocks.every((clock) => clock.state === "none")) return null;
  return (
    <>
      {clocks.map((clock) => (
        <Deadline key={clock.kind} clock={clock} triggeredAt={incident.triggeredAt} />
      ))}
    </>
  );
}
