import { TRPCClientError } from "@trpc/client";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aUserWithRole,
  countRows,
  expectError,
  incidentState,
  rejectionOf,
  setMemberRole,
  uniqueName,
  useTestApi,
  type Account,
} from "@incidentops/testkit";

// The role guard of roles.test.ts's matrix over tRPC, and its reading of the membership on
// every request.

const api = useTestApi();

/** An org with its owner, a viewer and a member, and a service. */
interface Fixture {
  orgId: string;
  ownerToken: string;
  tokens: { viewer: string; member: string };
  userIds: { viewer: string; member: string };
  serviceId: string;
}

let fx: Fixture;

beforeAll(async () => {
  const owner = await anOrgOwner(api.current, { orgName: "Role Guard Org" });
  const viewer = await aUserWithRole(api.current, owner.org.id, "viewer");
  const member = await aUserWithRole(api.current, owner.org.id, "member");
  const service = await aService(api.current, owner.accessToken);
  fx = {
    orgId: owner.org.id,
    ownerToken: owner.accessToken,
    tokens: { viewer: viewer.accessToken, member: member.accessToken },
    userIds: { viewer: viewer.user.id, member: member.user.id },
    serviceId: service.id,
  };
});

const freshIncident = (f: Fixture) => anIncident(api.current, f.ownerToken, f.serviceId, { title: uniqueName("role-guard") });

const countOf = (table: "services" | "escalation_policies", orgId: string) => countRows(api.current.db, table, { org_id: orgId });

// ---------------------------------------------------------------------------------------------
// The same guard over tRPC.

describe("role guard over tRPC", () => {
  it("refuses a viewer's comment with FORBIDDEN in error.data and writes nothing", async () => {
    const incident = await freshIncident(fx);
    const before = await incidentState(api.current.db, incident.id);
    const error = await rejectionOf(api.current.trpc(fx.tokens.viewer).incidents.comment.mutate({ incidentId: incident.id, body: "nope" }));
    expect(error).toBeInstanceOf(TRPCClientError);
    if (!(error instanceof TRPCClientError)) return;
    expect(error.data).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
    expect(await incidentState(api.current.db, incident.id)).toEqual(before);
  });

  it("refuses a member's escalation-policy creation and writes nothing", async () => {
    const before = await countOf("escalation_policies", fx.orgId);
    await expect(
      api.current.trpc(fx.tokens.member).org.escalationPolicies.create.mutate({
        name: "not mine to make",
        repeat: 1,
        levels: [{ delaySeconds: 0, targets: [{ type: "user", userId: fx.userIds.member }] }],
      }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN", httpStatus: 403 } });
    expect(await countOf("escalation_policies", fx.orgId)).toBe(before);
  });

  it("refuses a member's notification-target listing", async () => {
    await expect(api.current.trpc(fx.tokens.member).org.notificationTargets.list.query({})).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The guard reads the membership on every request; the role claim in the token is not trusted.

describe("role changes take effect on the next request with the same token", () => {
  let user: Account;

  beforeAll(async () => {
    user = await aUserWithRole(api.current, fx.orgId, "viewer");
  });

  it("promotes viewer -> member -> admin and demotes back to viewer", async () => {
    const token = user.accessToken;
    const incident = await freshIncident(fx);
    const comment = () => api.current.request("POST", `/v1/incidents/${incident.id}/comment`, { token, body: { body: "hi" } });
    const members = () => api.current.request("GET", "/v1/org/members", { token });
    const currentRole = async () => (await api.current.request<{ role: string }>("GET", "/v1/org", { token })).body.role;

    const refused = await comment();
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("FORBIDDEN");
    expect((await incidentState(api.current.db, incident.id)).events).toBe(1);

    await setMemberRole(api.current.db, fx.orgId, user.user.id, "member");
    expect(await currentRole()).toBe("member");
    expect((await comment()).status).toBe(201);
    expect((await incidentState(api.current.db, incident.id)).events).toBe(2);
    expect((await members()).status).toBe(403);

    await setMemberRole(api.current.db, fx.orgId, user.user.id, "admin");
    expect(await currentRole()).toBe("admin");
    expect((await members()).status).toBe(200);

    await setMemberRole(api.current.db, fx.orgId, user.user.id, "viewer");
    expect(await currentRole()).toBe("viewer");
    const membersAgain = await members();
    expect(membersAgain.status).toBe(403);
    expectError(membersAgain, 403, "FORBIDDEN");
    const refusedAgain = await comment();
    expect(refusedAgain.status).toBe(403);
    expect((await incidentState(api.current.db, incident.id)).events).toBe(2);
  });

  it("a removed membership fails closed with the same token", async () => {
    const other = await aUserWithRole(api.current, fx.orgId, "admin");
    expect((await api.current.request("GET", "/v1/org/members", { token: other.accessToken })).status).toBe(200);
    await api.current.db.deleteFrom("org_members").where("org_id", "=", fx.orgId).where("user_id", "=", other.user.id).execute();
    const before = await countOf("services", fx.orgId);
    const res = await api.current.request("POST", "/v1/org/services", { token: other.accessToken, body: { name: uniqueName("ghost") } });
    expect(res.status).toBe(401);
    expectError(res, 401, "UNAUTHORIZED");
    expect(await countOf("services", fx.orgId)).toBe(before);
  });
});
