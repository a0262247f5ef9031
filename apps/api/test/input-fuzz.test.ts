import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { anIncident, anIntegrationKey, anOrgOwner, aPolicy, aService, aWebhookTarget, closedPort, useTestApi, type Account } from "@incidentops/testkit";
import { operationExamples } from "../src/openapi/examples.js";
import { listRestOperations, takesBody, type RestOperation } from "../src/operations.js";
import { appRouter } from "../src/router.js";

// Generated junk thrown at every route's input (enumerated from the router, so a route added
// later is covered without touching this file): whatever arrives, the answer is never a 5xx.
// Junk alone mostly stops at the first rule it breaks, so most inputs are the operation's own
// documented example (openapi/examples.ts, about this test's real rows) with one value, at any
// depth, replaced by junk: that reaches the service, the SQL and the database.

const api = useTestApi();
const operations = listRestOperations(appRouter);
const procedureDef = z.object({ type: z.enum(["query", "mutation", "subscription"]) });
/** A procedure (a function carrying its definition) and its type. */
const typeOf = (procedure: unknown) => procedureDef.parse((procedure as { _def?: unknown })._def).type;
/** Every tRPC procedure that answers over plain HTTP (subscriptions stream, and are left out). */
const procedures = Object.entries(appRouter._def.procedures as Record<string, unknown>)
  .map(([path, procedure]) => ({ path, type: typeOf(procedure) }))
  .filter((procedure) => procedure.type !== "subscription");

/** Runs per route and transport: enough to hit every kind of junk below a few times. */
const RUNS = 30;

let owner: Account;
let realIds: string[] = [];
let routingKey: string;
/** The real row each id field of the examples names, by field name. */
let realIdByField: Record<string, string> = {};

beforeAll(async () => {
  owner = await anOrgOwner(api.current);
  const service = await aService(api.current, owner.accessToken);
  const incident = await anIncident(api.current, owner.accessToken, service.id);
  const target = await aWebhookTarget(api.current, owner.accessToken, `http://127.0.0.1:${await closedPort()}/hook`);
  const policy = await aPolicy(api.current, owner.accessToken, [{ delaySeconds: 60, targets: [{ type: "user", userId: owner.user.id }] }]);
  routingKey = (await anIntegrationKey(api.current, owner.accessToken, service.id)).routingKey;
  realIds = [owner.user.id, owner.org.id, service.id, incident.id, target.id, policy.id];
  realIdByField = {
    userId: owner.user.id,
    orgId: owner.org.id,
    serviceId: service.id,
    incidentId: incident.id,
    targetId: target.id,
    policyId: policy.id,
    escalationPolicyId: policy.id,
  };
});

/** An operation's documented example input, its ids swapped for this test's real rows. */
function exampleInput(procedure: string): Record<string, unknown> {
  const example = operationExamples[procedure]?.input ?? {};
  const realize = (value: unknown, key: string): unknown => {
    if (Array.isArray(value)) return value.map((item) => realize(item, key));
    if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, realize(v, k)]));
    return realIdByField[key] ?? value;
  };
  return realize(example, "") as Record<string, unknown>;
}

/** Every path to a value inside `value` (the value itself too): where junk may go. */
function pathsIn(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => pathsIn(item, [...path, index]))];
  if (typeof value === "object" && value !== null) return [...here, ...Object.entries(value).flatMap(([key, item]) => pathsIn(item, [...path, key]))];
  return here;
}

/** `value` with what sits at `path` replaced by `junk`. */
function replaceAt(value: unknown, path: readonly (string | number)[], junk: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return junk;
  if (Array.isArray(value)) return (value as unknown[]).map((item, index) => (index === head ? replaceAt(item, rest, junk) : item));
  if (typeof value === "object" && value !== null) return { ...value, [head]: replaceAt((value as Record<string, unknown>)[head], rest, junk) };
  return value;
}

/** JSON nested `depth` levels deep. */
const deep = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: inner }), 1);

/** Strings that have broken routes before, or would: weighted well above random text. */
const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "9999-12-31T23:00:00-05:00",
  "0000-01-01T00:00:00Z",
  "1969-12-31T23:59:59Z",
  "2024-02-30T25:61:00Z",
  "NaN",
  "-1",
  "1e400",
  "%00",
  "../../etc/passwd",
  "' OR 1=1 --",
  "x".repeat(3000),
  "é".repeat(2000),
  "http://169.254.169.254/latest",
  "whsec_AAAA",
  "iok_abc",
  "sev0",
];

const junkString = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 20 }).map((text) => `${text}\u0000`) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...realIds) },
  );

const junkScalar = () =>
  fc.oneof(
    { weight: 4, arbitrary: junkString() },
    fc.integer(),
    fc.double(),
    fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 63, Number.MAX_SAFE_INTEGER + 2, 1e308, -0),
    fc.boolean(),
    fc.constant(null),
  );

