import { integrationKeySchema, integrationKeyService } from "@incidentops/core";
import { z } from "zod";
import { procedureFor, router } from "../trpc.js";
import { okSchema } from "./shared.js";

const tags = ["integrations"];
const serviceId = z.uuid();

export const integrationsRouter = router({
  list: procedureFor("integration:read")
    .meta({ openapi: { method: "GET", path: "/org/services/{serviceId}/integrations", tags, summary: "The service's integration keys, in full (admin)" } })
    .input(z.object({ serviceId }))
    .output(z.object({ items: z.array(integrationKeySchema) }))
    .query(({ ctx, input }) => integrationKeyService.listIntegrationKeys(ctx.db, ctx.actor, input.serviceId)),

  create: procedureFor("integration:manage")
    .meta({
      openapi: { method: "POST", path: "/org/services/{serviceId}/integrations", tags, summary: "Create an integration key for alerts (admin)" },
      successStatus: 201,
    })
    .input(z.object({ serviceId, name: z.string().trim().min(1).max(200) }))
    .output(integrationKeySchema)
    .mutation(({ ctx, input }) => integrationKeyService.createIntegrationKey(ctx.db, ctx.actor, input)),

  delete: procedureFor("integration:manage")
    .meta({ openapi: { method: "DELETE", path: "/org/services/{serviceId}/integrations/{integrationId}", tags, summary: "Delete an integration key (admin)" } })
    .input(z.object({ serviceId, integrationId: z.uuid() }))
    .output(okSchema)
    .mutation(async ({ ctx, input }) => {
      await integrationKeyService.deleteIntegrationKey(ctx.db, ctx.actor, input);
      return { ok: true as const };
    }),
});
