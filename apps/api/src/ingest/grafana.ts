import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError, type Config } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import type { Request, Router } from "express";
import { z } from "zod";
import { rawBodyOf } from "../input-guard.js";
import { alertmanagerAlertSchema, notificationFields, notificationRouter } from "./alertmanager.js";

/**
 * Grafana Alerting's webhook contact point payload: Alertmanager's, with Grafana's own fields
 * (https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/).
 */
export const grafanaPayloadSchema = z.object({
  ...notificationFields,
  version: z.string().optional().describe('"1"'),
  orgId: z.number().int().optional(),
  title: z.string().optional(),
  state: z.string().optional().describe("alerting or ok"),
  message: z.string().optional(),
  truncatedAlerts: z.number().int().optional(),
  alerts: z
    .array(
      alertmanagerAlertSchema.extend({
        silenceURL: z.string().optional(),
        dashboardURL: z.string().optional(),
        panelURL: z.string().optional(),
        imageURL: z.string().optional(),
        values: z.record(z.string(), z.number().nullable()).nullable().optional(),
        valueString: z.string().optional(),
      }),
    )
    .min(1)
    .max(1000),
});

/** Grafana's default signature header (its HMAC settings: Header). */
export const GRAFANA_SIGNATURE_HEADER = "X-Grafana-Alerting-Signature";
/** The timestamp header to set in Grafana's HMAC settings (Timestamp Header). */
export const GRAFANA_TIMESTAMP_HEADER = "X-Grafana-Alerting-Signature-Timestamp";
/** A signed timestamp further than this from now is refused (a replay). */
export const GRAFANA_MAX_SKEW_SECONDS = 300;

const invalidSignature = (reason: "missing" | "mismatch" | "stale_timestamp", message: string) => new AppError("INVALID_SIGNATURE", message, { reason });

/**
 * When the integration has a signing secret, the request must carry Grafana's signature: the hex
 * HMAC-SHA256 of the body, or of `timestamp:body` when the timestamp header is sent (then within
 * 5 minutes of now). Compared in constant time; 401 INVALID_SIGNATURE otherwise.
 */
export function checkGrafanaSignature(req: Request, integration: { signingSecret: string | null }, nowMs = Date.now()): void {
  if (integration.signingSecret === null) return;
  const signature = req.get(GRAFANA_SIGNATURE_HEADER);
  if (signature === undefined || signature === "") throw invalidSignature("missing", `This integration requires the ${GRAFANA_SIGNATURE_HEADER} header (Grafana's HMAC signature)`);
  const timestamp = req.get(GRAFANA_TIMESTAMP_HEADER);
  const mac = createHmac("sha256", integration.signingSecret);
  if (timestamp !== undefined) mac.update(`${timestamp}:`);
  const expected = mac.update(rawBodyOf(req)).digest();
  const given = /^[0-9a-f]+$/i.test(signature) ? Buffer.from(signature, "hex") : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalidSignature("mismatch", `The ${GRAFANA_SIGNATURE_HEADER} header does not match the body: check the contact point's HMAC secret`);
  }
  if (timestamp !== undefined && !(/^\d{1,15}$/.test(timestamp) && Math.abs(nowMs / 1000 - Number(timestamp)) <= GRAFANA_MAX_SKEW_SECONDS)) {
    throw invalidSignature("stale_timestamp", `The ${GRAFANA_TIMESTAMP_HEADER} is more than ${GRAFANA_MAX_SKEW_SECONDS} seconds from now: a replay, or a clock to fix`);
  }
}

/** `POST /v1/integrations/grafana/{routingKey}`: Grafana Alerting's webhook contact point. */
export const grafanaRouter = (deps: { db: Db; config: Pick<Config, "ingestRateLimitPerMinute"> }): Router =>
  notificationRouter(deps, {
    path: "/v1/integrations/grafana/:routingKey",
    source: "grafana",
    schema: grafanaPayloadSchema,
    notA: "Not a Grafana Alerting webhook payload",
    checkSignature: (req, integration) => checkGrafanaSignature(req, integration),
  });
