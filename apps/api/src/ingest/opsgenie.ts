import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import {
  actOnOpsgenieAlert,
  AppError,
  createOpsgenieAlert,
  getOpsgenieRequest,
  opsgenieIdentifierTypeSchema,
  type AlertDelivery,
  type Config,
  type OpsgenieAlertAction,
  type OpsgenieRequestOutcome,
} from "@incidentops/core";
import type { Db, IncidentSeverity } from "@incidentops/db";
import { Router, type ErrorRequestHandler, type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { fieldErrorsOf, sendErrorAs, type ErrorResponse, type RenderedError } from "../errors.js";
import { assertAcceptableInput, jsonBodyParser } from "../input-guard.js";
import { keepRaw } from "./raw.js";

// Opsgenie's Alert API (https://docs.opsgenie.com/docs/alert-api), so that its senders work pointed
// here with the base URL and key changed. Requests are processed before the answer (Opsgenie
// processes them later): the 202 and the request status are Opsgenie's all the same.

export const MAX_OPSGENIE_BODY_BYTES = 256 * 1024;

/** Opsgenie keeps the first 130 characters of a message and 15000 of a description: so do we (the alert as sent stays on the timeline). */
const MESSAGE_CHARS = 130;
const DESCRIPTION_CHARS = 15_000;
const truncated = (max: number) => (text: string) => Array.from(text).slice(0, max).join("");

const PRIORITY_SEVERITY: Record<string, IncidentSeverity> = { P1: "sev1", P2: "sev2", P3: "sev3", P4: "sev4", P5: "sev4" };

/** `POST /v2/alerts` (Opsgenie's Create Alert). `responders`, `visibleTo` and `actions` are accepted and not used. */
export const opsgenieCreateAlertSchema = z.object({
  message: z
    .string("Message can not be empty.")
    .trim()
    .min(1, "Message can not be empty.")
    .overwrite(truncated(MESSAGE_CHARS))
    .describe("The incident's title (Opsgenie keeps the first 130 characters: so does this API)"),
  alias: z
    .string()
    .min(1)
    .max(512)
    .optional()
    .describe("De-duplicates like PagerDuty's dedup_key: an alert with the alias of an open incident counts on it. Without one, the alert gets a unique alias"),
  description: z.string().overwrite(truncated(DESCRIPTION_CHARS)).optional(),
  responders: z.array(z.unknown()).optional().describe("Accepted, not used: the service's escalation policy decides who is paged"),
  visibleTo: z.array(z.unknown()).optional().describe("Accepted, not used"),
  actions: z.array(z.unknown()).optional().describe("Accepted, not used"),
  tags: z.array(z.string().max(50)).max(20).optional(),
  details: z.record(z.string(), z.unknown()).optional().describe("Custom properties: values of any JSON type are kept as sent"),
  entity: z.string().max(512).optional(),
  source: z.string().max(100).optional(),
  priority: z.enum(["P1", "P2", "P3", "P4", "P5"]).default("P3").describe("P1 -> sev1, P2 -> sev2, P3 -> sev3, P4 and P5 -> sev4"),
  user: z.string().max(100).optional(),
  note: z.string().max(25_000).optional(),
});

const actor = { user: z.string().max(100).optional(), source: z.string().max(100).optional() };

/** The optional body of acknowledge and close. */
export const opsgenieActionBodySchema = z.object({ ...actor, note: z.string().max(25_000).optional() });

/** `POST /v2/alerts/{identifier}/notes`: a comment on the incident's timeline. */
export const opsgenieNoteBodySchema = z.object({ ...actor, note: z.string("Note can not be empty.").min(1, "Note can not be empty.").max(25_000) });

export const opsgenieIdentifierQuerySchema = z.object({
  identifierType: opsgenieIdentifierTypeSchema
    .default("id")
    .describe("id: the incident's id; alias: its alias (dedup key: the open incident, else the latest); tiny: its tiny id (a number per organisation, given when an Opsgenie request first touches the incident)"),
});

const took = z.number().describe("Seconds the request took here");
const requestId = z.uuid().describe("The request's id: its outcome is at GET /v2/alerts/requests/{requestId}");

/** Opsgenie's answer to an accepted request. */
export const opsgenieAcceptedSchema = z.object({ result: z.literal("Request will be processed"), took, requestId });

/** Opsgenie's Get Request Status answer. */
export const opsgenieRequestStatusSchema = z.object({
  data: z.object({
    success: z.boolean(),
    action: z.enum(["Create", "Acknowledge", "Close", "AddNote"]),
    processedAt: z.string().describe("ISO 8601"),
    integrationId: z.uuid().describe("The integration (routing key) the request came with"),
    isSuccess: z.boolean(),
    status: z.string().describe('What happened: "Created alert", "Closed alert", "Alert does not exist", ...'),
    alertId: z.uuid().optional().describe("The incident the request acted on (absent when there is none)"),
    alias: z.string().optional(),
    tinyId: z.string().optional().describe("The incident's tiny id (identifierType=tiny); not in Opsgenie's answer"),
  }),
  took,
  requestId: z.uuid().describe("This status request's own id"),
});

/** Opsgenie's answer to a refused request: `errors` lists the invalid fields (422). */
export const opsgenieErrorSchema = z.object({
  message: z.string(),
  errors: z.record(z.string(), z.string()).optional(),
  took,
  requestId: z.uuid(),
});
type OpsgenieError = z.infer<typeof opsgenieErrorSchema>;

/** When the request started and its Opsgenie request id. */
interface Timing {
  started: number;
  requestId: string;
}

const tookSince = (timing: Timing) => Math.round(performance.now() - timing.started) / 1000;

/** Our error (errors.ts) in Opsgenie's words and codes (https://docs.opsgenie.com/docs/response). */
export function renderOpsgenieError({ body, headers }: ErrorResponse, request: { took: number; requestId: string }): RenderedError & { body: OpsgenieError } {
  const answer = (httpStatus: number, message: string, errors?: Record<string, string>) => ({
    status: httpStatus,
    headers,
    body: { message, ...(errors === undefined ? {} : { errors }), took: request.took, requestId: request.requestId },
  });
  switch (body.code) {
    case "VALIDATION_FAILED":
      return answer(
        422,
        "Request body is not processable. Please check the errors.",
        Object.fromEntries(Object.entries(body.details.fields).map(([field, messages]) => [field, messages.join("; ")])),
      );
    case "MALFORMED_JSON":
      return answer(400, "Invalid JSON body");
    case "PAYLOAD_TOO_LARGE":
      return answer(413, `Request body is over ${body.details.limitBytes ?? MAX_OPSGENIE_BODY_BYTES} bytes`);
    case "UNAUTHORIZED":
      return answer(401, "Could not authenticate");
    case "NOT_FOUND":
      return answer(404, body.message);
    case "RATE_LIMITED":
      return answer(429, "You are making too many requests! To avoid errors, please retry after the Retry-After seconds.");
    // Opsgenie's senders retry a 5xx: a conflict with a concurrent change is worth retrying too.
    case "SERVICE_UNAVAILABLE":
    case "CONCURRENT_CHANGE":
      return answer(503, "Service unavailable: retry after the Retry-After seconds");
    default:
      return answer(500, "Internal server error: retry");
  }
}

const timingOf = (res: Response): Timing => res.locals.opsgenie as Timing;

function sendOpsgenieError(req: Request, res: Response, thrown: unknown): void {
  const timing = timingOf(res);
  sendErrorAs(req, res, thrown, (response) => renderOpsgenieError(response, { took: tookSince(timing), requestId: timing.requestId }), { route: "opsgenie" });
}

/** The integration key of `Authorization: GenieKey <key>`; 401 without one. */
function genieKeyOf(req: Request): string {
  const match = /^GenieKey\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  if (match?.[1] === undefined) throw new AppError("UNAUTHORIZED", "Send the integration key as Authorization: GenieKey <key>");
  assertAcceptableInput({ authorization: match[1] });
  return match[1];
}

/** Parses with `schema`, or 422 naming the fields (Opsgenie's `errors`). */
function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  assertAcceptableInput(value);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", `Not a valid ${what}`, { fields: fieldErrorsOf(parsed.error.issues) });
  return parsed.data;
}

