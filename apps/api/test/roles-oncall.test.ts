import type { OrgRole } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import { aMember, anOrgOwner, aUserWithRole, countRows, expectError, rowsOf, uniqueName, useTestApi } from "@incidentops/testkit";
import { aCalendarFeed, aSchedule, anOverride, aTeam, dailyBerlinLayer, isoIn, setTeamMember } from "./support/oncall.js";

// The role matrix of the on-call routes (roles.test.ts has the others'): org roles, plus the
// manager of the team that owns the resource (a member of the org, manager in its team).

const api = useTestApi();

const CALLERS = ["viewer", "member", "manager", "admin"] as const;
type Caller = (typeof CALLERS)[number];
type Expected = 200 | 201 | 403;

interface Fixture {
  orgId: string;
  ownerToken: string;
  tokens: Record<Caller, string>;
  userIds: Record<Caller, string>;
  teamId: string;
}

let fx: Fixture;

beforeAll(async () => {
  const owner = await anOrgOwner(api.current, { orgName: "On-call Roles Org" });
  const orgId = owner.org.id;
  const roles: Record<Caller, OrgRole> = { viewer: "viewer", member: "member", manager: "member", admin: "admin" };
  const accounts = await Promise.all(CALLERS.map((caller) => aUserWithRole(api.current, orgId, roles[caller])));
  const [viewer, member, manager, admin] = accounts;
  if (viewer === undefined || member === undefined || manager === undefined || admin === undefined) throw new Error("seeding failed");
  const team = await aTeam(api.current, owner.accessToken);
  await setTeamMember(api.current, owner.accessToken, team.id, manager.user.id, "manager");
  await setTeamMember(api.current, owner.accessToken, team.id, member.user.id, "member");
  fx = {
    orgId,
    ownerToken: owner.accessToken,
    tokens: { viewer: viewer.accessToken, member: member.accessToken, manager: manager.accessToken, admin: admin.accessToken },
    userIds: { viewer: viewer.user.id, member: member.user.id, manager: manager.user.id, admin: admin.user.id },
    teamId: team.id,
  };
});

interface PreparedCall {
  path: string;
  body?: unknown;
  snapshot: () => Promise<unknown>;
}

interface MutationCase {
  route: string;
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  expected: Record<Caller, Expected>;
  prepare: (f: Fixture, caller: Caller) => Promise<PreparedCall> | PreparedCall;
}

const adminOnly = { viewer: 403, member: 403, manager: 403, admin: 200 } as const;
const adminOrManager = { viewer: 403, member: 403, manager: 200, admin: 200 } as const;
const everyone = { viewer: 200, member: 200, manager: 200, admin: 200 } as const;

/** A schedule of the team rotating the admin alone: no other caller is on call on it. */
const teamSchedule = (f: Fixture) => aSchedule(api.current, f.ownerToken, { teamId: f.teamId, layers: [dailyBerlinLayer([f.userIds.admin])] });
const scheduleState = async (scheduleId: string) => ({
  schedule: await rowsOf(api.current.db, "schedules", { id: scheduleId }),
  layers: await rowsOf(api.current.db, "schedule_layers", { schedule_id: scheduleId }),
  overrides: await rowsOf(api.current.db, "schedule_overrides", { schedule_id: scheduleId }),
});

