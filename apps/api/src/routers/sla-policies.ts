import {
  putServiceSlaPolicyInput,
  putSlaPolicyInput,
  serviceIdInput,
  serviceSlaPolicySchema,
  slaPolicySchema,
  slaPolicyService,
} from "@incidentops/core";
import { z } from "zod";
import { procedureFor, router } from "../trpc.js";

const tags = ["sla"];

const ORG_POLICY_DESCRIPTION =
  "Per severity, how many minutes after the trigger a first response (acknowledge or resolve) and the resolution are due (null: no target). Incidents get the deadlines (acknowledgeDueAt, resolveDueAt) of their service's policy when they open and when their severity changes; a policy change does not move running deadlines. A breach is recorded at its deadline (an sla_breached event, notification kind sla_breached). With warnAtPercent, a deadline still unmet when that share of its time has passed is recorded as at risk (an sla_at_risk event, notification kind sla_at_risk), once, and again if a severity change moves it.";

/** The org's SLA policy: GET|PUT /org/sla-policy. */
export const orgSlaPolicyRouter = router({
  get: procedureFor("sla-policy:read")
    .meta({ openapi: { method: "GET", path: "/org/sla-policy", tags, summary: "The organisation's SLA targets per severity (admin)", description: ORG_POLICY_DESCRIPTION } })
    .input(z.void())
    .output(slaPolicySchema)
    .query(({ ctx }) => slaPolicyService.getOrgPolicy(ctx.db, ctx.actor)),
  put: procedureFor("sla-policy:manage")
    .meta({ openapi: { method: "PUT", path: "/org/sla-policy", tags, summary: "Set the organisation's SLA targets per severity (admin)", description: ORG_POLICY_DESCRIPTION } })
    .input(putSlaPolicyInput)
    .output(slaPolicySchema)
    .mutation(({ ctx, input }) => slaPolicyService.putOrgPolicy(ctx.db, ctx.actor, input)),
});

/** A service's override: GET|PUT|DELETE /org/services/{serviceId}/sla-policy. */
export const serviceSlaPolicyRouter = router({
  get: procedureFor("sla-policy:read")
    .meta({ openapi: { method: "GET", path: "/org/services/{serviceId}/sla-policy", tags, summary: "The SLA targets the service's incidents get: its own, or the organisation's (admin)" } })
    .input(serviceIdInput)
    .output(serviceSlaPolicySchema)
    .query(({ ctx, input }) => slaPolicyService.getServicePolicy(ctx.db, ctx.actor, input)),
  put: procedureFor("sla-policy:manage")
    .meta({
      openapi: {
        method: "PUT",
        path: "/org/services/{serviceId}/sla-policy",
        tags,
        summary: "Give the service SLA targets of its own, replacing the organisation's for its incidents (admin)",
      },
    })
    .input(putServiceSlaPolicyInput)
    .output(serviceSlaPolicySchema)
    .mutation(({ ctx, input }) => slaPolicyService.putServicePolicy(ctx.db, ctx.actor, input)),
  delete: procedureFor("sla-policy:manage")
    .meta({ openapi: { method: "DELETE", path: "/org/services/{serviceId}/sla-policy", tags, summary: "Drop the service's own SLA targets: the organisation's apply again (admin)" } })
    .input(serviceIdInput)
    .output(serviceSlaPolicySchema)
    .mutation(({ ctx, input }) => slaPolicyService.deleteServicePolicy(ctx.db, ctx.actor, input)),
});
