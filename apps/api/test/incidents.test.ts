import { randomUUID } from "node:crypto";
import { incidentService, inScope, type Actor, type Incident, type IncidentEvent, type TimelineEvent } from "@incidentops/core";
import { sql, type IncidentStatus } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import { anIncident, EXPECTED_ALLOWED, raceBehindLock, statementCountingDb, STATUSES, useTestApi, type ErrorBody } from "@incidentops/testkit";
import { incidentCalls, newCaller, type Caller } from "./support/incidents.js";

// An incident's lifecycle through the API: the state machine, optimistic locking, creation,
// comments and the append-only timeline. Lists and pagination: incident-lists.test.ts.

const api = useTestApi();
const { transition, getIncident, incidentIn, incidentRow, eventRows, listPage } = incidentCalls(api);

const TIMESTAMP_FIELD = {
  triggered: "triggeredAt",
  acknowledged: "acknowledgedAt",
  mitigated: "mitigatedAt",
  resolved: "resolvedAt",
} as const satisfies Record<IncidentStatus, keyof Incident>;

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

describe("a transition's round trips", () => {
  it("are two and the COMMIT: the update returns the assignees that the snapshot, the dropped pages and the answer share", async () => {
    const caller = await newCaller(api.current);
    const incident = await incidentIn(caller, "triggered");
    const assigned = await api.current.request<Incident>("POST", `/v1/incidents/${incident.id}/assign`, { token: caller.token, body: { userIds: [caller.userId], version: incident.version } });
    const actor: Actor = { kind: "user", userId: caller.userId, orgId: caller.orgId, role: "admin", requestId: "counted", ip: null };
    const { db: counted, statements } = statementCountingDb(api.current.appDatabaseUrl);
    try {
      const moved = await inScope(counted, { orgId: caller.orgId }, (tx) =>
        incidentService.transitionIncident(tx, actor, { incidentId: incident.id, toStatus: "acknowledged", version: assigned.body.version }),
      );
      expect(moved.assignees).toEqual(assigned.body.assignees);
      // The locked read and the update; the event, its job and the dropped escalation and pages go with the COMMIT.
      expect(statements).toHaveLength(2);
    } finally {
      await counted.destroy();
    }
    const [, , statusChanged] = await eventRows(incident.id);
    expect(statusChanged?.kind).toBe("status_changed");
    expect((statusChanged?.incident as Incident).assignees).toEqual(assigned.body.assignees);
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
    // The incident's row lock, held (on a connection of the test's own: the API's pool has exactly
    // 20) until all 20 requests wait on it: every one of them has started before any can finish.
    const results = await raceBehindLock(
      api.current.db,
      (tx) => sql`SELECT id FROM incidents WHERE id = ${incident.id} FOR UPDATE`.execute(tx),
      () => Array.from({ length: 20 }, () => transition(caller, incident.id, "acknowledged", 1)),
    );

    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.body.code === "VERSION_CONFLICT")).toHaveLength(19);
    const events = await eventRows(incident.id);
    expect(events.filter((e) => e.kind === "status_changed")).toHaveLength(1);
    expect((await incidentRow(incident.id)).version).toBe(2);
  });
});

describe("create", () => {
  let caller: Caller;
  beforeAll(async () => {
    caller = await newCaller(api.current);
  });

  const post = (serviceId: string, body: unknown) =>
    api.current.request<Incident & ErrorBody>("POST", `/v1/services/${serviceId}/incidents`, { token: caller.token, body });

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
    api.current.request<IncidentEvent & ErrorBody>("POST", `/v1/incidents/${incidentId}/comment`, { token: caller.token, body });

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

    const timeline = await listPage<TimelineEvent>(caller, `/v1/incidents/${incident.id}/events`, {});
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.map((e) => e.kind)).toEqual(["created", "commented"]);
    // The timeline names who did it.
    expect(timeline.body.items[1]).toEqual({ ...res.body, actor: { id: caller.userId, name: "Test User" } });
  });

  it("the timeline of one kind of event: ?kind=commented lists the comments alone, page by page; an unknown kind is 400", async () => {
    const incident = await anIncident(api.current, caller.token, caller.serviceId);
    for (const body of ["first look", "second look"]) expect((await comment(incident.id, { body })).status).toBe(201);
    await transition(caller, incident.id, "acknowledged", 1);
    const path = `/v1/incidents/${incident.id}/events`;
    const first = await listPage<TimelineEvent>(caller, path, { kind: "commented", limit: 1 });
    const second = await listPage<TimelineEvent>(caller, path, { kind: "commented", limit: 1, cursor: first.body.nextCursor ?? undefined });
    expect([...first.body.items, ...second.body.items].map((e) => e.data.body)).toEqual(["first look", "second look"]);
    expect(second.body.nextCursor).toBeNull();
    expect((await listPage<TimelineEvent>(caller, path, { kind: "status_changed" })).body.items.map((e) => e.data.toStatus)).toEqual(["acknowledged"]);
    expect((await listPage<TimelineEvent>(caller, path, { kind: "escalated" })).body.items).toEqual([]);
    expect((await listPage(caller, path, { kind: "exploded" })).body).toMatchObject({ code: "VALIDATION_FAILED" });
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