interface Deps {
  db: Db;
  config: Pick<Config, "ingestRateLimitPerMinute">;
}

const deliveryOf = (deps: Deps, req: Request): AlertDelivery => ({
  routingKey: genieKeyOf(req),
  requestId: req.id,
  log: req.log,
  limitPerMinute: deps.config.ingestRateLimitPerMinute,
});

/** A request's work: from the (guarded) request to what it did. */
type Accept = (deps: Deps, req: Request, requestId: string) => Promise<OpsgenieRequestOutcome>;

const acceptCreate: Accept = (deps, req, requestId) => {
  const alert = parse(opsgenieCreateAlertSchema, req.body, "Create Alert request");
  return createOpsgenieAlert(deps.db, deliveryOf(deps, req), requestId, {
    action: "trigger",
    dedupKey: alert.alias,
    summary: alert.message,
    severity: PRIORITY_SEVERITY[alert.priority] ?? "sev3",
    // The alert as sent (details of any JSON type included); the key travels in a header, never here.
    raw: keepRaw(req.body),
  });
};

const ACTIONS = {
  acknowledge: { action: "Acknowledge", body: opsgenieActionBodySchema },
  close: { action: "Close", body: opsgenieActionBodySchema },
  notes: { action: "AddNote", body: opsgenieNoteBodySchema },
} as const;

