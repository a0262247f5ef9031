import type { Incident, Service } from "@incidentops/core";
import { sql } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { listRestOperations } from "../src/operations.js";
import { PNG_1X1, storedFiles, uploadAttachment } from "./support/attachments.js";
import { appRouter } from "../src/router.js";
import {
  anApiKey,
  anIncident,
  anOrgOwner,
  aService,
  aUserWithRole,
  captureLogger,
  expectError,
  ok,
  useTestApi,
  waitFor,
  type Account,
  type HttpResponse,
} from "@incidentops/testkit";

// Idempotency keys (decision 0074): a write sent with `Idempotency-Key` keeps its answer in its own
// transaction; the same caller sending the same key again gets that answer back and nothing changes.

const logs = captureLogger();
const api = useTestApi({ logger: logs.logger });

let owner: Account;
let member: Account;
let service: Service;

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "Idempotent Org" });
  member = await aUserWithRole(api.current, owner.org.id, "member");
  service = await aService(api.current, owner.accessToken);
});

const REPLAYED = "idempotent-replayed";

const create = (token: string, key: string | undefined, body: Record<string, unknown>, serviceId = service.id) =>
  api.current.request<Incident>("POST", `/v1/services/${serviceId}/incidents`, {
    token,
    body,
    headers: key === undefined ? {} : { "idempotency-key": key },
  });

const transition = (token: string, key: string, incident: Pick<Incident, "id">, toStatus: string, version: number) =>
  api.current.request<Incident>("POST", `/v1/incidents/${incident.id}/transition`, { token, body: { toStatus, version }, headers: { "idempotency-key": key } });

/** How many incidents of the service have this title, and their `created` events. */
async function incidentsTitled(title: string, serviceId = service.id) {
  const rows = await api.current.db.selectFrom("incidents").select("id").where("service_id", "=", serviceId).where("title", "=", title).execute();
  const events = rows.length === 0 ? [] : await api.current.db.selectFrom("incident_events").select("id").where("incident_id", "in", rows.map((row) => row.id)).where("kind", "=", "created").execute();
  return { incidents: rows.length, createdEvents: events.length };
}

const keysOf = (orgId: string) => api.current.db.selectFrom("idempotent_requests").select(["key", "caller_id", "procedure"]).where("org_id", "=", orgId).execute();

let keyCounter = 0;
const aKey = () => `key-${process.pid}-${++keyCounter}-${crypto.randomUUID()}`;

function expectReplayOf(first: HttpResponse<Incident>, again: HttpResponse<Incident>): void {
  expect(again.status, JSON.stringify(again.body)).toBe(first.status);
  expect(again.body).toEqual(first.body);
  // The answer as it was sent: its fields in their order.
  expect(Object.keys(again.body)).toEqual(Object.keys(first.body));
  expect(first.headers.get(REPLAYED)).toBeNull();
  expect(again.headers.get(REPLAYED)).toBe("true");
}

