import {
  analyticsService,
  incidentAnalyticsCsvSchema,
  incidentAnalyticsInput,
  incidentAnalyticsSchema,
  responderAnalyticsInput,
  responderAnalyticsSchema,
} from "@incidentops/core";
import { procedureFor, router } from "../trpc.js";

const tags = ["analytics"];

const INCIDENTS_DESCRIPTION =
  "Incidents first triggered in [since, until) (at most 366 days), per group and in total: counts, MTTA (first trigger to first acknowledgement) and MTTR (to resolution) as mean and continuous percentiles in seconds, escalations by timeout and by hand, and the share of SLA targets met. Computed in PostgreSQL.";

export const analyticsRouter = router({
  incidents: procedureFor("analytics:read")
    .meta({ openapi: { method: "GET", path: "/analytics/incidents", tags, summary: "MTTA, MTTR, escalations and SLA attainment, grouped", description: INCIDENTS_DESCRIPTION } })
    .input(incidentAnalyticsInput)
    .output(incidentAnalyticsSchema)
    .query(({ ctx, input }) => analyticsService.incidentAnalytics(ctx.db, ctx.actor, input, { pool: ctx.pool })),

  incidentsCsv: procedureFor("analytics:read")
    .meta({
      openapi: {
        method: "GET",
        path: "/analytics/incidents.csv",
        tags,
        summary: "The groups of GET /analytics/incidents as CSV",
        description: "One line per group, a header line first; durations in seconds, empty cells where there is no value.",
      },
      textResponse: { contentType: "text/csv; charset=utf-8", fileName: "incident-analytics.csv" },
    })
    .input(incidentAnalyticsInput)
    .output(incidentAnalyticsCsvSchema)
    .query(({ ctx, input }) => analyticsService.incidentAnalyticsCsv(ctx.db, ctx.actor, input, { pool: ctx.pool })),

  responders: procedureFor("analytics:read")
    .meta({
      openapi: {
        method: "GET",
        path: "/analytics/responders",
        tags,
        summary: "Per person: pages received, incidents acknowledged, and interruptions by hour band in their own time zone",
      },
    })
    .input(responderAnalyticsInput)
    .output(responderAnalyticsSchema)
    .query(({ ctx, input }) => analyticsService.responderAnalytics(ctx.db, ctx.actor, input)),
});
