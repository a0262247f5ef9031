import { z } from "zod";
import { instantInput, isoDateTime } from "../schema.js";

export const apiKeyScopeSchema = z
  .enum(["read", "write"])
  .describe("read: queries only; write: what a member may do. Keys never manage members or keys.");

export const apiKeyStatusSchema = z.enum(["active", "revoked", "expired"]);

/** An API key as lists and reads show it: never the secret, only its first characters. */
export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scope: apiKeyScopeSchema,
  prefix: z.string().describe("The first characters of the secret, to tell keys apart"),
  createdBy: z.uuid().nullable(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime.nullable(),
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
  status: apiKeyStatusSchema,
});
export type ApiKey = z.infer<typeof apiKeySchema>;

/** The creation response: the key plus its secret, shown this once. */
export const createdApiKeySchema = apiKeySchema.extend({
  secret: z.string().describe("The key itself (iok_...), shown only in this response: store it now"),
});
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1).max(200),
  scope: apiKeyScopeSchema,
  expiresAt: instantInput.optional().describe("ISO-8601, in the future; omitted: never expires"),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const apiKeyIdInput = z.object({ keyId: z.uuid() });
export type ApiKeyIdInput = z.infer<typeof apiKeyIdInput>;
