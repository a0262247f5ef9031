import {
  acceptInvitationInput,
  attachmentIdInput,
  attachmentSchema,
  browserChangePasswordInput,
  browserSessionSchema,
  browserSwitchOrgInput,
  heartbeatPingSchema,
  idempotencyKeySchema,
  incidentIdInput,
  loginInput,
  okSchema,
  registerInput,
  type ErrorCode,
} from "@incidentops/core";
import { CSRF_HEADER, REFRESH_COOKIE, SESSION_PATH } from "../browser-session.js";
import { z } from "zod";
import { attachmentBytesSchema } from "../attachments.js";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { errorBody, errorResponseOf, type ErrorBody, type ErrorResponse } from "../errors.js";
import { healthSchema, notReadySchema, readySchema } from "../health.js";
import { alertmanagerAcceptedSchema, alertmanagerPayloadSchema } from "../ingest/alertmanager.js";
import { webhookAcceptedSchema, webhookPayloadSchema } from "../ingest/webhook.js";
import { GRAFANA_MAX_SKEW_SECONDS, GRAFANA_SIGNATURE_HEADER, GRAFANA_TIMESTAMP_HEADER, grafanaPayloadSchema } from "../ingest/grafana.js";
import {
  opsgenieAcceptedSchema,
  opsgenieActionBodySchema,
  opsgenieCreateAlertSchema,
  opsgenieErrorSchema,
  opsgenieIdentifierQuerySchema,
  opsgenieNoteBodySchema,
  opsgenieRequestStatusSchema,
  renderOpsgenieError,
} from "../ingest/opsgenie.js";
import {
  pagerDutyAcceptedSchema,
  pagerDutyChangeAcceptedSchema,
  pagerDutyChangeEventSchema,
  pagerDutyErrorSchema,
  pagerDutyEventSchema,
  pagerDutyV1AcceptedSchema,
  pagerDutyV1EventSchema,
  renderPagerDutyError,
  type PagerDutyDialect,
} from "../ingest/pagerduty.js";
import { DOMAIN_ERRORS, errorResponsesOf, errorSamples, retryAfterHeader } from "./errors.js";
import { operationExamples } from "./examples.js";

const example = (value: unknown) => ({ example: { value } });

/** A success response with its schema and the operation's sample. */
const success = (description: string, schema: z.ZodType, examplesKey: string) => ({
  description,
  content: { "application/json": { schema, examples: example(operationExamples[examplesKey]?.output) } },
});

type ErrorSamples = [string, ErrorBody][];

/** A wire format's refusals (PagerDuty's, Opsgenie's), each rendered from a sample of our error by the route's own renderer. */
function renderedErrorResponses<B>(
  samples: ErrorSamples,
  render: (response: ErrorResponse) => { status: number; headers: Record<string, string>; body: B },
  format: { schema: z.ZodType; describe: (body: B) => string },
) {
  const responses: Record<string, { description: string; headers?: typeof retryAfterHeader; content: Record<string, unknown> }> = {};
  for (const [name, body] of samples) {
    const rendered = render(errorResponseOf(body));
    const status = String(rendered.status);
    const response = (responses[status] ??= {
      description: format.describe(rendered.body),
      ...(rendered.headers["retry-after"] === undefined ? {} : { headers: retryAfterHeader }),
      content: { "application/json": { schema: format.schema, examples: {} } },
    });
    const media = response.content["application/json"] as { examples: Record<string, unknown> };
    media.examples[name.replace(/\s+/g, "-")] = { summary: name, value: rendered.body };
  }
  return responses;
}

const RATE_LIMITED_SAMPLE = errorBody("RATE_LIMITED", "over 120 events per minute: retry after the Retry-After seconds", "", { retryAfterSeconds: 37, limit: 120, windowSeconds: 60 });

