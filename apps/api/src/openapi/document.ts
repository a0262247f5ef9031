import { ERROR_CODES, idempotencyKeySchema, type ErrorCode } from "@incidentops/core";
import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import { z } from "zod";
import { REFRESH_COOKIE } from "../browser-session.js";
import { healthSchema, notReadySchema, readySchema } from "../health.js";
import { alertmanagerAcceptedSchema, alertmanagerPayloadSchema } from "../ingest/alertmanager.js";
import { opsgenieAcceptedSchema, opsgenieCreateAlertSchema, opsgenieErrorSchema, opsgenieRequestStatusSchema } from "../ingest/opsgenie.js";
import { grafanaPayloadSchema } from "../ingest/grafana.js";
import { webhookAcceptedSchema } from "../ingest/webhook.js";
import {
  pagerDutyAcceptedSchema,
  pagerDutyChangeAcceptedSchema,
  pagerDutyChangeEventSchema,
  pagerDutyErrorSchema,
  pagerDutyEventSchema,
  pagerDutyV1AcceptedSchema,
  pagerDutyV1EventSchema,
} from "../ingest/pagerduty.js";
import { listRestOperations, type RestOperation } from "../operations.js";
import { appRouter } from "../router.js";
import { errorBodySchemas, errorCodesOf, errorComponentName, errorExampleComponents, errorResponsesOf, takesIdempotencyKey } from "./errors.js";
import { operationExamples } from "./examples.js";
import { attachmentHeaders, httpRoutePaths, replayedHeader } from "./routes.js";

const TAGS: { name: string; description: string }[] = [
  { name: "auth", description: "Accounts and sessions: register, log in, refresh and switch organisation, passwords, invitations" },
  { name: "org", description: "The caller's organisation (always the one of the token): its settings, members, invitations and services" },
  { name: "incidents", description: "Incidents of the organisation's services: open, read, edit, move through their lifecycle, comment, escalate" },
  {
    name: "incident work",
    description: "The work around an incident: tasks, status updates for stakeholders, the postmortem, attachments (evidence kept in object storage)",
  },
  { name: "sla", description: "Severity SLAs: how soon incidents must be acknowledged and resolved, for the organisation or a service" },
  { name: "analytics", description: "MTTA, MTTR, escalations and SLA attainment of incidents, and the load on responders" },
  { name: "notification targets", description: "Where the organisation is notified: signed webhooks, email, Slack, Microsoft Teams, Discord, Mattermost" },
  { name: "escalation policies", description: "Who is notified, and when, while an incident stays unacknowledged" },
  { name: "schedules", description: "On-call schedules (layers, rotations, restrictions, overrides), who is on call, and calendar feeds" },
  { name: "teams", description: "Groups of people owning services, escalation policies and schedules; a team's managers manage what it owns" },
  { name: "api keys", description: "Machine access to the organisation: read or write keys, shown once" },
  { name: "integrations", description: "Routing keys through which monitoring tools send alerts to a service" },
  { name: "users", description: "The signed-in person's own settings" },
  { name: "audit log", description: "Security-relevant changes in the organisation" },
  { name: "usage", description: "Write calls and the organisation's daily quota" },
  { name: "live", description: "Live incident updates (a tRPC subscription over server-sent events at /trpc/live.incidents) and the single-use tickets that open them" },
  { name: "alerts", description: "Alert ingestion from monitoring tools (PagerDuty Events v2, Prometheus Alertmanager, Grafana Alerting, generic JSON webhooks), authenticated by routing key" },
  { name: "health", description: "Liveness, readiness, and this document" },
];

const DESCRIPTION = [
  "Incident management: services, incidents, timelines, notifications and escalations.",
  "The organisation always comes from the credential (an access token or an org API key), never from the URL.",
  "Every error has the body `{ code, message, traceId, details }` with a stable `code`; the alert ingestion routes answer in their own formats.",
  "TypeScript apps can use the typed SDK (@incidentops/sdk) over tRPC at /trpc; Swagger UI is at /docs.",
].join(" ");

/** Where clients send requests: PUBLIC_URL when it is set, else relative to wherever this document was fetched from. */
const serverUrl = (publicUrl: string | undefined) => (publicUrl === undefined ? "/" : publicUrl.replace(/\/+$/, "") || "/");

interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; example?: unknown; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content: Record<string, { examples?: unknown }> };
  responses: Record<string, { description?: string; headers?: unknown; content?: Record<string, { examples?: unknown }> } | undefined>;
}

const { description: idempotencyKeyDescription, ...idempotencyKeyJsonSchema } = z.toJSONSchema(idempotencyKeySchema);

/** The header that makes a write safe to send again (procedure/idempotency.ts). */
const idempotencyKeyParameter = { name: "Idempotency-Key", in: "header", required: false, description: idempotencyKeyDescription, schema: idempotencyKeyJsonSchema };

