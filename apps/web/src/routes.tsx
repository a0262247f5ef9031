import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect, type RouterHistory } from "@tanstack/react-router";
import { z } from "zod";
import { AppShell } from "./components/app-shell";
import { NotFound } from "./components/not-found";
import { PublicLayout } from "./components/public-layout";
import { MAX_PERIOD_DAYS } from "./lib/analytics";
import { SEVERITIES, SLA_STANDINGS, STATUSES } from "./lib/api-types";
import type { SessionManager } from "./lib/session";

// Every screen's route: each screen is its own chunk, loaded when first opened (the first page
// load carries the shell and the screen it opens on, nothing else).

export interface RouterContext {
  session: SessionManager;
  queryClient: QueryClient;
}

const PageNotFound = () => <NotFound />;
const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Outlet, notFoundComponent: PageNotFound });

// Signed-out screens. A signed-in person opening one goes to the app, except for the links
// emailed to them (a reset or an invitation works whatever the session).
const publicLayout = createRoute({ getParentRoute: () => rootRoute, id: "_public", component: PublicLayout });
const redirectSearch = z.object({ redirect: z.string().optional() });
const tokenSearch = z.object({ token: z.string().optional() });
const signedOutOnly = ({ context }: { context: RouterContext }) => {
  if (context.session.getState().status === "signed-in") throw redirect({ to: "/incidents" });
};

const signInRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/sign-in",
  validateSearch: (search) => redirectSearch.parse(search),
  beforeLoad: signedOutOnly,
  component: lazyRouteComponent(() => import("./pages/auth/sign-in"), "SignInPage"),
});
const signUpRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/sign-up",
  beforeLoad: signedOutOnly,
  component: lazyRouteComponent(() => import("./pages/auth/sign-up"), "SignUpPage"),
});
const forgotRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/forgot-password",
  component: lazyRouteComponent(() => import("./pages/auth/forgot-password"), "ForgotPasswordPage"),
});
const resetRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/reset-password",
  validateSearch: (search) => tokenSearch.parse(search),
  component: lazyRouteComponent(() => import("./pages/auth/reset-password"), "ResetPasswordPage"),
});
const acceptRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/accept-invitation",
  validateSearch: (search) => tokenSearch.parse(search),
  component: lazyRouteComponent(() => import("./pages/auth/accept-invitation"), "AcceptInvitationPage"),
});

// The app: signed in only; anyone else goes to sign-in and comes back here afterwards.
const appLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: "_app",
  beforeLoad: ({ context, location }) => {
    if (context.session.getState().status !== "signed-in") throw redirect({ to: "/sign-in", search: { redirect: location.href } });
  },
  component: AppShell,
});

const page = <const P extends string, T extends Record<string, unknown>>(path: P, importer: () => Promise<T>, name: keyof T & string) =>
  createRoute({ getParentRoute: () => appLayout, path, component: lazyRouteComponent(importer, name) });

export const incidentsSearch = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  serviceId: z.uuid().optional().catch(undefined),
  assignedTo: z.literal("me").optional().catch(undefined),
  teamId: z.uuid().optional().catch(undefined),
  sla: z.enum(SLA_STANDINGS).optional().catch(undefined),
});
export type IncidentsSearch = z.infer<typeof incidentsSearch>;

const homeRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/",
  beforeLoad: () => {
    throw redirect({ to: "/incidents" });
  },
});
const incidentsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/incidents",
  validateSearch: (search) => incidentsSearch.parse(search),
  component: lazyRouteComponent(() => import("./pages/incidents/list"), "IncidentsPage"),
});
export const schedulesSearch = z.object({ teamId: z.uuid().optional().catch(undefined) });
const schedulesRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/schedules",
  validateSearch: (search) => schedulesSearch.parse(search),
  component: lazyRouteComponent(() => import("./pages/schedules/list"), "SchedulesPage"),
});
const incidentRoute = page("/incidents/$incidentId", () => import("./pages/incidents/detail"), "IncidentPage");
const postmortemRoute = page("/incidents/$incidentId/postmortem", () => import("./pages/incidents/postmortem"), "PostmortemPage");
const overviewRoute = page("/overview", () => import("./pages/overview"), "OverviewPage");
export const analyticsSearch = z.object({
  days: z.number().int().min(1).max(MAX_PERIOD_DAYS).optional().catch(undefined),
  // A range of days (both given) in place of the last `days`.
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  groupBy: z.enum(["day", "week"]).optional().catch(undefined),
  serviceId: z.uuid().optional().catch(undefined),
  teamId: z.uuid().optional().catch(undefined),
});
export type AnalyticsSearch = z.infer<typeof analyticsSearch>;
const analyticsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/analytics",
  validateSearch: (search) => analyticsSearch.parse(search),
  component: lazyRouteComponent(() => import("./pages/analytics"), "AnalyticsPage"),
});
const slaPolicyRoute = page("/sla-policy", () => import("./pages/sla-policy"), "SlaPolicyPage");
const servicesRoute = page("/services", () => import("./pages/services/list"), "ServicesPage");
const serviceRoute = page("/services/$serviceId", () => import("./pages/services/detail"), "ServicePage");
const policiesRoute = page("/escalation-policies", () => import("./pages/escalation-policies/list"), "EscalationPoliciesPage");
const newPolicyRoute = page("/escalation-policies/new", () => import("./pages/escalation-policies/editor"), "NewEscalationPolicyPage");
const policyRoute = page("/escalation-policies/$policyId", () => import("./pages/escalation-policies/editor"), "EditEscalationPolicyPage");
const targetsRoute = page("/notification-targets", () => import("./pages/notification-targets"), "NotificationTargetsPage");
const membersRoute = page("/members", () => import("./pages/members"), "MembersPage");
const apiKeysRoute = page("/api-keys", () => import("./pages/api-keys"), "ApiKeysPage");
const auditRoute = page("/audit-log", () => import("./pages/audit-log"), "AuditLogPage");
const usageRoute = page("/usage", () => import("./pages/usage"), "UsagePage");
const profileRoute = page("/profile", () => import("./pages/profile"), "ProfilePage");
const orgsRoute = page("/organisations", () => import("./pages/organisations"), "OrganisationsPage");
const scheduleRoute = page("/schedules/$scheduleId", () => import("./pages/schedules/detail"), "SchedulePage");
const onCallRoute = page("/oncall", () => import("./pages/oncall/now"), "OnCallNowPage");
/** `org`: the org the shifts a link points at are in (a calendar event, a shift notice: config.ts myShiftsLink). */
export const myShiftsSearch = z.object({ org: z.uuid().optional().catch(undefined) });
const myShiftsRoute = createRoute({
  getParentRoute: () => appLayout,
  path: "/my-shifts",
  validateSearch: (search) => myShiftsSearch.parse(search),
  component: lazyRouteComponent(() => import("./pages/oncall/my-shifts"), "MyShiftsPage"),
});
const teamsRoute = page("/teams", () => import("./pages/teams/list"), "TeamsPage");
const teamRoute = page("/teams/$teamId", () => import("./pages/teams/detail"), "TeamPage");

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([signInRoute, signUpRoute, forgotRoute, resetRoute, acceptRoute]),
  appLayout.addChildren([
    homeRoute,
    incidentsRoute,
    incidentRoute,
    postmortemRoute,
    overviewRoute,
    analyticsRoute,
    slaPolicyRoute,
    servicesRoute,
    serviceRoute,
    policiesRoute,
    newPolicyRoute,
    policyRoute,
    targetsRoute,
    membersRoute,
    apiKeysRoute,
    auditRoute,
    usageRoute,
    profileRoute,
    orgsRoute,
    schedulesRoute,
    scheduleRoute,
    onCallRoute,
    myShiftsRoute,
    teamsRoute,
    teamRoute,
  ]),
]);

/** The app's router; `history` defaults to the browser's (tests pass a memory history). */
export function createAppRouter(context: RouterContext, history?: RouterHistory) {
  return createRouter({ routeTree, context, defaultPreload: "intent", scrollRestoration: true, defaultNotFoundComponent: PageNotFound, ...(history === undefined ? {} : { history }) });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
