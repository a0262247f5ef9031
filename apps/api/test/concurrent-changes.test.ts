import { sql } from "@incidentops/db";
import type { TokenResponse } from "@incidentops/core";
import { aMember, aService, anIntegrationKey, anOrgOwner, anOwnerWithAnIncident, auditEntries, aWebhookTarget, captureLogger, expectError, ok, beforeInserts, deadlocksFirst, deadlocksWhen, PASSWORD, RAISE_DEADLOCK, startWebhookReceiver, uniqueEmail, untilWaitingOnLocks, useTestApi } from "@incidentops/testkit";
import { describe, expect, it } from "vitest";

// Database errors a concurrent change causes, not a bug: a transaction PostgreSQL aborted for a
// concurrent one (a deadlock) is run again, and a conflict that outlasts the retries, or a row
// removed between a write's check and its insert, is a 409, never a 500.

const log = captureLogger();
const api = useTestApi({ logger: log.logger });

const retryLines = () => log.lines.filter((line) => typeof line.msg === "string" && line.msg.includes("conflicted with a concurrent one"));

describe("a call's transaction and a concurrent one", () => {
  it("an assignment deadlocked with a transaction locking the member, then the incident, is run again and succeeds; the retry is logged without SQL", async () => {
    const { owner, incident, incidentPath } = await anOwnerWithAnIncident(api.current);
    const personId = await aMember(api.current, owner.org.id, "member");
    const db = api.current.db;
    const held = await db.transaction().execute(async (tx) => {
      // The other transaction is never the one PostgreSQL aborts: the call's wait is checked first.
      await sql`SET LOCAL deadlock_timeout = '30s'`.execute(tx);
      await sql`SELECT 1 FROM org_members WHERE org_id = ${owner.org.id} AND user_id = ${personId} FOR UPDATE`.execute(tx);
      // The assignment locks the incident, then the member it names: it waits on the member.
      const assigning = api.current.request<{ assignees: { id: string }[] }>("POST", `${incidentPath}/assign`, {
        token: owner.accessToken,
        body: { userIds: [personId], version: incident.version },
      });
      await untilWaitingOnLocks(db, 1, "the assignment to wait on the member");
      // Waits on the assignment, which waits on this: a deadlock, which aborts the assignment's transaction.
      await sql`SELECT 1 FROM incidents WHERE id = ${incident.id} FOR UPDATE`.execute(tx);
      return { assigning };
    });
    const assigned = await ok(held.assigning, 200, "the assignment, run again");
    expect(assigned.assignees.map((a) => a.id)).toEqual([personId]);

    const [retry, ...more] = retryLines();
    expect(more).toEqual([]);
    expect(retry).toMatchObject({ level: 40, attempt: 1, err: { code: "40P01", message: "deadlock detected" } });
    expect(JSON.stringify(retry)).not.toMatch(/SELECT|UPDATE|INSERT|org_members|incidents WHERE/i);
  });

  it("a call that conflicts on every attempt gets 409 CONCURRENT_CHANGE with Retry-After, having changed nothing", async () => {
    const { owner, incidentPath, incident } = await anOwnerWithAnIncident(api.current);
    const conflicts = await beforeInserts(api.current.db, { table: "incident_events", column: "incident_id", id: incident.id }, RAISE_DEADLOCK);
    const before = log.lines.length;

    const res = await api.current.request("POST", `${incidentPath}/comment`, { token: owner.accessToken, body: { body: "Looking into it" } });
    expect(expectError(res, 409, "CONCURRENT_CHANGE").details).toEqual({ retryAfterSeconds: 1 });
    expect(res.headers.get("retry-after")).toBe("1");
    expect(await conflicts.attempts()).toBe(3);
    expect(retryLines().filter((line) => log.lines.indexOf(line) >= before).map((line) => line.attempt)).toEqual([1, 2]);

    const timeline = await ok(api.current.request<{ items: { kind: string }[] }>("GET", `${incidentPath}/events`, { token: owner.accessToken }), 200, "timeline");
    expect(timeline.items.map((e) => e.kind)).not.toContain("comment");
  });

  it("a write whose insert finds a row it refers to gone gets 409 CONFLICT naming no constraint or table, not 500", async () => {
    const { owner, incidentPath, incident } = await anOwnerWithAnIncident(api.current);
    // As if what the write refers to had been removed between its check and its insert.
    const removed = await beforeInserts(
      api.current.db,
      { table: "incident_events", column: "incident_id", id: incident.id },
      "INSERT INTO incident_assignees (org_id, incident_id, user_id) VALUES (NEW.org_id, NEW.incident_id, gen_random_uuid())",
    );

    const res = await api.current.request("POST", `${incidentPath}/comment`, { token: owner.accessToken, body: { body: "Looking into it" } });
    const body = expectError(res, 409, "CONFLICT");
    expect(body.details).toEqual({});
    expect(JSON.stringify(body)).not.toMatch(/incident_assignees|fkey|constraint|INSERT/i);
    expect(res.headers.get("retry-after")).toBeNull();
    // Not a conflict with a concurrent transaction: never run again.
    expect(await removed.attempts()).toBe(1);
  });

  it("a call that sent something outside the database (a target's test) is not run again when its transaction conflicts: 409, sent once", async () => {
    const { owner } = await anOwnerWithAnIncident(api.current);
    const receiver = await startWebhookReceiver(200);
    try {
      const target = await aWebhookTarget(api.current, owner.accessToken, `${receiver.url}/hook`);
      // Every write call of the org conflicts as it is counted, with its COMMIT.
      const counted = await beforeInserts(api.current.db, { table: "org_usage_daily", column: "org_id", id: owner.org.id }, RAISE_DEADLOCK);
      const before = log.lines.length;

      const renamed = await api.current.request("PATCH", `/v1/org/notification-targets/${target.id}`, { token: owner.accessToken, body: { name: "renamed" } });
      expectError(renamed, 409, "CONCURRENT_CHANGE");
      expect(await counted.attempts()).toBe(3);

      const tested = await api.current.request("POST", `/v1/org/notification-targets/${target.id}/test`, { token: owner.accessToken });
      expectError(tested, 409, "CONCURRENT_CHANGE");
      expect(await counted.attempts()).toBe(4);
      expect(receiver.requests).toHaveLength(1);
      expect(retryLines().filter((line) => log.lines.indexOf(line) >= before).map((line) => line.attempt)).toEqual([1, 2]);
    } finally {
      await receiver.close();
    }
  });

  it("an alert batch PostgreSQL aborted for a concurrent transaction is run again: the alert opens its incident; one that keeps conflicting is PagerDuty's 503 with Retry-After", async () => {
    const owner = await anOrgOwner(api.current);
    const service = await aService(api.current, owner.accessToken);
    const { routingKey } = await anIntegrationKey(api.current, owner.accessToken, service.id);
    const conflicts = await beforeInserts(api.current.db, { table: "incidents", column: "org_id", id: owner.org.id }, deadlocksWhen("attempt = 1 OR NEW.dedup_key = 'always'"));
    const event = (dedupKey: string) => ({ routing_key: routingKey, event_action: "trigger", dedup_key: dedupKey, payload: { summary: "Disk full", source: "db", severity: "critical" } });

    const accepted = await api.current.request("POST", "/v2/enqueue", { body: event("once") });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    expect(await conflicts.attempts()).toBe(2);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM incidents WHERE org_id = ${owner.org.id} AND dedup_key = 'once'`.execute(api.current.db);
    expect(rows[0]?.n).toBe(1);

    const refused = await api.current.request("POST", "/v2/enqueue", { body: event("always") });
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({ status: "error", message: "Event could not be processed now: retry after the Retry-After seconds", errors: [] });
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await conflicts.attempts()).toBe(5);
  });

  it("an Alertmanager notification that keeps conflicting is 503 SERVICE_UNAVAILABLE with Retry-After, which Alertmanager sends again, not a 409 it would drop", async () => {
    const owner = await anOrgOwner(api.current);
    const service = await aService(api.current, owner.accessToken);
    const { routingKey } = await anIntegrationKey(api.current, owner.accessToken, service.id);
    const conflicts = await beforeInserts(api.current.db, { table: "incidents", column: "org_id", id: owner.org.id }, RAISE_DEADLOCK);

    const refused = await api.current.request("POST", `/v1/integrations/alertmanager/${routingKey}`, {
      body: {
        version: "4",
        groupKey: "{}:{alertname=\"DiskFull\"}",
        status: "firing",
        alerts: [{ status: "firing", labels: { alertname: "DiskFull" }, annotations: { summary: "Disk full on db-1" }, startsAt: "2026-12-06T04:00:00Z", fingerprint: "fp-disk" }],
      },
    });
    expect(expectError(refused, 503, "SERVICE_UNAVAILABLE").details).toEqual({ retryAfterSeconds: 1 });
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await conflicts.attempts()).toBe(3);
  });
});

describe("a public call's transaction and a concurrent one", () => {
  it("a failed login whose transaction deadlocked is run again and counted once; a right one is run again and signs in", async () => {
    const user = await anOrgOwner(api.current);
    // Each attempt's audit entry (the failure's, then the sign-in's) deadlocks the first time.
    const failing = await beforeInserts(api.current.db, { table: "audit_log", column: "actor_id", id: user.user.id }, deadlocksFirst(1));

    expectError(await api.current.request("POST", "/v1/auth/login", { body: { email: user.email, password: "wrong password!" } }), 401, "INVALID_CREDENTIALS");
    expect(await failing.attempts()).toBe(2);
    const throttle = await api.current.db.selectFrom("login_throttle").select("failures").where("email", "=", user.email).executeTakeFirst();
    expect(throttle?.failures).toBe(1);
    expect(await auditEntries(api.current.db, { action: "auth.login.failed", targetId: user.user.id })).toHaveLength(1);

    const signingIn = await beforeInserts(api.current.db, { table: "refresh_tokens", column: "user_id", id: user.user.id }, deadlocksFirst(1));
    const signedIn = await ok(api.current.request<TokenResponse>("POST", "/v1/auth/login", { body: { email: user.email, password: user.password } }), 200, "login, run again");
    expect(signedIn.user.id).toBe(user.user.id);
    expect(await signingIn.attempts()).toBe(2);
  });

  it("a refresh token's rotation whose transaction deadlocked is run again as a first exchange, not taken for reuse", async () => {
    const user = await anOrgOwner(api.current);
    const rotating = await beforeInserts(api.current.db, { table: "refresh_tokens", column: "user_id", id: user.user.id }, deadlocksFirst(1));

    const rotated = await ok(api.current.request<TokenResponse>("POST", "/v1/auth/refresh", { body: { refreshToken: user.refreshToken } }), 200, "refresh, run again");
    expect(await rotating.attempts()).toBe(2);
    // The session goes on: the new token is exchanged in turn, and nothing was taken for a token presented again.
    await ok(api.current.request<TokenResponse>("POST", "/v1/auth/refresh", { body: { refreshToken: rotated.refreshToken } }), 200, "the next refresh");
    const presentedAgain = await api.current.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", user.user.id)
      .where("action", "in", ["auth.refresh.reuse_detected", "auth.refresh.retried"])
      .execute();
    expect(presentedAgain).toEqual([]);
  });

  it("a registration that conflicts on every attempt gets 409 CONCURRENT_CHANGE with Retry-After, having created nothing; one that conflicts once is run again", async () => {
    // The org's name picks out the registration whose inserts conflict.
    const conflicts = await beforeInserts(api.current.db, { table: "orgs", column: "name", id: "conflicting_org" }, RAISE_DEADLOCK);
    const email = uniqueEmail();
    const refused = await api.current.request("POST", "/v1/auth/register", { body: { email, password: PASSWORD, name: "Racing User", orgName: "conflicting_org" } });
    expect(expectError(refused, 409, "CONCURRENT_CHANGE").details).toEqual({ retryAfterSeconds: 1 });
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await conflicts.attempts()).toBe(3);
    expect(await api.current.db.selectFrom("users").select("id").where("email", "=", email).execute()).toEqual([]);

    const once = await beforeInserts(api.current.db, { table: "orgs", column: "name", id: "once_conflicting_org" }, deadlocksFirst(1));
    await anOrgOwner(api.current, { email, orgName: "once_conflicting_org" });
    expect(await once.attempts()).toBe(2);
  });
});
