import { BarChart3, BellRing, Building2, CalendarClock, CalendarDays, FileClock, Gauge, KeyRound, LayoutDashboard, ListOrdered, Server, Siren, Timer, UserRoundCog, Users, Webhook, type LucideIcon } from "lucide-react";
import type { Role } from "@/lib/api-types";

export interface NavItem {
  to:
    | "/incidents"
    | "/overview"
    | "/analytics"
    | "/oncall"
    | "/my-shifts"
    | "/schedules"
    | "/teams"
    | "/escalation-policies"
    | "/services"
    | "/sla-policy"
    | "/notification-targets"
    | "/members"
    | "/api-keys"
    | "/audit-log"
    | "/usage"
    | "/organisations";
  label: string;
  icon: LucideIcon;
  /** The least role that sees it (the API refuses the rest anyway). */
  least?: Role;
}

export interface NavGroup {
  label: string;
  items: NavItem[];
}

/**
 * The app's areas. A feature that lands later adds its item to its group: schedules and teams go
 * under "On call".
 */
export const NAV: NavGroup[] = [
  {
    label: "Respond",
    items: [
      { to: "/incidents", label: "Incidents", icon: Siren },
      { to: "/overview", label: "Overview", icon: LayoutDashboard },
      { to: "/analytics", label: "Analytics", icon: BarChart3 },
    ],
  },
  {
    label: "On call",
    items: [
      { to: "/oncall", label: "Who is on call", icon: BellRing },
      { to: "/my-shifts", label: "My shifts", icon: CalendarClock },
      { to: "/schedules", label: "Schedules", icon: CalendarDays },
      { to: "/teams", label: "Teams", icon: UserRoundCog },
      { to: "/escalation-policies", label: "Escalation policies", icon: ListOrdered, least: "admin" },
    ],
  },
  {
    label: "Configure",
    items: [
      { to: "/services", label: "Services", icon: Server },
      { to: "/sla-policy", label: "SLA policy", icon: Timer, least: "admin" },
      { to: "/notification-targets", label: "Notification targets", icon: Webhook, least: "admin" },
    ],
  },
  {
    label: "Organisation",
    items: [
      { to: "/members", label: "Members", icon: Users, least: "admin" },
      { to: "/api-keys", label: "API keys", icon: KeyRound, least: "admin" },
      { to: "/audit-log", label: "Audit log", icon: FileClock, least: "admin" },
      { to: "/usage", label: "Usage", icon: Gauge, least: "admin" },
      { to: "/organisations", label: "Organisations", icon: Building2 },
    ],
  },
];
