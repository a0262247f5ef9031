import { AppError, hitWindowCounter, processAlert, type Config } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import express, { Router, type ErrorRequestHandler, type Request, type Response } from "express";
import { z } from "zod";
import { requestIdOf } from "../context.js";
import { keepRaw } from "./raw.js";

// PagerDuty's own limit for an Events API v2 request.
const MAX_EVENT_BYTES = 512 * 1024;

const SEVERITY = { critical: "sev1", error: "sev2", warning: "sev3", info: "sev4" } as const;

/** PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/). */
const eventSchema = z
  .object({
    routing_key: z.string().min(1, "routing_key is required").max(128),
    event_action: z.enum(["trigger", "acknowledge", "resolve"], "event_action must be one of trigger, acknowledge, resolve"),
    dedup_key: z.string().min(1).max(255).optional(),
    payload: z
      .object({
        summary: z.string().min(1).max(1024),
        source: z.string().min(1).max(255),
        severity: z.enum(["critical", "error", "warning", "info"]),
        timestamp: z.iso.datetime({ offset: true }).optional(),
        component: z.string().max(255).optional(),
        group: z.string().max(255).optional(),
        class: z.string().max(255).optional(),
        custom_details: z.unknown().optional(),
      })
      .optional(),
    links: z.array(z.object({ href: z.string(), text: z.string().optional() })).optional(),
    images: z.array(z.object({ src: z.string(), href: z.string().optional(), alt: z.string().optional() })).optional(),
    client: z.string().max(255).optional(),
    client_url: z.string().max(1024).optional(),
  })
  .superRefine((event, ctx) => {
    if (event.event_action === "trigger" && event.payload === undefined) {
      ctx.addIssue({ code: "custom", path: ["payload"], message: "payload is required for trigger events" });
    }
    if (event.event_action !== "trigger" && event.dedup_key === undefined) {
      ctx.addIssue({ code: "custom", path: ["dedup_key"], message: `dedup_key is required for ${event.event_action} events` });
    }
  });

function invalid(res: Response, status: number, message: string, errors: string[]): void {
  res.status(status).json({ status: "invalid event", message, errors });
}

/**
 * `POST /v2/enqueue` (and `POST /v1/events`): any PagerDuty Events v2 client pointed here works
 * unchanged. Answers in PagerDuty's format, not ours: 202 `{ status, message, dedup_key }`.
 */
export function pagerDutyEventsRouter(deps: { db: Db; config: Pick<Config, "ingestRateLimitPerMinute"> }): Router {
  const handle = async (req: Request, res: Response) => {
    const parsed = eventSchema.safeParse(req.body);
    if (!parsed.success) {
      invalid(
        res,
        400,
        "Event object is invalid",
        parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message)),
      );
      return;
    }
    const event = parsed.data;
    // Per routing key, counted in PostgreSQL so every replica shares the window.
    const hit = await hitWindowCounter(deps.db, `ingest:${event.routing_key}`, 60_000);
    if (hit.hits > deps.config.ingestRateLimitPerMinute) {
      res.setHeader("Retry-After", String(Math.ceil(hit.resetInMs / 1000)));
      res.status(429).json({
        status: "throttle event",
        message: "Too many events for this routing key",
        errors: [`over ${deps.config.ingestRateLimitPerMinute} events per minute: retry after the Retry-After seconds`],
      });
      return;
    }
    try {
      const result = await processAlert(
        deps.db,
        {
          routingKey: event.routing_key,
          action: event.event_action,
          dedupKey: event.dedup_key,
          summary: event.payload?.summary ?? "",
          severity: event.payload === undefined ? "sev3" : SEVERITY[event.payload.severity],
          // The routing key is a credential: it stays off the timeline.
          raw: keepRaw({ ...event, routing_key: undefined }),
        },
        requestIdOf(req),
      );
      res.status(202).json({ status: "success", message: "Event processed", dedup_key: result.dedupKey });
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") {
        invalid(res, 404, "Routing key not found", ["routing_key does not match any integration"]);
        return;
      }
      req.log.error({ err: error }, "event processing failed");
      res.status(500).json({ status: "error", message: "Event could not be processed: retry" });
    }
  };

  const bodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, next) => {
    if (error.type === "entity.too.large") invalid(res, 413, "Request too large", [`the body is over ${MAX_EVENT_BYTES} bytes`]);
    else if (error.type === "entity.parse.failed") invalid(res, 400, "Event object is invalid", ["the body is not valid JSON"]);
    else next(error);
  };

  // Events tools send application/json; some omit the header: read every body as JSON.
  const json = express.json({ limit: MAX_EVENT_BYTES, type: () => true });
  const router = Router();
  router.post("/v2/enqueue", json, handle);
  router.post("/v1/events", json, handle);
  router.use(bodyErrors);
  return router;
}
