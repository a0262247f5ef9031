import type { OrgWithRole, Page, TokenResponse } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import { anOrgOwner, auditEntries, aUserWithRole, expectError, useTestApi } from "@incidentops/testkit";
import { adminsOf, requestId } from "./support/members.js";

// These tests sign many people up and in from one address: the per-IP auth limit is not under test here.
const api = useTestApi({ env: { AUTH_RATE_LIMIT_PER_MINUTE: "100000" } });

// ---------------------------------------------------------------------------------------------
// Orgs.

describe("orgs", () => {
  it("any signed-in person creates another org, becomes its admin and can switch into it", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "First Org" });
    const viewer = await aUserWithRole(api.current, owner.org.id, "viewer");
    const createId = requestId("create-org");
    const created = await api.current.request<OrgWithRole>("POST", "/v1/orgs", {
      token: viewer.accessToken,
      body: { name: "  Viewer's Side Project " },
      headers: { "x-request-id": createId },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name: "Viewer's Side Project", role: "admin" });
    expect(await adminsOf(api.current.db, created.body.id)).toEqual([viewer.user.id]);

    // The token stays in its org.
    expect((await api.current.request<OrgWithRole>("GET", "/v1/org", { token: viewer.accessToken })).body).toMatchObject({
      id: owner.org.id,
      role: "viewer",
    });
    const mine = await api.current.request<Page<OrgWithRole>>("GET", "/v1/orgs", { token: viewer.accessToken });
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

    const audit = await auditEntries(api.current.db, { orgId: created.body.id, action: "org.created" });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_type: "user", actor_id: viewer.user.id, target_id: created.body.id, request_id: createId });
    // The caller's org got no entry.
    expect(await auditEntries(api.current.db, { orgId: owner.org.id, action: "org.created" })).toEqual([]);
  });

  it("GET /v1/orgs pages through the caller's orgs", async () => {
    const person = await anOrgOwner(api.current, { orgName: "Pages 0" });
    const ids = [person.org.id];
    for (let i = 1; i < 4; i++) {
      const res = await api.current.request<OrgWithRole>("POST", "/v1/orgs", { token: person.accessToken, body: { name: `Pages ${i}` } });
      ids.push(res.body.id);
    }
    const first = await api.current.request<Page<OrgWithRole>>("GET", "/v1/orgs?limit=3", { token: person.accessToken });
    expect(first.body.items.map((o) => o.id)).toEqual(ids.slice(0, 3));
    expect(first.body.nextCursor).not.toBeNull();
    const second = await api.current.request<Page<OrgWithRole>>("GET", `/v1/orgs?limit=3&cursor=${encodeURIComponent(first.body.nextCursor ?? "")}`, {
      token: person.accessToken,
    });
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[3], role: "admin" })], nextCursor: null });
  });

  it("PATCH /v1/org renames the org (admin), audited; others get 403", async () => {
    const owner = await anOrgOwner(api.current, { orgName: "Old Name" });
    const member = await aUserWithRole(api.current, owner.org.id, "member");
    expectError(await api.current.request("PATCH", "/v1/org", { token: member.accessToken, body: { name: "Member's Name" } }), 403, "FORBIDDEN");
    const renameId = requestId("rename");
    const res = await api.current.request<OrgWithRole>("PATCH", "/v1/org", {
      token: owner.accessToken,
      body: { name: "New Name" },
      headers: { "x-request-id": renameId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: owner.org.id, name: "New Name", role: "admin" });
    expect((await api.current.request<OrgWithRole>("GET", "/v1/org", { token: member.accessToken })).body.name).toBe("New Name");
    const audit = await auditEntries(api.current.db, { orgId: owner.org.id, action: "org.updated" });
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

