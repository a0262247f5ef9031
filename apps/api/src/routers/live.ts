import { z } from "zod";
import { incidentUpdates } from "../live/incident-updates.js";
import { router, subscriptionFor, withPublicCodes } from "../trpc.js";

/**
 * What a subscription may be sent: nothing, or on reconnection `lastEventId`, which tRPC puts in
 * the input from a `Last-Event-ID` header or query parameter. It is ignored: the stream sends no
 * event ids, and each subscription starts with a reset.
 */
const reconnection = z.object({ lastEventId: z.string().max(200).optional() }).optional();

/** Live updates over server-sent events (tRPC subscriptions; no REST route). */
export const liveRouter = router({
  incidents: subscriptionFor("incident:read")
    .input(reconnection)
    .subscription(({ ctx, signal }) => withPublicCodes(incidentUpdates(ctx, ctx, signal))),
});