const MUTATIONS: MutationCase[] = [
  {
    route: "POST /v1/org/teams",
    method: "POST",
    expected: { ...adminOnly, admin: 201 },
    prepare: (f) => ({ path: "/v1/org/teams", body: { name: uniqueName("team") }, snapshot: () => countRows(api.current.db, "teams", { org_id: f.orgId }) }),
  },
  {
    route: "PATCH /v1/org/teams/{teamId}",
    method: "PATCH",
    expected: adminOnly,
    prepare: (f) => ({ path: `/v1/org/teams/${f.teamId}`, body: { description: uniqueName("desc") }, snapshot: () => rowsOf(api.current.db, "teams", { id: f.teamId }) }),
  },
  {
    route: "DELETE /v1/org/teams/{teamId}",
    method: "DELETE",
    expected: adminOnly,
    prepare: async (f) => {
      const team = await aTeam(api.current, f.ownerToken);
      return { path: `/v1/org/teams/${team.id}`, snapshot: () => rowsOf(api.current.db, "teams", { id: team.id }) };
    },
  },
  {
    route: "PUT /v1/org/teams/{teamId}/members/{userId}",
    method: "PUT",
    expected: adminOrManager,
    prepare: async (f) => {
      const userId = await aMember(api.current, f.orgId, "member");
      return {
        path: `/v1/org/teams/${f.teamId}/members/${userId}`,
        body: { role: "member" },
        snapshot: () => rowsOf(api.current.db, "team_members", { team_id: f.teamId, user_id: userId }),
      };
    },
  },
  {
    route: "DELETE /v1/org/teams/{teamId}/members/{userId}",
    method: "DELETE",
    expected: adminOrManager,
    prepare: async (f) => {
      await setTeamMember(api.current, f.ownerToken, f.teamId, f.userIds.viewer, "member");
      return { path: `/v1/org/teams/${f.teamId}/members/${f.userIds.viewer}`, snapshot: () => rowsOf(api.current.db, "team_members", { team_id: f.teamId, user_id: f.userIds.viewer }) };
    },
  },
  {
    route: "POST /v1/org/schedules",
    method: "POST",
    expected: { ...adminOrManager, manager: 201, admin: 201 },
    prepare: (f) => ({
      path: "/v1/org/schedules",
      body: { name: uniqueName("rota"), timeZone: "Europe/Berlin", teamId: f.teamId, layers: [dailyBerlinLayer([f.userIds.member])] },
      snapshot: () => countRows(api.current.db, "schedules", { org_id: f.orgId }),
    }),
  },
  {
    route: "PATCH /v1/org/schedules/{scheduleId}",
    method: "PATCH",
    expected: adminOrManager,
    prepare: async (f) => {
      const schedule = await teamSchedule(f);
      return { path: `/v1/org/schedules/${schedule.id}`, body: { layers: [dailyBerlinLayer([f.userIds.manager])] }, snapshot: () => scheduleState(schedule.id) };
    },
  },
  {
    route: "DELETE /v1/org/schedules/{scheduleId}",
    method: "DELETE",
    expected: adminOrManager,
    prepare: async (f) => {
      const schedule = await teamSchedule(f);
      return { path: `/v1/org/schedules/${schedule.id}`, snapshot: () => scheduleState(schedule.id) };
    },
  },
  {
    // Naming someone else over a window the caller is not on call for: only admins and the team's managers.
    route: "POST /v1/org/schedules/{scheduleId}/overrides",
    method: "POST",
    expected: { viewer: 403, member: 403, manager: 201, admin: 201 },
    prepare: async (f) => {
      const schedule = await teamSchedule(f);
      return { path: `/v1/org/schedules/${schedule.id}/overrides`, body: { userId: f.userIds.viewer, start: isoIn(10), end: isoIn(12) }, snapshot: () => scheduleState(schedule.id) };
    },
  },
  {
    route: "DELETE /v1/org/schedules/{scheduleId}/overrides/{overrideId}",
    method: "DELETE",
    expected: adminOrManager,
    prepare: async (f) => {
      const schedule = await teamSchedule(f);
      const override = await anOverride(api.current, f.ownerToken, schedule.id, { userId: f.userIds.viewer, start: isoIn(10), end: isoIn(12) });
      return { path: `/v1/org/schedules/${schedule.id}/overrides/${override.id}`, snapshot: () => scheduleState(schedule.id) };
    },
  },
  {
    route: "POST /v1/users/me/calendar-feeds",
    method: "POST",
    expected: { viewer: 201, member: 201, manager: 201, admin: 201 },
    prepare: (f, caller) => ({ path: "/v1/users/me/calendar-feeds", body: {}, snapshot: () => countRows(api.current.db, "calendar_feeds", { user_id: f.userIds[caller] }) }),
  },
  {
    route: "DELETE /v1/users/me/calendar-feeds/{feedId}",
    method: "DELETE",
    expected: everyone,
    prepare: async (f, caller) => {
      const feed = await aCalendarFeed(api.current, f.tokens[caller]);
      return { path: `/v1/users/me/calendar-feeds/${feed.id}`, snapshot: () => rowsOf(api.current.db, "calendar_feeds", { id: feed.id }) };
    },
  },
];

