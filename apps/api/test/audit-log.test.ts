import { randomUUID } from "node:crypto";
import type { AuditLogEntry, Page, TokenResponse } from "@incidentops/core";
import { createDb, sql, type Db } from "@incidentops/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anOrgOwner, aService, auditEntries, aUserWithRole, expectValidationFailed, uniqueName, useTestApi, type HttpResponse } from "@incidentops/testkit";

const api = useTestApi();

interface OrgFixture {
  owner: TokenResponse;
  /** A second admin, to tell actors apart. */
  admin: TokenResponse;
  member: TokenResponse;
  viewer: TokenResponse;
  orgId: string;
}

let A: OrgFixture;
let B: OrgFixture;

async function seedOrg(label: string): Promise<OrgFixture> {
  const owner = await anOrgOwner(api.current, { orgName: `Audit ${label}`, name: `Owner ${label}` });
  const orgId = owner.org.id;
  const admin = await aUserWithRole(api.current, orgId, "admin");
  const member = await aUserWithRole(api.current, orgId, "member");
  const viewer = await aUserWithRole(api.current, orgId, "viewer");
  return { owner, admin, member, viewer, orgId };
}

beforeAll(async () => {
  A = await seedOrg("A");
  B = await seedOrg("B");
});

/** A request id of our own, so the entry can be traced back to the call that wrote it. */
const newRequestId = (label: string) => uniqueName(`audit-${label}`);

/** Calls the API with a chosen x-request-id; the server must echo it. */
async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<HttpResponse<T> & { requestId: string }> {
  const requestId = newRequestId(method.toLowerCase());
  const res = await api.current.request<T>(method, path, { token, body, headers: { "x-request-id": requestId } });
  expect(res.headers.get("x-request-id")).toBe(requestId);
  return { ...res, requestId };
}

async function listAudit(token: string, query = ""): Promise<HttpResponse<Page<AuditLogEntry>>> {
  return api.current.request<Page<AuditLogEntry>>("GET", `/v1/audit-logs${query}`, { token });
}

/** Every entry of the org, newest first, read past row-level security (the owner's connection). */
async function rowsOf(orgId: string) {
  return api.current.db.selectFrom("audit_log").selectAll().where("org_id", "=", orgId).orderBy("seq", "desc").execute();
}

const rowsFor = (targetId: string) => auditEntries(api.current.db, { targetId });

const hookUrl = "http://127.0.0.1:9/audit-hook?token=do-not-log-me";

