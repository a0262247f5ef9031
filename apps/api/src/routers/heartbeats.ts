import { createHeartbeatInput, heartbeatIdInput, heartbeatListSchema, heartbeatSchema, heartbeatService, okSchema, serviceIdInput, updateHeartbeatInput } from "@incidentops/core";
import { procedureFor, router } from "../trpc.js";
import { ok } from "./shared.js";

const tags = ["integrations"];
const path = "/org/services/{serviceId}/heartbeats";

/** A service's heartbeat monitors: a missed ping opens an incident, the next ping resolves it. */
export const heartbeatsRouter = router({
  list: procedureFor("heartbeat:read")
    .meta({ openapi: { method: "GET", path, tags, summary: "The service's heartbeat monitors, with their ping URLs (admin)" } })
    .input(serviceIdInput)
    .output(heartbeatListSchema)
    .query(({ ctx, input }) => heartbeatService.listHeartbeats(ctx.db, ctx.actor, ctx.config, input)),
  create: procedureFor("heartbeat:manage")
    .meta({ openapi: { method: "POST", path, tags, summary: "Create a heartbeat monitor: a ping is due every intervalSeconds, a missed one opens an incident (admin)" }, successStatus: 201 })
    .input(createHeartbeatInput)
    .output(heartbeatSchema)
    .mutation(({ ctx, input }) => heartbeatService.createHeartbeat(ctx.db, ctx.actor, ctx.config, input)),
  get: procedureFor("heartbeat:read")
    .meta({ openapi: { method: "GET", path: `${path}/{heartbeatId}`, tags, summary: "One heartbeat monitor (admin)" } })
    .input(heartbeatIdInput)
    .output(heartbeatSchema)
    .query(({ ctx, input }) => heartbeatService.getHeartbeat(ctx.db, ctx.actor, ctx.config, input)),
  update: procedureFor("heartbeat:manage")
    .meta({ openapi: { method: "PATCH", path: `${path}/{heartbeatId}`, tags, summary: "Rename a heartbeat or change its interval, counted from its last ping (admin)" } })
    .input(updateHeartbeatInput)
    .output(heartbeatSchema)
    .mutation(({ ctx, input }) => heartbeatService.updateHeartbeat(ctx.db, ctx.actor, ctx.config, input)),
  delete: procedureFor("heartbeat:manage")
    .meta({ openapi: { method: "DELETE", path: `${path}/{heartbeatId}`, tags, summary: "Delete a heartbeat monitor; an incident it opened stays (admin)" } })
    .input(heartbeatIdInput)
    .output(okSchema)
    .mutation(({ ctx, input }) => ok(heartbeatService.deleteHeartbeat(ctx.db, ctx.actor, input))),
});
