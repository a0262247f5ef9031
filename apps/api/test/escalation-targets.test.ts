import type { EscalationPolicy, OnCalls, Schedule, Team } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anOrgOwner,
  anOverride,
  aPolicy,
  aSchedule,
  aTeam,
  aUserWithRole,
  countRows,
  expectError,
  ok,
  setTeamMember,
  useTestApi,
  type Account,
} from "@incidentops/testkit";

// Escalation levels naming schedules and teams (issue 11, item 7): stored and shown as given,
// what they resolve to at an instant (GET /oncalls), a schedule or team that a policy pages
// cannot be deleted (409 REFERENCED_BY_POLICIES naming the policies), a team's manager builds
// the team's policies from its schedules and people. Paging them as the worker does:
// apps/worker/test/paging.test.ts; another org's schedule or team: tenancy-lists.test.ts.

const api = useTestApi();

let owner: Account;
let ada: Account;
let grace: Account;
let team: Team;
let schedule: Schedule;

/** A weekly rotation of Ada from 2026 on, so she is on call at any instant the tests ask about. */
const adaLayer = () => ({
  name: "Weekly",
  start: "2026-01-05T00:00:00Z",
  rotationStart: "2026-01-05T08:00:00Z",
  rotation: { unit: "week", length: 1 },
  participants: [ada.user.id],
});

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "Targets Org" });
  ada = await aUserWithRole(api.current, owner.org.id, "member");
  grace = await aUserWithRole(api.current, owner.org.id, "member");
  team = await aTeam(api.current, owner.accessToken);
  await setTeamMember(api.current, owner.accessToken, team.id, grace.user.id, "manager");
  await setTeamMember(api.current, owner.accessToken, team.id, ada.user.id, "member");
  schedule = await aSchedule(api.current, owner.accessToken, { teamId: team.id, layers: [adaLayer()] });
});

const AT = "2027-02-10T12:00:00.000Z";

describe("schedule and team targets", () => {
  it("are stored and shown as given, beside people and notification targets", async () => {
    const levels = [
      { delaySeconds: 300, targets: [{ type: "schedule" as const, scheduleId: schedule.id }] },
      { delaySeconds: 600, targets: [{ type: "team" as const, teamId: team.id, role: "manager" as const }, { type: "user" as const, userId: owner.user.id }] },
      { delaySeconds: 0, targets: [{ type: "team" as const, teamId: team.id }] },
    ];
    const created = await aPolicy(api.current, owner.accessToken, levels);
    expect(created.levels).toEqual(levels);
    const read = await ok(api.current.request<EscalationPolicy>("GET", `/v1/org/escalation-policies/${created.id}`, { token: owner.accessToken }), 200, "get");
    expect(read.levels).toEqual(levels);
  });

  it("refuses a role other than manager or member (400 on the field), creating nothing", async () => {
    const before = await countRows(api.current.db, "escalation_policies", { org_id: owner.org.id });
    const res = await api.current.request("POST", "/v1/org/escalation-policies", {
      token: owner.accessToken,
      body: { name: "bad role", levels: [{ delaySeconds: 0, targets: [{ type: "team", teamId: team.id, role: "owner" }] }] },
    });
    expectError(res, 400, "VALIDATION_FAILED");
    expect(Object.keys((res.body.details as { fields: Record<string, string[]> }).fields)).toEqual(["levels.0.targets.0.role"]);
    expect(await countRows(api.current.db, "escalation_policies", { org_id: owner.org.id })).toBe(before);
  });

  it("GET /oncalls?escalationPolicyId= shows whom each level would page at the instant: the schedule's person (an override included) and the team's", async () => {
    const onCallSchedule = await aSchedule(api.current, owner.accessToken, { layers: [adaLayer()] });
    const policy = await aPolicy(api.current, owner.accessToken, [
      { delaySeconds: 60, targets: [{ type: "schedule", scheduleId: onCallSchedule.id }] },
      { delaySeconds: 60, targets: [{ type: "team", teamId: team.id, role: "manager" }] },
    ]);
    const at = (iso: string) =>
      ok(api.current.request<OnCalls>("GET", `/v1/oncalls?escalationPolicyId=${policy.id}&at=${encodeURIComponent(iso)}`, { token: owner.accessToken }), 200, "oncalls");
    const plain = await at(AT);
    expect(plain.items.map((i) => ({ userId: i.userId, scheduleId: i.scheduleId, level: i.level }))).toEqual([
      { userId: ada.user.id, scheduleId: onCallSchedule.id, level: 1 },
      { userId: grace.user.id, scheduleId: null, level: 2 },
    ]);
    // Grace takes the schedule for a while (overrides end in the future: this one in 2090).
    await anOverride(api.current, owner.accessToken, onCallSchedule.id, { userId: grace.user.id, start: "2090-01-01T00:00:00Z", end: "2090-01-02T00:00:00Z" });
    const during = await at("2090-01-01T12:00:00Z");
    expect(during.items[0]).toMatchObject({ userId: grace.user.id, scheduleId: onCallSchedule.id, level: 1, start: "2090-01-01T00:00:00.000Z", end: "2090-01-02T00:00:00.000Z" });
  });
});