describe("Idempotency-Key on REST writes", () => {
  it("answers a repeat with the first answer and opens one incident", async () => {
    const key = aKey();
    const body = { title: "Replayed outage", severity: "sev2" };
    const first = await create(member.accessToken, key, body);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await create(member.accessToken, key, body);
    expectReplayOf(first, again);
    expect(await incidentsTitled("Replayed outage")).toEqual({ incidents: 1, createdEvents: 1 });
    // The request's log line says which answer was a replay.
    const completed = (res: HttpResponse<Incident>) => logs.lines.find((line) => line.msg === "request completed" && line.requestId === res.headers.get("x-request-id"));
    await waitFor(() => completed(again), 5_000, "the replay's request line");
    expect(completed(again)).toMatchObject({ idempotentReplay: true, res: { statusCode: 201 } });
    expect(completed(first)).not.toHaveProperty("idempotentReplay");
  });

  it("reads the input as canonical JSON: the same fields in another order are the same request", async () => {
    const key = aKey();
    const first = await create(member.accessToken, key, { title: "Reordered", severity: "sev3", description: "d" });
    const again = await create(member.accessToken, key, { description: "d", severity: "sev3", title: "Reordered" });
    expectReplayOf(first, again);
  });

  it("refuses the same key with a different request (422 IDEMPOTENCY_KEY_REUSED) and changes nothing", async () => {
    const key = aKey();
    const first = await ok(create(member.accessToken, key, { title: "Key reused A" }), 201, "create");
    expectError(await create(member.accessToken, key, { title: "Key reused B" }), 422, "IDEMPOTENCY_KEY_REUSED");
    // Another operation with the same key is a different request too.
    expectError(await transition(member.accessToken, key, first, "acknowledged", first.version), 422, "IDEMPOTENCY_KEY_REUSED");
    expect(await incidentsTitled("Key reused B")).toEqual({ incidents: 0, createdEvents: 0 });
    const current = await ok(api.current.request<Incident>("GET", `/v1/incidents/${first.id}`, { token: member.accessToken }), 200, "get");
    expect(current).toMatchObject({ status: "triggered", version: first.version });
  });

  it("runs concurrent repeats of one key once: the others wait for it and replay its answer", async () => {
    const key = aKey();
    const body = { title: "Concurrent repeats" };
    const answers = await Promise.all(Array.from({ length: 8 }, () => create(member.accessToken, key, body)));
    for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers.get(REPLAYED) === "true")).toHaveLength(7);
    expect(await incidentsTitled("Concurrent repeats")).toEqual({ incidents: 1, createdEvents: 1 });
  });

  it("keeps nothing for a failed call: sending the key again runs the call again", async () => {
    const incident = await anIncident(api.current, member.accessToken, service.id, { title: "Stale version first" });
    const key = aKey();
    expectError(await transition(member.accessToken, key, incident, "acknowledged", incident.version + 5), 409, "VERSION_CONFLICT");
    expect((await keysOf(owner.org.id)).map((row) => row.key)).not.toContain(key);
    // The same key with the corrected request is not a reuse: the failed call left no key behind.
    const acknowledged = await transition(member.accessToken, key, incident, "acknowledged", incident.version);
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);
    expect(acknowledged.body).toMatchObject({ status: "acknowledged", version: incident.version + 1 });
    expectReplayOf(acknowledged, await transition(member.accessToken, key, incident, "acknowledged", incident.version));
  });

  it("scopes a key to its caller: another person, an API key or another org with the same key makes its own change", async () => {
    const key = aKey();
    const body = { title: "One key, many callers" };
    const apiKey = await anApiKey(api.current, owner.accessToken, { scope: "write" });
    const other = await anOrgOwner(api.current, { orgName: "Other Idempotent Org" });
    const otherService = await aService(api.current, other.accessToken);

    const byMember = await ok(create(member.accessToken, key, body), 201, "member");
    const byOwner = await ok(create(owner.accessToken, key, body), 201, "owner");
    const byKey = await ok(create(apiKey.secret, key, body), 201, "API key");
    const byOtherOrg = await create(other.accessToken, key, body, otherService.id);
    expect(byOtherOrg.status).toBe(201);
    expect(byOtherOrg.headers.get(REPLAYED)).toBeNull();
    expect(new Set([byMember.id, byOwner.id, byKey.id, byOtherOrg.body.id]).size).toBe(4);
    expect(await incidentsTitled("One key, many callers")).toEqual({ incidents: 3, createdEvents: 3 });

    // Each caller's repeat replays its own answer.
    expect((await create(owner.accessToken, key, body)).body.id).toBe(byOwner.id);
    expect((await create(apiKey.secret, key, body)).body.id).toBe(byKey.id);
    expect((await create(other.accessToken, key, body, otherService.id)).body.id).toBe(byOtherOrg.body.id);
  });

  it("takes a key again once its answer is older than 24 hours, and sweeps the caller's other expired keys", async () => {
    const body = { title: "Expired key" };
    const [expiring, stale] = [aKey(), aKey()];
    const first = await ok(create(member.accessToken, expiring, body), 201, "first");
    await ok(create(member.accessToken, stale, { title: "Stale key" }), 201, "stale");
    await api.current.db
      .updateTable("idempotent_requests")
      .set({ created_at: sql<Date>`now() - interval '25 hours'` })
      .where("key", "in", [expiring, stale])
      .execute();

    const again = await create(member.accessToken, expiring, body);
    expect(again.status).toBe(201);
    expect(again.headers.get(REPLAYED)).toBeNull();
    expect(again.body.id).not.toBe(first.id);
    const keys = (await keysOf(owner.org.id)).map((row) => row.key);
    expect(keys).toContain(expiring);
    expect(keys).not.toContain(stale);
    // Taken again, it replays its new answer.
    expect((await create(member.accessToken, expiring, body)).body.id).toBe(again.body.id);
  });

  it("refuses a malformed key (400 INVALID_IDEMPOTENCY_KEY) before changing anything; a read ignores the header", async () => {
    for (const key of ["", "x".repeat(256), "with space", "naïve"]) {
      const res = await api.current.request("POST", `/v1/services/${service.id}/incidents`, {
        token: member.accessToken,
        body: { title: "Malformed key" },
        headers: { "idempotency-key": key },
      });
      // fetch cannot send a non-ASCII header: the last one is sent as its UTF-8 bytes' Latin-1 reading, still not visible ASCII.
      const body = expectError(res, 400, "INVALID_IDEMPOTENCY_KEY");
      expect(body.details).toEqual({ reason: "malformed" });
    }
    expect(await incidentsTitled("Malformed key")).toEqual({ incidents: 0, createdEvents: 0 });
    const read = await api.current.request("GET", `/v1/org/services/${service.id}`, { token: member.accessToken, headers: { "idempotency-key": "with space" } });
    expect(read.status).toBe(200);
  });

  it("refuses a key on an operation whose answer holds a secret shown once, which is never kept", async () => {
    const res = await api.current.request("POST", "/v1/org/api-keys", {
      token: owner.accessToken,
      body: { name: "keyed key", scope: "read" },
      headers: { "idempotency-key": aKey() },
    });
    expect(expectError(res, 400, "INVALID_IDEMPOTENCY_KEY").details).toEqual({ reason: "secret_answer" });
    const keys = await api.current.db.selectFrom("api_keys").select("name").where("org_id", "=", owner.org.id).where("name", "=", "keyed key").execute();
    expect(keys).toEqual([]);
  });

  it("checks the caller before the key: a viewer's keyed write is 403 and claims nothing", async () => {
    const viewer = await aUserWithRole(api.current, owner.org.id, "viewer");
    const key = aKey();
    expectError(await create(viewer.accessToken, key, { title: "Viewer's try" }), 403, "FORBIDDEN");
    expect((await keysOf(owner.org.id)).map((row) => row.key)).not.toContain(key);
  });

  it("forgets a person's keys when they leave the org", async () => {
    const leaving = await aUserWithRole(api.current, owner.org.id, "member");
    await ok(create(leaving.accessToken, aKey(), { title: "Before leaving" }), 201, "create");
    const before = await api.current.db.selectFrom("idempotent_requests").select("key").where("user_id", "=", leaving.user.id).execute();
    expect(before).toHaveLength(1);
    await ok(api.current.request("DELETE", `/v1/org/members/${leaving.user.id}`, { token: owner.accessToken }), 200, "remove member");
    expect(await api.current.db.selectFrom("idempotent_requests").select("key").where("user_id", "=", leaving.user.id).execute()).toEqual([]);
  });
});

