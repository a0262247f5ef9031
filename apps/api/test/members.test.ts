import { randomUUID } from "node:crypto";
import type { Member, NotificationPreferences, OrgWithRole, Page, Person, TokenResponse } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import { sql } from "@incidentops/db";
import {
  addMember,
  anOrgOwner,
  aTeam,
  auditEntries,
  aUserWithRole,
  countRows,
  expectError,
  raceBehindLock,
  setTeamMember,
  uniqueEmail,
  useTestApi,
} from "@incidentops/testkit";
import { adminsOf, invitationRow, invite, membership, requestId } from "./support/members.js";

// Members of an org: roles, the last admin, removal, and who may manage them. Invitations:
// invitations.test.ts; orgs: orgs.test.ts.

// These tests sign many people up and in from one address: the per-IP auth limit is not under test here.
const api = useTestApi({ env: { AUTH_RATE_LIMIT_PER_MINUTE: "100000" } });

// ---------------------------------------------------------------------------------------------
// Members.

describe("changing roles", () => {
  it("takes effect on the member's next request with the same token, and is audited", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Roles Change Org" });
    const user = await aUserWithRole(api.current, owner.org.id, "viewer");
    const members = () => api.current.request("GET", "/v1/org/members", { token: user.accessToken });
    expect((await members()).status).toBe(403);

    const changeId = requestId("promote");
    const promoted = await api.current.request<Member>("PATCH", `/v1/org/members/${user.user.id}`, {
      token: owner.accessToken,
      body: { role: "admin" },
      headers: { "x-request-id": changeId },
    });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);
    expect(promoted.body).toMatchObject({ user: { id: user.user.id, email: user.user.email }, role: "admin" });
    expect((await members()).status).toBe(200);
    expect((await api.current.request<OrgWithRole>("GET", "/v1/org", { token: user.accessToken })).body.role).toBe("admin");

    const demoted = await api.current.request<Member>("PATCH", `/v1/org/members/${user.user.id}`, {
      token: owner.accessToken,
      body: { role: "viewer" },
    });
    expect(demoted.body.role).toBe("viewer");
    expect((await members()).status).toBe(403);
    const refreshed = await api.current.request<TokenResponse>("POST", "/v1/auth/refresh", { body: { refreshToken: user.refreshToken } });
    expect(refreshed.body.org.role).toBe("viewer");

    // Setting the role it already has changes nothing and is not audited.
    const same = await api.current.request<Member>("PATCH", `/v1/org/members/${user.user.id}`, { token: owner.accessToken, body: { role: "viewer" } });
    expect(same.status).toBe(200);

    const audit = await auditEntries(api.current.db, { orgId: owner.org.id, action: "member.role_changed" });
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

/** Both calls start before either can change a membership: they wait at the admins' locks, which the race is about. */
const raceAtTheAdminLock = <T>(orgId: string, calls: () => Promise<T>[]) =>
  raceBehindLock(api.current.db, (tx) => sql`SELECT 1 FROM org_members WHERE org_id = ${orgId} AND role = 'admin' FOR UPDATE`.execute(tx), calls);

describe("the last admin", () => {
  it("cannot be demoted or removed (409 LAST_ADMIN), but can once another admin exists", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Last Admin Org" });
    const demote = await api.current.request("PATCH", `/v1/org/members/${owner.user.id}`, { token: owner.accessToken, body: { role: "member" } });
    expectError(demote, 409, "LAST_ADMIN");
    const remove = await api.current.request("DELETE", `/v1/org/members/${owner.user.id}`, { token: owner.accessToken });
    expectError(remove, 409, "LAST_ADMIN");
    expect(await adminsOf(api.current.db, owner.org.id)).toEqual([owner.user.id]);
    expect(await auditEntries(api.current.db, { orgId: owner.org.id, action: "member.role_changed" })).toEqual([]);

    const second = await aUserWithRole(api.current, owner.org.id, "admin");
    const stepDown = await api.current.request<Member>("PATCH", `/v1/org/members/${owner.user.id}`, {
      token: owner.accessToken,
      body: { role: "member" },
    });
    expect(stepDown.status, JSON.stringify(stepDown.body)).toBe(200);
    expect(await adminsOf(api.current.db, owner.org.id)).toEqual([second.user.id]);
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
      const [a, b] = await raceAtTheAdminLock(owner.org.id, () => [
        api.current.request("PATCH", `/v1/org/members/${other.user.id}`, { token: owner.accessToken, body: { role: "viewer" } }),
        api.current.request("PATCH", `/v1/org/members/${owner.user.id}`, { token: other.accessToken, body: { role: "viewer" } }),
      ]);
      if (a === undefined || b === undefined) throw new Error("both calls answer");
      expect([a.status, b.status].sort(), JSON.stringify([a.body, b.body])).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expectError(loser, 409, "LAST_ADMIN");
      const admins = await adminsOf(api.current.db, owner.org.id);
      expect(admins).toHaveLength(1);
      expect(admins[0]).toBe(a.status === 200 ? owner.user.id : other.user.id);
      expect(await auditEntries(api.current.db, { orgId: owner.org.id, action: "member.role_changed" })).toHaveLength(1);
    }
  });

  it("two admins removing each other at once: exactly one succeeds", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Mutual Removal" });
    const other = await aUserWithRole(api.current, owner.org.id, "admin");
    const results = await raceAtTheAdminLock(owner.org.id, () => [
      api.current.request("DELETE", `/v1/org/members/${other.user.id}`, { token: owner.accessToken }),
      api.current.request("DELETE", `/v1/org/members/${owner.user.id}`, { token: other.accessToken }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await adminsOf(api.current.db, owner.org.id)).toHaveLength(1);
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
    expect(res.body).toEqual({ ok: true, changes: { escalationPolicies: [], schedules: [], teams: [], incidents: [], tasks: [] } });
    expect(await membership(api.current.db, owner.org.id, person.user.id)).toBeUndefined();

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

    const audit = await auditEntries(api.current.db, { orgId: owner.org.id, action: "member.removed" });
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
    expect(await membership(api.current.db, owner.org.id, stranger.user.id)).toBeUndefined();
    expect((await membership(api.current.db, stranger.org.id, stranger.user.id))?.role).toBe("admin");
  });
});

// ---------------------------------------------------------------------------------------------
// People: the members without their roles, for pickers (viewer+).

describe("GET /v1/org/people", () => {
  it("lists every member's id, name and email to a viewer, in the order they joined, page by page, without roles", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "People Org" });
    const member = await aUserWithRole(api.current, owner.org.id, "member");
    const viewer = await aUserWithRole(api.current, owner.org.id, "viewer");
    const outsider = await anOrgOwner(api.current, { orgName: "Other People Org" });
    const first = await api.current.request<Page<Person>>("GET", "/v1/org/people?limit=2", { token: viewer.accessToken });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.items).toEqual([
      { id: owner.user.id, name: owner.user.name, email: owner.user.email },
      { id: member.user.id, name: member.user.name, email: member.user.email },
    ]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await api.current.request<Page<Person>>("GET", `/v1/org/people?limit=2&cursor=${first.body.nextCursor}`, { token: viewer.accessToken });
    expect(second.body).toEqual({ items: [{ id: viewer.user.id, name: viewer.user.name, email: viewer.user.email }], nextCursor: null });
    expect(JSON.stringify([first.body, second.body])).not.toContain(outsider.user.id);
  });

  it("answers an API key too (to assign by script), and refuses a forged cursor with 400", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "People Key Org" });
    const key = await api.current.request<{ secret: string }>("POST", "/v1/org/api-keys", { token: owner.accessToken, body: { name: "read key", scope: "read" } });
    const res = await api.current.request<Page<Person>>("GET", "/v1/org/people", { headers: { "x-api-key": key.body.secret } });
    expect(res.body.items.map((p) => p.id)).toEqual([owner.user.id]);
    expectError(await api.current.request("GET", "/v1/org/people?cursor=bm90LWEtY3Vyc29y", { token: owner.accessToken }), 400, "VALIDATION_FAILED");
  });
});

