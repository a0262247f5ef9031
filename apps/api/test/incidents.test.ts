import { randomUUID } from "node:crypto";
import type { Incident, IncidentEvent, Page } from "@incidentops/core";
import { createDb, sql, type IncidentSeverity, type IncidentStatus } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import { anIncident, anOrgOwner, aService, EXPECTED_ALLOWED, STATUSES, useTestApi, type TestApi } from "@incidentops/testkit";

const api = useTestApi();

// ---------------------------------------------------------------------------------------------
// Local helpers (helpers.ts is shared with other files and left alone).
// ---------------------------------------------------------------------------------------------

interface ErrorResponse {
  code: string;
  message: string;
  traceId: string;
  details: Record<string, unknown>;
}

interface Caller {
  token: string;
  userId: string;
  orgId: string;
  serviceId: string;
}

/** A new user in a new org (so list assertions see only this caller's incidents), with one service. */
async function newCaller(t: TestApi): Promise<Caller> {
  const reg = await anOrgOwner(t);
  const service = await aService(t, reg.accessToken);
  return { token: reg.accessToken, userId: reg.user.id, orgId: reg.org.id, serviceId: service.id };
}

/** Allowed moves that bring a new (triggered) incident into each status. */
const PATH_TO: Record<IncidentStatus, readonly IncidentStatus[]> = {
  triggered: [],
  acknowledged: ["acknowledged"],
  mitigated: ["acknowledged", "mitigated"],
  resolved: ["resolved"],
};

const TIMESTAMP_FIELD = {
  triggered: "triggeredAt",
  acknowledged: "acknowledgedAt",
  mitigated: "mitigatedAt",
  resolved: "resolvedAt",
} as const satisfies Record<IncidentStatus, keyof Incident>;

function transition(c: Caller, incidentId: string, toStatus: IncidentStatus, version: number) {
  return api.current.request<Incident & ErrorResponse>("POST", `/v1/incidents/${incidentId}/transition`, {
    token: c.token,
    body: { toStatus, version },
  });
}

/** A fresh incident walked into `status` through allowed transitions. */
async function incidentIn(c: Caller, status: IncidentStatus): Promise<Incident> {
  const created = await anIncident(api.current, c.token, c.serviceId);
  let current = await getIncident(c, created.id);
  for (const step of PATH_TO[status]) {
    const res = await transition(c, current.id, step, current.version);
    if (res.status !== 200) throw new Error(`setup transition to ${step} failed: ${res.status} ${JSON.stringify(res.body)}`);
    current = res.body;
  }
  expect(current.status).toBe(status);
  return current;
}

