import { apiKeySchema, apiKeyScopeSchema, apiKeyService, createdApiKeySchema, pageSchema } from "@incidentops/core";
import { z } from "zod";
import { procedureFor, router } from "../trpc.js";
import { pageInput } from "./shared.js";

const tags = ["api keys"];

// Managed by admins signed in as themselves: the policy refuses every API key here.
export const apiKeysRouter = router({
  list: procedureFor("api-key:read")
    .meta({ openapi: { method: "GET", path: "/org/api-keys", tags, summary: "The org's API keys, newest first (admin); secrets are never shown" } })
    .input(z.object(pageInput))
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
    })
    .input(
      z.object({
        name: z.string().trim().min(1).max(200),
        scope: apiKeyScopeSchema,
        expiresAt: z.iso.datetime({ offset: true }).optional().describe("ISO-8601, in the future; omitted: never expires"),
      }),
    )
    .output(createdApiKeySchema)
    .mutation(({ ctx, input }) => apiKeyService.createApiKey(ctx.db, ctx.actor, input)),

  revoke: procedureFor("api-key:manage")
    .meta({ openapi: { method: "POST", path: "/org/api-keys/{keyId}/revoke", tags, summary: "Revoke an API key at once (admin); revoking twice is harmless" } })
    .input(z.object({ keyId: z.uuid() }))
    .output(apiKeySchema)
    .mutation(({ ctx, input }) => apiKeyService.revokeApiKey(ctx.db, ctx.actor, input.keyId)),
});