describe("narrowing the members and people lists", () => {
  it("by team, role and a text in the name or email (any case, taken literally), together and page by page; another org's team is 404", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Filter Org", name: "Ada Owner" });
    const [grace, linus, margaret] = await Promise.all([
      anOrgOwner(api.current, { name: "Grace Hopper", email: uniqueEmail("grace") }),
      anOrgOwner(api.current, { name: "Linus 100% Sure", email: uniqueEmail("linus") }),
      anOrgOwner(api.current, { name: "Margaret Hamilton", email: uniqueEmail("apollo") }),
    ]);
    await addMember(api.current.db, owner.org.id, grace.user.id, "member");
    await addMember(api.current.db, owner.org.id, linus.user.id, "viewer");
    await addMember(api.current.db, owner.org.id, margaret.user.id, "member");
    const team = await aTeam(api.current, owner.accessToken);
    for (const person of [grace, margaret]) await setTeamMember(api.current, owner.accessToken, team.id, person.user.id, "member");
    const namesOf = async (path: string) => {
      const res = await api.current.request<Page<Member | Person>>("GET", path, { token: owner.accessToken });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((item) => ("user" in item ? item.user.name : item.name));
    };
    expect(await namesOf("/v1/org/members?role=member")).toEqual(["Grace Hopper", "Margaret Hamilton"]);
    expect(await namesOf(`/v1/org/members?teamId=${team.id}`)).toEqual(["Grace Hopper", "Margaret Hamilton"]);
    expect(await namesOf(`/v1/org/members?teamId=${team.id}&q=HAMIL`)).toEqual(["Margaret Hamilton"]);
    expect(await namesOf("/v1/org/members?q=apollo")).toEqual(["Margaret Hamilton"]);
    expect(await namesOf("/v1/org/members?q=100%25")).toEqual(["Linus 100% Sure"]);
    expect(await namesOf("/v1/org/members?q=_")).toEqual([]);
    expect(await namesOf("/v1/org/members?role=admin&q=grace")).toEqual([]);
    expect(await namesOf(`/v1/org/people?teamId=${team.id}&q=grace`)).toEqual(["Grace Hopper"]);
    const first = await api.current.request<Page<Member>>("GET", "/v1/org/members?role=member&limit=1", { token: owner.accessToken });
    const second = await api.current.request<Page<Member>>("GET", `/v1/org/members?role=member&limit=1&cursor=${first.body.nextCursor}`, { token: owner.accessToken });
    expect([...first.body.items, ...second.body.items].map((m) => m.user.name)).toEqual(["Grace Hopper", "Margaret Hamilton"]);
    expect(second.body.nextCursor).toBeNull();

    const theirTeam = await aTeam(api.current, grace.accessToken);
    for (const path of [`/v1/org/members?teamId=${theirTeam.id}`, `/v1/org/people?teamId=${randomUUID()}`]) {
      expect(await api.current.request("GET", path, { token: owner.accessToken })).toMatchObject({ status: 404, body: { code: "NOT_FOUND", message: "Team not found" } });
    }
    for (const path of ["/v1/org/members?q=", "/v1/org/members?role=owner", "/v1/org/members?teamId=payments", "/v1/org/people?role=admin"]) {
      expectError(await api.current.request("GET", path, { token: owner.accessToken }), 400, "VALIDATION_FAILED");
    }
  });
});

