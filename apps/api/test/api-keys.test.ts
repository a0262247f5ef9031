import { randomUUID } from "node:crypto";
import { type ApiKey, type CreatedApiKey, hashSecretToken, type Incident, type Page, type TokenResponse } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import { anApiKey, anIncident, anOrgOwner, aService, aUserWithRole, countRows, expectError, incidentState, useTestApi } from "@incidentops/testkit";

const api = useTestApi();

interface OrgFixture {
  owner: TokenResponse;
  token: string;
  orgId: string;
  serviceId: string;
  incident: Incident;
}

let A: OrgFixture;
let B: OrgFixture;

async function seedOrg(label: string): Promise<OrgFixture> {
  const owner = await anOrgOwner(api.current, { orgName: `Keys ${label}`, name: `Owner ${label}` });
  const service = await aService(api.current, owner.accessToken, { name: `keys-${label}-service` });
  const incident = await anIncident(api.current, owner.accessToken, service.id, { title: `${label} is down` });
  return { owner, token: owner.accessToken, orgId: owner.org.id, serviceId: service.id, incident };
}

beforeAll(async () => {
  A = await seedOrg("A");
  B = await seedOrg("B");
});

const createKey = (token: string, body: { name?: string; scope?: "read" | "write"; expiresAt?: string } = {}) => anApiKey(api.current, token, body);

async function keyRow(keyId: string) {
  return api.current.db.selectFrom("api_keys").selectAll().where("id", "=", keyId).executeTakeFirstOrThrow();
}

const keyCount = (orgId: string) => countRows(api.current.db, "api_keys", { org_id: orgId });

const countWhere = (table: "services" | "incidents" | "notification_targets" | "escalation_policies", orgId: string) =>
  countRows(api.current.db, table, { org_id: orgId });

