import { compileErrors, validate } from "@readme/openapi-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApi } from "@incidentops/testkit";

// The OpenAPI 3.1 document served at /openapi.json, and the docs at /docs.

const api = useTestApi();

interface OpenApiOperation {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> } | undefined>;
}

type ValidatorInput = Exclude<Parameters<typeof validate>[0], string>;
/** The served JSON, handed to the validator as the document type it declares (it checks the shape itself). */
const asValidatorInput = (document: object) => document as unknown as ValidatorInput;

interface OpenApiDocument {
  openapi: string;
  info?: { title: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { securitySchemes?: Record<string, { type: string; scheme?: string }>; schemas?: Record<string, unknown> };
}

describe("OpenAPI and docs", () => {
  let doc: OpenApiDocument;
  beforeAll(async () => {
    const res = await api.current.request<OpenApiDocument>("GET", "/openapi.json");
    expect(res.status).toBe(200);
    doc = res.body;
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
  const operation = (path: string, method: string) => doc.paths[path]?.[method];

  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    // The validator dereferences in place: give it a copy.
    const result = await validate(asValidatorInput(structuredClone(doc)));
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(result.specification).toBe("OpenAPI");
  });

  it("the same validator refuses a broken copy (so the check above can fail)", async () => {
    const broken = structuredClone(doc);
    delete broken.info;
    const brokenPaths = structuredClone(doc.paths);
    const register = brokenPaths["/auth/register"]?.post;
    if (register !== undefined) register.responses = {};
    const missingInfo = await validate(asValidatorInput(broken));
    expect(missingInfo.valid).toBe(false);
    const noResponses = await validate(asValidatorInput({ ...structuredClone(doc), paths: brokenPaths }));
    expect(noResponses.valid).toBe(false);
  });

  it("declares bearer auth", () => {
    const schemes = Object.values(doc.components.securitySchemes ?? {});
    expect(schemes).toContainEqual(expect.objectContaining({ type: "http", scheme: "bearer" }));
  });

  it("documents every route of the design", () => {
    const expected: [string, string][] = [
      ["/auth/register", "post"],
      ["/auth/login", "post"],
      ["/auth/refresh", "post"],
      ["/auth/switch-org", "post"],
      ["/auth/logout", "post"],
      ["/auth/me", "get"],
      ["/org/services", "post"],
      ["/org/services", "get"],
      ["/org/notification-targets", "post"],
      ["/org/notification-targets", "get"],
      ["/services/{serviceId}/incidents", "post"],
      ["/incidents", "get"],
      ["/incidents/{incidentId}", "get"],
      ["/incidents/{incidentId}/events", "get"],
      ["/incidents/{incidentId}/transition", "post"],
      ["/incidents/{incidentId}/comment", "post"],
    ];
    const missing = expected.filter(([path, method]) => operation(path, method) === undefined);
    expect(missing).toEqual([]);
    // The org never appears in a URL.
    expect(Object.keys(doc.paths).filter((p) => /org(anisation)?Id/i.test(p))).toEqual([]);
  });

  it("gives protected operations 401 and 403 with the Error schema", () => {
    const isProtected = operations().filter(({ op }) => (op.security?.length ?? 0) > 0);
    expect(isProtected.map(({ path, method }) => `${method} ${path}`)).toEqual(
      expect.arrayContaining(["get /incidents", "post /incidents/{incidentId}/transition", "get /auth/me", "post /org/services"]),
    );
    for (const { path, method, op } of isProtected) {
      for (const status of ["401", "403"]) {
        const schema = op.responses[status]?.content?.["application/json"]?.schema;
        expect(schema?.$ref, `${method} ${path} ${status}`).toBe("#/components/schemas/Error");
      }
    }
    // Public ones are not protected.
    expect(operation("/auth/register", "post")?.security ?? []).toEqual([]);
    expect(doc.components.schemas?.Error).toMatchObject({ required: ["code", "message", "traceId", "details"] });
  });

  it("documents 201 for creations and 200 otherwise", () => {
    const creations: [string, string][] = [
      ["/auth/register", "post"],
      ["/org/services", "post"],
      ["/services/{serviceId}/incidents", "post"],
      ["/incidents/{incidentId}/comment", "post"],
      ["/org/notification-targets", "post"],
    ];
    for (const [path, method] of creations) {
      const responses = operation(path, method)?.responses ?? {};
      expect(Object.keys(responses), `${method} ${path}`).toContain("201");
      expect(Object.keys(responses), `${method} ${path}`).not.toContain("200");
      expect(responses["201"]?.content?.["application/json"]?.schema).toBeDefined();
    }
    for (const [path, method] of [["/incidents/{incidentId}/transition", "post"], ["/incidents", "get"], ["/auth/login", "post"]] as const) {
      expect(Object.keys(operation(path, method)?.responses ?? {}), `${method} ${path}`).toContain("200");
    }
  });

  it("serves Swagger UI at /docs", async () => {
    const res = await fetch(`${api.current.baseUrl}/docs/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    expect((await res.text()).toLowerCase()).toContain("swagger");
  });
});

