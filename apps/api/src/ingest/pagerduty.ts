import { ingestAlerts, type Config } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import { Router, type ErrorRequestHandler, type Request, type Response } from "express";
import { z } from "zod";
import { requestIdOf } from "../context.js";
import { logUnexpected, toErrorResponse, type ErrorResponse } from "../errors.js";
import { assertAcceptableInput, jsonBodyParser } from "../input-guard.js";
import { keepRaw } from "./raw.js";

// PagerDuty's own limit for an Events API v2 request.
export const MAX_EVENT_BYTES = 512 * 1024;

const SEVERITY = { critical: "sev1", error: "sev2", warning: "sev3", info: "sev4" } as const;

/** PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/). */
export const pagerDutyEventSchema = z
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

/** PagerDuty's answer to an accepted event. */
export const pagerDutyAcceptedSchema = z.object({
  status: z.literal("success"),
  message: z.string(),
  dedup_key: z.string().describe("The event's dedup key: the one sent, or the one generated for a trigger without one"),
});

/** PagerDuty's answer to a refused event: `status` says what kind of refusal it is. */
export const pagerDutyErrorSchema = z.object({
  status: z.enum(["invalid event", "throttle event", "error"]),
  message: z.string(),
  errors: z.array(z.string()),
});
type PagerDutyError = z.infer<typeof pagerDutyErrorSchema>;

/** The field errors of a refused event as PagerDuty lists them: `payload.summary: Required`. */
const listFieldErrors = (fields: Record<string, string[]>) =>
  Object.entries(fields).flatMap(([field, messages]) => messages.map((m) => (field === "(body)" ? m : `${field}: ${m}`)));

/** Our error (errors.ts) in PagerDuty's words, so Events v2 clients understand it (and retry only 429 and 5xx). */
export function renderPagerDutyError({ status, body, headers }: ErrorResponse): { status: number; headers: Record<string, string>; body: PagerDutyError } {
  const answer = (pdStatus: PagerDutyError["status"], message: string, errors: string[]) => ({ status, headers, body: { status: pdStatus, message, errors } });
  switch (body.code) {
    case "VALIDATION_FAILED":
      return answer("invalid event", "Event object is invalid", listFieldErrors(body.details.fields));
    case "MALFORMED_JSON":
      return answer("invalid event", "Event object is invalid", ["the body is not valid JSON"]);
    case "PAYLOAD_TOO_LARGE":
      return answer("invalid event", "Request too large", [`the body is over ${body.details.limitBytes ?? MAX_EVENT_BYTES} bytes`]);
    case "NOT_FOUND":
      return answer("invalid event", "Routing key not found", ["routing_key does not match any integration"]);
    case "RATE_LIMITED":
      return answer("throttle event", "Too many events for this routing key", [body.message]);
    case "SERVICE_UNAVAILABLE":
      return answer("error", "Event could not be processed now: retry after the Retry-After seconds", []);
    default:
      return { status: 500, headers, body: { status: "error", message: "Event could not be processed: retry", errors: [] } };
  }
}

function sendPagerDutyError(req: Request, res: Response, thrown: unknown): void {
  const response = toErrorResponse(thrown, requestIdOf(req));
  logUnexpected(req.log, thrown, response, { route: req.path });
  const { status, headers, body } = renderPagerDutyError(response);
  res.status(status).set(headers).json(body);
}

/**
 * `POST /v2/enqueue` (and `POST /v1/events`): any PagerDuty Events v2 client pointed here works
 * unchanged. Answers in PagerDuty's format, not ours: 202 `{ status, message, dedup_key }`, and
 * `{ status, message, errors }` for a refusal.
 */
export function pagerDutyEventsRouter(deps: { db: Db; config: Pick<Config, "ingestRateLimitPerMinute"> }): Router {
  const handle = async (req: Request, res: Response) => {
    try {
      // A poison event (NUL characters, absurd nesting) is an invalid event: never retried.
      assertAcceptableInput(req.body);
      const event = pagerDutyEventSchema.parse(req.body);
      const [result] = await ingestAlerts(
        deps.db,
        { routingKey: event.routing_key, requestId: requestIdOf(req), limitPerMinute: deps.config.ingestRateLimitPerMinute },
        [
          {
            action: event.event_action,
            dedupKey: event.dedup_key,
            summary: event.payload?.summary ?? "",
            severity: event.payload === undefined ? "sev3" : SEVERITY[event.payload.severity],
            // The routing key is a credential: it stays off the timeline.
            raw: keepRaw({ ...event, routing_key: undefined }),
          },
        ],
      );
      if (result === undefined) throw new Error("an accepted event has a result");
      res.status(202).json({ status: "success", message: "Event processed", dedup_key: result.dedupKey } satisfies z.infer<typeof pagerDutyAcceptedSchema>);
    } catch (error) {
      sendPagerDutyError(req, res, error);
    }
  };

  // Events tools send application/json; some omit the header: read every body as JSON.
  const json = jsonBodyParser({ limit: MAX_EVENT_BYTES, anyContentType: true });
  const router = Router();
  router.post("/v2/enqueue", json, handle);
  router.post("/v1/events", json, handle);
  // The body parser's refusals (too large, not JSON), in the same format.
  router.use(((error, req, res, _next) => sendPagerDutyError(req, res, error)) satisfies ErrorRequestHandler);
  return router;
}
