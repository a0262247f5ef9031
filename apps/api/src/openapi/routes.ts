import type { ErrorCode } from "@incidentops/core";
import { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { errorBody, errorResponseOf, type ErrorBody } from "../errors.js";
import { healthSchema, notReadySchema, readySchema } from "../health.js";
import { alertmanagerAcceptedSchema, alertmanagerPayloadSchema } from "../ingest/alertmanager.js";
import { pagerDutyAcceptedSchema, pagerDutyErrorSchema, pagerDutyEventSchema, renderPagerDutyError } from "../ingest/pagerduty.js";
import { errorResponsesOf, errorSamples, retryAfterHeader } from "./errors.js";
import { operationExamples } from "./examples.js";

const example = (value: unknown) => ({ example: { value } });

/** A success response with its schema and the operation's sample. */
const success = (description: string, schema: z.ZodType, examplesKey: string) => ({
  description,
  content: { "application/json": { schema, examples: example(operationExamples[examplesKey]?.output) } },
});

/** PagerDuty's refusals, each rendered from a sample of our error by the route's own renderer. */
function pagerDutyErrorResponses() {
  const samples: [string, ErrorBody][] = [
    ["invalid event", errorBody("VALIDATION_FAILED", "invalid", "", { fields: { payload: ["payload is required for trigger events"] } })],
    ["not JSON", errorSamples.MALFORMED_JSON.body],
    ["unknown routing key", errorSamples.NOT_FOUND.body],
    ["too large", errorBody("PAYLOAD_TOO_LARGE", "too large", "", {})],
    ["throttled", errorBody("RATE_LIMITED", "over 120 events per minute: retry after the Retry-After seconds", "", { retryAfterSeconds: 37, limit: 120, windowSeconds: 60 })],
    ["failed", errorSamples.INTERNAL_ERROR.body],
    ["database unavailable", errorSamples.SERVICE_UNAVAILABLE.body],
  ];
  const responses: Record<string, { description: string; headers?: typeof retryAfterHeader; content: Record<string, unknown> }> = {};
  for (const [name, body] of samples) {
    const rendered = renderPagerDutyError(errorResponseOf(body));
    const status = String(rendered.status);
    const response = (responses[status] ??= {
      description: `PagerDuty's "${rendered.body.status}"`,
      ...(rendered.headers["retry-after"] === undefined ? {} : { headers: retryAfterHeader }),
      content: { "application/json": { schema: pagerDutyErrorSchema, examples: {} } },
    });
    const media = response.content["application/json"] as { examples: Record<string, unknown> };
    media.examples[name.replace(/\s+/g, "-")] = { summary: name, value: rendered.body };
  }
  return responses;
}

const pagerDutyOperation = (operationId: string, summary: string): ZodOpenApiOperationObject => ({
  operationId,
  tags: ["alerts"],
  summary,
  description:
    "PagerDuty Events API v2: point any Events v2 client here unchanged. The routing key (an integration key of a service) authenticates the event and names the service; answers are PagerDuty's, not the API's error body. Each routing key takes a limited number of events per minute (429 with Retry-After over it).",
  security: [],
  requestBody: { required: true, content: { "application/json": { schema: pagerDutyEventSchema, examples: example(operationExamples["alerts.pagerDuty"]?.input) } } },
  responses: { "202": success("Accepted: the event was processed", pagerDutyAcceptedSchema, "alerts.pagerDuty"), ...pagerDutyErrorResponses() },
});

const ALERTMANAGER_ERRORS: ErrorCode[] = ["VALIDATION_FAILED", "MALFORMED_JSON", "NOT_FOUND", "PAYLOAD_TOO_LARGE", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE"];

const { routingKey: alertmanagerRoutingKey, ...alertmanagerBody } = operationExamples["alerts.alertmanager"]?.input ?? {};

/** The outline of an OpenAPI document, for the route that serves this one. */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/** The routes served outside tRPC: alert ingestion, health, and this document. */
export const httpRoutePaths: ZodOpenApiPathsObject = {
  "/v2/enqueue": { post: pagerDutyOperation("alerts-pagerduty-enqueue", "Send a PagerDuty Events v2 event (trigger, acknowledge, resolve)") },
  "/v1/events": { post: pagerDutyOperation("alerts-pagerduty-events", "Send a PagerDuty Events v2 event (the same as POST /v2/enqueue)") },
  "/v1/integrations/alertmanager/{routingKey}": {
    post: {
      operationId: "alerts-alertmanager",
      tags: ["alerts"],
      summary: "Receive a Prometheus Alertmanager webhook notification",
      description:
        "Set this URL as an Alertmanager webhook_config (version 4 payload). Each alert is one event keyed by its fingerprint: `firing` opens (or counts on) an incident, `resolved` resolves it. The routing key in the path authenticates the notification.",
      security: [],
      requestParams: {
        path: z.object({ routingKey: z.string().meta({ param: { description: "An integration key of the service", example: alertmanagerRoutingKey } }) }),
      },
      requestBody: { required: true, content: { "application/json": { schema: alertmanagerPayloadSchema, examples: example(alertmanagerBody) } } },
      responses: {
        "202": success("Accepted: what each alert did", alertmanagerAcceptedSchema, "alerts.alertmanager"),
        ...errorResponsesOf(ALERTMANAGER_ERRORS),
      },
    },
  },
  "/healthz": {
    get: {
      operationId: "health-live",
      tags: ["health"],
      summary: "Liveness: the process answers",
      security: [],
      responses: { "200": success("The process is up", healthSchema, "health.live") },
    },
  },
  "/readyz": {
    get: {
      operationId: "health-ready",
      tags: ["health"],
      summary: "Readiness: the database answers, its migrations are current and the replica is not shutting down",
      security: [],
      responses: {
        "200": success("Ready for traffic", readySchema, "health.ready"),
        "503": {
          description: "Not ready: the database is unreachable, a migration is pending or the replica is shutting down",
          content: {
            "application/json": {
              schema: notReadySchema,
              examples: {
                "database-unreachable": { value: { status: "unavailable", database: "unreachable" } },
                "migration-pending": { value: { status: "unavailable", database: "ok", migrations: { pending: ["0012"] } } },
                "shutting-down": { value: { status: "unavailable", shuttingDown: true } },
              },
            },
          },
        },
      },
    },
  },
  "/openapi.json": {
    get: {
      operationId: "meta-openapi",
      tags: ["health"],
      summary: "This OpenAPI 3.1 document",
      security: [],
      responses: { "200": success("The document", openApiDocumentSchema, "meta.openapi") },
    },
  },
};


/** The schemas each sample of the routes above must pass (tRPC operations use their procedure's). */
export const httpRouteSchemas: Record<string, { input?: z.ZodType; output: z.ZodType }> = {
  "alerts.pagerDuty": { input: pagerDutyEventSchema, output: pagerDutyAcceptedSchema },
  "alerts.alertmanager": { input: alertmanagerPayloadSchema.extend({ routingKey: z.string().min(1) }), output: alertmanagerAcceptedSchema },
  "health.live": { output: healthSchema },
  "health.ready": { output: readySchema },
  "meta.openapi": { output: openApiDocumentSchema },
};
