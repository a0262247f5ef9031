import {
  incidentEventSchema,
  incidentSchema,
  incidentService,
  incidentStatusSchema,
  listIncidentNotifications,
  notificationAttemptSchema,
  pageSchema,
  severitySchema,
} from "@incidentops/core";
import { z } from "zod";
import { procedureFor, router } from "../trpc.js";
import { pageInput } from "./shared.js";

const tags = ["incidents"];
const incidentId = z.uuid();

export const incidentsRouter = router({
  list: procedureFor("incident:read")
    .meta({ openapi: { method: "GET", path: "/incidents", tags, summary: "Incidents, newest first, filtered" } })
    .input(
      z.object({
        status: incidentStatusSchema.optional(),
        serviceId: z.uuid().optional(),
        severity: severitySchema.optional(),
        ...pageInput,
      }),
    )
    .output(pageSchema(incidentSchema))
    .query(({ ctx, input }) => incidentService.listIncidents(ctx.db, ctx.actor, input)),

  create: procedureFor("incident:create")
    .meta({ openapi: { method: "POST", path: "/services/{serviceId}/incidents", tags, summary: "Open an incident on a service (member)" }, successStatus: 201 })
    .input(
      z.object({
        serviceId: z.uuid(),
        title: z.string().trim().min(1).max(300),
        description: z.string().max(10_000).optional(),
        severity: severitySchema.optional(),
      }),
    )
    .output(incidentSchema)
    .mutation(({ ctx, input }) => incidentService.createIncident(ctx.db, ctx.actor, input)),

  get: procedureFor("incident:read")
    .meta({ openapi: { method: "GET", path: "/incidents/{incidentId}", tags, summary: "One incident" } })
    .input(z.object({ incidentId }))
    .output(incidentSchema)
    .query(({ ctx, input }) => incidentService.getIncident(ctx.db, ctx.actor, input.incidentId)),

  events: procedureFor("incident:read")
    .meta({ openapi: { method: "GET", path: "/incidents/{incidentId}/events", tags, summary: "The incident's timeline, oldest first" } })
    .input(z.object({ incidentId, ...pageInput }))
    .output(pageSchema(incidentEventSchema))
    .query(({ ctx, input }) => incidentService.listIncidentTimeline(ctx.db, ctx.actor, input)),

  transition: procedureFor("incident:transition")
    .meta({ openapi: { method: "POST", path: "/incidents/{incidentId}/transition", tags, summary: "Move the incident to another status (member)" } })
    .input(z.object({ incidentId, toStatus: incidentStatusSchema, version: z.number().int().min(1) }))
    .output(incidentSchema)
    .mutation(({ ctx, input }) => incidentService.transitionIncident(ctx.db, ctx.actor, input)),

  comment: procedureFor("incident:comment")
    .meta({ openapi: { method: "POST", path: "/incidents/{incidentId}/comment", tags, summary: "Add a comment to the timeline (member)" }, successStatus: 201 })
    .input(z.object({ incidentId, body: z.string().trim().min(1).max(10_000) }))
    .output(incidentEventSchema)
    .mutation(({ ctx, input }) => incidentService.commentOnIncident(ctx.db, ctx.actor, input)),

  escalate: procedureFor("incident:escalate")
    .meta({ openapi: { method: "POST", path: "/incidents/{incidentId}/escalate", tags, summary: "Notify the next escalation level now (member)" } })
    .input(z.object({ incidentId }))
    .output(incidentSchema)
    .mutation(({ ctx, input }) => incidentService.escalateIncident(ctx.db, ctx.actor, input.incidentId)),

  notifications: procedureFor("notification:read")
    .meta({ openapi: { method: "GET", path: "/incidents/{incidentId}/notifications", tags, summary: "Delivery attempts for the incident's events, oldest first" } })
    .input(z.object({ incidentId, ...pageInput }))
    .output(pageSchema(notificationAttemptSchema))
    .query(({ ctx, input }) => listIncidentNotifications(ctx.db, ctx.actor, input)),
});
