import { randomUUID } from "node:crypto";
import { hashSecretToken, type Invitation, type OrgWithRole, type Page, publicUrlOf, type TokenResponse } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import {
  addMember,
  anOrgOwner,
  auditEntries,
  aUserWithRole,
  countRows,
  expectError,
  queuedJobs,
  uniqueEmail,
  useTestApi,
  type HttpResponse,
} from "@incidentops/testkit";
import { accept, invitationRow, invite, listInvitations, membership, requestId } from "./support/members.js";

// These tests sign many people up and in from one address: the per-IP auth limit is not under test here.
const api = useTestApi({ env: { AUTH_RATE_LIMIT_PER_MINUTE: "100000" } });


/** What invitees choose as their password. */
const NEW_PASSWORD = "a brand new password";

// ---------------------------------------------------------------------------------------------
// Invitations.

describe("inviting a person without an account", () => {
  it("creates a hashed single-use invitation, emails the link through the worker and signs the new user into the org", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite New Org", name: "Olivia Owner" });
    const email = uniqueEmail("invitee");
    const before = Date.now();
    const created = await invite(api.current, owner.accessToken, email.toUpperCase(), "member");

    // The invitation, plus its token this once.
    expect(created.invitation).toMatchObject({ email, role: "member", status: "pending", invitedBy: owner.user.id, acceptedAt: null, revokedAt: null });
    expect(created.token).toMatch(/^ioi_[A-Za-z0-9_-]{43}$/);
    const ttl = Date.parse(created.invitation.expiresAt) - before;
    expect(ttl).toBeGreaterThan(7 * 24 * 3600 * 1000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(7 * 24 * 3600 * 1000 + 60_000);

    // Stored as a SHA-256 hash, never in clear.
    const row = await invitationRow(api.current.db, created.invitation.id);
    expect(row.org_id).toBe(owner.org.id);
    expect(Buffer.compare(row.token_hash, hashSecretToken(created.token))).toBe(0);
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
    const listed = await listInvitations(api.current, owner.accessToken);
    const item = listed.items.find((i) => i.id === created.invitation.id);
    expect(item).toMatchObject({ status: "pending", email, role: "member" });
    expect(item).not.toHaveProperty("token");
    expect(JSON.stringify(listed)).not.toContain(created.token);

    // Accepting creates the account and signs into the inviting org.
    const acceptId = requestId("accept-new");
    const res = await accept(api.current, { token: created.token, name: "Nina New", password: NEW_PASSWORD }, acceptId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ tokenType: "Bearer", user: { email, name: "Nina New" }, org: { id: owner.org.id, role: "member" } });
    const newUserId = res.body.user.id;
    const org = await api.current.request<OrgWithRole>("GET", "/v1/org", { token: res.body.accessToken });
    expect(org.body).toMatchObject({ id: owner.org.id, role: "member" });
    const refreshed = await api.current.request<TokenResponse>("POST", "/v1/auth/refresh", { body: { refreshToken: res.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.org).toMatchObject({ id: owner.org.id, role: "member" });
    // The password is the account's from now on.
    const login = await api.current.request<TokenResponse>("POST", "/v1/auth/login", { body: { email, password: NEW_PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.body.org.id).toBe(owner.org.id);
    expect((await membership(api.current.db, owner.org.id, newUserId))?.role).toBe("member");

    // Accepted, once.
    const accepted = await invitationRow(api.current.db, created.invitation.id);
    expect(accepted.accepted_by).toBe(newUserId);
    expect(accepted.accepted_at).not.toBeNull();
    expect((await listInvitations(api.current, owner.accessToken)).items.find((i) => i.id === created.invitation.id)).toMatchObject({
      status: "accepted",
      acceptedBy: newUserId,
    });
    const again = await accept(api.current, { token: created.token, name: "Nina Again", password: NEW_PASSWORD });
    expectError(again, 400, "INVALID_TOKEN");

    // Audited, with the actor and the request of each step.
    const createdAudit = await auditEntries(api.current.db, { orgId: owner.org.id, action: "invitation.created" });
    expect(createdAudit).toHaveLength(1);
    expect(createdAudit[0]).toMatchObject({
      actor_type: "user",
      actor_id: owner.user.id,
      target_type: "invitation",
      target_id: created.invitation.id,
      request_id: created.requestId,
    });
    expect(createdAudit[0]?.data).toMatchObject({ email, role: "member" });
    const acceptedAudit = await auditEntries(api.current.db, { orgId: owner.org.id, action: "invitation.accepted" });
    expect(acceptedAudit).toHaveLength(1);
    expect(acceptedAudit[0]).toMatchObject({ actor_type: "user", actor_id: newUserId, target_id: created.invitation.id, request_id: acceptId });
    expect(acceptedAudit[0]?.data).toMatchObject({ newAccount: true, role: "member" });
    // The token never reaches the audit log.
    expect(JSON.stringify(await auditEntries(api.current.db, { orgId: owner.org.id, action: "invitation.created" }))).not.toContain(created.token);
  });

  it("needs a name and a password that meets the policy to create the account", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Policy Org" });
    const email = uniqueEmail("policy");
    const { token, invitation } = await invite(api.current, owner.accessToken, email, "viewer");
    const short = await accept(api.current, { token, name: "Shorty", password: "short" });
    expectError(short, 400, "VALIDATION_FAILED");
    const nameless = await accept(api.current, { token, password: NEW_PASSWORD });
    expectError(nameless, 400, "VALIDATION_FAILED");
    expect(JSON.stringify(nameless.body)).toContain('"name"');
    const emailAsPassword = await accept(api.current, { token, name: "Lazy", password: email.toUpperCase() });
    expectError(emailAsPassword, 400, "VALIDATION_FAILED");
    // Nothing was used up.
    expect((await invitationRow(api.current.db, invitation.id)).accepted_at).toBeNull();
    const ok = await accept(api.current, { token, name: "Finally", password: NEW_PASSWORD });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.org.role).toBe("viewer");
  });

  it("two concurrent accepts of one token: exactly one succeeds", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Race Org" });
    const email = uniqueEmail("race");
    const { token, invitation } = await invite(api.current, owner.accessToken, email, "member");
    const results = await Promise.all([
      accept(api.current, { token, name: "Racer One", password: NEW_PASSWORD }),
      accept(api.current, { token, name: "Racer Two", password: NEW_PASSWORD }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 400]);
    const loser = results.find((r) => r.status !== 200);
    if (loser !== undefined) expectError(loser, 400, "INVALID_TOKEN");
    const users = await api.current.db.selectFrom("users").select("id").where("email", "=", email).execute();
    expect(users).toHaveLength(1);
    expect((await invitationRow(api.current.db, invitation.id)).accepted_by).toBe(users[0]?.id);
  });
});

describe("inviting a person who already has an account", () => {
  it("joins with the account's own password, never with the token alone", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Existing Org" });
    const existing = await anOrgOwner(api.current, { orgName: "Existing's Own Org", name: "Ezra Existing" });
    const { token, invitation } = await invite(api.current, owner.accessToken, existing.email, "viewer");

    // A wrong password (the token holder choosing one) is refused and changes nothing.
    const wrong = await accept(api.current, { token, name: "Hijacker", password: "not the account password" });
    expectError(wrong, 401, "INVALID_CREDENTIALS");
    expect(await membership(api.current.db, owner.org.id, existing.user.id)).toBeUndefined();
    expect((await invitationRow(api.current.db, invitation.id)).accepted_at).toBeNull();
    const unchanged = await api.current.request<TokenResponse>("POST", "/v1/auth/login", {
      body: { email: existing.email, password: existing.password },
    });
    expect(unchanged.status).toBe(200);
    // No password at all is a validation error.
    expectError(await accept(api.current, { token }), 400, "VALIDATION_FAILED");

    const acceptId = requestId("accept-existing");
    const res = await accept(api.current, { token, name: "Ignored Name", password: existing.password }, acceptId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.user).toMatchObject({ id: existing.user.id, email: existing.email, name: "Ezra Existing" });
    expect(res.body.org).toMatchObject({ id: owner.org.id, role: "viewer" });
    const me = await api.current.request<{ org: OrgWithRole; memberships: OrgWithRole[] }>("GET", "/v1/auth/me", { token: res.body.accessToken });
    expect(me.body.org).toMatchObject({ id: owner.org.id, role: "viewer" });
    expect(me.body.memberships.map((m) => m.id).sort()).toEqual([owner.org.id, existing.org.id].sort());
    // Their own org and its session are untouched.
    const own = await api.current.request<OrgWithRole>("GET", "/v1/org", { token: existing.accessToken });
    expect(own.body).toMatchObject({ id: existing.org.id, role: "admin" });

    const audit = await auditEntries(api.current.db, { orgId: owner.org.id, action: "invitation.accepted" });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: existing.user.id, request_id: acceptId });
    expect(audit[0]?.data).toMatchObject({ newAccount: false });
    expectError(await accept(api.current, { token, password: existing.password }), 400, "INVALID_TOKEN");
  });

  it("refuses to invite a current member (409) and to accept into an org one already belongs to (409)", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Member Org" });
    const member = await aUserWithRole(api.current, owner.org.id, "member");
    const before = await countRows(api.current.db, "invitations", { org_id: owner.org.id });
    const res = await api.current.request("POST", "/v1/org/invitations", {
      token: owner.accessToken,
      body: { email: member.user.email, role: "admin" },
    });
    expectError(res, 409, "CONFLICT");
    expect(await countRows(api.current.db, "invitations", { org_id: owner.org.id })).toBe(before);
    expect((await membership(api.current.db, owner.org.id, member.user.id))?.role).toBe("member");

    // Invited, then added another way before accepting.
    const later = await anOrgOwner(api.current, { orgName: "Later Org" });
    const { token, invitation } = await invite(api.current, owner.accessToken, later.email, "admin");
    await addMember(api.current.db, owner.org.id, later.user.id, "viewer");
    const conflict = await accept(api.current, { token, password: later.password });
    expectError(conflict, 409, "CONFLICT");
    expect((await membership(api.current.db, owner.org.id, later.user.id))?.role).toBe("viewer");
    expect((await invitationRow(api.current.db, invitation.id)).accepted_at).toBeNull();
  });
});

