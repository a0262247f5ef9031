import type { MyShifts, OnCalls, Override, Page, Schedule } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import { anOrgOwner, aPolicy, aUserWithRole, expectError, expectValidationFailed, useTestApi, type Account } from "@incidentops/testkit";
import { aSchedule, anOverride, aTeam, dailyBerlinLayer, DAY_MS, hoursFromNow, isoIn, setTeamMember, shifts } from "./support/oncall.js";

// Overrides (who may make them, the newest wins, history stays), who is on call, and "my shifts".
// Overrides must end in the future, so theirs are whole hours from now; everything else is at
// explicit instants of 2027.

const api = useTestApi();

let owner: Account;
let ada: Account;
let bob: Account;
let cy: Account;
let viewer: Account;
let teamManager: Account;
let rota: Schedule;

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "On-call Org" });
  [ada, bob, cy, viewer, teamManager] = await Promise.all([
    aUserWithRole(api.current, owner.org.id, "member"),
    aUserWithRole(api.current, owner.org.id, "member"),
    aUserWithRole(api.current, owner.org.id, "member"),
    aUserWithRole(api.current, owner.org.id, "viewer"),
    aUserWithRole(api.current, owner.org.id, "member"),
  ]);
  const team = await aTeam(api.current, owner.accessToken);
  await setTeamMember(api.current, owner.accessToken, team.id, teamManager.user.id, "manager");
  // One-hour turns ada, bob from a whole hour: who is on call in an hour from now is known.
  rota = await aSchedule(api.current, owner.accessToken, {
    teamId: team.id,
    layers: [{ name: "Hourly", start: "2026-01-01T00:00:00Z", rotationStart: "2026-01-01T00:00:00Z", rotation: { unit: "hour", length: 1 }, participants: [ada.user.id, bob.user.id] }],
  });
});

/** Who the hourly rota has on call in the hour starting `hours` from now. */
const rotaAt = (hours: number) => (Math.round((hoursFromNow(hours).getTime() - Date.parse("2026-01-01T00:00:00Z")) / 3_600_000) % 2 === 0 ? ada : bob);

const post = (token: string, body: { userId: string; start: string; end: string }, scheduleId = rota.id) =>
  api.current.request<Override>("POST", `/v1/org/schedules/${scheduleId}/overrides`, { token, body });

