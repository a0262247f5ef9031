import { onCallService, onCallsInput, onCallsSchema } from "@incidentops/core";
import { procedureFor, router } from "../trpc.js";

export const onCallsRouter = router({
  list: procedureFor("oncall:read")
    .meta({
      openapi: {
        method: "GET",
        path: "/oncalls",
        tags: ["schedules"],
        summary: "Who is on call at an instant (default now): through each schedule, and on each escalation policy's levels",
      },
    })
    .input(onCallsInput)
    .output(onCallsSchema)
    .query(({ ctx, input }) => onCallService.listOnCalls(ctx.db, ctx.actor, input, new Date())),
});
