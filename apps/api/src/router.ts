import { analyticsRouter } from "./routers/analytics.js";
import { auditLogsRouter } from "./routers/audit-logs.js";
import { authRouter } from "./routers/auth.js";
import { incidentsRouter } from "./routers/incidents.js";
import { integrationsRouter } from "./routers/integrations.js";
import { liveRouter } from "./routers/live.js";
import { onCallsRouter } from "./routers/oncalls.js";
import { orgRouter } from "./routers/org.js";
import { orgsRouter } from "./routers/orgs.js";
import { usageRouter } from "./routers/usage.js";
import { usersRouter } from "./routers/users.js";
import { router } from "./trpc.js";

export const appRouter = router({
  auth: authRouter,
  org: orgRouter,
  orgs: orgsRouter,
  incidents: incidentsRouter,
  integrations: integrationsRouter,
  users: usersRouter,
  auditLogs: auditLogsRouter,
  usage: usageRouter,
  live: liveRouter,
  analytics: analyticsRouter,
  oncalls: onCallsRouter,
});

export type AppRouter = typeof appRouter;
