import { ingestAlerts, ingestChangeEvent, readSentTime, type Alert, type Config } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { expressLikeMatcher, servedAs, settleServed, splitUrl, type ServeBeforeExpress } from "../before-express.js";
import { sendErrorAs, type ErrorResponse } from "../errors.js";
import { assertAcceptableInput, jsonBodyParser, parsedBodyOf } from "../input-guard.js";
import { writeJson } from "../json-response.js";
import { keepRaw } from "./raw.js";

// PagerDuty's own limit for an Events API request.
export const MAX_EVENT_BYTES = 512 * 1024;

const SEVERITY = { critical: "sev1", error: "sev2", warning: "sev3", info: "sev4" } as const;

/**
 * PagerDuty reads `timestamp` leniently and never refuses an event over it, so neither do we: any
 * value is taken, read where it can be (readSentTime), and kept raw with a note where it cannot.
 */
const sentTimestamp = z.unknown().optional().describe("When the sending tool saw it (ISO 8601 in any form, RFC 2822). Never a reason to refuse the event: one that cannot be read is kept raw and noted");

const links = z.array(z.object({ href: z.string(), text: z.string().optional() })).optional();

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
        timestamp: sentTimestamp,
        component: z.string().max(255).optional(),
        group: z.string().max(255).optional(),
        class: z.string().max(255).optional(),
        custom_details: z.unknown().optional(),
      })
      .optional(),
    links,
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

/** PagerDuty Change Events (https://developer.pagerduty.com/docs/events-api-v2/send-change-events/). */
export const pagerDutyChangeEventSchema = z.object({
  routing_key: z.string().min(1, "routing_key is required").max(128),
  payload: z.object({
    summary: z.string().min(1).max(1024),
    timestamp: sentTimestamp,
    source: z.string().max(255).optional(),
    custom_details: z.unknown().optional(),
  }),
  links,
});

export const pagerDutyChangeAcceptedSchema = z.object({ status: z.literal("success"), message: z.string() });

/**
 * PagerDuty's legacy Events API v1 (`/generic/2010-04-15/create_event.json`), still sent by old
 * Nagios, Zabbix and cron scripts. It has no severity: its triggers open `sev2` incidents (error).
 */
export const pagerDutyV1EventSchema = z
  .object({
    service_key: z.string().min(1, "service_key is required").max(128),
    event_type: z.enum(["trigger", "acknowledge", "resolve"], "event_type must be one of trigger, acknowledge, resolve"),
    incident_key: z.string().min(1).max(255).optional(),
    description: z.string().min(1).max(1024).optional(),
    details: z.unknown().optional(),
    client: z.string().max(255).optional(),
    client_url: z.string().max(1024).optional(),
    contexts: z.array(z.unknown()).optional(),
  })
  .superRefine((event, ctx) => {
    if (event.event_type === "trigger" && event.description === undefined) {
      ctx.addIssue({ code: "custom", path: ["description"], message: "description is required for trigger events" });
    }
    if (event.event_type !== "trigger" && event.incident_key === undefined) {
      ctx.addIssue({ code: "custom", path: ["incident_key"], message: `incident_key is required for ${event.event_type} events` });
    }
  });

export const pagerDutyV1AcceptedSchema = z.object({
  status: z.literal("success"),
  message: z.string(),
  incident_key: z.string().describe("The incident key: the one sent, or the one generated for a trigger without one"),
});

/** PagerDuty's answer to a refused event: `status` says what kind of refusal it is. */
export const pagerDutyErrorSchema = z.object({
  status: z.enum(["invalid event", "throttle event", "error"]),
  message: z.string(),
  errors: z.array(z.string()),
});
type PagerDutyError = z.infer<typeof pagerDutyErrorSchema>;

/** Which PagerDuty API answers: Events v2 (alerts and changes) or the legacy v1. */
export type PagerDutyDialect = "v2" | "v1";

/** The field errors of a refused event as PagerDuty lists them: `payload.summary: Required`. */
const listFieldErrors = (fields: Record<string, string[]>) =>
  Object.entries(fields).flatMap(([field, messages]) => messages.map((m) => (field === "(body)" ? m : `${field}: ${m}`)));