describe("deleting what a policy pages", () => {
  it("a schedule or team that a level names: 409 REFERENCED_BY_POLICIES naming the policies, nothing deleted; once no level names it, it goes", async () => {
    const doomedTeam = await aTeam(api.current, owner.accessToken);
    const doomedSchedule = await aSchedule(api.current, owner.accessToken, { layers: [adaLayer()] });
    const policy = await aPolicy(
      api.current,
      owner.accessToken,
      [{ delaySeconds: 0, targets: [{ type: "schedule", scheduleId: doomedSchedule.id }, { type: "team", teamId: doomedTeam.id, role: "member" }] }],
      { name: "Pages the doomed" },
    );
    for (const path of [`/v1/org/schedules/${doomedSchedule.id}`, `/v1/org/teams/${doomedTeam.id}`]) {
      const refused = expectError(await api.current.request("DELETE", path, { token: owner.accessToken }), 409, "REFERENCED_BY_POLICIES");
      expect(refused.details).toEqual({ policies: [{ id: policy.id, name: "Pages the doomed" }] });
      expect(refused.message).toContain("Pages the doomed");
    }
    expect(await countRows(api.current.db, "schedules", { id: doomedSchedule.id })).toBe(1);
    expect(await countRows(api.current.db, "teams", { id: doomedTeam.id })).toBe(1);

    await ok(
      api.current.request("PUT", `/v1/org/escalation-policies/${policy.id}`, {
        token: owner.accessToken,
        body: { name: "Pages the doomed", levels: [{ delaySeconds: 0, targets: [{ type: "user", userId: ada.user.id }] }] },
      }),
      200,
      "replace",
    );
    await ok(api.current.request("DELETE", `/v1/org/schedules/${doomedSchedule.id}`, { token: owner.accessToken }), 200, "delete schedule");
    await ok(api.current.request("DELETE", `/v1/org/teams/${doomedTeam.id}`, { token: owner.accessToken }), 200, "delete team");
  });
});

describe("a team's manager", () => {
  it("builds the team's policies from its schedule and its people; a member of the team may not", async () => {
    const body = {
      name: "Team rota",
      teamId: team.id,
      levels: [
        { delaySeconds: 300, targets: [{ type: "schedule", scheduleId: schedule.id }] },
        { delaySeconds: 300, targets: [{ type: "team", teamId: team.id, role: "manager" }] },
      ],
    };
    const created = await ok(api.current.request<EscalationPolicy>("POST", "/v1/org/escalation-policies", { token: grace.accessToken, body }), 201, "manager creates");
    expect(created.levels).toEqual(body.levels);
    expectError(await api.current.request("POST", "/v1/org/escalation-policies", { token: ada.accessToken, body }), 403, "FORBIDDEN");
    // The team's schedule is paged by the manager's policy: deleting it is refused to the manager too.
    expectError(await api.current.request("DELETE", `/v1/org/schedules/${schedule.id}`, { token: grace.accessToken }), 409, "REFERENCED_BY_POLICIES");
  });
});