const acceptAction =
  (kind: keyof typeof ACTIONS): Accept =>
  (deps, req, requestId) => {
    const identifier = String(req.params.identifier);
    assertAcceptableInput({ identifier });
    const { identifierType } = parse(opsgenieIdentifierQuerySchema, req.query, "identifierType");
    const body = parse(ACTIONS[kind].body, req.body ?? {}, "request body");
    const action: OpsgenieAlertAction = { action: ACTIONS[kind].action, identifier, identifierType, ...body, raw: keepRaw({ identifier, identifierType, ...body }) };
    return actOnOpsgenieAlert(deps.db, deliveryOf(deps, req), requestId, action);
  };

/** The request status as Opsgenie answers it. */
export function requestStatusOf(outcome: OpsgenieRequestOutcome) {
  return {
    success: outcome.isSuccess,
    action: outcome.action,
    processedAt: outcome.processedAt.toISOString(),
    integrationId: outcome.integrationId,
    isSuccess: outcome.isSuccess,
    status: outcome.status,
    ...(outcome.alertId === null ? {} : { alertId: outcome.alertId }),
    ...(outcome.alias === null ? {} : { alias: outcome.alias }),
    ...(outcome.tinyId === null ? {} : { tinyId: outcome.tinyId }),
  };
}

/**
 * Opsgenie's Alert API: `POST /v2/alerts`, `POST /v2/alerts/{identifier}/acknowledge|close|notes`
 * and `GET /v2/alerts/requests/{requestId}`, authenticated by `Authorization: GenieKey <routing key>`.
 * Answers are Opsgenie's: `{ result, took, requestId }`, and `{ message, took, requestId }` for a refusal.
 */
export function opsgenieRouter(deps: Deps): Router {
  const start = (_req: Request, res: Response, next: NextFunction) => {
    res.locals.opsgenie = { started: performance.now(), requestId: randomUUID() } satisfies Timing;
    next();
  };
  const handle = (accept: Accept) => async (req: Request, res: Response) => {
    const timing = timingOf(res);
    try {
      await accept(deps, req, timing.requestId);
      res.status(202).json({ result: "Request will be processed", took: tookSince(timing), requestId: timing.requestId } satisfies z.infer<typeof opsgenieAcceptedSchema>);
    } catch (error) {
      sendOpsgenieError(req, res, error);
    }
  };
  const status = async (req: Request, res: Response) => {
    const timing = timingOf(res);
    try {
      const outcome = await getOpsgenieRequest(deps.db, genieKeyOf(req), String(req.params.requestId));
      res.json({ data: requestStatusOf(outcome), took: tookSince(timing), requestId: timing.requestId } satisfies z.infer<typeof opsgenieRequestStatusSchema>);
    } catch (error) {
      sendOpsgenieError(req, res, error);
    }
  };
  // Opsgenie's senders send application/json; some omit the header: read every body as JSON.
  const json = jsonBodyParser({ limit: MAX_OPSGENIE_BODY_BYTES, anyContentType: true });
  const router = Router();
  router.use("/v2/alerts", start);
  router.post("/v2/alerts", json, handle(acceptCreate));
  router.get("/v2/alerts/requests/:requestId", status);
  router.post("/v2/alerts/:identifier/acknowledge", json, handle(acceptAction("acknowledge")));
  router.post("/v2/alerts/:identifier/close", json, handle(acceptAction("close")));
  router.post("/v2/alerts/:identifier/notes", json, handle(acceptAction("notes")));
  // The body parser's refusals (too large, not JSON, too deep), in the same format.
  router.use("/v2/alerts", ((error, req, res, _next) => sendOpsgenieError(req, res, error)) satisfies ErrorRequestHandler);
  return router;
}
