import {
  assignIncidentInput,
  commentInput,
  createIncidentInput,
  incidentCountsInput,
  incidentCountsSchema,
  incidentEventSchema,
  incidentIdInput,
  incidentPageInput,
  incidentTimelineInput,
  incidentSchema,
  incidentService,
  listIncidentsInput,
  notificationAttemptSchema,
  notificationService,
  pageSchema,
  snoozeIncidentInput,
  timelineEventSchema,
  transitionIncidentInput,
  updateIncidentInput,
} from "@incidentops/core";
import { procedureFor, router } from "../trpc.js";
import { incidentChangeEventsRouter } from "./change-events.js";
import { attachmentsRouter, postmortemRouter, statusUpdatesRouter, tasksRouter } from "./incident-work.js";

const tags = ["incidents"];

export const incidentsRouter = router({
  list: procedureFor("incident:read")
    .meta({ openapi: { method: "GET", path: "/incidents", tags, summary: "Incidents, newest first, filtered" } })
    .input(listIncidentsInput)
    .output(pageSchema(incidentSchema))
    .query(({ ctx, input }) => incidentService.listIncidents(ctx.db, ctx.actor, input)),

  // Before `get`: /incidents/counts is not an incident id.
  counts: procedureFor("incident:read")
    .meta({
      openapi: {
        method: "GET",
        path: "/incidents/counts",
        tags,
        summary: "How many incidents per status, and open ones per severity and service",
        description: "The filters are the list's (less the status): the status tabs of a filtered list, or the open incidents of the org.",
      },
    })
    .input(incidentCountsInput)
    .output(incidentCountsSchema)
    .query(({ ctx, input }) => incidentService.countIncidentsByFacet(ctx.db, ctx.actor, input)),

  create: procedureFor("incident:create")
    .meta({ openapi: { method: "POST", path: "/services/{serviceId}/incidents", tags, summary: "Open an incident on a service (member)" }, successStatus: 201 })
    .input(createIncidentInput)
    .output(incidentSchema)
    .mutation(({ ctx, input }) => incidentService.createIncident(ctx.db, ctx.actor, input)),

  get: procedureFor("incident:read")
    .meta({ openapi: { method: "GET", path: "/incidents/{incidentId}", tags, summary: "One incident" } })
    .input(incidentIdInput)
    .output(incidentSchema)
    .query(({ ctx, input }) => incidentService.getIncident(ctx.db, ctx.actor, input)),

  update: procedureFor("incident:update")
    .meta({
      openapi: {
        method: "PATCH",
        path: "/incidents/{incidentId}",
        tags,
        summary: "Change the title, description or severity, at the version you read (member)",
        description:
          "Each changed field goes on the timeline (title_changed, description_changed, severity_changed with from and to) and notifies (kinds updated, severity_changed). A new severity re-arms the SLA deadlines still running. A stale version is 409 VERSION_CONFLICT.",
      },
    })
    .input(updateIncidentInput)
    .output(incidentSchema)
    .mutation(({ ctx, input }) => incidentService.updateIncident(ctx.db, ctx.actor, input)),

  events: procedureFor("incident:read")
    .meta({ openapi: { method: "GET", path: "/incidents/{incidentId}/events", tags, summary: "The incident's timeline, oldest first; of one kind if asked (`?kind=escalated`: its escalations)" } })
    .input(incidentTimelineInput)
    .output(pageSchema(timelineEventSchema))
    .query(({ ctx, input }) => incidentService.listIncidentTimeline(ctx.db, ctx.actor, input)),

  transition: procedureFor("incident:transition")
    .meta({ openapi: { method: "POST", path: "/incidents/{incidentId}/transition", tags, summary: "Move the incident to another status (member)" } })
    .input(transitionIncidentInput)
    .output(incidentSchema)
    .mutation(({ ctx, input }) => incidentService.transitionIncident(ctx.db, ctx.actor, input)),

  comment: procedureFor("incident:comment")
    .meta({ openapi: { method: "POST", path: "/incidents/{incidentId}/comment", tags, summary: "Add a comment to the timeline (member)" }, successStatus: 201 })
    .input(commentInput)
    .output(incidentEventSchema)
    .mutation(({ ctx, input }) => incidentService.commentOnIncident(ctx.db, ctx.actor, input)),

  escalate: procedureFor("incident:escalate")
    .meta({ openapi: { method: "POST", path: "/incidents/{incidentId}/escalate", tags, summary: "Notify the next escalation level now (member)" } })
    .input(incidentIdInput)
    .output(incidentSchema)
    .mutation(({ ctx, input }) => incidentService.escalateIncident(ctx.db, ctx.actor, input)),

  assign: procedureFor("incident:assign")
    .meta({
      openapi: {
        method: "POST",
        path: "/incidents/{incidentId}/assign",
        tags,
        summary: "Reassign the incident and page the new assignees (member)",
        description:
          "The people given replace the assignees (version + 1, a snooze ends); those new to it are paged through their notification rules. Giving the current assignees changes nothing.",
      },
    })
    .input(assignIncidentInput)
    .output(incidentSchema)
    .mutation(({ ctx, input }) => incidentService.assignIncident(ctx.db, ctx.actor, input)),

  snooze: procedureFor("incident:snooze")
    .meta({
      openapi: {
        method: "POST",
        path: "/incidents/{incidentId}/snooze",
        tags,
        summary: "Snooze an acknowledged incident: it returns to triggered after `minutes` (member)",
        description:
          "When the time is up the incident returns to triggered (timeline `unsnoozed`) and escalation restarts from the first level. Any change before then (a status change, a reassignment, a new snooze) ends this snooze.",
      },
    })
    .input(snoozeIncidentInput)
    .output(incidentSchema)
    .mutation(({ ctx, input }) => incidentService.snoozeIncident(ctx.db, ctx.actor, input)),

  notifications: procedureFor("notification:read")
    .meta({ openapi: { method: "GET", path: "/incidents/{incidentId}/notifications", tags, summary: "Delivery attempts for the incident's events, oldest first" } })
    .input(incidentPageInput)
    .output(pageSchema(notificationAttemptSchema))
    .query(({ ctx, input }) => notificationService.listIncidentNotifications(ctx.db, ctx.actor, input)),

  tasks: tasksRouter,
  statusUpdates: statusUpdatesRouter,
  postmortem: postmortemRouter,
  attachments: attachmentsRouter,
  changeEvents: incidentChangeEventsRouter,
});
