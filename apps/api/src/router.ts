import { authRouter } from "./routers/auth.js";
import { incidentsRouter } from "./routers/incidents.js";
import { orgRouter } from "./routers/org.js";
import { usersRouter } from "./routers/users.js";
import { router } from "./trpc.js";

export const appRouter = router({
  auth: authRouter,
  org: orgRouter,
  incidents: incidentsRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