/**
 * Our error (errors.ts) in PagerDuty's words, so Events clients understand it: a 400 is never
 * retried (an unknown routing key included, as PagerDuty answers it), 429 (v1: 403) and 5xx are.
 */
export function renderPagerDutyError(
  { status, body, headers }: ErrorResponse,
  dialect: PagerDutyDialect = "v2",
): { status: number; headers: Record<string, string>; body: PagerDutyError } {
  const answer = (httpStatus: number, pdStatus: PagerDutyError["status"], message: string, errors: string[]) => ({ status: httpStatus, headers, body: { status: pdStatus, message, errors } });
  switch (body.code) {
    case "VALIDATION_FAILED":
      return answer(400, "invalid event", "Event object is invalid", listFieldErrors(body.details.fields));
    case "MALFORMED_JSON":
      return answer(400, "invalid event", "Event object is invalid", ["the body is not valid JSON"]);
    case "PAYLOAD_TOO_LARGE":
      return answer(status, "invalid event", "Request too large", [`the body is over ${body.details.limitBytes ?? MAX_EVENT_BYTES} bytes`]);
    case "NOT_FOUND":
      return answer(400, "invalid event", "Event object is invalid", [dialect === "v1" ? "Invalid service key" : "Invalid routing key"]);
    case "RATE_LIMITED":
      return answer(dialect === "v1" ? 403 : 429, "throttle event", "Too many events for this routing key", [body.message]);
    // Events clients retry a 5xx: a conflict with a concurrent change is worth retrying too.
    case "SERVICE_UNAVAILABLE":
    case "CONCURRENT_CHANGE":
      return answer(503, "error", "Event could not be processed now: retry after the Retry-After seconds", []);
    default:
      return answer(500, "error", "Event could not be processed: retry", []);
  }
}

function sendPagerDutyError(req: IncomingMessage, res: ServerResponse, thrown: unknown, route: EventRoute): void {
  sendErrorAs(req, res, thrown, (response) => renderPagerDutyError(response, route.dialect), { route: route.path });
}

interface Deps {
  db: Db;
  config: Pick<Config, "ingestRateLimitPerMinute">;
}

/** A route's work: from the (guarded) body to PagerDuty's success answer. */
type Accept = (deps: Deps, body: unknown, req: IncomingMessage) => Promise<{ status: number; body: unknown }>;

const deliveryOf = (deps: Deps, routingKey: string, req: IncomingMessage) => ({
  routingKey,
  requestId: req.id,
  log: req.log,
  limitPerMinute: deps.config.ingestRateLimitPerMinute,
});

/** Ingests the one alert an event carries, sent with `routingKey`. */
async function ingestOne(deps: Deps, routingKey: string, req: IncomingMessage, alert: Alert) {
  const [result] = await ingestAlerts(deps.db, deliveryOf(deps, routingKey, req), [alert]);
  if (result === undefined) throw new Error("an accepted event has a result");
  return result;
}

/**
 * PagerDuty reads `payload` only on triggers: an acknowledge or resolve is never refused over it
 * (some senders repeat the trigger's payload, as they built it, on the resolve), so it is dropped
 * from those before they are read.
 */
function withoutUnreadPayload(body: unknown): unknown {
  if (typeof body !== "object" || body === null || !("event_action" in body) || body.event_action === "trigger") return body;
  return { ...body, payload: undefined };
}

/** An event's `class` ("the class/type of the event") as the type of the incident it opens: trimmed, at most 100 characters; none when blank. */
const incidentTypeOf = (eventClass: string | undefined): string | undefined => {
  const type = eventClass?.trim().slice(0, 100).trim();
  return type === undefined || type === "" ? undefined : type;
};

const acceptEvent: Accept = async (deps, body, req) => {
  const event = pagerDutyEventSchema.parse(withoutUnreadPayload(body));
  const result = await ingestOne(deps, event.routing_key, req, {
    action: event.event_action,
    dedupKey: event.dedup_key,
    summary: event.payload?.summary ?? "",
    severity: event.payload === undefined ? "sev3" : SEVERITY[event.payload.severity],
    type: incidentTypeOf(event.payload?.class),
    // The routing key is a credential: it stays off the timeline.
    raw: keepRaw({ ...event, routing_key: undefined }),
    sentTime: readSentTime(event.payload?.timestamp),
  });
  return { status: 202, body: { status: "success", message: "Event processed", dedup_key: result.dedupKey } satisfies z.infer<typeof pagerDutyAcceptedSchema> };
};

