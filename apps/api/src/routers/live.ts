import { streamTicketSchema, streamTicketService } from "@incidentops/core";
import { z } from "zod";
import { incidentUpdates } from "../live/incident-updates.js";
import { accessTokenExpiry } from "../procedure/credential.js";
import { procedureFor, router, subscriptionFor, withPublicCodes } from "../trpc.js";

const tags = ["live"];

/**
 * What a subscription may be sent: nothing, or on reconnection `lastEventId`, which tRPC puts in
 * the input from a `Last-Event-ID` header or query parameter. It is ignored: the stream sends no
 * event ids, and each subscription starts with a reset.
 */
const reconnection = z.object({ lastEventId: z.string().max(200).optional() }).optional();

/** Live updates over server-sent events (tRPC subscriptions, no REST route), and the tickets that open them. */
export const liveRouter = router({
  tickets: router({
    create: procedureFor("incident:read")
      .meta({
        openapi: {
          method: "POST",
          path: "/live/tickets",
          tags,
          summary: "A ticket that opens one live incident stream, within 30 s",
          description:
            'EventSource sends no headers, so a stream\'s credential is in its URL, where proxies log it: there it is this ticket, never an access token. Open `/trpc/live.incidents` with tRPC\'s connectionParams `{ "ticket": "..." }`; a ticket opens one stream, once, and is stored only as a hash. A person\'s stream ends when the access token they asked with expires. Read-only API keys may ask too; it is no write call.',
        },
        successStatus: 201,
        readCall: true,
      })
      .input(z.void())
      .output(streamTicketSchema)
      .mutation(({ ctx }) => streamTicketService.issueStreamTicket(ctx.db, ctx.actor, accessTokenExpiry(ctx.credential, ctx.config.jwt))),
  }),
  incidents: subscriptionFor("incident:read")
    .input(reconnection)
    .subscription(({ ctx, signal }) => withPublicCodes(incidentUpdates(ctx, ctx, signal))),
});
