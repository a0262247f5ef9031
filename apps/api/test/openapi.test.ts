import { ERROR_HTTP_STATUS, type ErrorCode } from "@incidentops/core";
import { compileErrors, validate } from "@readme/openapi-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../src/openapi/document.js";
import { DOMAIN_ERRORS, errorBodySchemas } from "../src/openapi/errors.js";
import { operationExamples } from "../src/openapi/examples.js";
import { httpRouteSchemas } from "../src/openapi/routes.js";
import { listRestOperations } from "../src/operations.js";
import { appRouter } from "../src/router.js";
import { useTestApi } from "@incidentops/testkit";

const api = useTestApi();
const operations = listRestOperations(appRouter);

interface Example {
  value?: unknown;
  $ref?: string;
}
interface MediaType {
  schema?: { $ref?: string; oneOf?: { $ref: string }[] };
  examples?: Record<string, Example>;
}
interface Operation {
  operationId: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; example?: unknown }[];
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, MediaType> }>;
}
interface Document {
  openapi: string;
  info?: { title: string; version: string };
  servers: { url: string }[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    securitySchemes?: Record<string, { type: string; scheme?: string }>;
    schemas: Record<string, unknown>;
    examples: Record<string, Example>;
  };
}

type ValidatorInput = Exclude<Parameters<typeof validate>[0], string>;
/** The served JSON, handed to the validator as the document type it declares (it checks the shape itself). */
const asValidatorInput = (document: object) => document as unknown as ValidatorInput;

const METHODS = ["get", "post", "put", "patch", "delete"];

