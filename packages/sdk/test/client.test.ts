import { describe, expect, test } from "vitest";
import { PASSWORD, rejectionOf, uniqueEmail, useTestApi } from "@incidentops/testkit";
import {
  createIncidentOpsClient,
  fieldErrors,
  IncidentOpsClient,
  IncidentOpsError,
  isIncidentOpsError,
  isInvalidTransition,
  isNotFound,
  isValidationError,
  isVersionConflict,
  type Incident,
} from "../src/index.js";
import { recordingFetch, registerThroughSdk } from "./helpers.js";

const api = useTestApi();

const email = () => uniqueEmail("sdk");
const password = PASSWORD;

/** A new account (and org) through the SDK, and a client logged in as its admin. */
async function signUp() {
  const registered = await registerThroughSdk(api.current, { name: "Ada", orgName: "Acme" });
  const client = createIncidentOpsClient({
    baseUrl: api.current.baseUrl,
    auth: { accessToken: registered.accessToken, refreshToken: registered.refreshToken },
  });
  return { client, registered };
}

describe("calls against the live API", () => {
  test("register, log in, create a service and an incident, list, transition, comment, read the timeline", async () => {
    const anonymous = createIncidentOpsClient({ baseUrl: `${api.current.baseUrl}/` });
    const address = email();
    const registered = await anonymous.auth.register({ email: address, password, name: "Ada", orgName: "Acme" });
    expect(registered.tokenType).toBe("Bearer");
    expect(registered.org.role).toBe("admin");

    const client = await IncidentOpsClient.login({ baseUrl: api.current.baseUrl, email: address, password });
    expect(client.getTokens()?.accessToken).toEqual(expect.any(String));
    const me = await client.auth.me();
    expect(me.user.email).toBe(address);
    expect(me.org.id).toBe(registered.org.id);

    const service = await client.org.services.create({ name: "checkout", description: "the checkout flow" });
    expect(service).toMatchObject({ name: "checkout", description: "the checkout flow", escalationPolicyId: null });
    expect(await client.org.services.get({ serviceId: service.id })).toEqual(service);

    const incident = await client.incidents.create({ serviceId: service.id, title: "Checkout returns 500", severity: "sev2" });
    expect(incident).toMatchObject({ serviceId: service.id, status: "triggered", severity: "sev2", version: 1 });

    const listed = await client.incidents.list({ status: "triggered" });
    expect(listed.items.map((i) => i.id)).toEqual([incident.id]);
    expect(listed.nextCursor).toBeNull();
    expect((await client.incidents.list({ status: "resolved" })).items).toEqual([]);

    const acknowledged = await client.incidents.transition({ incidentId: incident.id, toStatus: "acknowledged", version: incident.version });
    expect(acknowledged).toMatchObject({ status: "acknowledged", version: 2 });
    expect(acknowledged.acknowledgedAt).toEqual(expect.any(String));

    const comment = await client.incidents.comment({ incidentId: incident.id, body: "Rolling back" });
    expect(comment).toMatchObject({ kind: "commented", incidentId: incident.id });

    const timeline = await client.incidents.events({ incidentId: incident.id });
    expect(timeline.items.map((e) => e.kind)).toEqual(["created", "status_changed", "commented"]);
    // A comment adds to the timeline without changing the incident itself.
    expect(await client.incidents.get({ incidentId: incident.id })).toMatchObject({ status: "acknowledged", version: 2 });
  });

  test("a stale version surfaces as an IncidentOpsError with code VERSION_CONFLICT and changes nothing", async () => {
    const { client } = await signUp();
    const service = await client.org.services.create({ name: "api" });
    const incident = await client.incidents.create({ serviceId: service.id, title: "Latency" });
    await client.incidents.transition({ incidentId: incident.id, toStatus: "acknowledged", version: incident.version });

    const error = await rejectionOf(client.incidents.transition({ incidentId: incident.id, toStatus: "resolved", version: incident.version }));
    expect(error).toBeInstanceOf(IncidentOpsError);
    expect(isVersionConflict(error)).toBe(true);
    if (!isIncidentOpsError(error)) throw error;
    expect(error.code).toBe("VERSION_CONFLICT");
    expect(error.httpStatus).toBe(409);
    expect(error.traceId).toEqual(expect.any(String));
    expect(error.procedure).toBe("incidents.transition");
    expect(error.message).not.toBe("");
    expect((await client.incidents.get({ incidentId: incident.id })).status).toBe("acknowledged");
  });

  test("other API errors keep their code, status, details and trace id", async () => {
    const { client } = await signUp();
    const service = await client.org.services.create({ name: "db" });
    const incident = await client.incidents.create({ serviceId: service.id, title: "Disk full" });

    const invalid = await rejectionOf(client.incidents.transition({ incidentId: incident.id, toStatus: "mitigated", version: 1 }));
    expect(isInvalidTransition(invalid)).toBe(true);

    const missing = await rejectionOf(client.incidents.get({ incidentId: "00000000-0000-4000-8000-000000000000" }));
    expect(isNotFound(missing)).toBe(true);
    expect(missing).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });

    const validation = await rejectionOf(client.incidents.create({ serviceId: service.id, title: "" }));
    expect(isValidationError(validation)).toBe(true);
    expect(validation).toMatchObject({ httpStatus: 400 });
    expect(Object.keys(fieldErrors(validation))).toEqual(["title"]);

    const traced = await rejectionOf(client.incidents.get({ incidentId: "00000000-0000-4000-8000-000000000001" }, { requestId: "trace-me-123" }));
    expect(traced).toMatchObject({ code: "NOT_FOUND", traceId: "trace-me-123" });
  });

  test("listAll iterates every page, following nextCursor until it is null", async () => {
    const { client } = await signUp();
    const service = await client.org.services.create({ name: "search" });
    const created: Incident[] = [];
    for (let i = 0; i < 7; i++) created.push(await client.incidents.create({ serviceId: service.id, title: `incident ${i}` }));
    await client.incidents.transition({ incidentId: created[0]?.id ?? "", toStatus: "resolved", version: 1 });

    const recorder = recordingFetch();
    const paged = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: client.getTokens(), fetch: recorder.fetch });
    const seen: string[] = [];
    for await (const incident of paged.incidents.listAll({ limit: 3 })) seen.push(incident.id);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(created.map((i) => i.id)));
    expect(recorder.count("incidents.list")).toBe(3); // 3 + 3 + 1

    const triggered: string[] = [];
    for await (const incident of paged.incidents.listAll({ status: "triggered", limit: 2 })) triggered.push(incident.status);
    expect(triggered).toEqual(Array(6).fill("triggered"));

    // The timeline too: created + 4 comments, two per page.
    const target = created[1]?.id ?? "";
    for (let i = 0; i < 4; i++) await client.incidents.comment({ incidentId: target, body: `note ${i}` });
    const kinds: string[] = [];
    for await (const event of paged.incidents.eventsAll({ incidentId: target, limit: 2 })) kinds.push(event.kind);
    expect(kinds).toEqual(["created", "commented", "commented", "commented", "commented"]);
    expect(recorder.count("incidents.events")).toBe(3);

    // And any other paginated list, e.g. services.
    const services: string[] = [];
    for await (const s of paged.org.services.listAll()) services.push(s.name);
    expect(services).toEqual(["search"]);
  });

  test("sends the client's and the call's headers, and queries as GET", async () => {
    const { registered } = await signUp();
    const recorder = recordingFetch();
    const client = createIncidentOpsClient({
      baseUrl: api.current.baseUrl,
      auth: { accessToken: registered.accessToken },
      fetch: recorder.fetch,
      headers: () => ({ "X-App": "sdk-test" }),
    });
    await client.org.get(undefined, { headers: { "x-call": "one" } });
    const [request] = recorder.requests;
    expect(request?.method).toBe("GET");
    expect(request?.headers.get("authorization")).toBe(`Bearer ${registered.accessToken}`);
    expect(request?.headers.get("x-app")).toBe("sdk-test");
    expect(request?.headers.get("x-call")).toBe("one");
  });

  test("an API key is sent as a bearer token and never refreshed", async () => {
    const recorder = recordingFetch();
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: { apiKey: "iok_not_a_real_key" }, fetch: recorder.fetch });
    const error = await rejectionOf(client.org.get());
    expect(error).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
    expect(recorder.requests.map((r) => r.procedure)).toEqual(["org.get"]);
    expect(recorder.requests[0]?.headers.get("authorization")).toBe("Bearer iok_not_a_real_key");
  });

  test("an answer that is not the API's (wrong baseUrl) is an IncidentOpsError with the HTTP status", async () => {
    const client = createIncidentOpsClient({ baseUrl: `${api.current.baseUrl}/nowhere` });
    const error = await rejectionOf(client.org.get());
    expect(isIncidentOpsError(error)).toBe(true);
    expect(error).toMatchObject({ code: "NOT_FOUND", httpStatus: 404, procedure: "org.get" });
  });
});