describe("invitation tokens", () => {
  it("an unknown token is 400 INVALID_TOKEN", async () => {
    expectError(await accept(api.current, { token: `ioi_${randomUUID()}`, name: "Nobody", password: NEW_PASSWORD }), 400, "INVALID_TOKEN");
  });

  it("an expired invitation is refused and listed as expired", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Expiry Org" });
    const email = uniqueEmail("expired");
    const { token, invitation } = await invite(api.current, owner.accessToken, email, "member");
    await api.current.db
      .updateTable("invitations")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", invitation.id)
      .execute();
    expectError(await accept(api.current, { token, name: "Too Late", password: NEW_PASSWORD }), 400, "INVALID_TOKEN");
    expect(await api.current.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()).toBeUndefined();
    const listed = await listInvitations(api.current, owner.accessToken);
    expect(listed.items.find((i) => i.id === invitation.id)?.status).toBe("expired");
    expect((await listInvitations(api.current, owner.accessToken, "&status=expired")).items.map((i) => i.id)).toEqual([invitation.id]);
    expect((await listInvitations(api.current, owner.accessToken, "&status=pending")).items).toEqual([]);
  });

  it("a revoked invitation is refused; revoking is audited once and idempotent; an accepted one cannot be revoked", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Revoke Org" });
    const { token, invitation } = await invite(api.current, owner.accessToken, uniqueEmail("revoked"), "member");
    const revokeId = requestId("revoke");
    const revoked = await api.current.request<Invitation>("DELETE", `/v1/org/invitations/${invitation.id}`, {
      token: owner.accessToken,
      headers: { "x-request-id": revokeId },
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body).toMatchObject({ id: invitation.id, status: "revoked" });
    expect(revoked.body.revokedAt).not.toBeNull();
    expect(revoked.body).not.toHaveProperty("token");
    expectError(await accept(api.current, { token, name: "Revoked", password: NEW_PASSWORD }), 400, "INVALID_TOKEN");

    const again = await api.current.request<Invitation>("DELETE", `/v1/org/invitations/${invitation.id}`, { token: owner.accessToken });
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const audit = await auditEntries(api.current.db, { orgId: owner.org.id, action: "invitation.revoked" });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_type: "user", actor_id: owner.user.id, target_id: invitation.id, request_id: revokeId });

    const used = await invite(api.current, owner.accessToken, uniqueEmail("used"), "viewer");
    expect((await accept(api.current, { token: used.token, name: "Used", password: NEW_PASSWORD })).status).toBe(200);
    const late = await api.current.request("DELETE", `/v1/org/invitations/${used.invitation.id}`, { token: owner.accessToken });
    expectError(late, 409, "CONFLICT");
    expect((await invitationRow(api.current.db, used.invitation.id)).revoked_at).toBeNull();
  });

  it("a second invitation for the same email replaces the pending one", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Replace Org" });
    const email = uniqueEmail("twice");
    const first = await invite(api.current, owner.accessToken, email, "viewer");
    const second = await invite(api.current, owner.accessToken, email, "admin");
    expect((await invitationRow(api.current.db, first.invitation.id)).revoked_at).not.toBeNull();
    expectError(await accept(api.current, { token: first.token, name: "First", password: NEW_PASSWORD }), 400, "INVALID_TOKEN");
    const listed = await listInvitations(api.current, owner.accessToken);
    expect(listed.items.map((i) => [i.id, i.status])).toEqual([
      [second.invitation.id, "pending"],
      [first.invitation.id, "revoked"],
    ]);
    const replaced = await auditEntries(api.current.db, { orgId: owner.org.id, action: "invitation.revoked" });
    expect(replaced.map((e) => e.target_id)).toEqual([first.invitation.id]);
    expect(replaced[0]?.data).toMatchObject({ reason: "replaced" });
    const res = await accept(api.current, { token: second.token, name: "Second", password: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.org.role).toBe("admin");
  });

  it("lists are keyset-paginated, newest first", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Invite Pages Org" });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await invite(api.current, owner.accessToken, uniqueEmail(`page${i}`), "viewer")).invitation.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
      const res: HttpResponse<Page<Invitation>> = await api.current.request<Page<Invitation>>("GET", `/v1/org/invitations?limit=2${query}`, {
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
    const { invitation, token } = await invite(api.current, a.accessToken, uniqueEmail("tenant"), "member");
    const foreign = await api.current.request("DELETE", `/v1/org/invitations/${invitation.id}`, { token: b.accessToken });
    expectError(foreign, 404, "NOT_FOUND");
    const missing = await api.current.request("DELETE", `/v1/org/invitations/${randomUUID()}`, { token: b.accessToken });
    expect({ status: missing.status, message: missing.body.message }).toEqual({ status: foreign.status, message: foreign.body.message });
    expect((await invitationRow(api.current.db, invitation.id)).revoked_at).toBeNull();
    expect((await listInvitations(api.current, b.accessToken)).items).toEqual([]);
    expect((await listInvitations(api.current, a.accessToken)).items.map((i) => i.id)).toEqual([invitation.id]);
    // The token still works for A.
    expect((await accept(api.current, { token, name: "Tenant", password: NEW_PASSWORD })).status).toBe(200);
  });
});

