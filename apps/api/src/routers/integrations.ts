import {
  createIntegrationKeyInput,
  integrationIdInput,
  integrationKeyListSchema,
  integrationKeySchema,
  integrationKeyService,
  listWebhookMappingPresets,
  okSchema,
  serviceIdInput,
  updateIntegrationSettingsInput,
  webhookMappingPresetListSchema,
} from "@incidentops/core";
import { z } from "zod";
import { procedureFor, router } from "../trpc.js";
import { ok } from "./shared.js";

const tags = ["integrations"];

export const integrationsRouter = router({
  list: procedureFor("integration:read")
    .meta({ openapi: { method: "GET", path: "/org/services/{serviceId}/integrations", tags, summary: "The service's integration keys, in full (admin)" } })
    .input(serviceIdInput)
    .output(integrationKeyListSchema)
    .query(({ ctx, input }) => integrationKeyService.listIntegrationKeys(ctx.db, ctx.actor, input)),

  create: procedureFor("integration:manage")
    .meta({
      openapi: { method: "POST", path: "/org/services/{serviceId}/integrations", tags, summary: "Create an integration key for alerts (admin)" },
      successStatus: 201,
    })
    .input(createIntegrationKeyInput)
    .output(integrationKeySchema)
    .mutation(({ ctx, input }) => integrationKeyService.createIntegrationKey(ctx.db, ctx.actor, input)),

  update: procedureFor("integration:manage")
    .meta({
      openapi: {
        method: "PATCH",
        path: "/org/services/{serviceId}/integrations/{integrationId}",
        tags,
        summary: "Change an integration key's settings (admin)",
        description:
          "Fields left out stay as they are. `grouping` (Alertmanager and Grafana): `group` opens one incident per notification group, `alert` one per alert. `signingSecret` (Grafana HMAC) is write-only: reads show only `signingSecretSet`; null removes it. `mapping` (generic JSON webhook): JSON Pointers into the payload; null removes it.",
      },
    })
    .input(updateIntegrationSettingsInput)
    .output(integrationKeySchema)
    .mutation(({ ctx, input }) => integrationKeyService.updateIntegrationSettings(ctx.db, ctx.actor, input)),

  mappingPresets: procedureFor("integration:read")
    .meta({
      openapi: {
        method: "GET",
        path: "/org/integrations/webhook-mapping-presets",
        tags,
        summary: "Ready mappings for the generic JSON webhook (Kibana, Datadog), with the payload to configure in each tool (admin)",
      },
    })
    .input(z.void())
    .output(webhookMappingPresetListSchema)
    .query(() => listWebhookMappingPresets()),

  delete: procedureFor("integration:manage")
    .meta({ openapi: { method: "DELETE", path: "/org/services/{serviceId}/integrations/{integrationId}", tags, summary: "Delete an integration key (admin)" } })
    .input(integrationIdInput)
    .output(okSchema)
    .mutation(({ ctx, input }) => ok(integrationKeyService.deleteIntegrationKey(ctx.db, ctx.actor, input))),
});