/** PagerDuty's refusals. */
function pagerDutyErrorResponses(dialect: PagerDutyDialect) {
  const samples: ErrorSamples = [
    ["invalid event", errorBody("VALIDATION_FAILED", "invalid", "", { fields: { payload: ["payload is required for trigger events"] } })],
    ["not JSON", errorSamples.MALFORMED_JSON.body],
    ["unknown routing key", errorSamples.NOT_FOUND.body],
    ["too large", errorBody("PAYLOAD_TOO_LARGE", "too large", "", {})],
    ["throttled", RATE_LIMITED_SAMPLE],
    ["failed", errorSamples.INTERNAL_ERROR.body],
    ["database unavailable", errorSamples.SERVICE_UNAVAILABLE.body],
  ];
  return renderedErrorResponses(samples, (response) => renderPagerDutyError(response, dialect), {
    schema: pagerDutyErrorSchema,
    describe: (body) => `PagerDuty's "${body.status}"`,
  });
}

const PAGERDUTY_V2 =
  "PagerDuty Events API v2: point any Events v2 client here unchanged. The routing key (an integration key of a service) authenticates the event and names the service; an unknown one is PagerDuty's 400 `Invalid routing key`. Answers are PagerDuty's, not the API's error body. Each routing key takes a limited number of events per minute (429 with Retry-After over it).";

/** One of PagerDuty's Events APIs: its body, its success answer, and its refusals rendered by the route's own renderer. */
const pagerDutyOperation = (
  operationId: string,
  summary: string,
  api: { dialect: PagerDutyDialect; description: string; examplesKey: string; body: z.ZodType; accepted: z.ZodType; successStatus: "200" | "202" },
): ZodOpenApiOperationObject => {
  const accepted = success("Accepted: the event was processed", api.accepted, api.examplesKey);
  return {
    operationId,
    tags: ["alerts"],
    summary,
    description: api.description,
    security: [],
    requestBody: { required: true, content: { "application/json": { schema: api.body, examples: example(operationExamples[api.examplesKey]?.input) } } },
    responses: { ...(api.successStatus === "200" ? { "200": accepted } : { "202": accepted }), ...pagerDutyErrorResponses(api.dialect) },
  };
};

const pagerDutyAlerts = { dialect: "v2", description: PAGERDUTY_V2, examplesKey: "alerts.pagerDuty", body: pagerDutyEventSchema, accepted: pagerDutyAcceptedSchema, successStatus: "202" } as const;

// ---------------------------------------------------------------------------------------------
// Opsgenie's Alert API (ingest/opsgenie.ts).

const OPSGENIE_REQUEST_ID = "c4b6f0a2-5d3e-4f1a-9b8c-7e6d5c4b3a21";

/** Opsgenie's refusals; `request` adds the samples of a call that names a request or an alert. */
function opsgenieErrorResponses(kind: "create" | "action" | "status") {
  const samples: ErrorSamples = [
    ["unknown key", errorBody("UNAUTHORIZED", "Could not authenticate", "", {})],
    ["throttled", RATE_LIMITED_SAMPLE],
    ["failed", errorSamples.INTERNAL_ERROR.body],
    ["database unavailable", errorSamples.SERVICE_UNAVAILABLE.body],
  ];
  if (kind === "status") {
    samples.push(
      ["unknown request", errorBody("NOT_FOUND", "Request not found. It might not be processed, yet.", "", {})],
      ["invalid request", errorBody("VALIDATION_FAILED", "The request path is not valid URL-encoding", "", { fields: {} })],
    );
  } else {
    const field: Record<string, string[]> = kind === "create" ? { message: ["Message can not be empty."] } : { identifierType: ["Invalid option: expected one of \"id\"|\"alias\"|\"tiny\""] };
    samples.push(
      ["invalid request", errorBody("VALIDATION_FAILED", "invalid", "", { fields: field })],
      ["not JSON", errorSamples.MALFORMED_JSON.body],
      ["too large", errorBody("PAYLOAD_TOO_LARGE", "too large", "", {})],
    );
  }
  const wanted = kind === "status" ? samples.filter(([name]) => name !== "throttled") : samples;
  return renderedErrorResponses(wanted, (response) => renderOpsgenieError(response, { took: 0.004, requestId: OPSGENIE_REQUEST_ID }), {
    schema: opsgenieErrorSchema,
    describe: (body) => `Opsgenie's "${body.message}"`,
  });
}

