import type { EscalationPolicy, Incident, Page, Team, TeamMembers } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  aMember,
  anIncident,
  anOrgOwner,
  aService,
  aUserWithRole,
  auditEntries,
  expectError,
  expectValidationFailed,
  uniqueName,
  useTestApi,
  type Account,
} from "@incidentops/testkit";
import { aSchedule, aTeam, dailyBerlinLayer, setTeamMember } from "./support/oncall.js";

const api = useTestApi();

let owner: Account;
let manager: Account;
let member: Account;
let viewer: Account;
let team: Team;

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "Teams Org" });
  [manager, member, viewer] = await Promise.all([
    aUserWithRole(api.current, owner.org.id, "member"),
    aUserWithRole(api.current, owner.org.id, "member"),
    aUserWithRole(api.current, owner.org.id, "viewer"),
  ]);
  team = await aTeam(api.current, owner.accessToken, { name: "Payments", description: "Checkout and billing" });
  await setTeamMember(api.current, owner.accessToken, team.id, manager.user.id, "manager");
  await setTeamMember(api.current, owner.accessToken, team.id, member.user.id, "member");
});

const members = async (teamId: string, token = owner.accessToken) =>
  (await api.current.request<TeamMembers>("GET", `/v1/org/teams/${teamId}/members`, { token })).body.items;

describe("teams", () => {
  it("an admin creates, renames and lists teams; names are unique per org (409)", async () => {
    const created = await aTeam(api.current, owner.accessToken, { name: "Platform" });
    expect(created).toMatchObject({ name: "Platform", description: null });
    const renamed = await api.current.request<Team>("PATCH", `/v1/org/teams/${created.id}`, { token: owner.accessToken, body: { name: "Platform & SRE" } });
    expect(renamed.body).toMatchObject({ id: created.id, name: "Platform & SRE" });
    expectError(await api.current.request("POST", "/v1/org/teams", { token: owner.accessToken, body: { name: "payments" } }), 409, "CONFLICT");
    const list = await api.current.request<Page<Team>>("GET", "/v1/org/teams?limit=100", { token: viewer.accessToken });
    expect(list.body.items.map((t) => t.id)).toEqual(expect.arrayContaining([team.id, created.id]));
    expect((await auditEntries(api.current.db, { orgId: owner.org.id, action: "team.created" })).length).toBeGreaterThanOrEqual(2);
  });

  it("lists managers first, with names only (no emails: every role reads this)", async () => {
    const items = await members(team.id, viewer.accessToken);
    expect(items.map((m) => [m.user.id, m.role])).toEqual([
      [manager.user.id, "manager"],
      [member.user.id, "member"],
    ]);
    expect(Object.keys(items[0]?.user ?? {}).sort()).toEqual(["id", "name"]);
  });

  it("a team manager adds and removes the team's members; a member of the team cannot", async () => {
    const newcomer = await aMember(api.current, owner.org.id, "member");
    const added = await api.current.request("PUT", `/v1/org/teams/${team.id}/members/${newcomer}`, { token: manager.accessToken, body: { role: "member" } });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body).toMatchObject({ user: { id: newcomer }, role: "member" });
    const refused = await api.current.request("DELETE", `/v1/org/teams/${team.id}/members/${newcomer}`, { token: member.accessToken });
    expectError(refused, 403, "FORBIDDEN");
    expect(refused.body.details).toMatchObject({ action: "team-member:manage", requiredTeamRole: "manager" });
    expect((await api.current.request("DELETE", `/v1/org/teams/${team.id}/members/${newcomer}`, { token: manager.accessToken })).status).toBe(200);
    expect((await members(team.id)).map((m) => m.user.id)).not.toContain(newcomer);
    expectError(await api.current.request("DELETE", `/v1/org/teams/${team.id}/members/${newcomer}`, { token: manager.accessToken }), 404, "NOT_FOUND");
  });

  it("a manager of one team manages nothing of another", async () => {
    const other = await aTeam(api.current, owner.accessToken);
    const res = await api.current.request("PUT", `/v1/org/teams/${other.id}/members/${member.user.id}`, { token: manager.accessToken, body: { role: "member" } });
    expectError(res, 403, "FORBIDDEN");
    expect(await members(other.id)).toEqual([]);
  });

  it("refuses a viewer as a team manager, and a stranger as a member (404)", async () => {
    const asManager = await api.current.request("PUT", `/v1/org/teams/${team.id}/members/${viewer.user.id}`, { token: owner.accessToken, body: { role: "manager" } });
    expect(expectValidationFailed(asManager)).toEqual(["role"]);
    const stranger = await anOrgOwner(api.current);
    const res = await api.current.request("PUT", `/v1/org/teams/${team.id}/members/${stranger.user.id}`, { token: owner.accessToken, body: { role: "member" } });
    expectError(res, 404, "NOT_FOUND");
    expect(res.body.message).toBe("Member not found");
  });

  it("leaving the org leaves its teams", async () => {
    const leaver = await aMember(api.current, owner.org.id, "member");
    await setTeamMember(api.current, owner.accessToken, team.id, leaver, "member");
    expect((await api.current.request("DELETE", `/v1/org/members/${leaver}`, { token: owner.accessToken })).status).toBe(200);
    expect((await members(team.id)).map((m) => m.user.id)).not.toContain(leaver);
  });

  it("deleting a team leaves its services, policies and schedules to the org", async () => {
    const doomed = await aTeam(api.current, owner.accessToken);
    const service = await aService(api.current, owner.accessToken);
    await api.current.request("PATCH", `/v1/org/services/${service.id}`, { token: owner.accessToken, body: { teamId: doomed.id } });
    const schedule = await aSchedule(api.current, owner.accessToken, { teamId: doomed.id });
    expect((await api.current.request("DELETE", `/v1/org/teams/${doomed.id}`, { token: owner.accessToken })).status).toBe(200);
    expect((await api.current.request<{ teamId: string | null }>("GET", `/v1/org/services/${service.id}`, { token: owner.accessToken })).body.teamId).toBeNull();
    expect((await api.current.request<{ teamId: string | null }>("GET", `/v1/org/schedules/${schedule.id}`, { token: owner.accessToken })).body.teamId).toBeNull();
    expectError(await api.current.request("GET", `/v1/org/teams/${doomed.id}`, { token: owner.accessToken }), 404, "NOT_FOUND");
  });
});