const junkValue = () =>
  fc.oneof(
    { weight: 4, arbitrary: junkScalar() },
    { weight: 1, arbitrary: fc.array(junkScalar(), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(junkString(), junkScalar(), { maxKeys: 3 }) },
    { weight: 1, arbitrary: fc.constant(deep(200)) },
  );

/**
 * An input for a procedure: its example with one value (or a new field) replaced by junk, its own
 * fields with junk values, or any JSON at all.
 */
const junkInput = (fields: readonly string[], example: Record<string, unknown> = {}) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...pathsIn(example)), junkValue()).map(([path, junk]) => replaceAt(example, path, junk)) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...fields, "extra"), junkValue()).map(([field, junk]) => ({ ...example, [field]: junk })) },
    { weight: 1, arbitrary: fc.record(Object.fromEntries(fields.map((field) => [field, junkValue()])), { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );

const asText = (value: unknown): string => (typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value));

/** The REST request for an input: path parameters from it (or a real id), the rest as query or body. */
function restRequest(operation: RestOperation, input: unknown): { path: string; body?: string } {
  const fields: Record<string, unknown> = typeof input === "object" && input !== null && !Array.isArray(input) ? { ...input } : {};
  const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = fields[name] ?? realIds[0];
    fields[name] = undefined;
    // Through UTF-8 first: a lone surrogate becomes U+FFFD, as any HTTP client would send it.
    return encodeURIComponent(Buffer.from(asText(value)).toString());
  });
  const rest = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  if (takesBody(operation.method)) return { path: `/v1${path}`, body: JSON.stringify(Object.keys(rest).length > 0 || input === undefined ? rest : input) };
  const query = new URLSearchParams(Object.entries(fields).flatMap(([key, value]): [string, string][] => (value === undefined ? [] : [[key, asText(value)]])));
  return { path: `/v1${path}${query.size > 0 ? `?${query.toString()}` : ""}` };
}

async function send(method: string, path: string, body?: string): Promise<number> {
  const res = await fetch(`${api.current.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${owner.accessToken}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body,
  });
  const text = await res.text();
  if (res.status >= 500) throw new Error(`${method} ${path} -> ${res.status} ${text.slice(0, 300)}\nbody: ${body?.slice(0, 300)}`);
  return res.status;
}

describe("generated junk never gets a 5xx", () => {
  it("covers every REST operation and tRPC procedure", () => {
    expect(operations.length).toBeGreaterThan(40);
    expect(procedures.length).toBeGreaterThanOrEqual(operations.length);
  });

  it.each(operations.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))("REST %s", { timeout: 120_000 }, async (_name, operation) => {
    await fc.assert(
      fc.asyncProperty(junkInput(operation.inputFields, exampleInput(operation.procedure)), async (input) => {
        const request = restRequest(operation, input);
        await send(operation.method, request.path, request.body);
      }),
      { numRuns: RUNS },
    );
  });

  // Express decodes a route's path parameters before its input is read: an escape it cannot decode never reaches the junk above.
  it.each(operations.filter((operation) => operation.path.includes("{")).map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
    "REST %s: a path parameter that is not valid URL-encoding is 400",
    async (_name, operation) => {
      expect(await send(operation.method, `/v1${operation.path.replace(/\{\w+\}/g, "%ZZ")}`, takesBody(operation.method) ? "{}" : undefined)).toBe(400);
    },
  );

  it.each(procedures.map((procedure) => [procedure.path, procedure] as const))("tRPC %s", { timeout: 120_000 }, async (path, procedure) => {
    const fields = operations.find((operation) => operation.procedure === path)?.inputFields ?? [];
    await fc.assert(
      fc.asyncProperty(junkInput(fields, exampleInput(path)), async (input) => {
        const json = JSON.stringify(input);
        if (procedure.type === "query") await send("GET", `/trpc/${path}?input=${encodeURIComponent(json)}`);
        else await send("POST", `/trpc/${path}`, json);
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ["PagerDuty", "alerts.pagerDuty", "/v2/enqueue", "routing_key"],
    ["PagerDuty change events", "alerts.pagerDutyChange", "/v2/change/enqueue", "routing_key"],
    ["PagerDuty Events API v1", "alerts.pagerDutyV1", "/generic/2010-04-15/create_event.json", "service_key"],
    ["Alertmanager", "alerts.alertmanager", "/v1/integrations/alertmanager/{routingKey}", "routing_key"],
    ["Grafana", "alerts.grafana", "/v1/integrations/grafana/{routingKey}", "routing_key"],
    ["generic webhook", "alerts.webhook", "/v1/integrations/webhook/{routingKey}", "routing_key"],
  ] as const)("ingestion: %s", { timeout: 120_000 }, async (_name, examples, route, keyField) => {
    const { routingKey: _exampleKey, ...example } = exampleInput(examples);
    const fields = Object.keys(example);
    await fc.assert(
      fc.asyncProperty(junkInput(fields, example), fc.boolean(), async (input, realKey) => {
        const key = realKey ? routingKey : "unknown-routing-key";
        const body = typeof input === "object" && input !== null && !Array.isArray(input) && keyField in input ? { ...input, [keyField]: key } : input;
        await send("POST", route.replace("{routingKey}", key), JSON.stringify(body));
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
