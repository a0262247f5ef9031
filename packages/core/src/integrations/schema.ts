import { z } from "zod";
import { serviceIdInput } from "../catalog/schema.js";
import { isoDateTime, severitySchema } from "../schema.js";

/**
 * How an Alertmanager or Grafana notification becomes incidents: `group` opens one incident per
 * notification group (`groupKey`), `alert` one per alert (its fingerprint).
 */
export const groupingSchema = z.enum(["group", "alert"]).describe("group: one incident per Alertmanager/Grafana group (groupKey); alert: one per alert fingerprint");
export type Grouping = z.infer<typeof groupingSchema>;

/** A JSON Pointer (RFC 6901): empty (the whole document) or `/`-separated tokens, `~0` for `~` and `~1` for `/`. */
export const jsonPointerSchema = z
  .string()
  .max(500)
  .regex(/^(\/([^~]|~[01])*)*$/, "Not a JSON Pointer (RFC 6901): empty, or starting with / (escape ~ as ~0 and / as ~1)")
  .describe("A JSON Pointer (RFC 6901) into the received payload, e.g. /alert/id");

const mappedValues = z.array(z.string().max(200)).max(50);

/** Where the generic webhook reads each part of an alert in the payload it receives. */
export const webhookMappingSchema = z.object({
  dedupKey: jsonPointerSchema.optional().describe("Alerts with the same value count on one open incident; without it every trigger opens a new one and resolve cannot find it"),
  title: jsonPointerSchema.describe("The incident's title (required in every payload)"),
  severity: z
    .object({
      pointer: jsonPointerSchema,
      values: z.record(z.string().max(200), severitySchema).default({}).describe("Received value -> severity; values not listed (or a missing field) get `default`"),
      default: severitySchema.default("sev3"),
    })
    .optional()
    .describe("Without it, every incident is sev3"),
  action: z
    .object({
      pointer: jsonPointerSchema,
      trigger: mappedValues.default([]).describe("Values that trigger; empty: every value not listed under resolve or acknowledge triggers"),
      resolve: mappedValues.default([]),
      acknowledge: mappedValues.default([]),
    })
    .optional()
    .describe("Without it, every payload triggers"),
});
export type WebhookMapping = z.infer<typeof webhookMappingSchema>;

/** A routing key alerts are sent with, opening incidents on one service. */
export const integrationKeySchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  name: z.string(),
  routingKey: z.string().describe("Set it as the routing_key of PagerDuty Events v2 clients, or in the Alertmanager, Grafana or webhook URL"),
  grouping: groupingSchema,
  signingSecretSet: z.boolean().describe("Whether Grafana requests must carry a valid X-Grafana-Alerting-Signature (the secret itself is never returned)"),
  mapping: webhookMappingSchema.nullable().describe("How the generic JSON webhook reads payloads; null: the webhook refuses them"),
  createdBy: z.uuid().nullable(),
  createdAt: isoDateTime,
});
export type IntegrationKey = z.infer<typeof integrationKeySchema>;

export const integrationKeyListSchema = z.object({ items: z.array(integrationKeySchema) });
export type IntegrationKeyList = z.infer<typeof integrationKeyListSchema>;

export const createIntegrationKeyInput = serviceIdInput.extend({ name: z.string().trim().min(1).max(200) });
export type CreateIntegrationKeyInput = z.infer<typeof createIntegrationKeyInput>;

export const integrationIdInput = serviceIdInput.extend({ integrationId: z.uuid() });
export type IntegrationIdInput = z.infer<typeof integrationIdInput>;

/** A change of settings: fields left out stay as they are; null clears the secret or the mapping. */
export const updateIntegrationSettingsInput = integrationIdInput.extend({
  grouping: groupingSchema.optional(),
  signingSecret: z.string().min(16).max(256).nullable().optional().describe("Grafana's HMAC secret (write-only); null removes it"),
  mapping: webhookMappingSchema.nullable().optional(),
});
export type UpdateIntegrationSettingsInput = z.infer<typeof updateIntegrationSettingsInput>;

/** A ready mapping for a tool, with the payload template to paste into it. */
export const webhookMappingPresetSchema = z.object({
  id: z.enum(["kibana", "datadog"]),
  name: z.string(),
  mapping: webhookMappingSchema,
  payloadTemplate: z.string().describe("The body to configure in the sending tool"),
});
export type WebhookMappingPreset = z.infer<typeof webhookMappingPresetSchema>;

export const webhookMappingPresetListSchema = z.object({ items: z.array(webhookMappingPresetSchema) });
export type WebhookMappingPresetList = z.infer<typeof webhookMappingPresetListSchema>;
