import { z } from "zod";
import { isoDateTime } from "../schemas.js";

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