describe("Idempotency-Key on an attachment's upload", () => {
  it("answers a repeat with the first attachment, records one, and keeps no copy of the bytes", async () => {
    const incident = await anIncident(api.current, member.accessToken, service.id, { title: "Keyed upload" });
    const key = aKey();
    const upload = (bytes: Uint8Array) => uploadAttachment(api.current, member.accessToken, incident.id, { name: "graph.png", bytes }, { "idempotency-key": key });
    const filesBefore = (await storedFiles(api.current)).length;

    const first = await upload(PNG_1X1);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await upload(PNG_1X1);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get(REPLAYED)).toBe("true");
    expect(first.headers.get(REPLAYED)).toBeNull();
    const rows = await api.current.db.selectFrom("incident_attachments").select("id").where("incident_id", "=", incident.id).execute();
    expect(rows).toEqual([{ id: first.body.id }]);
    expect((await storedFiles(api.current)).length).toBe(filesBefore + 1);

    // Other bytes under the same key are another request.
    expectError(await upload(Buffer.concat([PNG_1X1, Buffer.from([0])])), 422, "IDEMPOTENCY_KEY_REUSED");
    expect((await storedFiles(api.current)).length).toBe(filesBefore + 1);
  });

  it("refuses a malformed key before reading the file", async () => {
    const incident = await anIncident(api.current, member.accessToken, service.id, { title: "Malformed upload key" });
    const res = await uploadAttachment(api.current, member.accessToken, incident.id, { name: "graph.png", bytes: PNG_1X1 }, { "idempotency-key": "two words" });
    expect(expectError(res, 400, "INVALID_IDEMPOTENCY_KEY").details).toEqual({ reason: "malformed" });
  });
});