describe("role matrix of the on-call routes: mutations", () => {
  for (const c of MUTATIONS) {
    for (const caller of CALLERS) {
      const status = c.expected[caller];
      it(`${c.route} as ${caller} -> ${status}`, async () => {
        const call = await c.prepare(fx, caller);
        const before = await call.snapshot();
        const res = await api.current.request(c.method, call.path, { token: fx.tokens[caller], body: call.body });
        expect(res.status, JSON.stringify(res.body)).toBe(status);
        const after = await call.snapshot();
        if (status === 403) {
          expectError(res, 403, "FORBIDDEN");
          expect(after).toEqual(before);
        } else {
          expect(after).not.toEqual(before);
        }
      });
    }
  }
});

interface ReadCase {
  route: string;
  path: (f: Fixture, scheduleId: string) => string;
}

const READS: ReadCase[] = [
  { route: "GET /v1/org/teams", path: () => "/v1/org/teams" },
  { route: "GET /v1/org/teams/{teamId}", path: (f) => `/v1/org/teams/${f.teamId}` },
  { route: "GET /v1/org/teams/{teamId}/members", path: (f) => `/v1/org/teams/${f.teamId}/members` },
  { route: "GET /v1/org/schedules", path: () => "/v1/org/schedules" },
  { route: "GET /v1/org/schedules/{scheduleId}", path: (_f, id) => `/v1/org/schedules/${id}` },
  { route: "GET /v1/org/schedules/{scheduleId}/shifts", path: (_f, id) => `/v1/org/schedules/${id}/shifts?since=2027-01-01T00:00:00Z&until=2027-01-15T00:00:00Z` },
  { route: "GET /v1/org/schedules/{scheduleId}/overrides", path: (_f, id) => `/v1/org/schedules/${id}/overrides` },
  { route: "GET /v1/oncalls", path: () => "/v1/oncalls" },
  { route: "GET /v1/users/me/oncall", path: () => "/v1/users/me/oncall" },
  { route: "GET /v1/users/me/calendar-feeds", path: () => "/v1/users/me/calendar-feeds" },
];

describe("role matrix of the on-call routes: reads (every role)", () => {
  let scheduleId: string;
  beforeAll(async () => {
    scheduleId = (await teamSchedule(fx)).id;
  });
  for (const r of READS) {
    for (const caller of CALLERS) {
      it(`${r.route} as ${caller} -> 200`, async () => {
        const res = await api.current.request("GET", r.path(fx, scheduleId), { token: fx.tokens[caller] });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      });
    }
  }
});

describe("the on-call role tables and the OpenAPI document agree", () => {
  it("every documented on-call route is tabled, and every tabled route is documented", async () => {
    const res = await api.current.request<{ paths: Record<string, Record<string, unknown>> }>("GET", "/openapi.json");
    const AREAS = ["/v1/org/teams", "/v1/org/schedules", "/v1/oncalls", "/v1/users/me/oncall", "/v1/users/me/calendar-feeds"];
    const documented = Object.entries(res.body.paths)
      .filter(([path]) => AREAS.some((area) => path === area || path.startsWith(`${area}/`)))
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    const tabled = [...MUTATIONS.map((c) => c.route), ...READS.map((r) => r.route)];
    expect(new Set(tabled).size).toBe(tabled.length);
    expect(documented.sort()).toEqual([...tabled].sort());
  });
});