const acceptChangeEvent: Accept = async (deps, body, req) => {
  const event = pagerDutyChangeEventSchema.parse(body);
  const sentTime = readSentTime(event.payload.timestamp);
  await ingestChangeEvent(deps.db, deliveryOf(deps, event.routing_key, req), {
    summary: event.payload.summary,
    source: event.payload.source ?? null,
    occurredAt: sentTime?.at,
    customDetails: event.payload.custom_details === undefined ? undefined : keepRaw(event.payload.custom_details),
    links: event.links ?? [],
    notes: sentTime?.note === undefined ? [] : [sentTime.note],
  });
  return { status: 202, body: { status: "success", message: "Change event processed" } satisfies z.infer<typeof pagerDutyChangeAcceptedSchema> };
};

const acceptV1Event: Accept = async (deps, body, req) => {
  const event = pagerDutyV1EventSchema.parse(body);
  const result = await ingestOne(deps, event.service_key, req, {
    action: event.event_type,
    dedupKey: event.incident_key,
    summary: event.description ?? "",
    severity: "sev2",
    raw: keepRaw({ ...event, service_key: undefined }),
  });
  return { status: 200, body: { status: "success", message: "Event processed", incident_key: result.dedupKey } satisfies z.infer<typeof pagerDutyV1AcceptedSchema> };
};

/** One of the Events APIs' routes: its path, what it accepts, in whose words it answers. */
interface EventRoute {
  path: string;
  accept: Accept;
  dialect: PagerDutyDialect;
}

const EVENT_ROUTES: readonly EventRoute[] = [
  { path: "/v2/enqueue", accept: acceptEvent, dialect: "v2" },
  { path: "/v1/events", accept: acceptEvent, dialect: "v2" },
  { path: "/v2/change/enqueue", accept: acceptChangeEvent, dialect: "v2" },
  { path: "/generic/2010-04-15/create_event.json", accept: acceptV1Event, dialect: "v1" },
];

/**
 * PagerDuty's Events APIs: any client pointed here works unchanged. `POST /v2/enqueue` (and
 * `POST /v1/events`) take alerts, `POST /v2/change/enqueue` change events, and
 * `POST /generic/2010-04-15/create_event.json` the legacy v1 events. Answers are PagerDuty's, not
 * ours: `{ status, message, ... }`, and `{ status, message, errors }` for a refusal. Served before
 * express (before-express.ts): a storm's alerts come this way. No REST operation takes these
 * methods and paths (`POST /v1/events` included), so express would have routed them here too.
 */
export function pagerDutyEvents(deps: Deps): ServeBeforeExpress {
  const routes = EVENT_ROUTES.map((route) => ({ ...route, match: expressLikeMatcher(route.path) }));
  // Events tools send application/json; some omit the header: read every body as JSON.
  const json = jsonBodyParser({ limit: MAX_EVENT_BYTES, anyContentType: true });
  const handle = async (route: EventRoute, req: IncomingMessage, res: ServerResponse) => {
    try {
      const body = parsedBodyOf(req);
      // A poison event (NUL characters, absurd nesting) is an invalid event: never retried.
      assertAcceptableInput(body);
      const answer = await route.accept(deps, body, req);
      writeJson(res, answer.status, answer.body);
    } catch (error) {
      sendPagerDutyError(req, res, error, route);
    }
  };
  return (req, res) => {
    if (req.method !== "POST") return false;
    const { path } = splitUrl(req.url ?? "");
    const route = routes.find((candidate) => candidate.match(path) !== false);
    if (route === undefined) return false;
    servedAs(req, route.path);
    // The body parser's refusals (too large, not JSON) are answered in the same format.
    json(req, res, (error) => {
      if (error === undefined) settleServed(req, res, handle(route, req, res), { route: route.path });
      else sendPagerDutyError(req, res, error, route);
    });
    return true;
  };
}