describe("Idempotency-Key over tRPC", () => {
  it("replays a mutation's answer with the same header", async () => {
    const key = aKey();
    const call = () =>
      fetch(`${api.current.baseUrl}/trpc/incidents.create`, {
        method: "POST",
        headers: { authorization: `Bearer ${member.accessToken}`, "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify({ serviceId: service.id, title: "Over tRPC" }),
      });
    const first = await call();
    const again = await call();
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    const [firstBody, againBody] = [(await first.json()) as { result: { data: Incident } }, (await again.json()) as { result: { data: Incident } }];
    expect(againBody.result.data).toEqual(firstBody.result.data);
    expect(first.headers.get(REPLAYED)).toBeNull();
    expect(again.headers.get(REPLAYED)).toBe("true");
    expect(await incidentsTitled("Over tRPC")).toEqual({ incidents: 1, createdEvents: 1 });
  });

  it("refuses a key on a batch of several calls (400, reason batch) and changes nothing; a batch of one takes it", async () => {
    const key = aKey();
    const batch = (titles: string[]) =>
      fetch(`${api.current.baseUrl}/trpc/${titles.map(() => "incidents.create").join(",")}?batch=1`, {
        method: "POST",
        headers: { authorization: `Bearer ${member.accessToken}`, "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify(Object.fromEntries(titles.map((title, i) => [i, { serviceId: service.id, title }]))),
      });
    const refused = await batch(["Batched one", "Batched two"]);
    const answers = (await refused.json()) as { error?: { data: { code: string; httpStatus: number; details: unknown } } }[];
    expect(answers).toHaveLength(2);
    for (const answer of answers) expect(answer.error?.data).toMatchObject({ code: "INVALID_IDEMPOTENCY_KEY", httpStatus: 400, details: { reason: "batch" } });
    expect(await incidentsTitled("Batched one")).toEqual({ incidents: 0, createdEvents: 0 });
    expect(await incidentsTitled("Batched two")).toEqual({ incidents: 0, createdEvents: 0 });
    expect(await keysOf(owner.org.id)).not.toContainEqual(expect.objectContaining({ key }));

    const single = await batch(["Batched alone"]);
    const again = await batch(["Batched alone"]);
    expect([single.status, again.status]).toEqual([200, 200]);
    expect(again.headers.get(REPLAYED)).toBe("true");
    expect(await incidentsTitled("Batched alone")).toEqual({ incidents: 1, createdEvents: 1 });
  });
});

describe("writes whose answer holds a secret", () => {
  /** The property names anywhere in a JSON Schema. */
  const propertyNames = (schema: unknown): string[] => {
    if (typeof schema !== "object" || schema === null) return [];
    const node = schema as Record<string, unknown>;
    const own = typeof node.properties === "object" && node.properties !== null ? Object.keys(node.properties) : [];
    return [...own, ...Object.values(node).flatMap(propertyNames)];
  };
  const SECRET_FIELD = /^(secret|token|ticket|accessToken|refreshToken)$/;

  it("are exactly the authenticated writes answering a secret-named field, and declare it (answersSecret): their answers are never kept", () => {
    const writes = listRestOperations(appRouter).filter((o) => o.access.kind !== "public" && o.type === "mutation" && o.meta.readCall !== true);
    const answeringSecrets = writes.filter((o) => o.output !== undefined && propertyNames(z.toJSONSchema(o.output, { io: "output" })).some((name) => SECRET_FIELD.test(name)));
    expect(answeringSecrets.map((o) => o.procedure).sort()).toEqual(writes.filter((o) => o.meta.answersSecret === true).map((o) => o.procedure).sort());
    expect(answeringSecrets.map((o) => o.procedure)).toEqual(expect.arrayContaining(["org.apiKeys.create", "org.invitations.create", "org.notificationTargets.rotateSecret"]));
  });
});