describe("a member's notification preferences", () => {
  it("an admin reads what a member chose (every kind until they choose); a viewer may not; a stranger is 404", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Preferences Read Org" });
    const member = await aUserWithRole(api.current, owner.org.id, "member");
    const path = `/v1/org/members/${member.user.id}/notification-preferences`;
    const read = (token: string) => api.current.request<NotificationPreferences>("GET", path, { token });
    const before = await read(owner.accessToken);
    expect(before.status).toBe(200);
    expect(before.body.updatedAt).toBeNull();
    expect(before.body.eventKinds).toContain("triggered");
    const chosen = await api.current.request<NotificationPreferences>("PUT", "/v1/users/me/notification-preferences", { token: member.accessToken, body: { eventKinds: ["escalated", "triggered"] } });
    expect(chosen.status).toBe(200);
    expect((await read(owner.accessToken)).body).toEqual(chosen.body);
    expectError(await read(member.accessToken), 403, "FORBIDDEN");
    const stranger = await anOrgOwner(api.current, { orgName: "Preferences Stranger Org" });
    expectError(await api.current.request("GET", `/v1/org/members/${stranger.user.id}/notification-preferences`, { token: owner.accessToken }), 404, "NOT_FOUND");
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
    const { invitation } = await invite(api.current, owner.accessToken, uniqueEmail("matrix"), "viewer");
    const token = caller.accessToken;
    const invitationsBefore = await countRows(api.current.db, "invitations", { org_id: owner.org.id });
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
    expect(await countRows(api.current.db, "invitations", { org_id: owner.org.id })).toBe(invitationsBefore);
    expect((await invitationRow(api.current.db, invitation.id)).revoked_at).toBeNull();
    expect((await membership(api.current.db, owner.org.id, target.user.id))?.role).toBe("viewer");
    expect((await membership(api.current.db, owner.org.id, caller.user.id))?.role).toBe(role);
    expect((await api.current.request<OrgWithRole>("GET", "/v1/org", { token })).body.name).toBe(`Matrix ${role}`);
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
    expect(await countRows(api.current.db, "invitations", { org_id: owner.org.id })).toBe(0);
    expect(await adminsOf(api.current.db, owner.org.id)).toEqual([owner.user.id]);
  });
});