async function getIncident(c: Caller, id: string): Promise<Incident> {
  const res = await api.current.request<Incident>("GET", `/v1/incidents/${id}`, { token: c.token });
  if (res.status !== 200) throw new Error(`get incident failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The incident's row as stored, for "nothing changed" comparisons. */
function incidentRow(id: string) {
  return api.current.db.selectFrom("incidents").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

function eventRows(incidentId: string) {
  return api.current.db
    .selectFrom("incident_events")
    .selectAll()
    .where("incident_id", "=", incidentId)
    .orderBy("seq")
    .execute();
}

async function listPage<T>(c: Caller, path: string, params: Record<string, string | number | undefined>) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  const qs = query.toString();
  return api.current.request<Page<T> & ErrorResponse>("GET", `${path}${qs === "" ? "" : `?${qs}`}`, { token: c.token });
}

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

// ---------------------------------------------------------------------------------------------

describe("state machine through the API", () => {
  let caller: Caller;
  beforeAll(async () => {
    caller = await newCaller(api.current);
  });

  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => ({ from, to, allowed: EXPECTED_ALLOWED.has(`${from}->${to}`) })));

  it("has all 16 pairs, 5 of them allowed", () => {
    expect(pairs).toHaveLength(16);
    expect(pairs.filter((p) => p.allowed)).toHaveLength(5);
  });

  it.each(pairs.filter((p) => p.allowed))("allows $from -> $to", async ({ from, to }) => {
    const before = await incidentIn(caller, from);
    const eventsBefore = await eventRows(before.id);

    const res = await transition(caller, before.id, to, before.version);

    expect(res.status).toBe(200);
    expect(res.body.id).toBe(before.id);
    expect(res.body.status).toBe(to);
    expect(res.body.version).toBe(before.version + 1);
    const stamped = res.body[TIMESTAMP_FIELD[to]];
    expect(stamped).not.toBeNull();
    expect(stamped).toBe(res.body.updatedAt);
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
    // Timestamps of statuses not entered by this move are left as they were.
    for (const status of STATUSES) {
      if (status !== to) expect(res.body[TIMESTAMP_FIELD[status]]).toBe(before[TIMESTAMP_FIELD[status]]);
    }

    // The stored row agrees with the response.
    const row = await incidentRow(before.id);
    expect(row.status).toBe(to);
    expect(row.version).toBe(before.version + 1);

    // Exactly one new event: status_changed from -> to.
    const eventsAfter = await eventRows(before.id);
    expect(eventsAfter).toHaveLength(eventsBefore.length + 1);
    const last = eventsAfter.at(-1);
    expect(last?.kind).toBe("status_changed");
    expect(last?.actor_user_id).toBe(caller.userId);
    expect(last?.data).toMatchObject({ fromStatus: from, toStatus: to });

    // And the API's timeline shows it last.
    const timeline = await listPage<IncidentEvent>(caller, `/v1/incidents/${before.id}/events`, {});
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.at(-1)).toMatchObject({ kind: "status_changed", data: { fromStatus: from, toStatus: to } });
  });

  it.each(pairs.filter((p) => !p.allowed))("refuses $from -> $to with 409 INVALID_TRANSITION", async ({ from, to }) => {
    const before = await incidentIn(caller, from);
    const rowBefore = await incidentRow(before.id);
    const eventsBefore = await eventRows(before.id);

    const res = await transition(caller, before.id, to, before.version);

    expect(res.status).toBe(409);
    expect(res.body.code).toBe("INVALID_TRANSITION");
    expect(res.body.details).toMatchObject({ fromStatus: from, toStatus: to });
    expect(typeof res.body.traceId).toBe("string");

    const rowAfter = await incidentRow(before.id);
    expect(rowAfter.version).toBe(rowBefore.version);
    expect(rowAfter.status).toBe(rowBefore.status);
    expect(rowAfter.updated_at.getTime()).toBe(rowBefore.updated_at.getTime());
    expect(rowAfter).toEqual(rowBefore);
    expect(await eventRows(before.id)).toHaveLength(eventsBefore.length);
  });

  it("answers 404 for an unknown incident and for another org's incident", async () => {
    const unknown = await transition(caller, randomUUID(), "acknowledged", 1);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("NOT_FOUND");

    const other = await newCaller(api.current);
    const theirs = await anIncident(api.current, other.token, other.serviceId);
    const res = await transition(caller, theirs.id, "acknowledged", 1);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("NOT_FOUND");
    expect((await incidentRow(theirs.id)).status).toBe("triggered");
  });
});

describe("optimistic locking", () => {
  let caller: Caller;
  beforeAll(async () => {
    caller = await newCaller(api.current);
  });

  it.each([
    { label: "stale", sent: 1 },
    { label: "future", sent: 7 },
  ])("a $label version gets 409 VERSION_CONFLICT with details.currentVersion and changes nothing", async ({ sent }) => {
    const incident = await incidentIn(caller, "acknowledged");
    expect(incident.version).toBe(2);
    const rowBefore = await incidentRow(incident.id);
    const eventsBefore = await eventRows(incident.id);

    // mitigated is an allowed move: only the version is wrong.
    const res = await transition(caller, incident.id, "mitigated", sent);

    expect(res.status).toBe(409);
    expect(res.body.code).toBe("VERSION_CONFLICT");
    expect(res.body.details.currentVersion).toBe(2);
    expect(await incidentRow(incident.id)).toEqual(rowBefore);
    expect(await eventRows(incident.id)).toHaveLength(eventsBefore.length);
  });

  it("lets exactly one of 20 concurrent transitions with the same version win", async () => {
    const incident = await anIncident(api.current, caller.token, caller.serviceId);
    expect(incident.version).toBe(1);

    // Warm the HTTP keep-alive sockets and the server's pool first, so the 20 requests really
    // overlap instead of being staggered by connection setup.
    await Promise.all(Array.from({ length: 20 }, () => getIncident(caller, incident.id)));

    const results = await Promise.all(Array.from({ length: 20 }, () => transition(caller, incident.id, "acknowledged", 1)));

    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const loser of results.filter((r) => r.status === 409)) {
      expect(loser.body.code).toBe("VERSION_CONFLICT");
      expect(loser.body.details.currentVersion).toBe(2);
    }
    const winner = results.find((r) => r.status === 200);
    expect(winner?.body).toMatchObject({ status: "acknowledged", version: 2 });

    const events = await eventRows(incident.id);
    expect(events.filter((e) => e.kind === "status_changed")).toHaveLength(1);
    expect(events.map((e) => e.kind)).toEqual(["created", "status_changed"]);
    const row = await incidentRow(incident.id);
    expect(row.version).toBe(2);
    expect(row.status).toBe("acknowledged");
  });

  it("lets exactly one of 20 transitions win when all of them are queued behind a lock on the row", async () => {
    const incident = await anIncident(api.current, caller.token, caller.serviceId);
    await Promise.all(Array.from({ length: 20 }, () => getIncident(caller, incident.id)));
    // A connection of our own (the API's pool has exactly 20), holding the incident's row lock
    // until all 20 requests are waiting on it: every one of them has started before any can finish.
    const url = api.current.config.databaseUrl;
    if (url === undefined) throw new Error("the test API has no DATABASE_URL");
    const holder = createDb({ connectionString: url, max: 2, applicationName: "incidents-test-lock-holder" });
    try {
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holding = holder.transaction().execute(async (tx) => {
        await sql`SELECT id FROM incidents WHERE id = ${incident.id} FOR UPDATE`.execute(tx);
        locked();
        await released;
      });
      await isLocked;

      const requests = Promise.all(Array.from({ length: 20 }, () => transition(caller, incident.id, "acknowledged", 1)));
      try {
        for (let attempt = 0; ; attempt++) {
          const waiting = await sql<{ n: number }>`
            SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(holder);
          if ((waiting.rows[0]?.n ?? 0) >= 20) break;
          if (attempt > 300) throw new Error(`only ${waiting.rows[0]?.n ?? 0} requests ever waited on the row lock`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        release();
        await holding;
      }
      const results = await requests;

      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409 && r.body.code === "VERSION_CONFLICT")).toHaveLength(19);
      const events = await eventRows(incident.id);
      expect(events.filter((e) => e.kind === "status_changed")).toHaveLength(1);
      expect((await incidentRow(incident.id)).version).toBe(2);
    } finally {
      await holder.destroy();
    }
  });
});