const OPSGENIE =
  "Opsgenie's Alert API: point an Opsgenie sender (an API integration, Alertmanager's opsgenie_configs, an SDK) here by changing its base URL and its key. `Authorization: GenieKey <key>` takes an integration key (routing key) of a service; an unknown one is Opsgenie's 401. Answers are Opsgenie's, not the API's error body. Each request counts once against the key's per-minute limit (429 with Retry-After over it). A request acts only on the incidents of its key's service.";

const opsgenieSecurity = [{ genieKey: [] }];

const identifierParams = (examplesKey: string) => ({
  path: z.object({
    identifier: z.string().meta({ param: { description: "The alert: its id, alias or tiny id (see identifierType)", example: String(operationExamples[examplesKey]?.input?.identifier) } }),
  }),
  query: opsgenieIdentifierQuerySchema,
});

/** Acknowledge, close and notes: 202, then the request status says whether the alert existed. */
const opsgenieActionOperation = (action: string, summary: string, body: z.ZodType, examplesKey: string, required: boolean): ZodOpenApiOperationObject => {
  const { identifier: _identifier, identifierType: _type, ...sample } = operationExamples[examplesKey]?.input ?? {};
  return {
    operationId: `alerts-opsgenie-${action}`,
    tags: ["alerts"],
    summary,
    description: `${OPSGENIE} An alert that does not exist is no refusal: the request is accepted (202) and its status (GET /v2/alerts/requests/{requestId}) says \`isSuccess: false\`, \`Alert does not exist\`.`,
    security: opsgenieSecurity,
    requestParams: identifierParams(examplesKey),
    requestBody: { required, content: { "application/json": { schema: body, examples: example(sample) } } },
    responses: { "202": success("Accepted: its outcome is at GET /v2/alerts/requests/{requestId}", opsgenieAcceptedSchema, examplesKey), ...opsgenieErrorResponses("action") },
  };
};

const opsgeniePaths: ZodOpenApiPathsObject = {
  "/v2/alerts": {
    post: {
      operationId: "alerts-opsgenie-create",
      tags: ["alerts"],
      summary: "Create an alert (Opsgenie Alert API)",
      description: `${OPSGENIE} \`alias\` de-duplicates like PagerDuty's dedup_key (an alert with the alias of an open incident counts on it); without one, the alert gets a unique alias. Priority P1-P3 is sev1-sev3, P4 and P5 sev4. Maintenance windows hold as for every source.`,
      security: opsgenieSecurity,
      requestBody: { required: true, content: { "application/json": { schema: opsgenieCreateAlertSchema, examples: example(operationExamples["alerts.opsgenie"]?.input) } } },
      responses: { "202": success("Accepted: its outcome is at GET /v2/alerts/requests/{requestId}", opsgenieAcceptedSchema, "alerts.opsgenie"), ...opsgenieErrorResponses("create") },
    },
  },
  "/v2/alerts/{identifier}/acknowledge": {
    post: opsgenieActionOperation("acknowledge", "Acknowledge an alert (Opsgenie Alert API)", opsgenieActionBodySchema, "alerts.opsgenieAcknowledge", false),
  },
  "/v2/alerts/{identifier}/close": {
    post: opsgenieActionOperation("close", "Close an alert: its incident is resolved (Opsgenie Alert API)", opsgenieActionBodySchema, "alerts.opsgenieClose", false),
  },
  "/v2/alerts/{identifier}/notes": {
    post: opsgenieActionOperation("notes", "Add a note to an alert: a comment on its incident's timeline (Opsgenie Alert API)", opsgenieNoteBodySchema, "alerts.opsgenieNote", true),
  },
  "/v2/alerts/requests/{requestId}": {
    get: {
      operationId: "alerts-opsgenie-request",
      tags: ["alerts"],
      summary: "Get the status of an Opsgenie request",
      description: `What an accepted request did, for 7 days, to the key that sent it (another key's request is 404). ${OPSGENIE}`,
      security: opsgenieSecurity,
      requestParams: { path: z.object({ requestId: z.string().meta({ param: { description: "The requestId of the 202 answer", example: String(operationExamples["alerts.opsgenieRequest"]?.input?.requestId) } }) }) },
      responses: { "200": success("What the request did", opsgenieRequestStatusSchema, "alerts.opsgenieRequest"), ...opsgenieErrorResponses("status") },
    },
  },
};

