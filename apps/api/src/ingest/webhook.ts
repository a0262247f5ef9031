import { AppError, alertOfMappedPayload, ingestAlerts, refuseUnsignedRoute, type Config } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { sendIngestionError } from "../errors.js";
import { assertAcceptableInput, jsonBodyParser } from "../input-guard.js";
import { keepRaw } from "./raw.js";

/** Any JSON object: the integration's mapping says where the alert is in it. */
export const webhookPayloadSchema = z.record(z.string(), z.unknown()).describe("Any JSON object; the integration's mapping (JSON Pointers) reads it");

/** What the alert did. */
export const webhookAcceptedSchema = z.object({
  status: z.literal("success"),
  dedupKey: z.string().describe("The mapped dedup key (or a new one for a trigger without it)"),
  outcome: z.enum(["created", "deduplicated", "acknowledged", "resolved", "ignored", "suppressed"]).describe("suppressed: a maintenance window holds on the service (recorded there, no incident)"),
  incidentId: z.uuid().nullable(),
});

/**
 * `POST /v1/integrations/webhook/{routingKey}`: one alert per request, read from any JSON object
 * by the integration's mapping (400 UNMAPPED_PAYLOAD when it cannot be read).
 */
export function webhookRouter(deps: { db: Db; config: Pick<Config, "ingestRateLimitPerMinute"> }): Router {
  const handle = async (req: Request<{ routingKey: string }>, res: Response) => {
    try {
      assertAcceptableInput({ routingKey: req.params.routingKey });
      assertAcceptableInput(req.body);
      const parsed = webhookPayloadSchema.safeParse(req.body);
      if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The webhook takes a JSON object", { fields: { "(body)": ["must be a JSON object"] } });
      const payload = parsed.data;
      const [result] = await ingestAlerts(
        deps.db,
        { routingKey: req.params.routingKey, requestId: req.id, log: req.log, limitPerMinute: deps.config.ingestRateLimitPerMinute },
        (integration) => {
          refuseUnsignedRoute(integration);
          return { alerts: [alertOfMappedPayload(integration.mapping, payload, keepRaw(payload))] };
        },
      );
      if (result === undefined) throw new Error("one alert in, no result out");
      res.status(202).json({ status: "success", ...result } satisfies z.infer<typeof webhookAcceptedSchema>);
    } catch (error) {
      sendIngestionError(req, res, error, { route: "webhook" });
    }
  };

  const router = Router();
  router.post("/v1/integrations/webhook/:routingKey", jsonBodyParser({ limit: "1mb" }), handle);
  return router;
}
