import { heartbeatService, type Heartbeat, type Incident } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  aHeartbeat,
  anOrgOwner,
  aService,
  aUserWithRole,
  expectError,
  expectValidationFailed,
  heartbeatKey,
  insideOneMinuteWindow,
  listEvents,
  ok,
  queuedJobs,
  recordedAtItsTime,
  sleep,
  useTestStack,
  waitFor,
  type Account,
} from "@incidentops/testkit";

// Heartbeat monitors, with a real worker: a miss is detected at its deadline (a job per heartbeat,
// moved by each ping) and opens one incident; the next ping resolves it. Intervals are at least a
// minute, so each test moves a heartbeat's creation back (the owner's connection) and then
// changes its interval, which moves its deadline to seconds from now.

const PING_LIMIT = 5;
const stack = useTestStack({ INGEST_RATE_LIMIT_PER_MINUTE: String(PING_LIMIT) });

let owner: Account;
let serviceId: string;

beforeAll(async () => {
  owner = await anOrgOwner(stack.current.api, { orgName: "Heartbeat Org" });
  serviceId = (await aService(stack.current.api, owner.accessToken)).id;
  await stack.current.startWorker();
});

const heartbeatsPath = (service: string) => `/v1/org/services/${service}/heartbeats`;
const heartbeatPath = (heartbeat: { serviceId: string; id: string }) => `${heartbeatsPath(heartbeat.serviceId)}/${heartbeat.id}`;
/** The ping URL's path (the URL names the configured public host). */
const pingPath = (heartbeat: Heartbeat) => new URL(heartbeat.pingUrl).pathname;

const read = (heartbeat: Heartbeat) => ok(stack.current.api.request<Heartbeat>("GET", heartbeatPath(heartbeat), { token: owner.accessToken }), 200, "get heartbeat");
const ping = (heartbeat: Heartbeat, method: "POST" | "GET" = "POST") => stack.current.api.request<{ ok: boolean; status: string; dueAt: string }>(method, pingPath(heartbeat));

/** A heartbeat whose deadline is `seconds` from now: created a minute ago (less the seconds), then given a 60 s interval. */
async function aHeartbeatDueIn(seconds: number, service = serviceId): Promise<Heartbeat> {
  const { api } = stack.current;
  const heartbeat = await aHeartbeat(api, owner.accessToken, service, { intervalSeconds: 61 });
  const createdAt = new Date(Date.now() - 60_000 + seconds * 1000);
  await api.db.updateTable("heartbeat_monitors").set({ created_at: createdAt }).where("id", "=", heartbeat.id).execute();
  return ok(api.request<Heartbeat>("PATCH", heartbeatPath(heartbeat), { token: owner.accessToken, body: { intervalSeconds: 60 } }), 200, "arm heartbeat");
}

const incidentsOf = async (heartbeat: Heartbeat): Promise<Incident[]> =>
  (await stack.current.api.request<{ items: Incident[] }>("GET", `/v1/incidents?serviceId=${heartbeat.serviceId}`, { token: owner.accessToken })).body.items.filter(
    (i) => i.dedupKey === `heartbeat:${heartbeat.id}`,
  );

const anIncidentOf = (heartbeat: Heartbeat, status: string) =>
  waitFor(async () => (await incidentsOf(heartbeat)).find((i) => i.status === status), 10_000, `a ${status} incident of the heartbeat`);