describe("API keys", () => {
  test("a write key opens and transitions incidents; a read key reads but cannot change anything", async () => {
    const { client: admin } = await signUp();
    const service = await admin.org.services.create({ name: "payments" });
    const writeKey = await admin.org.apiKeys.create({ name: "alerting", scope: "write" });
    const readKey = await admin.org.apiKeys.create({ name: "dashboard", scope: "read" });
    expect(writeKey.secret).toMatch(/^iok_/);

    const machine = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: { apiKey: writeKey.secret } });
    const incident = await machine.incidents.create({ serviceId: service.id, title: "Payment provider timeouts" });
    const acked = await machine.incidents.transition({ incidentId: incident.id, toStatus: "acknowledged", version: incident.version });
    expect(acked.status).toBe("acknowledged");

    const reader = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: { apiKey: readKey.secret } });
    expect((await reader.incidents.get({ incidentId: incident.id })).status).toBe("acknowledged");
    const refused = await rejectionOf(reader.incidents.comment({ incidentId: incident.id, body: "from a read key" }));
    expect(isIncidentOpsError(refused) && refused.code === "FORBIDDEN" && refused.httpStatus === 403).toBe(true);

    await admin.org.apiKeys.revoke({ keyId: readKey.id });
    const revoked = await rejectionOf(reader.incidents.get({ incidentId: incident.id }));
    expect(isIncidentOpsError(revoked) && revoked.code === "UNAUTHORIZED").toBe(true);
  });
});