const ALERTMANAGER_ERRORS: ErrorCode[] = ["VALIDATION_FAILED", "MALFORMED_JSON", "NOT_FOUND", "PAYLOAD_TOO_LARGE", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE"];

// VALIDATION_FAILED: a token that is not valid URL-encoding (`%ZZ`).
const CALENDAR_ERRORS: ErrorCode[] = ["VALIDATION_FAILED", "NOT_FOUND", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE"];

const GRAFANA_ERRORS: ErrorCode[] = [...ALERTMANAGER_ERRORS, "INVALID_SIGNATURE"];
const WEBHOOK_ERRORS: ErrorCode[] = [...ALERTMANAGER_ERRORS, "UNMAPPED_PAYLOAD"];

const GROUPING =
  "The routing key in the path authenticates the notification. With the integration's `grouping` `group` (the default), the notification is one event keyed by its `groupKey`: a firing group opens (or counts on) one incident listing its alerts (new ones noted on the timeline), and the group's `resolved` resolves it. With `alert`, each alert is one event keyed by its fingerprint: `firing` opens (or counts on) an incident, `resolved` resolves it. Every alert counts against the key's per-minute limit (429 with Retry-After over it); during a maintenance window triggers are `suppressed`.";

/** An ingestion route of ours (not PagerDuty's): the routing key in the path, our error bodies. */
function ingestionOperation(
  operationId: string,
  summary: string,
  api: { description: string; examplesKey: string; body: z.ZodType; accepted: z.ZodType; errors: ErrorCode[]; headers?: z.ZodObject },
): ZodOpenApiOperationObject {
  const { routingKey, ...body } = operationExamples[api.examplesKey]?.input ?? {};
  return {
    operationId,
    tags: ["alerts"],
    summary,
    description: api.description,
    security: [],
    requestParams: {
      path: z.object({ routingKey: z.string().meta({ param: { description: "An integration key of the service", example: routingKey } }) }),
      ...(api.headers === undefined ? {} : { header: api.headers }),
    },
    requestBody: { required: true, content: { "application/json": { schema: api.body, examples: example(body) } } },
    responses: { "202": success("Accepted: what each alert (or the group) did", api.accepted, api.examplesKey), ...errorResponsesOf(api.errors) },
  };
}

// VALIDATION_FAILED: a token that is not valid URL-encoding (`%ZZ`).
const HEARTBEAT_PING_ERRORS: ErrorCode[] = ["VALIDATION_FAILED", "NOT_FOUND", "RATE_LIMITED", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE"];

/** A heartbeat's ping, by POST or GET (GoAlert accepts both). */
const heartbeatPingOperation = (method: "post" | "get"): ZodOpenApiOperationObject => ({
  operationId: `heartbeats-ping${method === "get" ? "-get" : ""}`,
  tags: ["integrations"],
  summary: `Ping a heartbeat monitor${method === "get" ? " (the same as POST)" : ""}`,
  description:
    "The ping URL of a heartbeat (POST /v1/org/services/{serviceId}/heartbeats): the token in the path is the credential, any body is ignored. Each ping moves the heartbeat's deadline to an interval from now; a ping after a miss resolves the incident the miss opened. An unknown token is 404; each heartbeat takes as many pings per minute as a routing key takes alerts (429 with Retry-After over it).",
  security: [],
  requestParams: {
    path: z.object({ token: z.string().meta({ param: { description: "The heartbeat's token (iohb_...)", example: operationExamples["heartbeats.ping"]?.input?.token } }) }),
  },
  responses: { "200": success("Pinged: the heartbeat is healthy until dueAt", heartbeatPingSchema, "heartbeats.ping"), ...errorResponsesOf(HEARTBEAT_PING_ERRORS) },
});


// ---------------------------------------------------------------------------------------------
// The web app's cookie sessions (browser-session.ts).

interface SessionRoute {
  key: string;
  path: string;
  /** The procedure it calls: its domain errors. */
  procedure: string;
  summary: string;
  input?: z.ZodType;
  output: z.ZodType;
  status?: "200" | "201";
  /** Reads the refresh cookie; `bearer`: also needs the access token. */
  credentials: "none" | "cookie" | "cookie+bearer";
}

const SESSION_ROUTES: SessionRoute[] = [
  { key: "session.login", path: "/login", procedure: "auth.login", summary: "Web app: log in (refresh token set as a cookie)", input: loginInput, output: browserSessionSchema, credentials: "none" },
  {
    key: "session.register",
    path: "/register",
    procedure: "auth.register",
    summary: "Web app: create an account and its organisation",
    input: registerInput,
    output: browserSessionSchema,
    status: "201",
    credentials: "none",
  },
  {
    key: "session.acceptInvitation",
    path: "/accept-invitation",
    procedure: "auth.acceptInvitation",
    summary: "Web app: accept an invitation",
    input: acceptInvitationInput,
    output: browserSessionSchema,
    credentials: "none",
  },
  { key: "session.refresh", path: "/refresh", procedure: "auth.refresh", summary: "Web app: renew the access token (rotates the cookie)", output: browserSessionSchema, credentials: "cookie" },
  {
    key: "session.switchOrg",
    path: "/switch-org",
    procedure: "auth.switchOrg",
    summary: "Web app: move the session to another organisation",
    input: browserSwitchOrgInput,
    output: browserSessionSchema,
    credentials: "cookie",
  },
  {
    key: "session.changePassword",
    path: "/password",
    procedure: "auth.changePassword",
    summary: "Web app: change the password, keeping this session",
    input: browserChangePasswordInput,
    output: okSchema,
    credentials: "cookie+bearer",
  },
  { key: "session.logout", path: "/logout", procedure: "auth.logout", summary: "Web app: end the session and clear the cookie", output: okSchema, credentials: "cookie" },
];

const SESSION_DESCRIPTION = `For the web app, which never holds the refresh token in JavaScript: the refresh token travels only in the \`${REFRESH_COOKIE}\` cookie (httpOnly, SameSite=Strict, Secure in production, Path=${SESSION_PATH}), set by the answers that sign in and rotated by each refresh; the answer carries the access token. Every call must send \`${CSRF_HEADER}: 1\` and, from a browser, come from the app's own origin (403 FORBIDDEN otherwise). Other clients use the bearer routes (/v1/auth/login, /refresh, ...).`;

function sessionOperation(route: SessionRoute): ZodOpenApiOperationObject {
  const codes: ErrorCode[] = ["FORBIDDEN", "RATE_LIMITED", "MALFORMED_JSON", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE"];
  if (route.input !== undefined) codes.push("VALIDATION_FAILED");
  if (route.credentials !== "none") codes.push("UNAUTHORIZED");
  codes.push(...(DOMAIN_ERRORS[route.procedure] ?? []));
  const security = { none: [], cookie: [{ sessionCookie: [] }], "cookie+bearer": [{ sessionCookie: [], bearerAuth: [] }] }[route.credentials];
  const sample = operationExamples[route.key];
  const success = {
    description: route.output === okSchema ? "Done" : "Signed in: the access token (the refresh token is in the Set-Cookie header)",
    content: { "application/json": { schema: route.output, examples: example(sample?.output) } },
  };
  return {
    operationId: route.key.replace(".", "-"),
    tags: ["auth"],
    summary: route.summary,
    description: SESSION_DESCRIPTION,
    security,
    requestParams: { header: z.object({ [CSRF_HEADER]: z.literal("1").meta({ param: { description: "CSRF protection: always 1", example: "1" } }) }) },
    ...(route.input === undefined ? {} : { requestBody: { required: true, content: { "application/json": { schema: route.input, examples: example(sample?.input) } } } }),
    responses: {
      ...(route.status === "201" ? { "201": success } : { "200": success }),
      ...errorResponsesOf([...new Set(codes)]),
    },
  };
}

const sessionPaths: ZodOpenApiPathsObject = Object.fromEntries(SESSION_ROUTES.map((route) => [`${SESSION_PATH}${route.path}`, { post: sessionOperation(route) }]));
/** The headers of a download: it is an attachment, never rendered or sniffed. */
export const attachmentHeaders = (fileName: string) => ({
  "Content-Disposition": { description: `attachment, e.g. attachment; filename="${fileName}"`, schema: { type: "string" as const } },
});

/** The answer's header of a write sent again with its Idempotency-Key (procedure/idempotency.ts). */
export const replayedHeader = {
  "Idempotent-Replayed": {
    description: "`true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time)",
    schema: { type: "string" as const, enum: ["true"] },
  },
};

const ATTACHMENT_SECURITY: Record<string, string[]>[] = [{ bearerAuth: [] }, { apiKeyHeader: [] }];
const UPLOAD_ERRORS: ErrorCode[] = [
  "VALIDATION_FAILED",
  "INVALID_IDEMPOTENCY_KEY",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "IDEMPOTENCY_KEY_REUSED",
  "QUOTA_EXCEEDED",
  "INTERNAL_ERROR",
  "SERVICE_UNAVAILABLE",
];
const DOWNLOAD_ERRORS: ErrorCode[] = ["VALIDATION_FAILED", "UNAUTHORIZED", "NOT_FOUND", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE"];

const exampleId = (name: string) => String(operationExamples["incidents.attachments.download"]?.input?.[name]);
const pathId = (name: string) => z.uuid().meta({ param: { example: exampleId(name) } });

/** The outline of an OpenAPI document, for the route that serves this one. */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

/** The routes served outside tRPC: the web app's sessions, alert ingestion, health, and this document. */
export const httpRoutePaths: ZodOpenApiPathsObject = {
  ...sessionPaths,
  "/v2/enqueue": { post: pagerDutyOperation("alerts-pagerduty-enqueue", "Send a PagerDuty Events v2 event (trigger, acknowledge, resolve)", pagerDutyAlerts) },
  "/v1/events": { post: pagerDutyOperation("alerts-pagerduty-events", "Send a PagerDuty Events v2 event (the same as POST /v2/enqueue)", pagerDutyAlerts) },
  "/v2/change/enqueue": {
    post: pagerDutyOperation("alerts-pagerduty-change", "Send a PagerDuty change event (a deploy, a config push)", {
      dialect: "v2",
      description: `${PAGERDUTY_V2} A change event opens no incident and pages nobody: it is listed on its service (GET /v1/org/services/{serviceId}/change-events) and on the incidents open when it happened (GET /v1/incidents/{incidentId}/change-events).`,
      examplesKey: "alerts.pagerDutyChange",
      body: pagerDutyChangeEventSchema,
      accepted: pagerDutyChangeAcceptedSchema,
      successStatus: "202",
    }),
  },
  "/generic/2010-04-15/create_event.json": {
    post: pagerDutyOperation("alerts-pagerduty-v1", "Send a legacy PagerDuty Events API v1 event", {
      dialect: "v1",
      description:
        "PagerDuty's legacy Events API v1, for old senders: `service_key` is an integration key of a service, `incident_key` de-duplicates like `dedup_key`, `event_type` is trigger, acknowledge or resolve (a trigger needs `description`). v1 has no severity: triggers open sev2 (error) incidents. Answers are PagerDuty's v1 ones: 200 on success, 400 for an invalid event or unknown key, 403 over the key's per-minute limit.",
      examplesKey: "alerts.pagerDutyV1",
      body: pagerDutyV1EventSchema,
      accepted: pagerDutyV1AcceptedSchema,
      successStatus: "200",
    }),
  },
  ...opsgeniePaths,
  "/v1/integrations/alertmanager/{routingKey}": {
    post: ingestionOperation("alerts-alertmanager", "Receive a Prometheus Alertmanager webhook notification", {
      description: `Set this URL as an Alertmanager webhook_config (version 4 payload). ${GROUPING}`,
      examplesKey: "alerts.alertmanager",
      body: alertmanagerPayloadSchema,
      accepted: alertmanagerAcceptedSchema,
      errors: ALERTMANAGER_ERRORS,
    }),
  },
  "/v1/integrations/grafana/{routingKey}": {
    post: ingestionOperation("alerts-grafana", "Receive a Grafana Alerting webhook contact point notification", {
      description: `Set this URL as a Grafana Alerting contact point of type Webhook (POST). ${GROUPING} When the integration has a \`signingSecret\`, set the same secret in the contact point's HMAC Signature settings (Header: ${GRAFANA_SIGNATURE_HEADER}, Timestamp Header: ${GRAFANA_TIMESTAMP_HEADER}): the request must carry the hex HMAC-SHA256 of \`timestamp:body\` (of the body alone without the timestamp header), and a timestamp within ${GRAFANA_MAX_SKEW_SECONDS / 60} minutes; otherwise 401 INVALID_SIGNATURE (details.reason: missing, mismatch or stale_timestamp), changing nothing.`,
      examplesKey: "alerts.grafana",
      body: grafanaPayloadSchema,
      accepted: alertmanagerAcceptedSchema,
      errors: GRAFANA_ERRORS,
      headers: z.object({
        [GRAFANA_SIGNATURE_HEADER]: z.string().optional().meta({ param: { description: "Hex HMAC-SHA256 (required when the integration has a signingSecret)" } }),
        [GRAFANA_TIMESTAMP_HEADER]: z.string().optional().meta({ param: { description: "Unix seconds, signed with the body as `timestamp:body`" } }),
      }),
    }),
  },
  "/v1/integrations/webhook/{routingKey}": {
    post: ingestionOperation("alerts-webhook", "Receive a generic JSON webhook (Kibana, Datadog, scripts)", {
      description:
        "For tools without a fixed payload: any JSON object, read by the integration's `mapping` (JSON Pointers, RFC 6901; set it with PATCH /v1/org/services/{serviceId}/integrations/{integrationId}; ready ones at GET /v1/org/integrations/webhook-mapping-presets). `dedupKey` de-duplicates like PagerDuty's dedup_key, `title` names the incident (required for a trigger), `severity` maps values to sev1-sev4, `action` maps values to trigger / resolve / acknowledge (without it every request triggers). A payload the mapping cannot read is 400 UNMAPPED_PAYLOAD naming the field and its pointer; so is any payload while the integration has no mapping. Each request counts once against the key's per-minute limit (429 with Retry-After over it); during a maintenance window triggers are `suppressed`.",
      examplesKey: "alerts.webhook",
      body: webhookPayloadSchema,
      accepted: webhookAcceptedSchema,
      errors: WEBHOOK_ERRORS,
    }),
  },
  "/v1/heartbeats/{token}": { post: heartbeatPingOperation("post"), get: heartbeatPingOperation("get") },
  "/v1/incidents/{incidentId}/attachments": {
    post: {
      operationId: "incidents-attachments-upload",
      tags: ["incident work"],
      summary: "Attach a file to the incident (member)",
      description:
        "multipart/form-data with the file in the field `file` (other fields are ignored), at most ATTACHMENT_MAX_BYTES (25 MB by default: 413 beyond, checked as the bytes arrive). The bytes go to object storage; the content type is sniffed from them, never taken from the upload; the name is kept without its path or control characters. Goes on the timeline (attachment_added).",
      security: ATTACHMENT_SECURITY,
      requestParams: { path: z.object({ incidentId: pathId("incidentId") }), header: z.object({ "Idempotency-Key": idempotencyKeySchema.optional() }) },
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: z.object({ file: z.string().meta({ format: "binary", description: "The file" }) }),
            encoding: { file: { contentType: "application/octet-stream" } },
          },
        },
      },
      responses: {
        "201": { ...success("Created: the attachment", attachmentSchema, "incidents.attachments.upload"), headers: replayedHeader },
        ...errorResponsesOf(UPLOAD_ERRORS),
      },
    },
  },
  "/v1/incidents/{incidentId}/attachments/{attachmentId}": {
    get: {
      operationId: "incidents-attachments-download",
      tags: ["incident work"],
      summary: "Download an attachment's bytes",
      description:
        "Answered as an attachment (Content-Disposition: attachment, with the file's name), with the sniffed Content-Type, X-Content-Type-Options: nosniff and a sandboxing Content-Security-Policy.",
      security: ATTACHMENT_SECURITY,
      requestParams: { path: z.object({ incidentId: pathId("incidentId"), attachmentId: pathId("attachmentId") }) },
      responses: {
        "200": {
          description: "The bytes",
          headers: {
            ...attachmentHeaders("screenshot.png"),
            "X-Content-Type-Options": { description: "nosniff", schema: { type: "string" as const } },
          },
          content: {
            "application/octet-stream": {
              schema: attachmentBytesSchema.meta({ format: "binary" }),
              examples: example(operationExamples["incidents.attachments.download"]?.output),
            },
          },
        },
        ...errorResponsesOf(DOWNLOAD_ERRORS),
      },
    },
  },
  "/calendar/{token}.ics": {
    get: {
      operationId: "calendar-feed",
      tags: ["schedules"],
      summary: "A calendar feed: your shifts (or a schedule's) over the next 90 days, as iCalendar",
      description:
        "The secret URL from POST /v1/users/me/calendar-feeds, for any calendar app: the token in the path is the credential (no other). One VEVENT per shift, times in UTC. A revoked or unknown token, or one whose person has left the organisation, is 404.",
      security: [],
      requestParams: {
        path: z.object({ token: z.string().meta({ param: { description: "The feed's token (iocal_...)", example: operationExamples["calendar.feed"]?.input?.token } }) }),
      },
      responses: {
        "200": {
          description: "The feed",
          content: { "text/calendar": { schema: z.string(), examples: example(operationExamples["calendar.feed"]?.output) } },
        },
        ...errorResponsesOf(CALENDAR_ERRORS),
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
  "alerts.pagerDutyChange": { input: pagerDutyChangeEventSchema, output: pagerDutyChangeAcceptedSchema },
  "alerts.pagerDutyV1": { input: pagerDutyV1EventSchema, output: pagerDutyV1AcceptedSchema },
  "alerts.alertmanager": { input: alertmanagerPayloadSchema.extend({ routingKey: z.string().min(1) }), output: alertmanagerAcceptedSchema },
  "alerts.opsgenie": { input: opsgenieCreateAlertSchema, output: opsgenieAcceptedSchema },
  "alerts.opsgenieAcknowledge": { input: opsgenieActionBodySchema.extend({ identifier: z.string(), ...opsgenieIdentifierQuerySchema.shape }), output: opsgenieAcceptedSchema },
  "alerts.opsgenieClose": { input: opsgenieActionBodySchema.extend({ identifier: z.string(), ...opsgenieIdentifierQuerySchema.shape }), output: opsgenieAcceptedSchema },
  "alerts.opsgenieNote": { input: opsgenieNoteBodySchema.extend({ identifier: z.string(), ...opsgenieIdentifierQuerySchema.shape }), output: opsgenieAcceptedSchema },
  "alerts.opsgenieRequest": { input: z.object({ requestId: z.uuid() }), output: opsgenieRequestStatusSchema },
  "alerts.grafana": { input: grafanaPayloadSchema.extend({ routingKey: z.string().min(1) }), output: alertmanagerAcceptedSchema },
  "alerts.webhook": { input: webhookPayloadSchema, output: webhookAcceptedSchema },
  "calendar.feed": { input: z.object({ token: z.string() }), output: z.string().startsWith("BEGIN:VCALENDAR") },
  "heartbeats.ping": { input: z.object({ token: z.string().startsWith("iohb_") }), output: heartbeatPingSchema },
  "health.live": { output: healthSchema },
  "health.ready": { output: readySchema },
  "meta.openapi": { output: openApiDocumentSchema },
  ...Object.fromEntries(SESSION_ROUTES.map((route) => [route.key, { ...(route.input === undefined ? {} : { input: route.input }), output: route.output }])),
  "incidents.attachments.upload": { input: incidentIdInput, output: attachmentSchema },
  "incidents.attachments.download": { input: attachmentIdInput, output: attachmentBytesSchema },
};
