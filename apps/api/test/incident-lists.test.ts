import { randomUUID } from "node:crypto";
import type { Incident, IncidentEvent } from "@incidentops/core";
import type { IncidentSeverity, IncidentStatus } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import { anIncident, aService, expectError, useTestApi } from "@incidentops/testkit";
import { incidentCalls, newCaller, PATH_TO, type Caller } from "./support/incidents.js";

// Listing incidents and their timelines: filters, limits and keyset pagination. The lifecycle:
// incidents.test.ts.

const api = useTestApi();
const { transition, eventRows, listPage } = incidentCalls(api);

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Newest first: (createdAt, id) strictly descending. ISO strings and lowercase UUIDs sort like their values. */
function isStrictlyNewestFirst(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): boolean {
  const ta = Date.parse(a.createdAt);
  const tb = Date.parse(b.createdAt);
  return ta > tb || (ta === tb && a.id > b.id);
}

function countBy<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

describe("GET /v1/incidents filters and limits", () => {
  let caller: Caller;
  let otherServiceId: string;
  const ids: Record<"a" | "b" | "c" | "d" | "e", string> = { a: "", b: "", c: "", d: "", e: "" };

  beforeAll(async () => {
    caller = await newCaller(api.current);
    otherServiceId = (await aService(api.current, caller.token)).id;
    const seed = async (serviceId: string, severity: IncidentSeverity, status: IncidentStatus) => {
      const created = await anIncident(api.current, caller.token, serviceId, { severity });
      let version = created.version;
      for (const step of PATH_TO[status]) {
        const res = await transition(caller, created.id, step, version);
        if (res.status !== 200) throw new Error(`seed transition failed: ${JSON.stringify(res.body)}`);
        version = res.body.version;
      }
      return created.id;
    };
    ids.a = await seed(caller.serviceId, "sev1", "triggered");
    ids.b = await seed(caller.serviceId, "sev2", "acknowledged");
    ids.c = await seed(otherServiceId, "sev1", "resolved");
    ids.d = await seed(otherServiceId, "sev3", "triggered");
    ids.e = await seed(caller.serviceId, "sev1", "mitigated");
    // Noise in another org, which must never show up.
    const other = await newCaller(api.current);
    await anIncident(api.current, other.token, other.serviceId, { severity: "sev1" });
  });

  const list = (params: Record<string, string | number | undefined>) => listPage<Incident>(caller, "/v1/incidents", params);

  it.each([
    { label: "no filter", params: () => ({}), expected: ["a", "b", "c", "d", "e"] },
    { label: "status=triggered", params: () => ({ status: "triggered" }), expected: ["a", "d"] },
    { label: "status=resolved", params: () => ({ status: "resolved" }), expected: ["c"] },
    { label: "serviceId=first", params: () => ({ serviceId: caller.serviceId }), expected: ["a", "b", "e"] },
    { label: "serviceId=second", params: () => ({ serviceId: otherServiceId }), expected: ["c", "d"] },
    { label: "severity=sev1", params: () => ({ severity: "sev1" }), expected: ["a", "c", "e"] },
    { label: "severity=sev4", params: () => ({ severity: "sev4" }), expected: [] },
    { label: "serviceId+severity", params: () => ({ serviceId: caller.serviceId, severity: "sev1" }), expected: ["a", "e"] },
    { label: "status+severity", params: () => ({ status: "triggered", severity: "sev1" }), expected: ["a"] },
    {
      label: "status+serviceId+severity",
      params: () => ({ status: "mitigated", serviceId: caller.serviceId, severity: "sev1" }),
      expected: ["e"],
    },
    { label: "status+serviceId with no match", params: () => ({ status: "resolved", serviceId: caller.serviceId }), expected: [] },
    { label: "unknown serviceId", params: () => ({ serviceId: randomUUID() }), expected: [] },
  ] as const)("filters: $label", async ({ params, expected }) => {
    const res = await list(params());
    expect(res.status).toBe(200);
    // Seeded in order a..e, so newest first is the reverse.
    const expectedIds = expected.map((k) => ids[k]).reverse();
    expect(res.body.items.map((i) => i.id)).toEqual(expectedIds);
    expect(res.body.nextCursor).toBeNull();
    for (let i = 1; i < res.body.items.length; i++) {
      const prev = res.body.items[i - 1];
      const cur = res.body.items[i];
      if (prev === undefined || cur === undefined) throw new Error("unreachable");
      expect(isStrictlyNewestFirst(prev, cur)).toBe(true);
    }
  });

  it.each([
    { label: "status", params: { status: "open" } },
    { label: "severity", params: { severity: "sev9" } },
    { label: "serviceId", params: { serviceId: "not-a-uuid" } },
  ])("refuses an invalid $label filter with 400 VALIDATION_FAILED", async ({ label, params }) => {
    const res = await list(params);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(res.body.details).toHaveProperty(["fields", label]);
  });

  it.each([
    { label: "an array-style filter", params: { "status[]": "triggered" }, unknown: "status[]" },
    { label: "a misspelt filter", params: { serviceID: "x", severity: "sev1" }, unknown: "serviceID" },
    { label: "another operation's parameter", params: { incidentId: "x" }, unknown: "incidentId" },
  ])("refuses $label with 400 VALIDATION_FAILED naming it, instead of answering unfiltered", async ({ params, unknown }) => {
    const body = expectError(await list(params), 400, "VALIDATION_FAILED");
    expect(body.message).toContain(unknown);
    expect(body.message).toContain("this operation takes status, serviceId, severity, assignedTo, teamId");
    expect(Object.keys(body.details.fields ?? {})).toEqual([unknown]);
  });

  it("refuses a parameter given twice, and one with no name, saying so", async () => {
    const twice = expectError(await api.current.request("GET", "/v1/incidents?status=triggered&status=acknowledged", { token: caller.token }), 400, "VALIDATION_FAILED");
    expect(twice.details.fields).toEqual({ status: ["given 2 times: give it once"] });
    const nameless = expectError(await api.current.request("GET", "/v1/incidents?=x", { token: caller.token }), 400, "VALIDATION_FAILED");
    expect(nameless.message).toContain('Query parameters refused: ""');
  });

  it("refuses a query parameter on an operation that takes none, or takes a body", async () => {
    const get = expectError(await api.current.request("GET", `/v1/incidents/${ids.a}?include=timeline`, { token: caller.token }), 400, "VALIDATION_FAILED");
    expect(get.details.fields).toEqual({ include: ["unknown query parameter: this operation takes no query parameters"] });
    const before = await api.current.request<Incident>("GET", `/v1/incidents/${ids.a}`, { token: caller.token });
    const post = await api.current.request("POST", `/v1/incidents/${ids.a}/transition?dryRun=true`, {
      token: caller.token,
      body: { toStatus: "acknowledged", version: before.body.version },
    });
    expect(expectError(post, 400, "VALIDATION_FAILED").details.fields).toHaveProperty("dryRun");
    const after = await api.current.request<Incident>("GET", `/v1/incidents/${ids.a}`, { token: caller.token });
    expect(after.body).toEqual(before.body);
  });

  it("answers a caller without a valid credential 401 before looking at its query parameters, as for a known one", async () => {
    // A read (served before express) and a change (through express), unknown and known parameters alike.
    const paths = [
      ["GET", "/v1/incidents?serviceID=x"],
      ["GET", "/v1/incidents?status=open"],
      ["GET", `/v1/incidents/${ids.a}?include=timeline`],
      ["POST", `/v1/incidents/${ids.a}/transition?dryRun=true`],
    ] as const;
    for (const token of [undefined, "not-a-token"]) {
      for (const [method, path] of paths) expectError(await api.current.request(method, path, { token, body: method === "POST" ? {} : undefined }), 401, "UNAUTHORIZED");
    }
  });

  it.each([0, 201, -1, 1.5, "ten"])("refuses limit=%j with 400 VALIDATION_FAILED", async (limit) => {
    const res = await list({ limit });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(res.body.details).toHaveProperty(["fields", "limit"]);
  });

  it("accepts the bounds limit=1 and limit=200", async () => {
    const one = await list({ limit: 1 });
    expect(one.status).toBe(200);
    expect(one.body.items.map((i) => i.id)).toEqual([ids.e]);
    expect(one.body.nextCursor).toEqual(expect.any(String));
    const max = await list({ limit: 200 });
    expect(max.status).toBe(200);
    expect(max.body.items).toHaveLength(5);
    expect(max.body.nextCursor).toBeNull();
  });

  it.each([
    { label: "garbage", cursor: "not a cursor!" },
    { label: "base64 of non-JSON", cursor: Buffer.from("hello").toString("base64url") },
    { label: "base64 of the wrong shape", cursor: Buffer.from(JSON.stringify({ seq: "1" })).toString("base64url") },
    { label: "a bad id", cursor: Buffer.from(JSON.stringify({ createdAt: new Date().toISOString(), id: "x" })).toString("base64url") },
    { label: "a bad time", cursor: Buffer.from(JSON.stringify({ createdAt: "yesterday", id: randomUUID() })).toString("base64url") },
    // Well-formed ISO-8601 that PostgreSQL cannot hold: must be a 400, never a 500.
    { label: "year 0000", cursor: Buffer.from(JSON.stringify({ createdAt: "0000-01-01T00:00:00Z", id: randomUUID() })).toString("base64url") },
  ])("refuses a cursor that is $label with 400 VALIDATION_FAILED", async ({ cursor }) => {
    const res = await list({ cursor });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(JSON.stringify(res.body)).not.toMatch(/select|from incidents/i);
  });

  it("defaults to 50 items per page", async () => {
    const big = await newCaller(api.current);
    await api.current.db
      .insertInto("incidents")
      .values(Array.from({ length: 51 }, (_, i) => ({ org_id: big.orgId, service_id: big.serviceId, title: `bulk ${i}` })))
      .execute();
    const first = await listPage<Incident>(big, "/v1/incidents", {});
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(50);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await listPage<Incident>(big, "/v1/incidents", { cursor: first.body.nextCursor ?? undefined });
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
  });
});