describe("overrides", () => {
  it("win over the layers, and the newest of overlapping overrides wins", async () => {
    const older = await anOverride(api.current, owner.accessToken, rota.id, { userId: cy.user.id, start: isoIn(100), end: isoIn(104) });
    const newer = await anOverride(api.current, owner.accessToken, rota.id, { userId: ada.user.id, start: isoIn(101), end: isoIn(102) });
    const res = await shifts(api.current, viewer.accessToken, rota.id, isoIn(100), isoIn(104));
    expect(res.body.items.map((i) => [i.userId, i.overrideId, i.start])).toEqual([
      [cy.user.id, older.id, isoIn(100)],
      [ada.user.id, newer.id, isoIn(101)],
      [cy.user.id, older.id, isoIn(102)],
    ]);
    const listed = await api.current.request<Page<Override>>("GET", `/v1/org/schedules/${rota.id}/overrides?since=${encodeURIComponent(isoIn(100))}&until=${encodeURIComponent(isoIn(104))}`, {
      token: viewer.accessToken,
    });
    expect(listed.body.items.map((o) => o.id)).toEqual([older.id, newer.id]);
  });

  it("a member may take a shift (naming themselves) or give away their own, nothing else", async () => {
    const onCall = rotaAt(110);
    const other = onCall === ada ? bob : ada;
    const taking = await post(other.accessToken, { userId: other.user.id, start: isoIn(110), end: isoIn(111) });
    expect(taking.status, JSON.stringify(taking.body)).toBe(201);
    expect(taking.body.createdBy).toBe(other.user.id);
    const giving = await post(rotaAt(112).accessToken, { userId: cy.user.id, start: isoIn(112), end: isoIn(113) });
    expect(giving.status, JSON.stringify(giving.body)).toBe(201);
    // Giving away someone else's hour, or an hour that is only partly theirs, is not a member's call.
    const notTheirs = await post(cy.accessToken, { userId: bob.user.id, start: isoIn(114), end: isoIn(115) });
    expectError(notTheirs, 403, "FORBIDDEN");
    const partly = await post(rotaAt(116).accessToken, { userId: cy.user.id, start: isoIn(116), end: isoIn(118) });
    expectError(partly, 403, "FORBIDDEN");
    expectError(await post(viewer.accessToken, { userId: viewer.user.id, start: isoIn(118), end: isoIn(119) }), 403, "FORBIDDEN");
    // The team's manager may make any.
    expect((await post(teamManager.accessToken, { userId: cy.user.id, start: isoIn(120), end: isoIn(121) })).status).toBe(201);
  });

  it("refuses an override that ends in the past, ends before it starts, or names a stranger (400, naming the field)", async () => {
    const stranger = await anOrgOwner(api.current);
    const cases: [{ userId: string; start: string; end: string }, string][] = [
      [{ userId: ada.user.id, start: isoIn(-5), end: isoIn(-4) }, "end"],
      [{ userId: ada.user.id, start: isoIn(5), end: isoIn(4) }, "end"],
      [{ userId: stranger.user.id, start: isoIn(5), end: isoIn(6) }, "userId"],
    ];
    for (const [body, field] of cases) {
      const res = await post(owner.accessToken, body);
      expect(expectValidationFailed(res)).toEqual([field]);
    }
  });

  it("a future override is deleted; one under way ends now; a past one stays (409)", async () => {
    const future = await anOverride(api.current, owner.accessToken, rota.id, { userId: cy.user.id, start: isoIn(130), end: isoIn(131) });
    expect((await api.current.request("DELETE", `/v1/org/schedules/${rota.id}/overrides/${future.id}`, { token: owner.accessToken })).status).toBe(200);
    expect(await api.current.db.selectFrom("schedule_overrides").select("id").where("id", "=", future.id).execute()).toEqual([]);

    const running = await anOverride(api.current, owner.accessToken, rota.id, { userId: cy.user.id, start: isoIn(-2), end: isoIn(3) });
    const cut = await api.current.request("DELETE", `/v1/org/schedules/${rota.id}/overrides/${running.id}`, { token: cy.accessToken });
    expect(cut.status, JSON.stringify(cut.body)).toBe(200);
    const row = await api.current.db.selectFrom("schedule_overrides").selectAll().where("id", "=", running.id).executeTakeFirstOrThrow();
    expect(row.start_at.toISOString()).toBe(isoIn(-2));
    expect(row.end_at.getTime()).toBeLessThanOrEqual(Date.now());

    const past = await api.current.request("DELETE", `/v1/org/schedules/${rota.id}/overrides/${running.id}`, { token: owner.accessToken });
    expectError(past, 409, "CONFLICT");
  });

  it("a member deletes only overrides naming them or made by them", async () => {
    const o = await anOverride(api.current, owner.accessToken, rota.id, { userId: cy.user.id, start: isoIn(140), end: isoIn(141) });
    expectError(await api.current.request("DELETE", `/v1/org/schedules/${rota.id}/overrides/${o.id}`, { token: bob.accessToken }), 403, "FORBIDDEN");
    expect((await api.current.request("DELETE", `/v1/org/schedules/${rota.id}/overrides/${o.id}`, { token: cy.accessToken })).status).toBe(200);
  });
});

