import { apiKeyIdInput, apiKeySchema, apiKeyService, createApiKeyInput, createdApiKeySchema, pageQuerySchema, pageSchema } from "@incidentops/core";
import { procedureFor, router } from "../trpc.js";

const tags = ["api keys"];

// Managed by admins signed in as themselves: the policy refuses every API key here.
export const apiKeysRouter = router({
  list: procedureFor("api-key:read")
    .meta({ openapi: { method: "GET", path: "/org/api-keys", tags, summary: "The org's API keys, newest first (admin); secrets are never shown" } })
    .input(pageQuerySchema)
    .output(pageSchema(apiKeySchema))
    .query(({ ctx, input }) => apiKeyService.listApiKeys(ctx.db, ctx.actor, input)),

  create: procedureFor("api-key:manage")
    .meta({
      openapi: {
        method: "POST",
        path: "/org/api-keys",
        tags,
        summary: "Create an API key (admin); the response alone carries the secret",
        description: "Send the secret as `Authorization: Bearer <secret>` or `x-api-key: <secret>`.",
      },
      successStatus: 201,
      answersSecret: true,
    })
    .input(createApiKeyInput)
    .output(createdApiKeySchema)
    .mutation(({ ctx, input }) => apiKeyService.createApiKey(ctx.db, ctx.actor, input)),

  revoke: procedureFor("api-key:manage")
    .meta({ openapi: { method: "POST", path: "/org/api-keys/{keyId}/revoke", tags, summary: "Revoke an API key at once (admin); revoking twice is harmless" } })
    .input(apiKeyIdInput)
    .output(apiKeySchema)
    .mutation(({ ctx, input }) => apiKeyService.revokeApiKey(ctx.db, ctx.actor, input)),
});