describe("keyset pagination", () => {
  it("walks 250 incidents (with shared created_at values) exactly once, newest first, while new ones are opened", async () => {
    const caller = await newCaller(api.current);
    const db = api.current.db;
    const base = Date.now() - 60 * 60 * 1000;

    // 120 incidents with one identical created_at, in one statement: page boundaries fall inside
    // this group, so only the id tie-break keeps the walk exact.
    const sameTime = new Date(base);
    const groupA = await db
      .insertInto("incidents")
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          org_id: caller.orgId,
          service_id: caller.serviceId,
          title: `same-time ${i}`,
          created_at: sameTime,
        })),
      )
      .returning("id")
      .execute();
    // 80 more, in pairs sharing a created_at, later than group A.
    const groupB = await db
      .insertInto("incidents")
      .values(
        Array.from({ length: 80 }, (_, i) => ({
          org_id: caller.orgId,
          service_id: caller.serviceId,
          title: `paired ${i}`,
          severity: i % 2 === 0 ? ("sev2" as const) : ("sev4" as const),
          created_at: new Date(base + (Math.floor(i / 2) + 1) * 1000),
        })),
      )
      .returning("id")
      .execute();
    // 50 through the API, 10 at a time (created_at = now(), so often shared as well).
    const groupC = await mapLimit(Array.from({ length: 50 }, (_, i) => i), 10, (i) =>
      anIncident(api.current, caller.token, caller.serviceId, { title: `api ${i}` }),
    );
    const originals = [...groupA.map((r) => r.id), ...groupB.map((r) => r.id), ...groupC.map((r) => r.id)];
    expect(new Set(originals).size).toBe(250);

    // The order the walk must reproduce, computed by the database itself.
    const expectedOrder = (
      await db
        .selectFrom("incidents")
        .select("id")
        .where("org_id", "=", caller.orgId)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .execute()
    ).map((r) => r.id);
    expect(expectedOrder).toHaveLength(250);

    const seen: Incident[] = [];
    const pageSizes: number[] = [];
    let inserted = 0;
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const fetchPage = listPage<Incident>(caller, "/v1/incidents", { limit: 50, cursor });
      // From the second page on, new incidents are opened while the page is being read.
      const insertMore =
        pages === 0
          ? Promise.resolve()
          : mapLimit([0, 1, 2], 3, async (i) => {
              await anIncident(api.current, caller.token, caller.serviceId, { title: `during walk ${pages}.${i}` });
              inserted++;
            });
      const [res] = await Promise.all([fetchPage, insertMore]);
      expect(res.status).toBe(200);
      pages++;
      pageSizes.push(res.body.items.length);
      seen.push(...res.body.items);
      // Opened between this page and the next.
      await anIncident(api.current, caller.token, caller.serviceId, { title: `between pages ${pages}` });
      inserted++;
      if (res.body.nextCursor === null) break;
      cursor = res.body.nextCursor;
      if (pages > 20) throw new Error("the walk does not end");
    }

    for (const size of pageSizes) expect(size).toBeLessThanOrEqual(50);
    // 250 is a multiple of 50: the fifth page is full and already says there is no next one.
    expect(pageSizes).toEqual([50, 50, 50, 50, 50]);
    const seenIds = seen.map((i) => i.id);
    const duplicates = [...countBy(seenIds)].filter(([, n]) => n > 1);
    expect(duplicates).toEqual([]);
    const originalSet = new Set(originals);
    expect(originals.filter((id) => !seenIds.includes(id))).toEqual([]);
    // Incidents opened during the walk are newer than every position walked, so none leak in.
    expect(seenIds.filter((id) => !originalSet.has(id))).toEqual([]);
    expect(seenIds).toEqual(expectedOrder);
    for (let i = 1; i < seen.length; i++) {
      const prev = seen[i - 1];
      const cur = seen[i];
      if (prev === undefined || cur === undefined) throw new Error("unreachable");
      expect(isStrictlyNewestFirst(prev, cur), `items ${i - 1} and ${i} out of order`).toBe(true);
    }

    // The inserts really happened and show up at the head of a fresh walk.
    expect(inserted).toBeGreaterThan(0);
    const total = await db
      .selectFrom("incidents")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("org_id", "=", caller.orgId)
      .executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(250 + inserted);
    const head = await listPage<Incident>(caller, "/v1/incidents", { limit: 1 });
    expect(originalSet.has(head.body.items[0]?.id ?? "")).toBe(false);

    // A filtered walk with a small page size over the paired group is exact as well.
    const expectedSev2 = (
      await db
        .selectFrom("incidents")
        .select("id")
        .where("org_id", "=", caller.orgId)
        .where("severity", "=", "sev2")
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .execute()
    ).map((r) => r.id);
    expect(expectedSev2).toHaveLength(40);
    const sev2: string[] = [];
    const sev2Sizes: number[] = [];
    let sevCursor: string | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const res = await listPage<Incident>(caller, "/v1/incidents", { severity: "sev2", limit: 7, cursor: sevCursor });
      expect(res.status).toBe(200);
      sev2Sizes.push(res.body.items.length);
      sev2.push(...res.body.items.map((i) => i.id));
      if (res.body.nextCursor === null) break;
      sevCursor = res.body.nextCursor;
    }
    expect(sev2Sizes).toEqual([7, 7, 7, 7, 7, 5]);
    expect(sev2).toEqual(expectedSev2);
  });

  it("walks a timeline with limit 2: every event once, oldest first", async () => {
    const caller = await newCaller(api.current);
    const incident = await anIncident(api.current, caller.token, caller.serviceId);
    for (let i = 1; i <= 6; i++) {
      const res = await api.current.request("POST", `/v1/incidents/${incident.id}/comment`, { token: caller.token, body: { body: `note ${i}` } });
      expect(res.status).toBe(201);
    }
    const stored = await eventRows(incident.id);
    expect(stored).toHaveLength(7);

    const walk = async (onPage?: (page: number) => Promise<void>) => {
      const events: IncidentEvent[] = [];
      const sizes: number[] = [];
      let cursor: string | undefined;
      for (let page = 1; page <= 20; page++) {
        const res = await listPage<IncidentEvent>(caller, `/v1/incidents/${incident.id}/events`, { limit: 2, cursor });
        expect(res.status).toBe(200);
        sizes.push(res.body.items.length);
        events.push(...res.body.items);
        if (res.body.nextCursor === null) return { events, sizes };
        cursor = res.body.nextCursor;
        if (onPage !== undefined) await onPage(page);
      }
      throw new Error("the walk does not end");
    };

    const first = await walk();
    expect(first.sizes).toEqual([2, 2, 2, 1]);
    expect(first.events.map((e) => e.id)).toEqual(stored.map((e) => e.id));
    expect(first.events.map((e) => e.kind)).toEqual(["created", ...Array<string>(6).fill("commented")]);
    expect(first.events.slice(1).map((e) => e.data.body)).toEqual(["note 1", "note 2", "note 3", "note 4", "note 5", "note 6"]);

    // Comments added between pages land at the end of an oldest-first walk, each seen once.
    let added = 0;
    const second = await walk(async (page) => {
      if (page <= 2) {
        added++;
        const res = await api.current.request("POST", `/v1/incidents/${incident.id}/comment`, { token: caller.token, body: { body: `late ${added}` } });
        expect(res.status).toBe(201);
      }
    });
    const storedAfter = await eventRows(incident.id);
    expect(storedAfter).toHaveLength(9);
    expect(second.events.map((e) => e.id)).toEqual(storedAfter.map((e) => e.id));
    expect(second.sizes.every((s) => s <= 2)).toBe(true);
  });

  it("refuses an incident-list cursor on the timeline, garbage and out-of-range positions with 400", async () => {
    const caller = await newCaller(api.current);
    const incident = await anIncident(api.current, caller.token, caller.serviceId);
    await anIncident(api.current, caller.token, caller.serviceId);
    const listCursor = (await listPage<Incident>(caller, "/v1/incidents", { limit: 1 })).body.nextCursor;
    expect(listCursor).toEqual(expect.any(String));
    const seqCursor = (seq: unknown) => Buffer.from(JSON.stringify({ seq })).toString("base64url");
    const crafted = [
      seqCursor("-1"),
      seqCursor("abc"),
      seqCursor(5),
      // 19 digits, but past the largest bigint: PostgreSQL would refuse it (a 500) if it got there.
      seqCursor("9999999999999999999"),
    ];
    for (const cursor of [listCursor ?? "", "%%%", ...crafted]) {
      const res = await listPage<IncidentEvent>(caller, `/v1/incidents/${incident.id}/events`, { cursor });
      expect(res.status, Buffer.from(cursor, "base64url").toString()).toBe(400);
      expect(res.body.code).toBe("VALIDATION_FAILED");
    }
    // The largest bigint itself is a valid position (past every event).
    const last = await listPage<IncidentEvent>(caller, `/v1/incidents/${incident.id}/events`, { cursor: seqCursor("9223372036854775807") });
    expect(last.status).toBe(200);
    expect(last.body).toEqual({ items: [], nextCursor: null });
  });
});