describe("the OpenAPI document", () => {
  let doc: Document;
  beforeAll(async () => {
    const res = await api.current.request<Document>("GET", "/openapi.json");
    expect(res.status).toBe(200);
    doc = res.body;
  });

  const allOperations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ path, method, op })),
    );
  const operation = (path: string, method: string): Operation => {
    const op = doc.paths[path]?.[method];
    if (op === undefined) throw new Error(`${method} ${path} is not documented`);
    return op;
  };
  /** An example's value, following a reference to the shared examples. */
  const valueOf = (example: Example | undefined) =>
    example?.$ref === undefined ? example?.value : doc.components.examples[example.$ref.replace("#/components/examples/", "")]?.value;
  /** The error codes an operation documents, by status, read from its examples. */
  const documentedCodes = (op: Operation) =>
    Object.fromEntries(
      Object.entries(op.responses)
        .filter(([status]) => Number(status) >= 400)
        .map(([status, response]) => [status, Object.keys(response.content?.["application/json"]?.examples ?? {}).sort()]),
    );

  it("is a valid OpenAPI 3.1 document, and the validator refuses a broken copy", async () => {
    expect(doc.openapi).toBe("3.1.0");
    // The validator dereferences in place: give it a copy.
    const result = await validate(asValidatorInput(structuredClone(doc)));
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);

    const broken = structuredClone(doc);
    delete broken.info;
    expect((await validate(asValidatorInput(broken))).valid).toBe(false);
    const noResponses = structuredClone(doc);
    const register = noResponses.paths["/v1/auth/register"]?.post;
    if (register !== undefined) register.responses = {};
    expect((await validate(asValidatorInput(noResponses))).valid).toBe(false);
  });

  it("describes every REST operation under /v1, the web app's session routes, the alert ingestion routes, calendar feeds, heartbeat pings and the health routes, and nothing else", () => {
    const expected = [
      ...operations.map((o) => `${o.method.toLowerCase()} /v1${o.path}`),
      ...["login", "register", "accept-invitation", "refresh", "switch-org", "password", "logout"].map((route) => `post /v1/auth/session/${route}`),
      "post /v2/enqueue",
      "post /v1/events",
      "post /v2/change/enqueue",
      "post /generic/2010-04-15/create_event.json",
      "post /v1/integrations/alertmanager/{routingKey}",
      "post /v2/alerts",
      "post /v2/alerts/{identifier}/acknowledge",
      "post /v2/alerts/{identifier}/close",
      "post /v2/alerts/{identifier}/notes",
      "get /v2/alerts/requests/{requestId}",
      "post /v1/integrations/grafana/{routingKey}",
      "post /v1/integrations/webhook/{routingKey}",
      "post /v1/incidents/{incidentId}/attachments",
      "get /v1/incidents/{incidentId}/attachments/{attachmentId}",
      "get /calendar/{token}.ics",
      "post /v1/heartbeats/{token}",
      "get /v1/heartbeats/{token}",
      "get /healthz",
      "get /readyz",
      "get /openapi.json",
    ].sort();
    expect(allOperations().map(({ path, method }) => `${method} ${path}`).sort()).toEqual(expected);
    for (const required of ["post /v1/services/{serviceId}/incidents", "post /v1/incidents/{incidentId}/transition", "post /v1/auth/register"]) {
      expect(expected).toContain(required);
    }
    // The org never appears in a URL.
    expect(Object.keys(doc.paths).filter((p) => /org(anisation)?Id/i.test(p))).toEqual([]);
  });

  it("serves `/` as its server without PUBLIC_URL, whatever Host the request names", async () => {
    expect(doc.servers).toEqual([{ url: "/" }]);
    const spoofed = await fetch(`${api.current.baseUrl}/openapi.json`, { headers: { host: "evil.example", "x-forwarded-host": "evil.example" } });
    expect(((await spoofed.json()) as Document).servers).toEqual([{ url: "/" }]);
  });

  it("serves PUBLIC_URL as its server when it is set", () => {
    expect(buildOpenApiDocument({ publicUrl: "https://incidents.example.org/" }).servers).toEqual([{ url: "https://incidents.example.org" }]);
    expect(buildOpenApiDocument({ publicUrl: "https://example.org/ops" }).servers).toEqual([{ url: "https://example.org/ops" }]);
  });

  it("declares bearer auth, secures protected operations and marks public ones with security: []", () => {
    const schemes = Object.values(doc.components.securitySchemes ?? {});
    expect(schemes).toContainEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
    for (const o of operations) {
      const op = operation(`/v1${o.path}`, o.method.toLowerCase());
      if (o.access.kind === "public") expect(op.security, o.procedure).toEqual([]);
      else expect(op.security?.length, o.procedure).toBeGreaterThan(0);
    }
    for (const path of ["/v2/enqueue", "/v1/events", "/v2/change/enqueue", "/generic/2010-04-15/create_event.json", "/v1/integrations/alertmanager/{routingKey}", "/v1/integrations/grafana/{routingKey}", "/v1/integrations/webhook/{routingKey}"]) expect(operation(path, "post").security).toEqual([]);
    expect(operation("/v1/incidents/{incidentId}/attachments", "post").security?.length).toBeGreaterThan(0);
    expect(operation("/v1/incidents/{incidentId}/attachments/{attachmentId}", "get").security?.length).toBeGreaterThan(0);
    for (const path of ["/healthz", "/readyz", "/openapi.json"]) expect(operation(path, "get").security).toEqual([]);
  });

  it("declares every tag it uses, each with a description", () => {
    const declared = new Map(doc.tags.map((t) => [t.name, t.description ?? ""]));
    for (const { path, method, op } of allOperations()) {
      expect(op.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
      for (const tag of op.tags ?? []) expect(declared.get(tag), `${method} ${path}: tag ${tag}`).toMatch(/\w/);
    }
  });

  it("documents 201 for creations, 202 for accepted work and 200 otherwise", () => {
    for (const o of operations) {
      const statuses = Object.keys(operation(`/v1${o.path}`, o.method.toLowerCase()).responses).filter((s) => s.startsWith("2"));
      expect(statuses, o.procedure).toEqual([String(o.meta.successStatus ?? 200)]);
    }
    expect(Object.keys(operation("/v1/auth/register", "post").responses)).toContain("201");
    expect(Object.keys(operation("/v1/services/{serviceId}/incidents", "post").responses)).toContain("201");
    expect(Object.keys(operation("/v2/enqueue", "post").responses)).toContain("202");
  });

  it("documents the errors each operation can give, and only those", () => {
    expect(documentedCodes(operation("/v1/incidents/{incidentId}/transition", "post"))).toEqual({
      "400": ["INVALID_IDEMPOTENCY_KEY", "MALFORMED_JSON", "VALIDATION_FAILED"],
      "401": ["UNAUTHORIZED"],
      "403": ["FORBIDDEN"],
      "404": ["NOT_FOUND"],
      "409": ["CONCURRENT_CHANGE", "CONFLICT", "INVALID_TRANSITION", "VERSION_CONFLICT"],
      "413": ["PAYLOAD_TOO_LARGE"],
      "415": ["UNSUPPORTED_MEDIA_TYPE"],
      "422": ["IDEMPOTENCY_KEY_REUSED"],
      "429": ["QUOTA_EXCEEDED"],
      "500": ["INTERNAL_ERROR"],
      "503": ["SERVICE_UNAVAILABLE"],
    });
    // A viewer (and a read-only key) may list incidents: no 403; a query takes no body, counts no
    // quota, refers to nothing it could find removed (no CONFLICT), and may conflict all the same.
    expect(documentedCodes(operation("/v1/incidents", "get"))).toEqual({
      "400": ["VALIDATION_FAILED"],
      "401": ["UNAUTHORIZED"],
      "409": ["CONCURRENT_CHANGE"],
      "500": ["INTERNAL_ERROR"],
      "503": ["SERVICE_UNAVAILABLE"],
    });
    const login = documentedCodes(operation("/v1/auth/login", "post"));
    expect(login["429"]).toEqual(["LOGIN_LOCKED", "RATE_LIMITED"]);
    expect(login["401"]).toEqual(["INVALID_CREDENTIALS"]);
    expect(documentedCodes(operation("/v1/auth/register", "post"))["409"]).toEqual(["CONCURRENT_CHANGE", "CONFLICT", "EMAIL_TAKEN"]);
    expect(documentedCodes(operation("/v1/org/members/{userId}", "delete"))["409"]).toEqual(["CONCURRENT_CHANGE", "CONFLICT", "LAST_ADMIN", "SOLE_RESPONDER"]);
    expect(documentedCodes(operation("/v1/org/services", "post"))["409"]).toEqual(["CONCURRENT_CHANGE", "CONFLICT"]);
    // Revoking a key is never refused for the quota; creating one can be.
    expect(documentedCodes(operation("/v1/org/api-keys/{keyId}/revoke", "post"))["429"]).toBeUndefined();
    expect(documentedCodes(operation("/v1/org/api-keys", "post"))["429"]).toEqual(["QUOTA_EXCEEDED"]);
    // Public routes answer no 401 of their own.
    expect(documentedCodes(operation("/v1/auth/register", "post"))["401"]).toBeUndefined();
    expect(documentedCodes(operation("/v1/auth/password/forgot", "post"))["429"]).toEqual(["RATE_LIMITED"]);
  });

  it("documents the Idempotency-Key header on every authenticated write that takes one, and the replay's header on its answer", () => {
    const keyed = (o: (typeof operations)[number]) => o.access.kind !== "public" && o.type === "mutation" && o.meta.readCall !== true && o.meta.answersSecret !== true;
    expect(operations.filter(keyed).length).toBeGreaterThan(50);
    for (const o of operations) {
      const op = operation(`/v1${o.path}`, o.method.toLowerCase());
      const header = (op.parameters ?? []).find((p) => p.in === "header" && p.name === "Idempotency-Key");
      const success = op.responses[String(o.meta.successStatus ?? 200)];
      expect(header !== undefined, o.procedure).toBe(keyed(o));
      expect(success?.headers?.["Idempotent-Replayed"] !== undefined, o.procedure).toBe(keyed(o));
      if (header !== undefined) expect(header).toMatchObject({ required: false, schema: { type: "string", minLength: 1, maxLength: 255 } });
    }
    // Writes answering a secret shown once take no key, and say why they refuse one.
    expect(documentedCodes(operation("/v1/org/api-keys", "post"))["400"]).toContain("INVALID_IDEMPOTENCY_KEY");
    expect(documentedCodes(operation("/v1/org/api-keys", "post"))["422"]).toBeUndefined();
  });

  it("gives every error response the schema of its codes, Retry-After where they carry it, and samples that fit", () => {
    for (const { path, method, op } of allOperations()) {
      for (const [status, response] of Object.entries(op.responses).filter(([s]) => Number(s) >= 400)) {
        const media = response.content?.["application/json"];
        const schema = media?.schema;
        const refs = schema?.oneOf?.map((s) => s.$ref) ?? [schema?.$ref];
        const where = `${method} ${path} ${status}`;
        expect(refs.every((r) => typeof r === "string" && r.startsWith("#/components/schemas/")), where).toBe(true);
        for (const ref of refs) expect(doc.components.schemas[String(ref).split("/").pop() ?? ""], `${where}: ${ref}`).toBeDefined();
        expect(Object.keys(media?.examples ?? {}).length, where).toBeGreaterThan(0);
        if (["429", "503"].includes(status) && path !== "/readyz") expect(response.headers?.["Retry-After"], where).toBeDefined();
        if (path.startsWith("/v2/") || path.startsWith("/generic/") || path === "/v1/events" || path === "/readyz") continue;
        for (const [code, example] of Object.entries(media?.examples ?? {})) {
          expect(String(ERROR_HTTP_STATUS[code as ErrorCode]), `${where} ${code}`).toBe(status);
          expect(errorBodySchemas[code as ErrorCode].safeParse(valueOf(example)).success, `${where} ${code}`).toBe(true);
        }
      }
    }
  });

  it("answers PagerDuty's routes with PagerDuty-shaped errors", () => {
    const enqueue = operation("/v2/enqueue", "post");
    // An unknown routing key is PagerDuty's 400 "Invalid routing key", never a 404.
    expect(Object.keys(enqueue.responses).sort()).toEqual(["202", "400", "413", "429", "500", "503"]);
    expect(Object.keys(operation("/v2/change/enqueue", "post").responses).sort()).toEqual(["202", "400", "413", "429", "500", "503"]);
    // v1 answers 200, and 403 (not 429) over the limit.
    expect(Object.keys(operation("/generic/2010-04-15/create_event.json", "post").responses).sort()).toEqual(["200", "400", "403", "413", "500", "503"]);
    expect(enqueue.responses["400"]?.content?.["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/PagerDutyError" });
    const throttled = Object.values(enqueue.responses["429"]?.content?.["application/json"]?.examples ?? {})[0]?.value;
    expect(throttled).toMatchObject({ status: "throttle event", errors: [expect.any(String)] });
  });

  it("shows a request and a response sample on every operation", () => {
    for (const { path, method, op } of allOperations()) {
      const where = `${method} ${path}`;
      const success = Object.entries(op.responses).find(([s]) => s.startsWith("2"))?.[1];
      // JSON, or the media type of a document or download (CSV, Markdown, bytes, iCalendar).
      const media = Object.values(success?.content ?? {})[0];
      expect(Object.values(media?.examples ?? {})[0]?.value, where).toBeDefined();
      for (const parameter of op.parameters ?? []) {
        if (parameter.in === "path") expect(parameter.example, `${where} ${parameter.name}`).toBeDefined();
      }
      const body = op.requestBody?.content["application/json"];
      if (body !== undefined) expect(Object.values(body.examples ?? {})[0]?.value, where).toBeDefined();
      else if (op.requestBody !== undefined) expect(Object.keys(op.requestBody.content), where).toEqual(["multipart/form-data"]);
    }
  });

  it("serves Swagger UI at /docs", async () => {
    const res = await fetch(`${api.current.baseUrl}/docs/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect((await res.text()).toLowerCase()).toContain("swagger");
  });
});

describe("the samples", () => {
  it("cover every REST operation, and each passes the procedure's own input and output schemas", () => {
    for (const o of operations) {
      const sample = operationExamples[o.procedure];
      expect(sample, o.procedure).toBeDefined();
      if (sample === undefined) continue;
      if (o.inputFields.length > 0) {
        expect(sample.input, `${o.procedure}: input sample`).toBeDefined();
        const input = o.input.safeParse(sample.input);
        expect(input.success, `${o.procedure} input: ${JSON.stringify(input.error?.issues)}`).toBe(true);
      } else {
        expect(sample.input, `${o.procedure} takes no input`).toBeUndefined();
      }
      const output = o.output?.safeParse(sample.output);
      expect(output?.success, `${o.procedure} output: ${JSON.stringify(output?.error?.issues)}`).toBe(true);
    }
  });

  it("of the routes outside tRPC pass those routes' own schemas", () => {
    for (const [key, schemas] of Object.entries(httpRouteSchemas)) {
      const sample = operationExamples[key];
      expect(sample, key).toBeDefined();
      if (schemas.input !== undefined) expect(schemas.input.safeParse(sample?.input).success, `${key} input`).toBe(true);
      expect(schemas.output.safeParse(sample?.output).success, `${key} output`).toBe(true);
    }
  });

  it("are all used: every sample names an operation, and every domain error list a procedure", () => {
    const keys = new Set([...operations.map((o) => o.procedure), ...Object.keys(httpRouteSchemas)]);
    expect(Object.keys(operationExamples).filter((k) => !keys.has(k))).toEqual([]);
    expect(Object.keys(DOMAIN_ERRORS).filter((k) => !keys.has(k))).toEqual([]);
  });

  it("that are broken are caught (so the checks above can fail)", () => {
    const transition = operations.find((o) => o.procedure === "incidents.transition");
    expect(transition?.input.safeParse({ incidentId: "not-a-uuid", toStatus: "acknowledged", version: 1 }).success).toBe(false);
    expect(transition?.output?.safeParse({ ...(operationExamples["incidents.transition"]?.output as object), status: "closed" }).success).toBe(false);
  });
});