/** Our responses, samples and security on an operation generated from a procedure's meta. */
function decorate(op: Operation, operation: RestOperation): void {
  const examples = operationExamples[operation.procedure];
  const { input = {}, output } = examples ?? {};
  for (const parameter of op.parameters ?? []) if (input[parameter.name] !== undefined) parameter.example = input[parameter.name];
  const body = Object.fromEntries(Object.entries(input).filter(([name]) => !(op.parameters ?? []).some((p) => p.name === name)));
  const json = op.requestBody?.content["application/json"];
  if (json !== undefined) json.examples = { example: { value: body } };

  const keyed = takesIdempotencyKey(operation);
  if (keyed) op.parameters = [...(op.parameters ?? []), idempotencyKeyParameter];

  const status = operation.meta.successStatus ?? 200;
  const generated = op.responses["200"];
  const description = status === 201 ? "Created" : status === 202 ? "Accepted" : "OK";
  const content = generated?.content?.["application/json"];
  // A document (CSV, Markdown) is answered as its own media type, not as a JSON string.
  const text = operation.meta.textResponse;
  const mediaType = text?.contentType.split(";")[0] ?? "application/json";
  op.responses = {
    [String(status)]: {
      description,
      ...(text?.fileName === undefined ? {} : { headers: attachmentHeaders(text.fileName) }),
      ...(keyed ? { headers: replayedHeader } : {}),
      content: { [mediaType]: { ...content, examples: { example: { value: output } } } },
    },
    ...(errorResponsesOf(errorCodesOf(operation)) as Operation["responses"]),
  };
  if (operation.access.kind === "public") op.security = [];
}

/**
 * The OpenAPI 3.1 document of every HTTP route the API serves: the REST operations (from the
 * procedures' meta, by trpc-to-openapi, under /v1) with the error responses each can give, the
 * alert ingestion routes, health and readiness, each with samples. `servers` comes from
 * PUBLIC_URL, never from a request.
 */
export function buildOpenApiDocument(options: { publicUrl: string | undefined; operations?: RestOperation[] }): OpenAPIObject {
  const operations = options.operations ?? listRestOperations(appRouter);
  const usedCodes = new Set<ErrorCode>([
    "VALIDATION_FAILED",
    "MALFORMED_JSON",
    "NOT_FOUND",
    "PAYLOAD_TOO_LARGE",
    "INTERNAL_ERROR",
    "SERVICE_UNAVAILABLE",
    // The Grafana and webhook ingestion routes'.
    "INVALID_SIGNATURE",
    "UNMAPPED_PAYLOAD",
  ]);
  for (const operation of operations) for (const code of errorCodesOf(operation)) usedCodes.add(code);
  const errorComponents: Record<string, z.ZodType> = Object.fromEntries(
    ERROR_CODES.filter((code) => usedCodes.has(code)).map((code) => [errorComponentName(code), errorBodySchemas[code]]),
  );

  const doc = generateOpenApiDocument<RestOperation["meta"]>(appRouter, {
    title: "IncidentOps API",
    version: "0.1.0",
    description: DESCRIPTION,
    license: { name: "MIT", identifier: "MIT" },
    baseUrl: serverUrl(options.publicUrl),
    securitySchemes: {
      bearerAuth: { type: "http", scheme: "bearer", description: "An access token (JWT), or an org API key (iok_...)" },
      apiKeyHeader: { type: "apiKey", in: "header", name: "x-api-key", description: "An org API key (iok_...)" },
      sessionCookie: { type: "apiKey", in: "cookie", name: REFRESH_COOKIE, description: "The web app's refresh token (httpOnly), sent only to /v1/auth/session/*" },
      genieKey: { type: "apiKey", in: "header", name: "Authorization", description: "Opsgenie's scheme, for its Alert API routes: `GenieKey <integration key>` (a routing key of a service)" },
    },
    paths: httpRoutePaths,
    defs: {
      ...errorComponents,
      PagerDutyEvent: pagerDutyEventSchema,
      PagerDutyAccepted: pagerDutyAcceptedSchema,
      PagerDutyError: pagerDutyErrorSchema,
      PagerDutyChangeEvent: pagerDutyChangeEventSchema,
      PagerDutyChangeAccepted: pagerDutyChangeAcceptedSchema,
      PagerDutyV1Event: pagerDutyV1EventSchema,
      PagerDutyV1Accepted: pagerDutyV1AcceptedSchema,
      OpsgenieCreateAlert: opsgenieCreateAlertSchema,
      OpsgenieAccepted: opsgenieAcceptedSchema,
      OpsgenieRequestStatus: opsgenieRequestStatusSchema,
      OpsgenieError: opsgenieErrorSchema,
      AlertmanagerPayload: alertmanagerPayloadSchema,
      AlertmanagerAccepted: alertmanagerAcceptedSchema,
      GrafanaPayload: grafanaPayloadSchema,
      WebhookAccepted: webhookAcceptedSchema,
      Health: healthSchema,
      Ready: readySchema,
      NotReady: notReadySchema,
    },
  });

  const restPaths = new Map(operations.map((operation) => [`${operation.method.toLowerCase()} ${operation.path}`, operation]));
  const paths: NonNullable<OpenAPIObject["paths"]> = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const isRest = Object.keys(item).some((method) => restPaths.has(`${method} ${path}`));
    if (!isRest) {
      // A route outside tRPC may share its path with REST operations (an upload beside a list).
      paths[path] = { ...paths[path], ...item };
      continue;
    }
    for (const [method, op] of Object.entries(item)) {
      const operation = restPaths.get(`${method} ${path}`);
      if (operation !== undefined) decorate(op as Operation, operation);
    }
    paths[`/v1${path}`] = { ...paths[`/v1${path}`], ...item };
  }
  // The adapter's own error schemas (error.BAD_REQUEST, ...) gave way to ours.
  const schemas = Object.fromEntries(Object.entries(doc.components?.schemas ?? {}).filter(([name]) => !name.startsWith("error.")));
  const components = { ...doc.components, schemas, examples: errorExampleComponents(ERROR_CODES.filter((code) => usedCodes.has(code))) };
  return { ...doc, paths, tags: TAGS, components };
}