describe("what a team owns", () => {
  const policyBody = (teamId: string | undefined, userId: string) => ({
    name: uniqueName("team-policy"),
    ...(teamId === undefined ? {} : { teamId }),
    levels: [{ delaySeconds: 60, targets: [{ type: "user", userId }] }],
  });

  it("a team manager creates, reads, replaces and deletes the team's escalation policies, and only those", async () => {
    const created = await api.current.request<EscalationPolicy>("POST", "/v1/org/escalation-policies", { token: manager.accessToken, body: policyBody(team.id, manager.user.id) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.teamId).toBe(team.id);
    const orgWide = await api.current.request<EscalationPolicy>("POST", "/v1/org/escalation-policies", { token: owner.accessToken, body: policyBody(undefined, owner.user.id) });
    // Their list holds their team's policies only; an org-wide one is the admins'.
    const list = await api.current.request<Page<EscalationPolicy>>("GET", "/v1/org/escalation-policies?limit=200", { token: manager.accessToken });
    expect(list.body.items.map((p) => p.id)).toContain(created.body.id);
    expect(list.body.items.every((p) => p.teamId === team.id)).toBe(true);
    expectError(await api.current.request("GET", `/v1/org/escalation-policies/${orgWide.body.id}`, { token: manager.accessToken }), 403, "FORBIDDEN");
    expectError(await api.current.request("POST", "/v1/org/escalation-policies", { token: manager.accessToken, body: policyBody(undefined, manager.user.id) }), 403, "FORBIDDEN");
    // Moving it out of the team is the admins' to do.
    const moved = await api.current.request("PUT", `/v1/org/escalation-policies/${created.body.id}`, { token: manager.accessToken, body: policyBody(undefined, manager.user.id) });
    expectError(moved, 403, "FORBIDDEN");
    const replaced = await api.current.request("PUT", `/v1/org/escalation-policies/${created.body.id}`, { token: manager.accessToken, body: { ...policyBody(team.id, member.user.id), repeat: 2 } });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect((await api.current.request("DELETE", `/v1/org/escalation-policies/${created.body.id}`, { token: manager.accessToken })).status).toBe(200);
  });

  it("a plain member of the team manages none of it", async () => {
    expectError(await api.current.request("POST", "/v1/org/escalation-policies", { token: member.accessToken, body: policyBody(team.id, member.user.id) }), 403, "FORBIDDEN");
    expectError(await api.current.request("GET", "/v1/org/escalation-policies", { token: member.accessToken }), 403, "FORBIDDEN");
    const schedule = await api.current.request("POST", "/v1/org/schedules", {
      token: member.accessToken,
      body: { name: uniqueName("nope"), timeZone: "UTC", teamId: team.id, layers: [] },
    });
    expectError(schedule, 403, "FORBIDDEN");
  });

  it("a team manager creates and changes the team's schedules", async () => {
    const schedule = await aSchedule(api.current, manager.accessToken, { teamId: team.id, layers: [dailyBerlinLayer([manager.user.id, member.user.id])] });
    expect(schedule.teamId).toBe(team.id);
    const renamed = await api.current.request("PATCH", `/v1/org/schedules/${schedule.id}`, { token: manager.accessToken, body: { name: uniqueName("renamed") } });
    expect(renamed.status).toBe(200);
    expectError(await api.current.request("PATCH", `/v1/org/schedules/${schedule.id}`, { token: manager.accessToken, body: { teamId: null } }), 403, "FORBIDDEN");
    const foreignTeam = await aTeam(api.current, owner.accessToken);
    expectError(await api.current.request("PATCH", `/v1/org/schedules/${schedule.id}`, { token: manager.accessToken, body: { teamId: foreignTeam.id } }), 403, "FORBIDDEN");
  });

  it("an unknown team in a body is 400 naming teamId", async () => {
    const res = await api.current.request("POST", "/v1/org/services", { token: owner.accessToken, body: { name: uniqueName("svc"), teamId: "7d3e9c12-4b5a-4e8f-a1c2-3b4d5e6f7a99" } });
    expect(expectValidationFailed(res)).toEqual(["teamId"]);
  });

  it("GET /incidents?teamId= lists the incidents of the team's services", async () => {
    const teamService = await aService(api.current, owner.accessToken, { name: uniqueName("team-svc") });
    await api.current.request("PATCH", `/v1/org/services/${teamService.id}`, { token: owner.accessToken, body: { teamId: team.id } });
    const otherService = await aService(api.current, owner.accessToken);
    const ours = await anIncident(api.current, owner.accessToken, teamService.id);
    const theirs = await anIncident(api.current, owner.accessToken, otherService.id);
    const list = await api.current.request<Page<Incident>>("GET", `/v1/incidents?teamId=${team.id}&limit=200`, { token: viewer.accessToken });
    expect(list.body.items.map((i) => i.id)).toContain(ours.id);
    expect(list.body.items.map((i) => i.id)).not.toContain(theirs.id);
    const counts = await api.current.request<{ open: { total: number } }>("GET", `/v1/incidents/counts?teamId=${team.id}`, { token: viewer.accessToken });
    expect(counts.body.open.total).toBe(list.body.items.filter((i) => i.status !== "resolved").length);
  });
});
