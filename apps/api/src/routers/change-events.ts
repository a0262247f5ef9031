import { changeEventSchema, changeEventService, listIncidentChangeEventsInput, listServiceChangeEventsInput, pageSchema } from "@incidentops/core";
import { procedureFor, router } from "../trpc.js";

// Change events (deploys, config pushes) arrive through PagerDuty's Change Events API
// (ingest/pagerduty.ts); these read them back, per service and per incident.

export const serviceChangeEventsRouter = router({
  list: procedureFor("service:read")
    .meta({ openapi: { method: "GET", path: "/org/services/{serviceId}/change-events", tags: ["org"], summary: "The service's change events (deploys and the like), newest first" } })
    .input(listServiceChangeEventsInput)
    .output(pageSchema(changeEventSchema))
    .query(({ ctx, input }) => changeEventService.listServiceChangeEvents(ctx.db, ctx.actor, input)),
});

export const incidentChangeEventsRouter = router({
  list: procedureFor("incident:read")
    .meta({
      openapi: {
        method: "GET",
        path: "/incidents/{incidentId}/change-events",
        tags: ["incidents"],
        summary: "Changes to the incident's service that happened while it was open, newest first",
      },
    })
    .input(listIncidentChangeEventsInput)
    .output(pageSchema(changeEventSchema))
    .query(({ ctx, input }) => changeEventService.listIncidentChangeEvents(ctx.db, ctx.actor, input)),
});