describe("who is on call", () => {
  let berlin: Schedule;
  let policyId: string;
  beforeAll(async () => {
    berlin = await aSchedule(api.current, owner.accessToken, { layers: [dailyBerlinLayer([ada.user.id, bob.user.id])] });
    policyId = (await aPolicy(api.current, owner.accessToken, [{ delaySeconds: 60, targets: [{ type: "user", userId: cy.user.id }] }])).id;
  });

  const onCalls = async (query: string, token = viewer.accessToken) => {
    const res = await api.current.request<OnCalls>("GET", `/v1/oncalls?${query}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it("names the person of each schedule at `at`, with the stretch they are on call for", async () => {
    const body = await onCalls(`at=2027-03-28T06:30:00Z&scheduleId=${berlin.id}`);
    expect(body.items).toEqual([
      { userId: ada.user.id, scheduleId: berlin.id, escalationPolicyId: null, level: null, start: "2027-03-27T08:00:00.000Z", end: "2027-03-28T07:00:00.000Z" },
    ]);
    expect(body.people).toEqual([{ id: ada.user.id, name: ada.user.name }]);
    const after = await onCalls(`at=2027-03-28T07:00:00Z&scheduleId=${berlin.id}`);
    expect(after.items.map((i) => i.userId)).toEqual([bob.user.id]);
  });

  it("names the people on each level of each escalation policy, and filters by person", async () => {
    const body = await onCalls(`at=2027-03-28T06:30:00Z&escalationPolicyId=${policyId}`);
    expect(body.items).toEqual([{ userId: cy.user.id, scheduleId: null, escalationPolicyId: policyId, level: 1, start: "2027-03-28T06:30:00.000Z", end: null }]);
    const byPerson = await onCalls(`at=2027-03-28T06:30:00Z&userId=${ada.user.id}`);
    expect(byPerson.items.map((i) => [i.userId, i.scheduleId])).toEqual([[ada.user.id, berlin.id]]);
  });

  it("answers at the last day an instant can name: a stretch that would end in year 10000 has no end", async () => {
    const body = await onCalls(`at=9999-12-31T23:59:59.999Z&scheduleId=${berlin.id}`);
    expect(body.items).toEqual([expect.objectContaining({ scheduleId: berlin.id, start: "9999-12-31T08:00:00.000Z", end: null })]);
  });

  it("defaults to now", async () => {
    const body = await onCalls(`scheduleId=${rota.id}`);
    expect(body.items.map((i) => i.scheduleId)).toEqual([rota.id]);
  });
});

describe("my shifts", () => {
  it("lists the caller's stretches on every schedule over the range, overrides included", async () => {
    const second = await aSchedule(api.current, owner.accessToken, { layers: [dailyBerlinLayer([ada.user.id])] });
    const res = await api.current.request<MyShifts>("GET", "/v1/users/me/oncall?since=2027-03-26T00:00:00Z&until=2027-03-29T00:00:00Z", { token: ada.accessToken });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const onSecond = res.body.items.filter((i) => i.scheduleId === second.id);
    expect(onSecond.map((i) => [i.start, i.end])).toEqual([["2027-03-26T00:00:00.000Z", "2027-03-29T00:00:00.000Z"]]);
    expect(res.body.items.every((i) => i.start >= "2027-03-26" && i.end <= "2027-03-29T00:00:00.000Z")).toBe(true);
    // cy is on no rota: only overrides put them on call.
    const cyShifts = await api.current.request<MyShifts>("GET", `/v1/users/me/oncall?since=${encodeURIComponent(isoIn(99))}&until=${encodeURIComponent(isoIn(105))}`, { token: cy.accessToken });
    expect(cyShifts.body.items.map((i) => [i.scheduleId, i.start, i.end])).toEqual([
      [rota.id, isoIn(100), isoIn(101)],
      [rota.id, isoIn(102), isoIn(104)],
    ]);
  });

  it("defaults to the next 28 days and refuses more than 93", async () => {
    const res = await api.current.request<MyShifts>("GET", "/v1/users/me/oncall", { token: bob.accessToken });
    expect(Date.parse(res.body.until) - Date.parse(res.body.since)).toBe(28 * DAY_MS);
    const tooLong = await api.current.request("GET", "/v1/users/me/oncall?since=2027-01-01T00:00:00Z&until=2027-06-01T00:00:00Z", { token: bob.accessToken });
    expect(expectValidationFailed(tooLong)).toEqual(["until"]);
  });
});
