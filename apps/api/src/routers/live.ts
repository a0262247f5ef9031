import { z } from "zod";
import { incidentUpdates } from "../live/incident-updates.js";
import { router, subscriptionFor } from "../trpc.js";

/** Live updates over server-sent events (tRPC subscriptions; no REST route). */
export const liveRouter = router({
  incidents: subscriptionFor("incident:read")
    .input(z.void())
    .subscription(({ ctx, signal }) => incidentUpdates(ctx, ctx, signal)),
});
