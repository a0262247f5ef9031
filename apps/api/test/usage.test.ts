import { randomUUID } from "node:crypto";
import { loadConfig, type TokenResponse, type Usage } from "@incidentops/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aUserWithRole,
  countRows,
  incidentState,
  startTestApi,
  TEST_JWT_SECRET,
  useTestApi,
  writeCallsCounted,
  type HttpResponse,
  type TestApi,
} from "@incidentops/testkit";
import { PNG_1X1, storedFiles, uploadAttachment } from "./support/attachments.js";

const QUOTA = 3;
const api = useTestApi({ env: { ORG_DAILY_WRITE_QUOTA: String(QUOTA) } });

/** A fresh org (its own quota), with its admin's token. Registering is not a write call of the org. */
async function freshOrg(t: TestApi = api.current): Promise<TokenResponse> {
  return anOrgOwner(t, { orgName: `Usage ${randomUUID()}` });
}

async function usageOf(token: string, t: TestApi = api.current): Promise<Usage> {
  const res = await t.request<Usage>("GET", "/v1/usage", { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const storedCount = (orgId: string, t: TestApi = api.current) => writeCallsCounted(t.db, orgId);

/** What a write call could change in an org: its rows in every table a mutation here writes. */
async function orgState(orgId: string) {
  const db = api.current.db;
  const count = (table: "services" | "incidents" | "incident_events" | "notification_targets" | "audit_log") => countRows(db, table, { org_id: orgId });
  return {
    services: await count("services"),
    incidents: await count("incidents"),
    events: await count("incident_events"),
    targets: await count("notification_targets"),
    audit: await count("audit_log"),
  };
}

const newService = (token: string) => api.current.request<{ id: string }>("POST", "/v1/org/services", { token, body: { name: `svc-${randomUUID()}` } });

function expectQuotaExceeded(res: HttpResponse): void {
  expect(res.status, JSON.stringify(res.body)).toBe(429);
  expect(res.body).toMatchObject({ code: "QUOTA_EXCEEDED", details: { quota: QUOTA } });
  expect(res.body.traceId).toBe(res.headers.get("x-request-id"));
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(86_400);
}

describe("the daily write quota", () => {
  it("answers the call after the quota with 429 QUOTA_EXCEEDED, changing nothing", async () => {
    const owner = await freshOrg();
    const token = owner.accessToken;
    const service = await aService(api.current, token); // 1
    const incident = await anIncident(api.current, token, service.id); // 2
    const ack = await api.current.request("POST", `/v1/incidents/${incident.id}/transition`, {
      token,
      body: { toStatus: "acknowledged", version: incident.version },
    }); // 3
    expect(ack.status).toBe(200);
    expect(await storedCount(owner.org.id)).toBe(QUOTA);

    const before = await orgState(owner.org.id);
    const incidentBefore = await incidentState(api.current.db, incident.id);
    const refusals = [
      await newService(token),
      await api.current.request("POST", `/v1/incidents/${incident.id}/transition`, { token, body: { toStatus: "resolved", version: incidentBefore.version } }),
      await api.current.request("POST", `/v1/incidents/${incident.id}/comment`, { token, body: { body: "over quota" } }),
      await api.current.request("POST", "/v1/org/notification-targets", {
        token,
        body: { name: "over quota", type: "webhook", config: { url: "http://127.0.0.1:9/hook" } },
      }),
      await api.current.request("PATCH", `/v1/org/services/${service.id}`, { token, body: { description: "over quota" } }),
    ];
    for (const res of refusals) expectQuotaExceeded(res);
    expect(await orgState(owner.org.id)).toEqual(before);
    expect(await incidentState(api.current.db, incident.id)).toEqual(incidentBefore);
    // A refused call counts nothing.
    expect(await storedCount(owner.org.id)).toBe(QUOTA);
  });

  it("still serves reads over the quota", async () => {
    const owner = await freshOrg();
    const token = owner.accessToken;
    const service = await aService(api.current, token);
    for (let i = 1; i < QUOTA; i++) await aService(api.current, token);
    expectQuotaExceeded(await newService(token));
    const services = await api.current.request<{ items: { id: string }[] }>("GET", "/v1/org/services", { token });
    expect(services.status).toBe(200);
    expect(services.body.items.map((s) => s.id)).toContain(service.id);
    expect((await api.current.request("GET", `/v1/org/services/${service.id}`, { token })).status).toBe(200);
    expect((await api.current.request("GET", "/v1/org", { token })).status).toBe(200);
    expect((await usageOf(token)).today.writeCalls).toBe(QUOTA);
  });

  it("is per org: another org is unaffected", async () => {
    const full = await freshOrg();
    for (let i = 0; i < QUOTA; i++) await aService(api.current, full.accessToken);
    expectQuotaExceeded(await newService(full.accessToken));

    const other = await freshOrg();
    expect((await newService(other.accessToken)).status).toBe(201);
    expect(await storedCount(other.org.id)).toBe(1);
    expect(await storedCount(full.org.id)).toBe(QUOTA);
    // Every member of an org shares its quota.
    const sameUserOtherOrg = await aUserWithRole(api.current, other.org.id, "admin");
    expect((await newService(sameUserOtherOrg.accessToken)).status).toBe(201);
    expect(await storedCount(other.org.id)).toBe(2);
  });

  it("is exact under concurrency: never more successful writes than the quota", async () => {
    const owner = await freshOrg();
    const calls = 12;
    const results = await Promise.all(Array.from({ length: calls }, () => newService(owner.accessToken)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(QUOTA);
    expect(statuses.filter((s) => s === 429)).toHaveLength(calls - QUOTA);
    for (const res of results.filter((r) => r.status === 429)) expectQuotaExceeded(res);
    expect((await orgState(owner.org.id)).services).toBe(QUOTA);
    expect(await storedCount(owner.org.id)).toBe(QUOTA);
    const created = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id));
    const stored = await api.current.db.selectFrom("services").select("id").where("org_id", "=", owner.org.id).execute();
    expect(new Set(stored.map((s) => s.id))).toEqual(created);
  });

  it("counts failed write calls too, but not the refused ones", async () => {
    const owner = await freshOrg();
    const token = owner.accessToken;
    const service = await aService(api.current, token); // 1
    // A conflict (the name is taken) and a missing incident: both reached their procedure.
    const conflict = await api.current.request("POST", "/v1/org/services", { token, body: { name: service.name } }); // 2
    expect(conflict.status).toBe(409);
    const missing = await api.current.request("POST", `/v1/incidents/${randomUUID()}/comment`, { token, body: { body: "x" } }); // 3
    expect(missing.status).toBe(404);
    expect(await storedCount(owner.org.id)).toBe(3);
    // The quota is used up by them.
    expectQuotaExceeded(await newService(token));
    // No credentials: no org to count for.
    expect((await api.current.request("POST", "/v1/org/services", { body: { name: "anonymous" } })).status).toBe(401);
    expect(await storedCount(owner.org.id)).toBe(3);
    expect((await orgState(owner.org.id)).services).toBe(1);
  });

  it("counts API key write calls against the same org quota", async () => {
    const owner = await freshOrg();
    const key = await api.current.request<{ secret: string }>("POST", "/v1/org/api-keys", {
      token: owner.accessToken,
      body: { name: "monitoring", scope: "write" },
    }); // 1
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    const headers = { "x-api-key": key.body.secret };
    const viaKey = () => api.current.request("POST", "/v1/org/services", { headers, body: { name: `svc-${randomUUID()}` } });
    expect((await viaKey()).status).toBe(201); // 2
    expect((await viaKey()).status).toBe(201); // 3
    const before = await orgState(owner.org.id);
    expectQuotaExceeded(await viaKey());
    expectQuotaExceeded(await newService(owner.accessToken));
    expect(await orgState(owner.org.id)).toEqual(before);
    expect(await storedCount(owner.org.id)).toBe(QUOTA);
    // Reading with the key still works.
    expect((await api.current.request("GET", "/v1/org/services", { headers })).status).toBe(200);
  });

  it("never locks admins out of taking access away: revoking a key or removing a member works over the quota", async () => {
    const owner = await freshOrg();
    const colleague = await aUserWithRole(api.current, owner.org.id, "member");
    const key = await api.current.request<{ id: string; secret: string }>("POST", "/v1/org/api-keys", {
      token: owner.accessToken,
      body: { name: "leaked", scope: "write" },
    }); // 1
    expect(key.status).toBe(201);
    const headers = { "x-api-key": key.body.secret };
    // The leaked key burns the rest of the day's quota.
    for (let i = 1; i < QUOTA; i++) {
      expect((await api.current.request("POST", "/v1/org/services", { headers, body: { name: `spam-${randomUUID()}` } })).status).toBe(201);
    }
    expectQuotaExceeded(await api.current.request("POST", "/v1/org/services", { headers, body: { name: "spam" } }));
    expectQuotaExceeded(await newService(owner.accessToken));

    const revoked = await api.current.request("POST", `/v1/org/api-keys/${key.body.id}/revoke`, { token: owner.accessToken });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect((await api.current.request("GET", "/v1/org/services", { headers })).status).toBe(401);
    const removed = await api.current.request("DELETE", `/v1/org/members/${colleague.user.id}`, { token: owner.accessToken });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    // They still count as write calls; everything else is still refused.
    expect(await storedCount(owner.org.id)).toBe(QUOTA + 2);
    expectQuotaExceeded(await newService(owner.accessToken));
    expect((await usageOf(owner.accessToken)).today).toMatchObject({ writeCalls: QUOTA + 2, remaining: 0 });
  });

  it("answers over tRPC with QUOTA_EXCEEDED in error.data", async () => {
    const owner = await freshOrg();
    for (let i = 0; i < QUOTA; i++) await aService(api.current, owner.accessToken);
    await expect(api.current.trpc(owner.accessToken).org.services.create.mutate({ name: "one too many" })).rejects.toMatchObject({
      data: { code: "QUOTA_EXCEEDED", httpStatus: 429 },
    });
    expect((await orgState(owner.org.id)).services).toBe(QUOTA);
  });
});

describe("the daily write quota and Idempotency-Key", () => {
  const keyed = (key: string) => ({ "idempotency-key": key });

  it("answers a keyed write sent again over the quota with its first answer, and refuses a new one", async () => {
    const owner = await freshOrg();
    const token = owner.accessToken;
    for (let i = 1; i < QUOTA; i++) await aService(api.current, token);
    const createKeyed = (key: string) => api.current.request("POST", "/v1/org/services", { token, body: { name: "the last one" }, headers: keyed(key) });
    const first = await createKeyed("quota-last");
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const before = await orgState(owner.org.id);

    const replay = await createKeyed("quota-last");
    expect(replay.status, JSON.stringify(replay.body)).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expectQuotaExceeded(await createKeyed("quota-new"));
    expectQuotaExceeded(await newService(token));
    expect(await orgState(owner.org.id)).toEqual(before);
    expect(await countRows(api.current.db, "idempotent_requests", { org_id: owner.org.id })).toBe(1);
    expect(await storedCount(owner.org.id)).toBe(QUOTA);
  });

  it("answers a keyed upload sent again over the quota with its first attachment", async () => {
    const owner = await freshOrg();
    const token = owner.accessToken;
    const service = await aService(api.current, token);
    const incident = await anIncident(api.current, token, service.id);
    const upload = (key: string) => uploadAttachment(api.current, token, incident.id, { name: "graph.png", bytes: PNG_1X1 }, keyed(key));
    const first = await upload("upload-last");
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(await storedCount(owner.org.id)).toBe(QUOTA);
    const files = await storedFiles(api.current);

    const replay = await upload("upload-last");
    expect(replay.status, JSON.stringify(replay.body)).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expectQuotaExceeded(await upload("upload-new"));
    expect(await countRows(api.current.db, "incident_attachments", { incident_id: incident.id })).toBe(1);
    expect(await storedFiles(api.current)).toEqual(files);
  });
});

describe("GET /v1/usage", () => {
  it("shows today's count, the quota and what is left", async () => {
    const owner = await freshOrg();
    const token = owner.accessToken;
    const empty = await usageOf(token);
    expect(empty.quota).toBe(QUOTA);
    expect(empty.today).toMatchObject({ writeCalls: 0, remaining: QUOTA });
    await aService(api.current, token);
    await aService(api.current, token);
    const usage = await usageOf(token);
    expect(usage.today).toMatchObject({ writeCalls: 2, remaining: 1 });
    // Reading usage is not a write call.
    expect((await usageOf(token)).today.writeCalls).toBe(2);
    const stored = await api.current.db.selectFrom("org_usage_daily").select(["day", "write_calls"]).where("org_id", "=", owner.org.id).execute();
    expect(stored).toEqual([{ day: usage.today.day, write_calls: 2 }]);
    // The next UTC midnight after today.
    expect(usage.today.resetsAt).toBe(new Date(Date.parse(`${usage.today.day}T00:00:00Z`) + 86_400_000).toISOString());
    await aService(api.current, token);
    expectQuotaExceeded(await newService(token));
    expect((await usageOf(token)).today).toMatchObject({ writeCalls: QUOTA, remaining: 0 });
  });

  it("counts a write sent again with its Idempotency-Key each time, as any call that reached the API", async () => {
    const owner = await freshOrg();
    const keyed = () => api.current.request("POST", "/v1/org/services", { token: owner.accessToken, body: { name: "keyed" }, headers: { "idempotency-key": "usage-once" } });
    expect((await keyed()).status).toBe(201);
    const replay = await keyed();
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect((await usageOf(owner.accessToken)).today).toMatchObject({ writeCalls: 2, remaining: QUOTA - 2 });
    expect(await countRows(api.current.db, "services", { org_id: owner.org.id })).toBe(1);
  });

  it("holds the day's total to the quota when calls were counted in several rows (counted before the quota was set)", async () => {
    const owner = await freshOrg();
    const today = (await usageOf(owner.accessToken)).today.day;
    await api.current.db.insertInto("org_usage_daily").values({ org_id: owner.org.id, day: today, shard: 7, write_calls: QUOTA - 1 }).execute();
    expect((await usageOf(owner.accessToken)).today).toMatchObject({ writeCalls: QUOTA - 1, remaining: 1 });
    const results = await Promise.all([newService(owner.accessToken), newService(owner.accessToken), newService(owner.accessToken)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 429, 429]);
    expect(await storedCount(owner.org.id)).toBe(QUOTA);
  });

  it("lists the last 30 UTC days, today first, with past days and zero days", async () => {
    const owner = await freshOrg();
    await aService(api.current, owner.accessToken);
    const today = (await usageOf(owner.accessToken)).today.day;
    const dayBefore = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    await api.current.db
      .insertInto("org_usage_daily")
      .values([
        { org_id: owner.org.id, day: dayBefore(1), write_calls: 17 },
        { org_id: owner.org.id, day: dayBefore(29), write_calls: 5 },
        { org_id: owner.org.id, day: dayBefore(30), write_calls: 99 },
      ])
      .execute();
    const usage = await usageOf(owner.accessToken);
    expect(usage.days).toHaveLength(30);
    expect(usage.days.map((d) => d.day)).toEqual(Array.from({ length: 30 }, (_, n) => dayBefore(n)));
    expect(usage.days[0]).toEqual({ day: today, writeCalls: 1 });
    expect(usage.days[1]).toEqual({ day: dayBefore(1), writeCalls: 17 });
    expect(usage.days[29]).toEqual({ day: dayBefore(29), writeCalls: 5 });
    expect(usage.days.slice(2, 29).every((d) => d.writeCalls === 0)).toBe(true);
    // Yesterday's calls do not count against today's quota.
    expect(usage.today).toMatchObject({ writeCalls: 1, remaining: QUOTA - 1 });
  });

  it("shows only the caller's org", async () => {
    const a = await freshOrg();
    const b = await freshOrg();
    await aService(api.current, a.accessToken);
    await aService(api.current, a.accessToken);
    expect((await usageOf(a.accessToken)).today.writeCalls).toBe(2);
    expect((await usageOf(b.accessToken)).today.writeCalls).toBe(0);
  });

  it("is for admins only", async () => {
    const owner = await freshOrg();
    for (const role of ["member", "viewer"] as const) {
      const user = await aUserWithRole(api.current, owner.org.id, role);
      const res = await api.current.request("GET", "/v1/usage", { token: user.accessToken });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await api.current.request("GET", "/v1/usage")).status).toBe(401);
  });
});

describe("without ORG_DAILY_WRITE_QUOTA", () => {
  let unlimited: TestApi;
  beforeAll(async () => {
    unlimited = await startTestApi();
  });
  afterAll(async () => {
    await unlimited.close();
  });

  it("never refuses, and still counts", async () => {
    const owner = await freshOrg(unlimited);
    const calls = 8;
    const results = await Promise.all(
      Array.from({ length: calls }, () =>
        unlimited.request("POST", "/v1/org/services", { token: owner.accessToken, body: { name: `svc-${randomUUID()}` } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: calls }, () => 201));
    const usage = await usageOf(owner.accessToken, unlimited);
    expect(usage.quota).toBeNull();
    expect(usage.today).toMatchObject({ writeCalls: calls, remaining: null });
    expect(await storedCount(owner.org.id, unlimited)).toBe(calls);
  });
});

describe("ORG_DAILY_WRITE_QUOTA", () => {
  const base = { NODE_ENV: "test", JWT_SECRET_KEY: TEST_JWT_SECRET };
  it("is unlimited by default and reads a positive integer", () => {
    expect(loadConfig(base).orgDailyWriteQuota).toBeNull();
    expect(loadConfig({ ...base, ORG_DAILY_WRITE_QUOTA: "" }).orgDailyWriteQuota).toBeNull();
    expect(loadConfig({ ...base, ORG_DAILY_WRITE_QUOTA: "1000" }).orgDailyWriteQuota).toBe(1000);
  });

  it.each(["0", "-1", "1.5", "lots"])("refuses %s, naming the variable", (value) => {
    expect(() => loadConfig({ ...base, ORG_DAILY_WRITE_QUOTA: value })).toThrow(/ORG_DAILY_WRITE_QUOTA/);
  });
});
