import { z } from "zod";
import { serviceIdInput } from "../catalog/schema.js";
import { isoDateTime } from "../schema.js";

/** A routing key alerts are sent with, opening incidents on one service. */
export const integrationKeySchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  name: z.string(),
  routingKey: z.string().describe("Set it as the routing_key of PagerDuty Events v2 clients, or in the Alertmanager URL"),
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
