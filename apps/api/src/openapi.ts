import { ERROR_CODES } from "@incidentops/core";
import { generateOpenApiDocument, type OpenAPIObject } from "trpc-to-openapi";
import type { AnyRouter } from "@trpc/server";
import { successStatusOf } from "./rest.js";
import { appRouter } from "./router.js";

type Operation = {
  security?: unknown[];
  parameters?: { in: string }[];
  responses: Record<string, unknown>;
};

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function errorResponsesFor(method: string, op: Operation): Record<string, unknown> {
  const isProtected = (op.security?.length ?? 0) > 0;
  const hasPathParams = op.parameters?.some((p) => p.in === "path") ?? false;
  return {
    400: errorResponse("VALIDATION_FAILED (field errors in details.fields) or MALFORMED_JSON"),
    ...(isProtected
      ? {
          401: errorResponse("UNAUTHORIZED: missing, invalid or expired access token"),
          403: errorResponse("FORBIDDEN: the caller's role does not allow this"),
        }
      : { 401: errorResponse("UNAUTHORIZED or INVALID_CREDENTIALS") }),
    ...(isProtected || hasPathParams ? { 404: errorResponse("NOT_FOUND: no such resource in the caller's organisation") } : {}),
    ...(method === "post"
      ? {
          409: errorResponse("Conflict: VERSION_CONFLICT, INVALID_TRANSITION, EMAIL_TAKEN or CONFLICT"),
          413: errorResponse("PAYLOAD_TOO_LARGE: the body is over 1 MB"),
          415: errorResponse("UNSUPPORTED_MEDIA_TYPE: send Content-Type: application/json"),
        }
      : {}),
    500: errorResponse("INTERNAL_ERROR"),
  };
}

/**
 * The OpenAPI 3.1 document of the REST API: trpc-to-openapi's, with our error body in place of
 * the adapter's default one, and 201 where a procedure creates something.
 */
export function buildOpenApiDocument(baseUrl: string, router: AnyRouter = appRouter): OpenAPIObject {
  const doc = generateOpenApiDocument(router, {
    title: "IncidentOps API",
    version: "0.1.0",
    description:
      "Incident management: services, incidents, timelines and notifications. The organisation always comes from the access token.",
    baseUrl: `${baseUrl}/v1`,
    securitySchemes: {
      bearerAuth: { type: "http", scheme: "bearer", description: "An access token (JWT), or an org API key (iok_...)" },
      apiKeyHeader: { type: "apiKey", in: "header", name: "x-api-key", description: "An org API key (iok_...)" },
    },
  });
  for (const item of Object.values(doc.paths ?? {})) {
    for (const [method, value] of Object.entries(item)) {
      const op = value as Operation;
      const success = op.responses["200"];
      const procedurePath = (value as { operationId?: string }).operationId?.replace(/-/g, ".");
      const status = procedurePath === undefined ? undefined : successStatusOf(router, procedurePath);
      const responses: Record<string, unknown> = { [String(status ?? 200)]: success, ...errorResponsesFor(method, op) };
      op.responses = responses;
    }
  }
  doc.components = {
    ...doc.components,
    schemas: {
      ...doc.components?.schemas,
      Error: {
        type: "object",
        required: ["code", "message", "traceId", "details"],
        properties: {
          code: { type: "string", enum: ERROR_CODES, description: "Stable machine-readable code" },
          message: { type: "string", description: "Human-readable; may change" },
          traceId: { type: "string", description: "The request id (x-request-id) to quote in support requests" },
          details: { type: "object", additionalProperties: true, description: "e.g. fields: { name: [messages] }" },
        },
      },
    },
  };
  return doc;
}