describe("create", () => {
  let caller: Caller;
  beforeAll(async () => {
    caller = await newCaller(api.current);
  });

  const post = (serviceId: string, body: unknown) =>
    api.current.request<Incident & ErrorResponse>("POST", `/v1/services/${serviceId}/incidents`, { token: caller.token, body });

  it("applies the defaults and records the caller", async () => {
    const res = await post(caller.serviceId, { title: "Database is down" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      serviceId: caller.serviceId,
      title: "Database is down",
      description: null,
      severity: "sev3",
      status: "triggered",
      version: 1,
      createdBy: caller.userId,
      acknowledgedAt: null,
      mitigatedAt: null,
      resolvedAt: null,
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const row = await incidentRow(res.body.id);
    expect(row).toMatchObject({ org_id: caller.orgId, severity: "sev3", status: "triggered", version: 1, created_by: caller.userId });
  });

  it("trims the title and keeps an explicit severity and description", async () => {
    const res = await post(caller.serviceId, { title: "   Disk full on db-1 \t ", severity: "sev1", description: "df says 100%" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: "Disk full on db-1", severity: "sev1", description: "df says 100%" });
    expect((await incidentRow(res.body.id)).title).toBe("Disk full on db-1");
  });

  it.each([
    { label: "empty", title: "" },
    { label: "blank", title: "    " },
  ])("refuses an $label title with 400 VALIDATION_FAILED and details.fields.title", async ({ title }) => {
    const res = await post(caller.serviceId, { title });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(res.body.details).toHaveProperty(["fields", "title"]);
  });

  it("refuses a missing title", async () => {
    const res = await post(caller.serviceId, {});
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(res.body.details).toHaveProperty(["fields", "title"]);
  });

  it.each(["sev5", "SEV1", "critical", ""])("refuses severity %j with 400", async (severity) => {
    const res = await post(caller.serviceId, { title: "x", severity });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(res.body.details).toHaveProperty(["fields", "severity"]);
  });

  it("answers 404 for an unknown service and for another org's service, creating nothing", async () => {
    const count = async () =>
      Number((await api.current.db.selectFrom("incidents").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
    const before = await count();

    const unknown = await post(randomUUID(), { title: "x" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("NOT_FOUND");

    const other = await newCaller(api.current);
    const foreign = await post(other.serviceId, { title: "x" });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe("NOT_FOUND");

    expect(await count()).toBe(before);
  });

  it("refuses a serviceId that is not a UUID with 400", async () => {
    const res = await post("not-a-uuid", { title: "x" });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
  });

  it("appends a created event", async () => {
    const incident = await anIncident(api.current, caller.token, caller.serviceId, { title: "Queue backlog", severity: "sev2" });
    const events = await eventRows(incident.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "created", actor_user_id: caller.userId, org_id: caller.orgId });
    expect(events[0]?.data).toMatchObject({ title: "Queue backlog", severity: "sev2", status: "triggered" });

    const timeline = await listPage<IncidentEvent>(caller, `/v1/incidents/${incident.id}/events`, {});
    expect(timeline.status).toBe(200);
    expect(timeline.body.items).toHaveLength(1);
    expect(timeline.body.items[0]).toMatchObject({ kind: "created", incidentId: incident.id, actorUserId: caller.userId });
  });
});

describe("comment", () => {
  let caller: Caller;
  beforeAll(async () => {
    caller = await newCaller(api.current);
  });

  const comment = (incidentId: string, body: unknown) =>
    api.current.request<IncidentEvent & ErrorResponse>("POST", `/v1/incidents/${incidentId}/comment`, { token: caller.token, body });

  it("returns the new commented event with 201 and shows it on the timeline", async () => {
    const incident = await anIncident(api.current, caller.token, caller.serviceId);
    const res = await comment(incident.id, { body: "Rolling back the deploy" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      incidentId: incident.id,
      kind: "commented",
      actorUserId: caller.userId,
      data: { body: "Rolling back the deploy" },
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);

    const timeline = await listPage<IncidentEvent>(caller, `/v1/incidents/${incident.id}/events`, {});
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.map((e) => e.kind)).toEqual(["created", "commented"]);
    expect(timeline.body.items[1]).toEqual(res.body);
  });

  it("does not change the incident's version or status", async () => {
    const incident = await anIncident(api.current, caller.token, caller.serviceId);
    const before = await incidentRow(incident.id);
    expect((await comment(incident.id, { body: "looking" })).status).toBe(201);
    const after = await incidentRow(incident.id);
    expect(after.version).toBe(before.version);
    expect(after.status).toBe(before.status);
  });

  it.each([
    { label: "empty", body: { body: "" } },
    { label: "blank", body: { body: "   " } },
    { label: "missing", body: {} },
  ])("refuses an $label body with 400 and appends nothing", async ({ body }) => {
    const incident = await anIncident(api.current, caller.token, caller.serviceId);
    const res = await comment(incident.id, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(res.body.details).toHaveProperty(["fields", "body"]);
    expect(await eventRows(incident.id)).toHaveLength(1);
  });

  it("answers 404 on an unknown incident", async () => {
    const res = await comment(randomUUID(), { body: "hello" });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("NOT_FOUND");
  });
});

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

describe("incident_events is append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE and leaves the rows as they were", async () => {
    const caller = await newCaller(api.current);
    const incident = await anIncident(api.current, caller.token, caller.serviceId);
    await api.current.request("POST", `/v1/incidents/${incident.id}/comment`, { token: caller.token, body: { body: "keep me" } });
    const db = api.current.db;
    const snapshot = () => db.selectFrom("incident_events").selectAll().orderBy("seq").execute();
    const before = await snapshot();
    expect(before.length).toBeGreaterThanOrEqual(2);

    await expect(sql`UPDATE incident_events SET kind = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(db.updateTable("incident_events").set({ kind: "x" }).where("incident_id", "=", incident.id).execute()).rejects.toMatchObject({
      code: "42501",
    });
    await expect(sql`DELETE FROM incident_events`.execute(db)).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("incident_events").where("incident_id", "=", incident.id).execute()).rejects.toMatchObject({ code: "42501" });
    await expect(sql`TRUNCATE incident_events CASCADE`.execute(db)).rejects.toThrow(/append-only/);

    expect(await snapshot()).toEqual(before);
    expect((await eventRows(incident.id)).map((e) => e.kind)).toEqual(["created", "commented"]);
  });
});