async function listKeys(token: string, query = "?limit=200"): Promise<Page<ApiKey>> {
  const res = await api.current.request<Page<ApiKey>>("GET", `/v1/org/api-keys${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}


const KEY_FIELDS = ["createdAt", "createdBy", "expiresAt", "id", "lastUsedAt", "name", "prefix", "revokedAt", "scope", "status"];

// ---------------------------------------------------------------------------------------------

describe("creating and listing keys", () => {
  it("returns the key with its secret once, and stores only the secret's SHA-256", async () => {
    const res = await api.current.request<CreatedApiKey>("POST", "/v1/org/api-keys", {
      token: A.token,
      body: { name: "  Prometheus alertmanager  ", scope: "write" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const key = res.body;
    expect(Object.keys(key).sort()).toEqual([...KEY_FIELDS, "secret"].sort());
    expect(key).toMatchObject({
      name: "Prometheus alertmanager",
      scope: "write",
      createdBy: A.owner.user.id,
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      status: "active",
    });
    // iok_ + base64url of 32 bytes (43 characters, no padding).
    expect(key.secret).toMatch(/^iok_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(key.secret.slice(4), "base64url")).toHaveLength(32);
    expect(key.prefix).toBe(key.secret.slice(0, 12));
    expect(key.prefix).toMatch(/^iok_.{8}$/);

    const row = await keyRow(key.id);
    expect(row.org_id).toBe(A.orgId);
    expect(row.prefix).toBe(key.prefix);
    expect(Buffer.compare(row.secret_hash, hashSecretToken(key.secret))).toBe(0);
    // The secret itself is stored nowhere in the row.
    const stored = JSON.stringify({ ...row, secret_hash: row.secret_hash.toString("hex") });
    expect(stored).not.toContain(key.secret);
    expect(stored).not.toContain(key.secret.slice(12));
  });

  it("never shows the secret again: the list carries the prefix only", async () => {
    const key = await createKey(A.token, { name: "listed" });
    const res = await api.current.request<Page<ApiKey>>("GET", "/v1/org/api-keys?limit=200", { token: A.token });
    expect(res.status).toBe(200);
    const listed = res.body.items.find((k) => k.id === key.id);
    expect(listed).toBeDefined();
    expect(Object.keys(listed ?? {}).sort()).toEqual(KEY_FIELDS);
    const { secret, ...withoutSecret } = key;
    expect(listed).toEqual(withoutSecret);
    expect(JSON.stringify(res.body)).not.toContain(secret);
    for (const item of res.body.items) expect(item).not.toHaveProperty("secret");
  });

  it("accepts a future expiry and refuses a past one, an unknown scope or an empty name (400, nothing created)", async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const key = await createKey(A.token, { name: "expiring", expiresAt });
    expect(key.expiresAt).toBe(expiresAt);
    expect(key.status).toBe("active");

    const before = await keyCount(A.orgId);
    const past = await api.current.request("POST", "/v1/org/api-keys", {
      token: A.token,
      body: { name: "already over", scope: "read", expiresAt: new Date(Date.now() - 60_000).toISOString() },
    });
    expectError(past, 400, "VALIDATION_FAILED");
    expect(past.body.details).toMatchObject({ fields: { expiresAt: [expect.any(String)] } });
    for (const body of [
      { name: "bad scope", scope: "admin" },
      { name: "   ", scope: "read" },
      { name: "not a date", scope: "read", expiresAt: "tomorrow" },
      // Year 10000 once in UTC: more than the database or the output can hold.
      { name: "past year 9999", scope: "read", expiresAt: "9999-12-31T23:30:00-05:00" },
    ]) {
      expectError(await api.current.request("POST", "/v1/org/api-keys", { token: A.token, body }), 400, "VALIDATION_FAILED");
    }
    expect(await keyCount(A.orgId)).toBe(before);
  });

  it("pages newest first with a keyset cursor", async () => {
    const org = await anOrgOwner(api.current, { orgName: "Keys paging" });
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await createKey(org.accessToken, { name: `page-${i}` })).id);
    const first = await listKeys(org.accessToken, "?limit=2");
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await listKeys(org.accessToken, `?limit=2&cursor=${first.nextCursor ?? ""}`);
    const third = await listKeys(org.accessToken, `?limit=2&cursor=${second.nextCursor ?? ""}`);
    expect(third.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items, ...third.items].map((k) => k.id);
    expect(ids).toEqual([...created].reverse());
  });
});

// ---------------------------------------------------------------------------------------------

describe("a read key", () => {
  let secret: string;
  beforeAll(async () => {
    secret = (await createKey(A.token, { name: "dashboard", scope: "read" })).secret;
  });

  it("calls queries: lists and reads the org's incidents", async () => {
    const list = await api.current.request<Page<Incident>>("GET", "/v1/incidents?limit=200", { token: secret });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.items.map((i) => i.id)).toContain(A.incident.id);
    const one = await api.current.request<Incident>("GET", `/v1/incidents/${A.incident.id}`, { token: secret });
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(A.incident.id);
    expect((await api.current.request("GET", "/v1/org/services", { token: secret })).status).toBe(200);
  });

  it("is refused every mutation with 403, and nothing changes", async () => {
    const services = await countWhere("services", A.orgId);
    const incidents = await countWhere("incidents", A.orgId);
    const incident = await anIncident(api.current, A.token, A.serviceId, { title: "read key target" });
    const before = await incidentState(api.current.db, incident.id);

    const calls: [string, string, unknown][] = [
      ["POST", "/v1/org/services", { name: "made by a read key" }],
      ["POST", `/v1/services/${A.serviceId}/incidents`, { title: "opened by a read key" }],
      ["POST", `/v1/incidents/${incident.id}/transition`, { toStatus: "acknowledged", version: incident.version }],
      ["POST", `/v1/incidents/${incident.id}/comment`, { body: "from a read key" }],
    ];
    for (const [method, path, body] of calls) {
      const res = await api.current.request(method, path, { token: secret, body });
      expectError(res, 403, "FORBIDDEN");
      // The same through the x-api-key header.
      expectError(await api.current.request(method, path, { headers: { "x-api-key": secret }, body }), 403, "FORBIDDEN");
    }
    expect(await countWhere("services", A.orgId)).toBe(services);
    expect(await countWhere("incidents", A.orgId)).toBe(incidents + 1);
    expect(await incidentState(api.current.db, incident.id)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------

describe("a write key", () => {
  let secret: string;
  let keyId: string;
  beforeAll(async () => {
    const key = await createKey(A.token, { name: "monitoring", scope: "write" });
    secret = key.secret;
    keyId = key.id;
  });

  it("opens and transitions an incident, acting as no user", async () => {
    const opened = await api.current.request<Incident & { createdBy: string | null }>("POST", `/v1/services/${A.serviceId}/incidents`, {
      token: secret,
      body: { title: "CPU on fire", severity: "sev2" },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body).toMatchObject({ serviceId: A.serviceId, status: "triggered", severity: "sev2", createdBy: null });
    const row = await api.current.db.selectFrom("incidents").selectAll().where("id", "=", opened.body.id).executeTakeFirstOrThrow();
    expect(row.org_id).toBe(A.orgId);
    expect(row.created_by).toBeNull();

    const moved = await api.current.request<Incident>("POST", `/v1/incidents/${opened.body.id}/transition`, {
      token: secret,
      body: { toStatus: "acknowledged", version: opened.body.version },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ status: "acknowledged", version: opened.body.version + 1 });

    const events = await api.current.request<Page<{ kind: string; actorUserId: string | null }>>("GET", `/v1/incidents/${opened.body.id}/events`, {
      token: secret,
    });
    expect(events.status).toBe(200);
    expect(events.body.items.map((e) => e.kind)).toEqual(["created", "status_changed"]);
    for (const e of events.body.items) expect(e.actorUserId).toBeNull();

    // Through x-api-key too.
    const viaHeader = await api.current.request<Incident>("POST", `/v1/incidents/${opened.body.id}/transition`, {
      headers: { "x-api-key": secret },
      body: { toStatus: "resolved", version: moved.body.version },
    });
    expect(viaHeader.status, JSON.stringify(viaHeader.body)).toBe(200);
    expect(viaHeader.body.status).toBe("resolved");
  });

  it("is refused admin actions (member rights only), and nothing changes", async () => {
    const targets = await countWhere("notification_targets", A.orgId);
    const policies = await countWhere("escalation_policies", A.orgId);
    const service = await api.current.db.selectFrom("services").selectAll().where("id", "=", A.serviceId).executeTakeFirstOrThrow();
    const calls: [string, string, unknown][] = [
      ["GET", "/v1/org/notification-targets", undefined],
      ["POST", "/v1/org/notification-targets", { name: "key hook", type: "webhook", config: { url: "https://hooks.example.com/x" } }],
      ["GET", "/v1/org/escalation-policies", undefined],
      [
        "POST",
        "/v1/org/escalation-policies",
        { name: "key policy", levels: [{ delaySeconds: 0, targets: [{ type: "user", userId: A.owner.user.id }] }] },
      ],
      ["PATCH", `/v1/org/services/${A.serviceId}`, { description: "changed by a key" }],
    ];
    for (const [method, path, body] of calls) {
      expectError(await api.current.request(method, path, { token: secret, body }), 403, "FORBIDDEN");
    }
    expect(await countWhere("notification_targets", A.orgId)).toBe(targets);
    expect(await countWhere("escalation_policies", A.orgId)).toBe(policies);
    expect(await api.current.db.selectFrom("services").selectAll().where("id", "=", A.serviceId).executeTakeFirstOrThrow()).toEqual(service);
  });

  it("can never manage members or keys, nor act as a person (403)", async () => {
    const other = await createKey(A.token, { name: "victim", scope: "read" });
    const keys = await keyCount(A.orgId);
    const calls: [string, string, unknown][] = [
      ["GET", "/v1/org/members", undefined],
      ["GET", "/v1/org/api-keys", undefined],
      ["POST", "/v1/org/api-keys", { name: "minted by a key", scope: "write" }],
      ["POST", `/v1/org/api-keys/${other.id}/revoke`, undefined],
      ["POST", `/v1/org/api-keys/${keyId}/revoke`, undefined],
      ["GET", "/v1/auth/me", undefined],
      ["GET", "/v1/users/me/notification-preferences", undefined],
      ["PUT", "/v1/users/me/notification-preferences", { eventKinds: ["resolved"] }],
    ];
    for (const [method, path, body] of calls) {
      expectError(await api.current.request(method, path, { token: secret, body }), 403, "FORBIDDEN");
      expectError(await api.current.request(method, path, { headers: { "x-api-key": secret }, body }), 403, "FORBIDDEN");
    }
    expect(await keyCount(A.orgId)).toBe(keys);
    expect((await keyRow(other.id)).revoked_at).toBeNull();
    expect((await keyRow(keyId)).revoked_at).toBeNull();
    // The victim key still works.
    expect((await api.current.request("GET", "/v1/incidents", { token: other.secret })).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------

describe("refused keys: 401", () => {
  it("a revoked key stops working at once; revoking twice is harmless and audited once", async () => {
    const key = await createKey(A.token, { name: "to revoke", scope: "write" });
    expect((await api.current.request("GET", "/v1/incidents", { token: key.secret })).status).toBe(200);

    const revoked = await api.current.request<ApiKey>("POST", `/v1/org/api-keys/${key.id}/revoke`, { token: A.token });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(Object.keys(revoked.body).sort()).toEqual(KEY_FIELDS);
    expect(revoked.body).toMatchObject({ id: key.id, status: "revoked" });
    expect(revoked.body.revokedAt).not.toBeNull();

    const incidents = await countWhere("incidents", A.orgId);
    expectError(await api.current.request("GET", "/v1/incidents", { token: key.secret }), 401, "UNAUTHORIZED");
    expectError(await api.current.request("GET", "/v1/incidents", { headers: { "x-api-key": key.secret } }), 401, "UNAUTHORIZED");
    expectError(
      await api.current.request("POST", `/v1/services/${A.serviceId}/incidents`, { token: key.secret, body: { title: "after revocation" } }),
      401,
      "UNAUTHORIZED",
    );
    expect(await countWhere("incidents", A.orgId)).toBe(incidents);

    const again = await api.current.request<ApiKey>("POST", `/v1/org/api-keys/${key.id}/revoke`, { token: A.token });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(revoked.body);
    const entries = await api.current.db
      .selectFrom("audit_log")
      .select("id")
      .where("action", "=", "api_key.revoked")
      .where("target_id", "=", key.id)
      .execute();
    expect(entries).toHaveLength(1);

    const listed = (await listKeys(A.token)).items.find((k) => k.id === key.id);
    expect(listed?.status).toBe("revoked");
  });

  it("an expired key is 401, and listed as expired", async () => {
    const key = await createKey(A.token, { name: "short-lived", expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await api.current.request("GET", "/v1/incidents", { token: key.secret })).status).toBe(200);
    await api.current.db
      .updateTable("api_keys")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", key.id)
      .execute();
    const before = await keyRow(key.id);
    expectError(await api.current.request("GET", "/v1/incidents", { token: key.secret }), 401, "UNAUTHORIZED");
    expectError(await api.current.request("GET", "/v1/incidents", { headers: { "x-api-key": key.secret } }), 401, "UNAUTHORIZED");
    // A refused key is not "used".
    expect((await keyRow(key.id)).last_used_at).toEqual(before.last_used_at);
    const listed = (await listKeys(A.token)).items.find((k) => k.id === key.id);
    expect(listed?.status).toBe("expired");
  });

  it("an unknown key is 401, by bearer or x-api-key", async () => {
    const real = await createKey(A.token);
    // Same shape and prefix as a real key, one character off.
    const last = real.secret.at(-1) === "A" ? "B" : "A";
    for (const fake of [`iok_${randomUUID()}`, `${real.secret.slice(0, -1)}${last}`, "iok_"]) {
      expectError(await api.current.request("GET", "/v1/incidents", { token: fake }), 401, "UNAUTHORIZED");
      expectError(await api.current.request("GET", "/v1/incidents", { headers: { "x-api-key": fake } }), 401, "UNAUTHORIZED");
    }
    expectError(await api.current.request("GET", "/v1/incidents", { headers: { "x-api-key": "not-a-key" } }), 401, "UNAUTHORIZED");
  });
});

// ---------------------------------------------------------------------------------------------

describe("a key of org A never sees org B", () => {
  let read: string;
  let write: string;
  beforeAll(async () => {
    read = (await createKey(A.token, { name: "A reader", scope: "read" })).secret;
    write = (await createKey(A.token, { name: "A writer", scope: "write" })).secret;
  });

  it("answers 404 for B's ids and changes nothing in B", async () => {
    const before = await incidentState(api.current.db, B.incident.id);
    const bIncidents = await countWhere("incidents", B.orgId);
    for (const secret of [read, write]) {
      expectError(await api.current.request("GET", `/v1/incidents/${B.incident.id}`, { token: secret }), 404, "NOT_FOUND");
      expectError(await api.current.request("GET", `/v1/incidents/${B.incident.id}/events`, { token: secret }), 404, "NOT_FOUND");
      expectError(await api.current.request("GET", `/v1/org/services/${B.serviceId}`, { token: secret }), 404, "NOT_FOUND");
    }
    expectError(
      await api.current.request("POST", `/v1/incidents/${B.incident.id}/transition`, {
        token: write,
        body: { toStatus: "acknowledged", version: B.incident.version },
      }),
      404,
      "NOT_FOUND",
    );
    expectError(
      await api.current.request("POST", `/v1/services/${B.serviceId}/incidents`, { token: write, body: { title: "into B" } }),
      404,
      "NOT_FOUND",
    );
    expect(await incidentState(api.current.db, B.incident.id)).toEqual(before);
    expect(await countWhere("incidents", B.orgId)).toBe(bIncidents);
  });

  it("lists only A's rows", async () => {
    const aIncidents = await api.current.db.selectFrom("incidents").select("id").where("org_id", "=", A.orgId).execute();
    const bIncidents = await api.current.db.selectFrom("incidents").select("id").where("org_id", "=", B.orgId).execute();
    const list = await api.current.request<Page<Incident>>("GET", "/v1/incidents?limit=200", { token: read });
    expect(list.status).toBe(200);
    const ids = list.body.items.map((i) => i.id);
    expect([...ids].sort()).toEqual(aIncidents.map((r) => r.id).sort());
    for (const { id } of bIncidents) expect(ids).not.toContain(id);

    const services = await api.current.request<Page<{ id: string }>>("GET", "/v1/org/services?limit=200", { token: read });
    const serviceIds = services.body.items.map((s) => s.id);
    expect(serviceIds).toContain(A.serviceId);
    expect(serviceIds).not.toContain(B.serviceId);
  });

  it("B's admin cannot list or revoke A's keys (404 on the id)", async () => {
    const key = await createKey(A.token, { name: "A's own" });
    expect((await listKeys(B.token)).items.map((k) => k.id)).not.toContain(key.id);
    const foreign = await api.current.request("POST", `/v1/org/api-keys/${key.id}/revoke`, { token: B.token });
    expectError(foreign, 404, "NOT_FOUND");
    const missing = await api.current.request("POST", `/v1/org/api-keys/${randomUUID()}/revoke`, { token: B.token });
    expectError(missing, 404, "NOT_FOUND");
    expect(missing.body.message).toBe(foreign.body.message);
    expect((await keyRow(key.id)).revoked_at).toBeNull();
    expect((await api.current.request("GET", "/v1/incidents", { token: key.secret })).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------

describe("usage and management", () => {
  it("sets lastUsedAt when the key is used", async () => {
    const key = await createKey(A.token, { name: "tracked" });
    expect((await keyRow(key.id)).last_used_at).toBeNull();
    const start = Date.now();
    expect((await api.current.request("GET", "/v1/incidents", { headers: { "x-api-key": key.secret } })).status).toBe(200);
    const used = (await listKeys(A.token)).items.find((k) => k.id === key.id);
    expect(used?.lastUsedAt).not.toBeNull();
    expect(Date.parse(used?.lastUsedAt ?? "")).toBeGreaterThanOrEqual(start - 1000);
    expect(Date.parse(used?.lastUsedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(key.createdAt));
  });

  it("viewers and members cannot manage keys (403, nothing changes); another admin can", async () => {
    const key = await createKey(A.token, { name: "guarded" });
    const keys = await keyCount(A.orgId);
    for (const role of ["viewer", "member"] as const) {
      const { accessToken } = await aUserWithRole(api.current, A.orgId, role);
      expectError(await api.current.request("GET", "/v1/org/api-keys", { token: accessToken }), 403, "FORBIDDEN");
      expectError(
        await api.current.request("POST", "/v1/org/api-keys", { token: accessToken, body: { name: `by ${role}`, scope: "read" } }),
        403,
        "FORBIDDEN",
      );
      expectError(await api.current.request("POST", `/v1/org/api-keys/${key.id}/revoke`, { token: accessToken }), 403, "FORBIDDEN");
    }
    expect(await keyCount(A.orgId)).toBe(keys);
    expect((await keyRow(key.id)).revoked_at).toBeNull();

    const admin = await aUserWithRole(api.current, A.orgId, "admin");
    const made = await createKey(admin.accessToken, { name: "by another admin" });
    expect(made.createdBy).toBe(admin.user.id);
    const revoked = await api.current.request<ApiKey>("POST", `/v1/org/api-keys/${key.id}/revoke`, { token: admin.accessToken });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe("revoked");
  });

  it("records api_key.created and api_key.revoked with the actor, the target and the request id", async () => {
    const created = await api.current.request<CreatedApiKey>("POST", "/v1/org/api-keys", {
      token: A.token,
      body: { name: "audited", scope: "write" },
      headers: { "x-request-id": `keys-create-${randomUUID()}` },
    });
    expect(created.status).toBe(201);
    const revoked = await api.current.request("POST", `/v1/org/api-keys/${created.body.id}/revoke`, {
      token: A.token,
      headers: { "x-request-id": `keys-revoke-${randomUUID()}` },
    });
    expect(revoked.status).toBe(200);

    const entries = await api.current.db
      .selectFrom("audit_log")
      .selectAll()
      .where("target_id", "=", created.body.id)
      .orderBy("seq")
      .execute();
    expect(entries.map((e) => e.action)).toEqual(["api_key.created", "api_key.revoked"]);
    const [create, revoke] = entries;
    for (const entry of entries) {
      expect(entry).toMatchObject({ org_id: A.orgId, actor_type: "user", actor_id: A.owner.user.id, target_type: "api_key" });
      expect(JSON.stringify(entry)).not.toContain(created.body.secret);
    }
    expect(create?.request_id).toBe(created.headers.get("x-request-id"));
    expect(create?.request_id).toMatch(/^keys-create-/);
    expect(revoke?.request_id).toBe(revoked.headers.get("x-request-id"));
    expect(create?.data).toMatchObject({ name: "audited", scope: "write", prefix: created.body.prefix });
  });

  it("a refused creation leaves no audit entry", async () => {
    const before = await api.current.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("org_id", "=", A.orgId)
      .where("action", "=", "api_key.created")
      .executeTakeFirstOrThrow();
    const { accessToken } = await aUserWithRole(api.current, A.orgId, "member");
    expect((await api.current.request("POST", "/v1/org/api-keys", { token: accessToken, body: { name: "nope", scope: "read" } })).status).toBe(403);
    const after = await api.current.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("org_id", "=", A.orgId)
      .where("action", "=", "api_key.created")
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