describe("a missed heartbeat", () => {
  it("opens one incident within 5 s of its deadline and not before; the next ping resolves it", { timeout: 40_000 }, async () => {
    const heartbeat = await aHeartbeatDueIn(4);
    expect(heartbeat.status).toBe("inactive");
    const dueAt = Date.parse(heartbeat.dueAt);
    expect(dueAt - Date.now()).toBeGreaterThan(1_500);
    const [job] = await queuedJobs(stack.current.api.db, { key: heartbeatKey(heartbeat.id) });
    expect(job?.runAt).toBe(heartbeat.dueAt);

    const incident = await recordedAtItsTime(async () => (await incidentsOf(heartbeat))[0], dueAt, "the heartbeat's incident");
    expect(incident).toMatchObject({ title: `Heartbeat ${heartbeat.name} missed`, severity: "sev2", status: "triggered", serviceId });
    expect(await read(heartbeat)).toMatchObject({ status: "expired", lastPingAt: null });

    // The check running again (a retry, a duplicate) opens nothing more; nor does time passing.
    const payload = { orgId: owner.org.id, heartbeatId: heartbeat.id, requestId: "test-rerun" };
    expect(await heartbeatService.runHeartbeatCheck(stack.current.api.db, payload)).toBe("skipped");
    await sleep(1_500);
    expect(await incidentsOf(heartbeat)).toHaveLength(1);
    expect(await queuedJobs(stack.current.api.db, { key: heartbeatKey(heartbeat.id) })).toEqual([]);

    const pinged = await ping(heartbeat);
    expect(pinged.status).toBe(200);
    expect(pinged.body).toMatchObject({ ok: true, status: "healthy" });
    expect(await incidentsOf(heartbeat)).toMatchObject([{ id: incident.id, status: "resolved" }]);
    const after = await read(heartbeat);
    expect(after.status).toBe("healthy");
    expect(after.lastPingAt).not.toBeNull();
    expect(Date.parse(after.dueAt) - Date.parse(after.lastPingAt ?? "")).toBe(60_000);

    const events = await listEvents(stack.current.api, owner.accessToken, incident.id);
    const created = events.find((e) => e.kind === "created");
    expect(created?.data).toMatchObject({ heartbeat: { id: heartbeat.id, name: heartbeat.name, intervalSeconds: 60, lastPingAt: null, event: "missed" } });
    const resolved = events.find((e) => e.kind === "status_changed");
    expect(resolved?.data).toMatchObject({ toStatus: "resolved", heartbeat: { id: heartbeat.id, event: "pinged", lastPingAt: after.lastPingAt } });
    expect(resolved?.actorUserId).toBeNull();

    // A healthy heartbeat's pings (GET too) only move its deadline.
    expect((await ping(heartbeat, "GET")).status).toBe(200);
    expect(await incidentsOf(heartbeat)).toHaveLength(1);
  });

  it("stays healthy when pinged before its deadline: the ping moves the check an interval on", { timeout: 30_000 }, async () => {
    const heartbeat = await aHeartbeatDueIn(3);
    const pinged = await ping(heartbeat);
    expect(pinged.status).toBe(200);
    const [job] = await queuedJobs(stack.current.api.db, { key: heartbeatKey(heartbeat.id) });
    expect(job?.runAt).toBe(pinged.body.dueAt);
    await sleep(Date.parse(heartbeat.dueAt) - Date.now() + 2_500);
    expect(await incidentsOf(heartbeat)).toEqual([]);
    expect(await read(heartbeat)).toMatchObject({ status: "healthy", dueAt: pinged.body.dueAt });
  });

  it("opens no incident during a maintenance window: the miss is recorded there", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const service = await aService(api, owner.accessToken);
    const end = new Date(Date.now() + 3_600_000).toISOString();
    const window = await ok(api.request<{ id: string }>("POST", `/v1/org/services/${service.id}/maintenance-windows`, { token: owner.accessToken, body: { end, reason: "upgrade" } }), 201, "window");
    const heartbeat = await aHeartbeatDueIn(0, service.id);
    const alerts = await waitFor(async () => {
      const res = await api.request<{ items: { dedupKey: string; summary: string }[] }>("GET", `/v1/org/services/${service.id}/maintenance-windows/${window.id}/alerts`, { token: owner.accessToken });
      return res.body.items.length > 0 ? res.body.items : undefined;
    }, 10_000, "the suppressed miss");
    expect(alerts).toMatchObject([{ dedupKey: `heartbeat:${heartbeat.id}`, summary: `Heartbeat ${heartbeat.name} missed` }]);
    expect(await incidentsOf(heartbeat)).toEqual([]);
    expect((await read(heartbeat)).status).toBe("expired");
    expect((await ping(heartbeat)).status).toBe(200);
    expect((await read(heartbeat)).status).toBe("healthy");
  });

  it("resolves once when pings arrive together after a miss", { timeout: 30_000 }, async () => {
    const heartbeat = await aHeartbeatDueIn(0);
    const incident = await anIncidentOf(heartbeat, "triggered");
    const answers = await Promise.all(Array.from({ length: PING_LIMIT }, () => ping(heartbeat)));
    expect(answers.map((a) => a.status)).toEqual(Array(PING_LIMIT).fill(200));
    const events = await listEvents(stack.current.api, owner.accessToken, incident.id);
    expect(events.filter((e) => e.kind === "status_changed")).toHaveLength(1);
    expect(await incidentsOf(heartbeat)).toMatchObject([{ status: "resolved" }]);
  });
});