async function createTarget(token: string, name = `hook-${randomUUID()}`) {
  const res = await call<{ id: string; secret: string }>("POST", "/v1/org/notification-targets", token, {
    name,
    type: "webhook",
    config: { url: hookUrl },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...res, name };
}

function policyBody(userId: string, name = `policy-${randomUUID()}`) {
  return { name, repeat: 2, levels: [{ delaySeconds: 60, targets: [{ type: "user", userId }] }] };
}

describe("audit entries for notification target changes", () => {
  it("records created, updated, secret_rotated and deleted with the actor, request id and ip", async () => {
    const created = await createTarget(A.owner.accessToken);
    const targetId = created.body.id;
    const updated = await call("PATCH", `/v1/org/notification-targets/${targetId}`, A.admin.accessToken, {
      name: "renamed hook",
      enabled: false,
      config: { url: `${hookUrl}&v=2` },
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    const rotated = await call<{ secret: string }>("POST", `/v1/org/notification-targets/${targetId}/rotate-secret`, A.owner.accessToken);
    expect(rotated.status).toBe(200);
    const deleted = await call("DELETE", `/v1/org/notification-targets/${targetId}`, A.admin.accessToken);
    expect(deleted.status).toBe(200);

    const rows = await rowsFor(targetId);
    expect(rows.map((r) => r.action)).toEqual([
      "notification_target.created",
      "notification_target.updated",
      "notification_target.secret_rotated",
      "notification_target.deleted",
    ]);
    const expected = [
      { requestId: created.requestId, actorId: A.owner.user.id },
      { requestId: updated.requestId, actorId: A.admin.user.id },
      { requestId: rotated.requestId, actorId: A.owner.user.id },
      { requestId: deleted.requestId, actorId: A.admin.user.id },
    ];
    rows.forEach((row, i) => {
      expect(row).toMatchObject({
        org_id: A.orgId,
        actor_type: "user",
        actor_id: expected[i]?.actorId,
        target_type: "notification_target",
        target_id: targetId,
        request_id: expected[i]?.requestId,
      });
      expect(row.ip).toMatch(/127\.0\.0\.1/);
    });
    expect(rows[0]?.data).toMatchObject({ name: created.name, type: "webhook" });
    expect(rows[1]?.data).toMatchObject({
      name: "renamed hook",
      changes: { enabled: { from: true, to: false }, config: "changed", name: { to: "renamed hook" } },
    });
    // Neither signing secret nor the destination (which may carry a credential) is ever recorded.
    const text = JSON.stringify(rows);
    expect(text).not.toContain(created.body.secret);
    expect(text).not.toContain(rotated.body.secret);
    expect(text).not.toContain("do-not-log-me");

    // The API shows the same entries, in its own shape.
    const listed = await listAudit(A.owner.accessToken, `?action=notification_target.updated&limit=200`);
    expect(listed.status).toBe(200);
    const item = listed.body.items.find((i) => i.target?.id === targetId);
    expect(item).toEqual({
      id: rows[1]?.id,
      action: "notification_target.updated",
      actor: { type: "user", id: A.admin.user.id },
      target: { type: "notification_target", id: targetId },
      requestId: updated.requestId,
      ip: expect.stringMatching(/127\.0\.0\.1/),
      data: rows[1]?.data,
      createdAt: rows[1]?.created_at.toISOString(),
    });
  });

  it("writes nothing for a refused or failed change", async () => {
    const created = await createTarget(A.owner.accessToken);
    const before = await rowsOf(A.orgId);
    // A member may not manage targets; another org's target is not found; a bad config is refused.
    expect((await call("DELETE", `/v1/org/notification-targets/${created.body.id}`, A.member.accessToken)).status).toBe(403);
    expect((await call("DELETE", `/v1/org/notification-targets/${created.body.id}`, B.owner.accessToken)).status).toBe(404);
    const bad = await call("PATCH", `/v1/org/notification-targets/${created.body.id}`, A.owner.accessToken, { config: { address: "a@b.c" } });
    expect(bad.status).toBe(400);
    expect(await rowsOf(A.orgId)).toEqual(before);
    expect((await rowsOf(B.orgId)).some((r) => r.target_id === created.body.id)).toBe(false);
  });
});

describe("audit entries for escalation policy changes", () => {
  it("records created, replaced and deleted, with the policy's levels", async () => {
    const created = await call<{ id: string }>("POST", "/v1/org/escalation-policies", A.owner.accessToken, policyBody(A.member.user.id, "audited policy"));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const policyId = created.body.id;
    const replaced = await call("PUT", `/v1/org/escalation-policies/${policyId}`, A.admin.accessToken, {
      name: "audited policy v2",
      repeat: 1,
      levels: [
        { delaySeconds: 0, targets: [{ type: "user", userId: A.owner.user.id }] },
        { delaySeconds: 300, targets: [{ type: "user", userId: A.admin.user.id }] },
      ],
    });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    const deleted = await call("DELETE", `/v1/org/escalation-policies/${policyId}`, A.owner.accessToken);
    expect(deleted.status).toBe(200);

    const rows = await rowsFor(policyId);
    expect(rows.map((r) => [r.action, r.actor_id, r.request_id, r.target_type])).toEqual([
      ["escalation_policy.created", A.owner.user.id, created.requestId, "escalation_policy"],
      ["escalation_policy.replaced", A.admin.user.id, replaced.requestId, "escalation_policy"],
      ["escalation_policy.deleted", A.owner.user.id, deleted.requestId, "escalation_policy"],
    ]);
    expect(rows[0]?.data).toMatchObject({ name: "audited policy", repeat: 2, levels: [{ delaySeconds: 60, targets: [{ type: "user", userId: A.member.user.id }] }] });
    expect(rows[1]?.data).toMatchObject({ name: "audited policy v2", repeat: 1 });
    expect(rows[1]?.data.levels).toHaveLength(2);
    expect(rows[2]?.data).toMatchObject({ name: "audited policy v2" });
    expect(rows.every((r) => r.org_id === A.orgId)).toBe(true);
  });

  it("a replacement that fails rolls its entry back with it", async () => {
    const created = await call<{ id: string; name: string }>("POST", "/v1/org/escalation-policies", A.owner.accessToken, policyBody(A.owner.user.id));
    expect(created.status).toBe(201);
    // The policy row is updated before the targets are checked: the whole call must roll back.
    const refused = await call("PUT", `/v1/org/escalation-policies/${created.body.id}`, A.owner.accessToken, policyBody(B.owner.user.id, "never"));
    expect(refused.status).toBe(400);
    const rows = await rowsFor(created.body.id);
    expect(rows.map((r) => r.action)).toEqual(["escalation_policy.created"]);
    const policy = await api.current.db.selectFrom("escalation_policies").select("name").where("id", "=", created.body.id).executeTakeFirstOrThrow();
    expect(policy.name).toBe(created.body.name);
    // Nor does a delete refused because a service uses the policy leave an entry.
    const service = await aService(api.current, A.owner.accessToken);
    const attach = await call("PATCH", `/v1/org/services/${service.id}`, A.owner.accessToken, { escalationPolicyId: created.body.id });
    expect(attach.status).toBe(200);
    expect((await call("DELETE", `/v1/org/escalation-policies/${created.body.id}`, A.owner.accessToken)).status).toBe(409);
    expect((await rowsFor(created.body.id)).map((r) => r.action)).toEqual(["escalation_policy.created"]);
  });
});

describe("audit entries for service settings", () => {
  it("records a service created with its policy and team; one refused for another org's policy leaves nothing", async () => {
    const policy = await call<{ id: string }>("POST", "/v1/org/escalation-policies", A.owner.accessToken, policyBody(A.owner.user.id));
    const name = `created-with-policy-${randomUUID()}`;
    const created = await call<{ id: string; escalationPolicyId: string | null; teamId: string | null }>("POST", "/v1/org/services", A.admin.accessToken, {
      name,
      escalationPolicyId: policy.body.id,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ escalationPolicyId: policy.body.id, teamId: null });
    expect((await rowsFor(created.body.id)).map((r) => [r.action, r.actor_id, r.request_id, r.data])).toEqual([
      ["service.created", A.admin.user.id, created.requestId, { name, escalationPolicyId: policy.body.id, teamId: null }],
    ]);

    const theirs = await call<{ id: string }>("POST", "/v1/org/escalation-policies", B.owner.accessToken, policyBody(B.owner.user.id));
    const refused = await call("POST", "/v1/org/services", A.admin.accessToken, { name: `refused-${randomUUID()}`, escalationPolicyId: theirs.body.id });
    expect(expectValidationFailed(refused)).toEqual(["escalationPolicyId"]);
    expect(await auditEntries(api.current.db, { requestId: refused.requestId })).toEqual([]);
  });

  it("records what a PATCH changed, old and new", async () => {
    const policy = await call<{ id: string }>("POST", "/v1/org/escalation-policies", A.owner.accessToken, policyBody(A.owner.user.id));
    const service = await aService(api.current, A.owner.accessToken, { name: `audited-service-${randomUUID()}` });
    const patched = await call("PATCH", `/v1/org/services/${service.id}`, A.admin.accessToken, {
      description: "payments API",
      escalationPolicyId: policy.body.id,
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const detached = await call("PATCH", `/v1/org/services/${service.id}`, A.owner.accessToken, { escalationPolicyId: null });
    expect(detached.status).toBe(200);

    const rows = (await rowsFor(service.id)).filter((r) => r.action !== "service.created");
    expect(rows.map((r) => [r.action, r.actor_id, r.request_id, r.target_type])).toEqual([
      ["service.updated", A.admin.user.id, patched.requestId, "service"],
      ["service.updated", A.owner.user.id, detached.requestId, "service"],
    ]);
    expect(rows[0]?.data).toEqual({
      name: service.name,
      changes: { description: { from: null, to: "payments API" }, escalationPolicyId: { from: null, to: policy.body.id } },
    });
    expect(rows[1]?.data).toEqual({ name: service.name, changes: { escalationPolicyId: { from: policy.body.id, to: null } } });
  });
});

describe("GET /v1/audit-logs", () => {
  it("is for admins only", async () => {
    for (const token of [A.member.accessToken, A.viewer.accessToken]) {
      const res = await listAudit(token);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await listAudit(A.admin.accessToken)).status).toBe(200);
    expect((await api.current.request("GET", "/v1/audit-logs")).status).toBe(401);
  });

  it("lists the org's entries newest first, exactly as stored", async () => {
    await createTarget(A.owner.accessToken);
    const res = await listAudit(A.owner.accessToken, "?limit=200");
    expect(res.status).toBe(200);
    const rows = await rowsOf(A.orgId);
    expect(rows.length).toBeGreaterThan(5);
    expect(res.body.items.map((i) => i.id)).toEqual(rows.slice(0, 200).map((r) => r.id));
  });

  it("filters by action and by actor", async () => {
    const mine = await createTarget(A.admin.accessToken);
    await createTarget(A.owner.accessToken);
    const byAction = await listAudit(A.owner.accessToken, "?action=notification_target.created&limit=200");
    expect(byAction.body.items.length).toBeGreaterThanOrEqual(2);
    expect(byAction.body.items.every((i) => i.action === "notification_target.created")).toBe(true);
    const expected = (await rowsOf(A.orgId)).filter((r) => r.action === "notification_target.created").map((r) => r.id);
    expect(byAction.body.items.map((i) => i.id)).toEqual(expected);

    const byActor = await listAudit(A.owner.accessToken, `?actorId=${A.admin.user.id}&limit=200`);
    expect(byActor.body.items.length).toBeGreaterThan(0);
    expect(byActor.body.items.every((i) => i.actor.id === A.admin.user.id)).toBe(true);
    expect(byActor.body.items.some((i) => i.target?.id === mine.body.id)).toBe(true);

    const both = await listAudit(A.owner.accessToken, `?actorId=${A.admin.user.id}&action=notification_target.created&limit=200`);
    expect(both.body.items.map((i) => i.target?.id)).toContain(mine.body.id);
    expect(both.body.items.every((i) => i.actor.id === A.admin.user.id && i.action === "notification_target.created")).toBe(true);

    const none = await listAudit(A.owner.accessToken, "?action=no.such.action");
    expect(none.body).toEqual({ items: [], nextCursor: null });
  });

  it("pages with a cursor, stable while entries are appended", async () => {
    for (let i = 0; i < 3; i++) await createTarget(A.owner.accessToken);
    const snapshot = (await rowsOf(A.orgId)).map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? "?limit=2" : `?limit=2&cursor=${encodeURIComponent(cursor)}`;
      const res = await listAudit(A.owner.accessToken, query);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
      // New entries while paging land before the first page, never inside the walk.
      if (pages === 0) await createTarget(A.admin.accessToken);
      pages++;
    } while (cursor !== null && pages < 500);
    expect(seen).toEqual(snapshot);
    expect(pages).toBe(Math.ceil(snapshot.length / 2));
  });

  it("refuses a forged cursor and bad filters with 400", async () => {
    for (const query of [
      `?cursor=${Buffer.from(JSON.stringify({ seq: "99999999999999999999" })).toString("base64url")}`,
      `?cursor=${Buffer.from(JSON.stringify({ createdAt: "x" })).toString("base64url")}`,
      "?cursor=not-a-cursor",
      "?actorId=not-a-uuid",
      "?limit=0",
    ]) {
      const res = await listAudit(A.owner.accessToken, query);
      expect(res.status, query).toBe(400);
      expect(res.body).toMatchObject({ code: "VALIDATION_FAILED" });
    }
  });

  it("never shows another org's entries", async () => {
    const theirs = await createTarget(B.owner.accessToken);
    const ours = await listAudit(A.owner.accessToken, "?limit=200");
    expect(ours.body.items.some((i) => i.target?.id === theirs.body.id)).toBe(false);
    // Filtering by B's admin from org A finds nothing, though B's admin has entries.
    const byTheirAdmin = await listAudit(A.owner.accessToken, `?actorId=${B.owner.user.id}`);
    expect(byTheirAdmin.body).toEqual({ items: [], nextCursor: null });
    const theirList = await listAudit(B.owner.accessToken, "?limit=200");
    expect(theirList.body.items.some((i) => i.target?.id === theirs.body.id)).toBe(true);
    const aIds = new Set((await rowsOf(A.orgId)).map((r) => r.id));
    expect(theirList.body.items.some((i) => aIds.has(i.id))).toBe(false);
    // A cursor taken from org A's list walks only org B's entries in org B.
    const aPage = await listAudit(A.owner.accessToken, "?limit=1");
    expect(aPage.body.nextCursor).not.toBeNull();
    const crossed = await listAudit(B.owner.accessToken, `?limit=200&cursor=${encodeURIComponent(aPage.body.nextCursor ?? "")}`);
    expect(crossed.body.items.every((i) => !aIds.has(i.id))).toBe(true);
  });

  it("is available over tRPC as auditLogs.list", async () => {
    const target = await createTarget(A.owner.accessToken);
    const page = await api.current.trpc(A.owner.accessToken).auditLogs.list.query({ action: "notification_target.created", limit: 1 });
    expect(page.items[0]).toMatchObject({ action: "notification_target.created", target: { id: target.body.id }, requestId: target.requestId });
    await expect(api.current.trpc(A.member.accessToken).auditLogs.list.query({})).rejects.toMatchObject({
      data: { code: "FORBIDDEN", httpStatus: 403 },
    });
  });
});

describe("the audit log is append-only", () => {
  let appDb: Db;
  beforeAll(() => {
    appDb = createDb({ connectionString: api.current.appDatabaseUrl, max: 2 });
  });
  afterAll(async () => {
    await appDb.destroy();
  });

  /** One entry of org A, to aim at. */
  async function someEntry() {
    const rows = await rowsOf(A.orgId);
    const row = rows[0];
    if (row === undefined) throw new Error("no audit entry to aim at");
    return row;
  }

  it("refuses UPDATE, DELETE and TRUNCATE even to the tables' owner", async () => {
    const entry = await someEntry();
    await expect(sql`UPDATE audit_log SET action = 'forged' WHERE id = ${entry.id}`.execute(api.current.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE id = ${entry.id}`.execute(api.current.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(api.current.db)).rejects.toThrow(/append-only/);
    const after = await api.current.db.selectFrom("audit_log").selectAll().where("id", "=", entry.id).executeTakeFirstOrThrow();
    expect(after).toEqual(entry);
  });

  it("the application role has no UPDATE or DELETE grant on it, even in its own org", async () => {
    const entry = await someEntry();
    const asOrgA = <T>(fn: (db: Db) => Promise<T>) =>
      appDb.transaction().execute(async (tx) => {
        await sql`SELECT set_config('app.org_id', ${A.orgId}, true)`.execute(tx);
        return fn(tx);
      });
    // It can read its org's entries (so the refusals below are not row-level security hiding them)...
    const visible = await asOrgA((db) => sql<{ id: string }>`SELECT id FROM audit_log WHERE id = ${entry.id}`.execute(db));
    expect(visible.rows).toEqual([{ id: entry.id }]);
    // ...but may not rewrite or remove them.
    await expect(asOrgA((db) => sql`UPDATE audit_log SET action = 'forged' WHERE id = ${entry.id}`.execute(db))).rejects.toThrow(/permission denied/);
    await expect(asOrgA((db) => sql`DELETE FROM audit_log WHERE id = ${entry.id}`.execute(db))).rejects.toThrow(/permission denied/);
    await expect(asOrgA((db) => sql`TRUNCATE audit_log`.execute(db))).rejects.toThrow(/permission denied/);
    const after = await api.current.db.selectFrom("audit_log").selectAll().where("id", "=", entry.id).executeTakeFirstOrThrow();
    expect(after).toEqual(entry);
  });

  it("the application role cannot write an entry into another org", async () => {
    await expect(
      appDb.transaction().execute(async (tx) => {
        await sql`SELECT set_config('app.org_id', ${A.orgId}, true)`.execute(tx);
        await sql`INSERT INTO audit_log (org_id, actor_type, action) VALUES (${B.orgId}, 'anonymous', 'planted')`.execute(tx);
      }),
    ).rejects.toThrow(/row-level security/);
    expect((await rowsOf(B.orgId)).some((r) => r.action === "planted")).toBe(false);
  });
});
