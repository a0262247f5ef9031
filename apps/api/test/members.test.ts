import { createHash, randomUUID } from "node:crypto";
import { publicUrlOf, type TokenResponse } from "@incidentops/core";
import type { OrgRole } from "@incidentops/db";
import { describe, expect, it } from "vitest";
import { addMember, anOrgOwner, aUserWithRole, queuedJobs, uniqueEmail, useTestApi, type HttpResponse } from "@incidentops/testkit";

// These tests sign many people up and in from one address: the per-IP auth limit is not under test here.
const api = useTestApi({ env: { AUTH_RATE_LIMIT_PER_MINUTE: "100000" } });

// ---------------------------------------------------------------------------------------------
// Helpers.

interface InvitationBody {
  id: string;
  email: string;
  role: OrgRole;
  status: "pending" | "accepted" | "revoked" | "expired";
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  acceptedBy: string | null;
  revokedAt: string | null;
  token?: string;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface MemberBody {
  user: { id: string; email: string; name: string };
  role: OrgRole;
  joinedAt: string;
}

interface OrgBody {
  id: string;
  name: string;
  createdAt: string;
  role: OrgRole;
}

let requestCounter = 0;
const requestId = (label: string) => `members-${label}-${process.pid}-${++requestCounter}`;

function expectError(res: { status: number; body: object; headers: Headers }, status: number, code: string): void {
  const body: Record<string, unknown> = { ...res.body };
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(Object.keys(body).sort()).toEqual(["code", "details", "message", "traceId"]);
  expect(body.code).toBe(code);
  expect(body.traceId).toBe(res.headers.get("x-request-id"));
}

async function invite(token: string, email: string, role: OrgRole, reqId = requestId("invite")) {
  const res = await api.current.request<InvitationBody>("POST", "/v1/org/invitations", {
    token,
    body: { email, role },
    headers: { "x-request-id": reqId },
  });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token_ = res.body.token;
  if (token_ === undefined) throw new Error("the creation response carries no token");
  return { invitation: res.body, token: token_, requestId: reqId };
}

function accept(body: { token: string; name?: string; password?: string }, reqId = requestId("accept")) {
  return api.current.request<TokenResponse>("POST", "/v1/auth/accept-invitation", { body, headers: { "x-request-id": reqId } });
}

const sha256 = (value: string) => createHash("sha256").update(value).digest();

async function invitationRow(id: string) {
  return api.current.db.selectFrom("invitations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

async function membership(orgId: string, userId: string) {
  return api.current.db
    .selectFrom("org_members")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

async function adminsOf(orgId: string): Promise<string[]> {
  const rows = await api.current.db
    .selectFrom("org_members")
    .select("user_id")
    .where("org_id", "=", orgId)
    .where("role", "=", "admin")
    .orderBy("user_id")
    .execute();
  return rows.map((r) => r.user_id);
}

async function auditEntries(orgId: string, action: string) {
  return api.current.db
    .selectFrom("audit_log")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("action", "=", action)
    .orderBy("seq")
    .execute();
}

async function listInvitations(token: string, query = "") {
  const res = await api.current.request<Page<InvitationBody>>("GET", `/v1/org/invitations?limit=200${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function invitationCount(orgId: string): Promise<number> {
  const row = await api.current.db
    .selectFrom("invitations")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("org_id", "=", orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const PASSWORD = "a brand new password";

// ---------------------------------------------------------------------------------------------
// Invitations.

describe("inviting a person without an account", () => {
  it("creates a hashed single-use invitation, emails the link through the worker and signs the new user into the org", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite New Org", name: "Olivia Owner" });
    const email = uniqueEmail("invitee");
    const before = Date.now();
    const created = await invite(owner.accessToken, email.toUpperCase(), "member");

    // The invitation, plus its token this once.
    expect(created.invitation).toMatchObject({ email, role: "member", status: "pending", invitedBy: owner.user.id, acceptedAt: null, revokedAt: null });
    expect(created.token).toMatch(/^ioi_[A-Za-z0-9_-]{43}$/);
    const ttl = Date.parse(created.invitation.expiresAt) - before;
    expect(ttl).toBeGreaterThan(7 * 24 * 3600 * 1000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(7 * 24 * 3600 * 1000 + 60_000);

    // Stored as a SHA-256 hash, never in clear.
    const row = await invitationRow(created.invitation.id);
    expect(row.org_id).toBe(owner.org.id);
    expect(Buffer.compare(row.token_hash, sha256(created.token))).toBe(0);
    expect(JSON.stringify(row)).not.toContain(created.token.slice(4));

    // The email goes through the worker, enqueued in the same transaction, with the link.
    const jobs = (await queuedJobs(api.current.db, { task: "send_account_email" })).filter((j) => j.payload.to === email);
    expect(jobs).toHaveLength(1);
    const payload = jobs[0]?.payload ?? {};
    const link = `${publicUrlOf(api.current.config)}/accept-invitation?token=${created.token}`;
    expect(String(payload.text)).toContain(link);
    expect(String(payload.subject)).toContain("Invite New Org");
    expect(payload.requestId).toBe(created.requestId);

    // Lists show it, pending, without the token.
    const listed = await listInvitations(owner.accessToken);
    const item = listed.items.find((i) => i.id === created.invitation.id);
    expect(item).toMatchObject({ status: "pending", email, role: "member" });
    expect(item).not.toHaveProperty("token");
    expect(JSON.stringify(listed)).not.toContain(created.token);

    // Accepting creates the account and signs into the inviting org.
    const acceptId = requestId("accept-new");
    const res = await accept({ token: created.token, name: "Nina New", password: PASSWORD }, acceptId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ tokenType: "Bearer", user: { email, name: "Nina New" }, org: { id: owner.org.id, role: "member" } });
    const newUserId = res.body.user.id;
    const org = await api.current.request<OrgBody>("GET", "/v1/org", { token: res.body.accessToken });
    expect(org.body).toMatchObject({ id: owner.org.id, role: "member" });
    const refreshed = await api.current.request<TokenResponse>("POST", "/v1/auth/refresh", { body: { refreshToken: res.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.org).toMatchObject({ id: owner.org.id, role: "member" });
    // The password is the account's from now on.
    const login = await api.current.request<TokenResponse>("POST", "/v1/auth/login", { body: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.body.org.id).toBe(owner.org.id);
    expect((await membership(owner.org.id, newUserId))?.role).toBe("member");

    // Accepted, once.
    const accepted = await invitationRow(created.invitation.id);
    expect(accepted.accepted_by).toBe(newUserId);
    expect(accepted.accepted_at).not.toBeNull();
    expect((await listInvitations(owner.accessToken)).items.find((i) => i.id === created.invitation.id)).toMatchObject({
      status: "accepted",
      acceptedBy: newUserId,
    });
    const again = await accept({ token: created.token, name: "Nina Again", password: PASSWORD });
    expectError(again, 400, "INVALID_TOKEN");

    // Audited, with the actor and the request of each step.
    const createdAudit = await auditEntries(owner.org.id, "invitation.created");
    expect(createdAudit).toHaveLength(1);
    expect(createdAudit[0]).toMatchObject({
      actor_type: "user",
      actor_id: owner.user.id,
      target_type: "invitation",
      target_id: created.invitation.id,
      request_id: created.requestId,
    });
    expect(createdAudit[0]?.data).toMatchObject({ email, role: "member" });
    const acceptedAudit = await auditEntries(owner.org.id, "invitation.accepted");
    expect(acceptedAudit).toHaveLength(1);
    expect(acceptedAudit[0]).toMatchObject({ actor_type: "user", actor_id: newUserId, target_id: created.invitation.id, request_id: acceptId });
    expect(acceptedAudit[0]?.data).toMatchObject({ newAccount: true, role: "member" });
    // The token never reaches the audit log.
    expect(JSON.stringify(await auditEntries(owner.org.id, "invitation.created"))).not.toContain(created.token);
  });

  it("needs a name and a password that meets the policy to create the account", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Policy Org" });
    const email = uniqueEmail("policy");
    const { token, invitation } = await invite(owner.accessToken, email, "viewer");
    const short = await accept({ token, name: "Shorty", password: "short" });
    expectError(short, 400, "VALIDATION_FAILED");
    const nameless = await accept({ token, password: PASSWORD });
    expectError(nameless, 400, "VALIDATION_FAILED");
    expect(JSON.stringify(nameless.body)).toContain('"name"');
    const emailAsPassword = await accept({ token, name: "Lazy", password: email.toUpperCase() });
    expectError(emailAsPassword, 400, "VALIDATION_FAILED");
    // Nothing was used up.
    expect((await invitationRow(invitation.id)).accepted_at).toBeNull();
    const ok = await accept({ token, name: "Finally", password: PASSWORD });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.org.role).toBe("viewer");
  });

  it("two concurrent accepts of one token: exactly one succeeds", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Race Org" });
    const email = uniqueEmail("race");
    const { token, invitation } = await invite(owner.accessToken, email, "member");
    const results = await Promise.all([
      accept({ token, name: "Racer One", password: PASSWORD }),
      accept({ token, name: "Racer Two", password: PASSWORD }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 400]);
    const loser = results.find((r) => r.status !== 200);
    if (loser !== undefined) expectError(loser, 400, "INVALID_TOKEN");
    const users = await api.current.db.selectFrom("users").select("id").where("email", "=", email).execute();
    expect(users).toHaveLength(1);
    expect((await invitationRow(invitation.id)).accepted_by).toBe(users[0]?.id);
  });
});

describe("inviting a person who already has an account", () => {
  it("joins with the account's own password, never with the token alone", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Existing Org" });
    const existing = await anOrgOwner(api.current, { orgName: "Existing's Own Org", name: "Ezra Existing" });
    const { token, invitation } = await invite(owner.accessToken, existing.email, "viewer");

    // A wrong password (the token holder choosing one) is refused and changes nothing.
    const wrong = await accept({ token, name: "Hijacker", password: "not the account password" });
    expectError(wrong, 401, "INVALID_CREDENTIALS");
    expect(await membership(owner.org.id, existing.user.id)).toBeUndefined();
    expect((await invitationRow(invitation.id)).accepted_at).toBeNull();
    const unchanged = await api.current.request<TokenResponse>("POST", "/v1/auth/login", {
      body: { email: existing.email, password: existing.password },
    });
    expect(unchanged.status).toBe(200);
    // No password at all is a validation error.
    expectError(await accept({ token }), 400, "VALIDATION_FAILED");

    const acceptId = requestId("accept-existing");
    const res = await accept({ token, name: "Ignored Name", password: existing.password }, acceptId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.user).toMatchObject({ id: existing.user.id, email: existing.email, name: "Ezra Existing" });
    expect(res.body.org).toMatchObject({ id: owner.org.id, role: "viewer" });
    const me = await api.current.request<{ org: OrgBody; memberships: OrgBody[] }>("GET", "/v1/auth/me", { token: res.body.accessToken });
    expect(me.body.org).toMatchObject({ id: owner.org.id, role: "viewer" });
    expect(me.body.memberships.map((m) => m.id).sort()).toEqual([owner.org.id, existing.org.id].sort());
    // Their own org and its session are untouched.
    const own = await api.current.request<OrgBody>("GET", "/v1/org", { token: existing.accessToken });
    expect(own.body).toMatchObject({ id: existing.org.id, role: "admin" });

    const audit = await auditEntries(owner.org.id, "invitation.accepted");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: existing.user.id, request_id: acceptId });
    expect(audit[0]?.data).toMatchObject({ newAccount: false });
    expectError(await accept({ token, password: existing.password }), 400, "INVALID_TOKEN");
  });

  it("refuses to invite a current member (409) and to accept into an org one already belongs to (409)", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Member Org" });
    const member = await aUserWithRole(api.current, owner.org.id, "member");
    const before = await invitationCount(owner.org.id);
    const res = await api.current.request("POST", "/v1/org/invitations", {
      token: owner.accessToken,
      body: { email: member.user.email, role: "admin" },
    });
    expectError(res, 409, "CONFLICT");
    expect(await invitationCount(owner.org.id)).toBe(before);
    expect((await membership(owner.org.id, member.user.id))?.role).toBe("member");

    // Invited, then added another way before accepting.
    const later = await anOrgOwner(api.current, { orgName: "Later Org" });
    const { token, invitation } = await invite(owner.accessToken, later.email, "admin");
    await addMember(api.current.db, owner.org.id, later.user.id, "viewer");
    const conflict = await accept({ token, password: later.password });
    expectError(conflict, 409, "CONFLICT");
    expect((await membership(owner.org.id, later.user.id))?.role).toBe("viewer");
    expect((await invitationRow(invitation.id)).accepted_at).toBeNull();
  });
});

describe("invitation tokens", () => {
  it("an unknown token is 400 INVALID_TOKEN", async () => {
    expectError(await accept({ token: `ioi_${randomUUID()}`, name: "Nobody", password: PASSWORD }), 400, "INVALID_TOKEN");
  });

  it("an expired invitation is refused and listed as expired", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Expiry Org" });
    const email = uniqueEmail("expired");
    const { token, invitation } = await invite(owner.accessToken, email, "member");
    await api.current.db
      .updateTable("invitations")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", invitation.id)
      .execute();
    expectError(await accept({ token, name: "Too Late", password: PASSWORD }), 400, "INVALID_TOKEN");
    expect(await api.current.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()).toBeUndefined();
    const listed = await listInvitations(owner.accessToken);
    expect(listed.items.find((i) => i.id === invitation.id)?.status).toBe("expired");
    expect((await listInvitations(owner.accessToken, "&status=expired")).items.map((i) => i.id)).toEqual([invitation.id]);
    expect((await listInvitations(owner.accessToken, "&status=pending")).items).toEqual([]);
  });

  it("a revoked invitation is refused; revoking is audited once and idempotent; an accepted one cannot be revoked", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Revoke Org" });
    const { token, invitation } = await invite(owner.accessToken, uniqueEmail("revoked"), "member");
    const revokeId = requestId("revoke");
    const revoked = await api.current.request<InvitationBody>("DELETE", `/v1/org/invitations/${invitation.id}`, {
      token: owner.accessToken,
      headers: { "x-request-id": revokeId },
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body).toMatchObject({ id: invitation.id, status: "revoked" });
    expect(revoked.body.revokedAt).not.toBeNull();
    expect(revoked.body).not.toHaveProperty("token");
    expectError(await accept({ token, name: "Revoked", password: PASSWORD }), 400, "INVALID_TOKEN");

    const again = await api.current.request<InvitationBody>("DELETE", `/v1/org/invitations/${invitation.id}`, { token: owner.accessToken });
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const audit = await auditEntries(owner.org.id, "invitation.revoked");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_type: "user", actor_id: owner.user.id, target_id: invitation.id, request_id: revokeId });

    const used = await invite(owner.accessToken, uniqueEmail("used"), "viewer");
    expect((await accept({ token: used.token, name: "Used", password: PASSWORD })).status).toBe(200);
    const late = await api.current.request("DELETE", `/v1/org/invitations/${used.invitation.id}`, { token: owner.accessToken });
    expectError(late, 409, "CONFLICT");
    expect((await invitationRow(used.invitation.id)).revoked_at).toBeNull();
  });

  it("a second invitation for the same email replaces the pending one", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Replace Org" });
    const email = uniqueEmail("twice");
    const first = await invite(owner.accessToken, email, "viewer");
    const second = await invite(owner.accessToken, email, "admin");
    expect((await invitationRow(first.invitation.id)).revoked_at).not.toBeNull();
    expectError(await accept({ token: first.token, name: "First", password: PASSWORD }), 400, "INVALID_TOKEN");
    const listed = await listInvitations(owner.accessToken);
    expect(listed.items.map((i) => [i.id, i.status])).toEqual([
      [second.invitation.id, "pending"],
      [first.invitation.id, "revoked"],
    ]);
    const replaced = await auditEntries(owner.org.id, "invitation.revoked");
    expect(replaced.map((e) => e.target_id)).toEqual([first.invitation.id]);
    expect(replaced[0]?.data).toMatchObject({ reason: "replaced" });
    const res = await accept({ token: second.token, name: "Second", password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.org.role).toBe("admin");
  });

  it("lists are keyset-paginated, newest first", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Pages Org" });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await invite(owner.accessToken, uniqueEmail(`page${i}`), "viewer")).invitation.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
      const res: HttpResponse<Page<InvitationBody>> = await api.current.request<Page<InvitationBody>>("GET", `/v1/org/invitations?limit=2${query}`, {
        token: owner.accessToken,
      });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([...ids].reverse());
  });

  it("another org's invitations are 404 and never listed", async () => {
    const a = await anOrgOwner(api.current, { orgName: "Invite Tenant A" });
    const b = await anOrgOwner(api.current, { orgName: "Invite Tenant B" });
    const { invitation, token } = await invite(a.accessToken, uniqueEmail("tenant"), "member");
    const foreign = await api.current.request("DELETE", `/v1/org/invitations/${invitation.id}`, { token: b.accessToken });
    expectError(foreign, 404, "NOT_FOUND");
    const missing = await api.current.request("DELETE", `/v1/org/invitations/${randomUUID()}`, { token: b.accessToken });
    expect({ status: missing.status, message: missing.body.message }).toEqual({ status: foreign.status, message: foreign.body.message });
    expect((await invitationRow(invitation.id)).revoked_at).toBeNull();
    expect((await listInvitations(b.accessToken)).items).toEqual([]);
    expect((await listInvitations(a.accessToken)).items.map((i) => i.id)).toEqual([invitation.id]);
    // The token still works for A.
    expect((await accept({ token, name: "Tenant", password: PASSWORD })).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------
// Members.

describe("changing roles", () => {
  it("takes effect on the member's next request with the same token, and is audited", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Roles Change Org" });
    const user = await aUserWithRole(api.current, owner.org.id, "viewer");
    const members = () => api.current.request("GET", "/v1/org/members", { token: user.accessToken });
    expect((await members()).status).toBe(403);

    const changeId = requestId("promote");
    const promoted = await api.current.request<MemberBody>("PATCH", `/v1/org/members/${user.user.id}`, {
      token: owner.accessToken,
      body: { role: "admin" },
      headers: { "x-request-id": changeId },
    });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);
    expect(promoted.body).toMatchObject({ user: { id: user.user.id, email: user.user.email }, role: "admin" });
    expect((await members()).status).toBe(200);
    expect((await api.current.request<OrgBody>("GET", "/v1/org", { token: user.accessToken })).body.role).toBe("admin");

    const demoted = await api.current.request<MemberBody>("PATCH", `/v1/org/members/${user.user.id}`, {
      token: owner.accessToken,
      body: { role: "viewer" },
    });
    expect(demoted.body.role).toBe("viewer");
    expect((await members()).status).toBe(403);
    const refreshed = await api.current.request<TokenResponse>("POST", "/v1/auth/refresh", { body: { refreshToken: user.refreshToken } });
    expect(refreshed.body.org.role).toBe("viewer");

    // Setting the role it already has changes nothing and is not audited.
    const same = await api.current.request<MemberBody>("PATCH", `/v1/org/members/${user.user.id}`, { token: owner.accessToken, body: { role: "viewer" } });
    expect(same.status).toBe(200);

    const audit = await auditEntries(owner.org.id, "member.role_changed");
    expect(audit.map((e) => e.data)).toEqual([
      { from: "viewer", to: "admin" },
      { from: "admin", to: "viewer" },
    ]);
    expect(audit[0]).toMatchObject({ actor_type: "user", actor_id: owner.user.id, target_type: "user", target_id: user.user.id, request_id: changeId });
  });

  it("rejects an unknown role with 400", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Roles Bad Org" });
    const user = await aUserWithRole(api.current, owner.org.id, "viewer");
    const res = await api.current.request("PATCH", `/v1/org/members/${user.user.id}`, { token: owner.accessToken, body: { role: "owner" } });
    expectError(res, 400, "VALIDATION_FAILED");
  });
});

describe("the last admin", () => {
  it("cannot be demoted or removed (409 LAST_ADMIN), but can once another admin exists", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Last Admin Org" });
    const demote = await api.current.request("PATCH", `/v1/org/members/${owner.user.id}`, { token: owner.accessToken, body: { role: "member" } });
    expectError(demote, 409, "LAST_ADMIN");
    const remove = await api.current.request("DELETE", `/v1/org/members/${owner.user.id}`, { token: owner.accessToken });
    expectError(remove, 409, "LAST_ADMIN");
    expect(await adminsOf(owner.org.id)).toEqual([owner.user.id]);
    expect(await auditEntries(owner.org.id, "member.role_changed")).toEqual([]);

    const second = await aUserWithRole(api.current, owner.org.id, "admin");
    const stepDown = await api.current.request<MemberBody>("PATCH", `/v1/org/members/${owner.user.id}`, {
      token: owner.accessToken,
      body: { role: "member" },
    });
    expect(stepDown.status, JSON.stringify(stepDown.body)).toBe(200);
    expect(await adminsOf(owner.org.id)).toEqual([second.user.id]);
    // Now the second admin is the last one; the ex-admin cannot act as admin any more.
    expectError(
      await api.current.request("DELETE", `/v1/org/members/${second.user.id}`, { token: second.accessToken }),
      409,
      "LAST_ADMIN",
    );
    expectError(
      await api.current.request("DELETE", `/v1/org/members/${second.user.id}`, { token: owner.accessToken }),
      403,
      "FORBIDDEN",
    );
  });

  it("two admins demoting each other at once: exactly one succeeds, one admin remains", async () => {
    for (let round = 0; round < 4; round++) {
      const owner = await anOrgOwner(api.current, { orgName: `Mutual Demotion ${round}` });
      const other = await aUserWithRole(api.current, owner.org.id, "admin");
      const [a, b] = await Promise.all([
        api.current.request("PATCH", `/v1/org/members/${other.user.id}`, { token: owner.accessToken, body: { role: "viewer" } }),
        api.current.request("PATCH", `/v1/org/members/${owner.user.id}`, { token: other.accessToken, body: { role: "viewer" } }),
      ]);
      expect([a.status, b.status].sort(), JSON.stringify([a.body, b.body])).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expectError(loser, 409, "LAST_ADMIN");
      const admins = await adminsOf(owner.org.id);
      expect(admins).toHaveLength(1);
      expect(admins[0]).toBe(a.status === 200 ? owner.user.id : other.user.id);
      expect(await auditEntries(owner.org.id, "member.role_changed")).toHaveLength(1);
    }
  });

  it("two admins removing each other at once: exactly one succeeds", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Mutual Removal" });
    const other = await aUserWithRole(api.current, owner.org.id, "admin");
    const results = await Promise.all([
      api.current.request("DELETE", `/v1/org/members/${other.user.id}`, { token: owner.accessToken }),
      api.current.request("DELETE", `/v1/org/members/${owner.user.id}`, { token: other.accessToken }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await adminsOf(owner.org.id)).toHaveLength(1);
  });
});

describe("removing a member", () => {
  it("refuses their access token at once and their refresh token at the next refresh; other orgs' sessions live on", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Removal Org" });
    const person = await anOrgOwner(api.current, { orgName: "Removed Person's Own Org" });
    await addMember(api.current.db, owner.org.id, person.user.id, "member");
    const inOrg = await api.current.request<TokenResponse>("POST", "/v1/auth/login", {
      body: { email: person.email, password: person.password, orgId: owner.org.id },
    });
    expect(inOrg.status).toBe(200);
    expect((await api.current.request("GET", "/v1/org", { token: inOrg.body.accessToken })).status).toBe(200);

    const removeId = requestId("remove");
    const res = await api.current.request("DELETE", `/v1/org/members/${person.user.id}`, {
      token: owner.accessToken,
      headers: { "x-request-id": removeId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(await membership(owner.org.id, person.user.id)).toBeUndefined();

    expectError(await api.current.request("GET", "/v1/org", { token: inOrg.body.accessToken }), 401, "UNAUTHORIZED");
    expectError(await api.current.request("POST", "/v1/auth/refresh", { body: { refreshToken: inOrg.body.refreshToken } }), 401, "UNAUTHORIZED");
    const rows = await api.current.db
      .selectFrom("refresh_tokens")
      .select(["active_org_id", "revoked_at"])
      .where("user_id", "=", person.user.id)
      .execute();
    for (const row of rows) {
      if (row.active_org_id === owner.org.id) expect(row.revoked_at).not.toBeNull();
      else expect(row.revoked_at).toBeNull();
    }
    // Their own org's session is not touched.
    const own = await api.current.request<TokenResponse>("POST", "/v1/auth/refresh", { body: { refreshToken: person.refreshToken } });
    expect(own.status).toBe(200);
    expect(own.body.org.id).toBe(person.org.id);

    const audit = await auditEntries(owner.org.id, "member.removed");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: owner.user.id, target_id: person.user.id, request_id: removeId });
    expect(audit[0]?.data).toMatchObject({ role: "member" });
  });

  it("a user who is not a member (of this org or of any) is 404", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Not Member Org" });
    const stranger = await anOrgOwner(api.current, { orgName: "Stranger Org" });
    for (const userId of [stranger.user.id, randomUUID()]) {
      expectError(await api.current.request("PATCH", `/v1/org/members/${userId}`, { token: owner.accessToken, body: { role: "admin" } }), 404, "NOT_FOUND");
      expectError(await api.current.request("DELETE", `/v1/org/members/${userId}`, { token: owner.accessToken }), 404, "NOT_FOUND");
    }
    expect(await membership(owner.org.id, stranger.user.id)).toBeUndefined();
    expect((await membership(stranger.org.id, stranger.user.id))?.role).toBe("admin");
  });
});

// ---------------------------------------------------------------------------------------------
// Orgs.

describe("orgs", () => {
  it("any signed-in person creates another org, becomes its admin and can switch into it", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "First Org" });
    const viewer = await aUserWithRole(api.current, owner.org.id, "viewer");
    const createId = requestId("create-org");
    const created = await api.current.request<OrgBody>("POST", "/v1/orgs", {
      token: viewer.accessToken,
      body: { name: "  Viewer's Side Project " },
      headers: { "x-request-id": createId },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name: "Viewer's Side Project", role: "admin" });
    expect(await adminsOf(created.body.id)).toEqual([viewer.user.id]);

    // The token stays in its org.
    expect((await api.current.request<OrgBody>("GET", "/v1/org", { token: viewer.accessToken })).body).toMatchObject({
      id: owner.org.id,
      role: "viewer",
    });
    const mine = await api.current.request<Page<OrgBody>>("GET", "/v1/orgs", { token: viewer.accessToken });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((o) => [o.id, o.role])).toEqual([
      // The org the viewer registered with (aUserWithRole signs them into the owner's).
      [expect.not.stringMatching(owner.org.id), "admin"],
      [owner.org.id, "viewer"],
      [created.body.id, "admin"],
    ]);
    const switched = await api.current.request<TokenResponse>("POST", "/v1/auth/switch-org", {
      body: { refreshToken: viewer.refreshToken, orgId: created.body.id },
    });
    expect(switched.status).toBe(200);
    expect(switched.body.org).toMatchObject({ id: created.body.id, role: "admin" });
    expect((await api.current.request("GET", "/v1/org/members", { token: switched.body.accessToken })).status).toBe(200);

    const audit = await auditEntries(created.body.id, "org.created");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_type: "user", actor_id: viewer.user.id, target_id: created.body.id, request_id: createId });
    // The caller's org got no entry.
    expect(await auditEntries(owner.org.id, "org.created")).toEqual([]);
  });

  it("GET /v1/orgs pages through the caller's orgs", async () => {
    const person = await anOrgOwner(api.current, { orgName: "Pages 0" });
    const ids = [person.org.id];
    for (let i = 1; i < 4; i++) {
      const res = await api.current.request<OrgBody>("POST", "/v1/orgs", { token: person.accessToken, body: { name: `Pages ${i}` } });
      ids.push(res.body.id);
    }
    const first = await api.current.request<Page<OrgBody>>("GET", "/v1/orgs?limit=3", { token: person.accessToken });
    expect(first.body.items.map((o) => o.id)).toEqual(ids.slice(0, 3));
    expect(first.body.nextCursor).not.toBeNull();
    const second = await api.current.request<Page<OrgBody>>("GET", `/v1/orgs?limit=3&cursor=${encodeURIComponent(first.body.nextCursor ?? "")}`, {
      token: person.accessToken,
    });
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[3], role: "admin" })], nextCursor: null });
  });

  it("PATCH /v1/org renames the org (admin), audited; others get 403", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Old Name" });
    const member = await aUserWithRole(api.current, owner.org.id, "member");
    expectError(await api.current.request("PATCH", "/v1/org", { token: member.accessToken, body: { name: "Member's Name" } }), 403, "FORBIDDEN");
    const renameId = requestId("rename");
    const res = await api.current.request<OrgBody>("PATCH", "/v1/org", {
      token: owner.accessToken,
      body: { name: "New Name" },
      headers: { "x-request-id": renameId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: owner.org.id, name: "New Name", role: "admin" });
    expect((await api.current.request<OrgBody>("GET", "/v1/org", { token: member.accessToken })).body.name).toBe("New Name");
    const audit = await auditEntries(owner.org.id, "org.updated");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: owner.user.id, request_id: renameId });
    expect(audit[0]?.data).toEqual({ name: { from: "Old Name", to: "New Name" } });
    expectError(await api.current.request("PATCH", "/v1/org", { token: owner.accessToken, body: { name: "  " } }), 400, "VALIDATION_FAILED");
  });

  it("works over tRPC too", async () => {
    const person = await anOrgOwner(api.current, { orgName: "tRPC Org" });
    const client = api.current.trpc(person.accessToken);
    const created = await client.orgs.create.mutate({ name: "tRPC Second" });
    expect(created.role).toBe("admin");
    const page = await client.orgs.list.query({});
    expect(page.items.map((o) => o.id)).toEqual([person.org.id, created.id]);
    await expect(client.org.members.update.mutate({ userId: person.user.id, role: "viewer" })).rejects.toMatchObject({
      data: { code: "LAST_ADMIN", httpStatus: 409 },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Who may call what.

describe("role matrix of the member and org routes", () => {
  const LOW_ROLES = ["viewer", "member"] as const;

  for (const role of LOW_ROLES) it(`a ${role} is refused (403) and changes nothing`, async () => {
    const owner = await anOrgOwner(api.current, { orgName: `Matrix ${role}` });
    const caller = await aUserWithRole(api.current, owner.org.id, role);
    const target = await aUserWithRole(api.current, owner.org.id, "viewer");
    const { invitation } = await invite(owner.accessToken, uniqueEmail("matrix"), "viewer");
    const token = caller.accessToken;
    const invitationsBefore = await invitationCount(owner.org.id);
    const calls: [string, string, unknown][] = [
      ["GET", "/v1/org/invitations", undefined],
      ["POST", "/v1/org/invitations", { email: uniqueEmail("matrix-new"), role: "admin" }],
      ["DELETE", `/v1/org/invitations/${invitation.id}`, undefined],
      ["PATCH", `/v1/org/members/${target.user.id}`, { role: "admin" }],
      ["PATCH", `/v1/org/members/${caller.user.id}`, { role: "admin" }],
      ["DELETE", `/v1/org/members/${target.user.id}`, undefined],
      ["PATCH", "/v1/org", { name: "Taken Over" }],
    ];
    for (const [method, path, body] of calls) {
      const res = await api.current.request(method, path, { token, body });
      expectError(res, 403, "FORBIDDEN");
    }
    expect(await invitationCount(owner.org.id)).toBe(invitationsBefore);
    expect((await invitationRow(invitation.id)).revoked_at).toBeNull();
    expect((await membership(owner.org.id, target.user.id))?.role).toBe("viewer");
    expect((await membership(owner.org.id, caller.user.id))?.role).toBe(role);
    expect((await api.current.request<OrgBody>("GET", "/v1/org", { token })).body.name).toBe(`Matrix ${role}`);
    // Every person may list and create their own orgs.
    expect((await api.current.request("GET", "/v1/orgs", { token })).status).toBe(200);
    expect((await api.current.request("POST", "/v1/orgs", { token, body: { name: `${role}'s own` } })).status).toBe(201);
  });

  it("an API key never manages members, invitations or orgs", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Key Matrix Org" });
    const key = await api.current.request<{ secret: string }>("POST", "/v1/org/api-keys", {
      token: owner.accessToken,
      body: { name: "write key", scope: "write" },
    });
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    const headers = { "x-api-key": key.body.secret };
    const calls: [string, string, unknown][] = [
      ["GET", "/v1/org/invitations", undefined],
      ["POST", "/v1/org/invitations", { email: uniqueEmail("by-key"), role: "admin" }],
      ["PATCH", `/v1/org/members/${owner.user.id}`, { role: "member" }],
      ["DELETE", `/v1/org/members/${owner.user.id}`, undefined],
      ["PATCH", "/v1/org", { name: "Renamed by a key" }],
      ["GET", "/v1/orgs", undefined],
      ["POST", "/v1/orgs", { name: "Made by a key" }],
    ];
    for (const [method, path, body] of calls) expectError(await api.current.request(method, path, { headers, body }), 403, "FORBIDDEN");
    expect(await invitationCount(owner.org.id)).toBe(0);
    expect(await adminsOf(owner.org.id)).toEqual([owner.user.id]);
  });
});