describe("heartbeat routes", () => {
  it("creates, lists, renames and deletes a heartbeat; deleting drops its pending check", async () => {
    const { api } = stack.current;
    const heartbeat = await aHeartbeat(api, owner.accessToken, serviceId, { name: "nightly-backup", intervalSeconds: 93_600 });
    expect(heartbeat).toMatchObject({ name: "nightly-backup", intervalSeconds: 93_600, status: "inactive", lastPingAt: null, serviceId });
    expect(heartbeat.pingUrl).toMatch(/\/v1\/heartbeats\/iohb_[0-9a-f]{32}$/);
    const listed = await ok(api.request<{ items: Heartbeat[] }>("GET", heartbeatsPath(serviceId), { token: owner.accessToken }), 200, "list");
    expect(listed.items.map((h) => h.id)).toContain(heartbeat.id);
    const renamed = await ok(api.request<Heartbeat>("PATCH", heartbeatPath(heartbeat), { token: owner.accessToken, body: { name: "backup" } }), 200, "rename");
    expect(renamed).toMatchObject({ name: "backup", intervalSeconds: 93_600, dueAt: heartbeat.dueAt });
    expect(await queuedJobs(api.db, { key: heartbeatKey(heartbeat.id) })).toHaveLength(1);
    expect((await api.request("DELETE", heartbeatPath(heartbeat), { token: owner.accessToken })).body).toEqual({ ok: true });
    expect(await queuedJobs(api.db, { key: heartbeatKey(heartbeat.id) })).toEqual([]);
    expectError(await api.request("GET", heartbeatPath(heartbeat), { token: owner.accessToken }), 404, "NOT_FOUND");
    expectError(await ping(heartbeat), 404, "NOT_FOUND");
  });

  it("refuses bad input, naming the field, and creates nothing", async () => {
    const { api } = stack.current;
    const service = await aService(api, owner.accessToken);
    const create = (body: Record<string, unknown>) => api.request("POST", heartbeatsPath(service.id), { token: owner.accessToken, body });
    expect(expectValidationFailed(await create({ name: "x", intervalSeconds: 59 }))).toEqual(["intervalSeconds"]);
    expect(expectValidationFailed(await create({ name: "x", intervalSeconds: 604_801 }))).toEqual(["intervalSeconds"]);
    expect(expectValidationFailed(await create({ name: "x", intervalSeconds: 90.5 }))).toEqual(["intervalSeconds"]);
    expect(expectValidationFailed(await create({ name: "x", intervalSeconds: "60" }))).toEqual(["intervalSeconds"]);
    expect(expectValidationFailed(await create({ name: " ", intervalSeconds: 60 }))).toEqual(["name"]);
    expect(expectValidationFailed(await create({ intervalSeconds: 60 }))).toEqual(["name"]);
    expect(expectValidationFailed(await api.request("GET", `${heartbeatsPath(service.id)}/not-a-uuid`, { token: owner.accessToken }))).toEqual(["heartbeatId"]);
    const heartbeat = await aHeartbeat(api, owner.accessToken, service.id);
    expect(expectValidationFailed(await api.request("PATCH", heartbeatPath(heartbeat), { token: owner.accessToken, body: { intervalSeconds: 0 } }))).toEqual(["intervalSeconds"]);
    expect((await api.request<{ items: unknown[] }>("GET", heartbeatsPath(service.id), { token: owner.accessToken })).body.items).toHaveLength(1);
    expect((await read(heartbeat)).intervalSeconds).toBe(60);
  });

  it("refuses HEAD (405, Allow: GET, POST): an uptime check or a link preview does not count as a ping", async () => {
    const heartbeat = await aHeartbeat(stack.current.api, owner.accessToken, serviceId);
    const res = await fetch(`${stack.current.api.baseUrl}${pingPath(heartbeat)}`, { method: "HEAD" });
    expect([res.status, res.headers.get("allow")]).toEqual([405, "GET, POST"]);
    expect(await read(heartbeat)).toMatchObject({ status: "inactive", lastPingAt: null });
  });

  it("answers 404 to an unknown token, by POST and GET, and 400 to one with a NUL byte", async () => {
    const { api } = stack.current;
    expectError(await api.request("POST", "/v1/heartbeats/iohb_00000000000000000000000000000000"), 404, "NOT_FOUND");
    expectError(await api.request("GET", "/v1/heartbeats/nonsense"), 404, "NOT_FOUND");
    expect((await api.request("POST", "/v1/heartbeats/iohb_%00")).status).toBe(400);
  });

  it("takes a limited number of pings per heartbeat and minute: over it, 429 with Retry-After, and the ping is not recorded", async () => {
    const heartbeat = await aHeartbeat(stack.current.api, owner.accessToken, serviceId);
    await insideOneMinuteWindow();
    for (let i = 0; i < PING_LIMIT; i++) expect((await ping(heartbeat)).status).toBe(200);
    const before = await read(heartbeat);
    const refused = await ping(heartbeat);
    expectError(refused, 429, "RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await read(heartbeat)).lastPingAt).toBe(before.lastPingAt);
    // Another heartbeat has its own allowance.
    expect((await ping(await aHeartbeat(stack.current.api, owner.accessToken, serviceId))).status).toBe(200);
  });

  it("lets admins manage heartbeats (their ping URL is a credential): members and viewers get 403", async () => {
    const { api } = stack.current;
    const heartbeat = await aHeartbeat(api, owner.accessToken, serviceId);
    for (const role of ["member", "viewer"] as const) {
      const { accessToken: token } = await aUserWithRole(api, owner.org.id, role);
      expectError(await api.request("GET", heartbeatsPath(serviceId), { token }), 403, "FORBIDDEN");
      expectError(await api.request("GET", heartbeatPath(heartbeat), { token }), 403, "FORBIDDEN");
      expectError(await api.request("POST", heartbeatsPath(serviceId), { token, body: { name: "x", intervalSeconds: 60 } }), 403, "FORBIDDEN");
      expectError(await api.request("PATCH", heartbeatPath(heartbeat), { token, body: { name: "x" } }), 403, "FORBIDDEN");
      expectError(await api.request("DELETE", heartbeatPath(heartbeat), { token }), 403, "FORBIDDEN");
    }
  });

  it("keeps each org's heartbeats to itself: another org's service or heartbeat id is 404 on every route", async () => {
    const { api } = stack.current;
    const heartbeat = await aHeartbeat(api, owner.accessToken, serviceId);
    const other = await anOrgOwner(api);
    const otherService = await aService(api, other.accessToken);
    const token = other.accessToken;
    expectError(await api.request("GET", heartbeatsPath(serviceId), { token }), 404, "NOT_FOUND");
    expectError(await api.request("POST", heartbeatsPath(serviceId), { token, body: { name: "x", intervalSeconds: 60 } }), 404, "NOT_FOUND");
    for (const path of [heartbeatPath(heartbeat), `${heartbeatsPath(otherService.id)}/${heartbeat.id}`]) {
      expectError(await api.request("GET", path, { token }), 404, "NOT_FOUND");
      expectError(await api.request("PATCH", path, { token, body: { name: "stolen" } }), 404, "NOT_FOUND");
      expectError(await api.request("DELETE", path, { token }), 404, "NOT_FOUND");
    }
    // Nor does one service's heartbeat answer under another service of the same org.
    const sibling = await aService(api, owner.accessToken);
    expectError(await api.request("GET", `${heartbeatsPath(sibling.id)}/${heartbeat.id}`, { token: owner.accessToken }), 404, "NOT_FOUND");
    expect(await read(heartbeat)).toMatchObject({ name: heartbeat.name });
  });
});
