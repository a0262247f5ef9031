import { AlertOctagon, CheckCircle2, Eye, ShieldCheck, type LucideIcon } from "lucide-react";
import { cn } from "@/lib/utils";
import type { IncidentStatus, Severity } from "@/lib/api-types";

const SEVERITY_STYLE: Record<Severity, string> = {
  sev1: "bg-red-600 text-white dark:bg-red-500 dark:text-red-950",
  sev2: "bg-orange-100 text-orange-900 ring-1 ring-orange-300 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-800",
  sev3: "bg-amber-50 text-amber-900 ring-1 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  sev4: "bg-slate-100 text-slate-700 ring-1 ring-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700",
};

export function SeverityBadge({ severity, className }: { severity: Severity; className?: string }) {
  return (
    <span className={cn("inline-flex h-5 items-center rounded px-1.5 font-mono text-[11px] font-semibold uppercase tracking-wide", SEVERITY_STYLE[severity], className)}>
      {severity}
    </span>
  );
}

const STATUS: Record<IncidentStatus, { label: string; icon: LucideIcon; style: string }> = {
  triggered: { label: "Triggered", icon: AlertOctagon, style: "text-red-700 bg-red-50 ring-red-200 dark:text-red-300 dark:bg-red-950 dark:ring-red-900" },
  acknowledged: { label: "Acknowledged", icon: Eye, style: "text-amber-800 bg-amber-50 ring-amber-200 dark:text-amber-200 dark:bg-amber-950 dark:ring-amber-900" },
  mitigated: { label: "Mitigated", icon: ShieldCheck, style: "text-sky-800 bg-sky-50 ring-sky-200 dark:text-sky-200 dark:bg-sky-950 dark:ring-sky-900" },
  resolved: { label: "Resolved", icon: CheckCircle2, style: "text-emerald-800 bg-emerald-50 ring-emerald-200 dark:text-emerald-200 dark:bg-emerald-950 dark:ring-emerald-900" },
};

export const statusLabel = (status: IncidentStatus) => STATUS[status].label;

export function StatusBadge({ status, className }: { status: IncidentStatus; className?: string }) {
  const { label, icon: Icon, style } = STATUS[status];
  return (
    <span className={cn("inline-flex h-6 items-center gap-1 rounded-full px-2 text-xs font-medium ring-1 ring-inset whitespace-nowrap", style, className)}>
      <Icon className="size-3.5" aria-hidden />
      {label}
    </span>
  );
}
