import type { Page, Schedule } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import { aMember, anOrgOwner, aUserWithRole, expectError, expectValidationFailed, uniqueName, useTestApi, type Account } from "@incidentops/testkit";
import { aSchedule, BERLIN, dailyBerlinLayer, shifts } from "./support/oncall.js";

// Schedules through the API, rendered at explicit instants: Berlin's daylight-saving changes of
// 2027, restrictions, layers, gaps and coverage (the renderer's own cases: packages/core/test/schedules).

const api = useTestApi();

let owner: Account;
let ada: string;
let bob: string;
let night: string;

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "Schedules Org" });
  [ada, bob, night] = await Promise.all([aMember(api.current, owner.org.id, "member"), aMember(api.current, owner.org.id, "member"), aMember(api.current, owner.org.id, "member")]);
});

const create = (body: Record<string, unknown>) =>
  api.current.request<Schedule>("POST", "/v1/org/schedules", { token: owner.accessToken, body: { name: uniqueName("schedule"), timeZone: BERLIN, ...body } });

const triples = (items: { userId: string; start: string; end: string }[]) => items.map((i) => [i.userId, i.start, i.end]);

describe("the rendered schedule across daylight-saving changes", () => {
  let schedule: Schedule;
  beforeAll(async () => {
    schedule = await aSchedule(api.current, owner.accessToken, { layers: [dailyBerlinLayer([ada, bob])] });
  });

  it("hands off at 09:00 Berlin: 08:00Z before 28 March 2027, 07:00Z after", async () => {
    const res = await shifts(api.current, owner.accessToken, schedule.id, "2027-03-27T00:00:00Z", "2027-03-30T00:00:00Z");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(triples(res.body.items)).toEqual([
      [bob, "2027-03-27T00:00:00.000Z", "2027-03-27T08:00:00.000Z"],
      [ada, "2027-03-27T08:00:00.000Z", "2027-03-28T07:00:00.000Z"],
      [bob, "2027-03-28T07:00:00.000Z", "2027-03-29T07:00:00.000Z"],
      [ada, "2027-03-29T07:00:00.000Z", "2027-03-30T00:00:00.000Z"],
    ]);
    expect(res.body.items.every((i) => i.layerId === schedule.layers[0]?.id && i.overrideId === null)).toBe(true);
    expect(res.body).toMatchObject({ gaps: [], coveragePercent: 100 });
    expect(res.body.people.map((p) => p.id).sort()).toEqual([ada, bob].sort());
  });

  it("07:00Z before 31 October 2027, 08:00Z after", async () => {
    const res = await shifts(api.current, owner.accessToken, schedule.id, "2027-10-30T12:00:00Z", "2027-11-01T12:00:00Z");
    expect(triples(res.body.items)).toEqual([
      [bob, "2027-10-30T12:00:00.000Z", "2027-10-31T08:00:00.000Z"],
      [ada, "2027-10-31T08:00:00.000Z", "2027-11-01T08:00:00.000Z"],
      [bob, "2027-11-01T08:00:00.000Z", "2027-11-01T12:00:00.000Z"],
    ]);
  });

  it("takes ranges with offsets and refuses over 93 days or an empty range (400 naming until)", async () => {
    const offset = await shifts(api.current, owner.accessToken, schedule.id, "2027-03-28T09:00:00+02:00", "2027-03-28T10:00:00+02:00");
    expect(triples(offset.body.items)).toEqual([[bob, "2027-03-28T07:00:00.000Z", "2027-03-28T08:00:00.000Z"]]);
    for (const [since, until] of [
      ["2027-01-01T00:00:00Z", "2027-04-05T00:00:00Z"],
      ["2027-01-02T00:00:00Z", "2027-01-01T00:00:00Z"],
    ] as const) {
      const res = await shifts(api.current, owner.accessToken, schedule.id, since, until);
      expect(expectValidationFailed(res)).toEqual(["until"]);
    }
  });
});

describe("restrictions, layers, gaps and coverage", () => {
  it("a weekday 09:00-17:00 layer under a 22:00-06:00 night layer: gaps in the evening and at weekends", async () => {
    const office = dailyBerlinLayer([ada, bob], {
      name: "Office hours",
      rotation: { unit: "week", length: 1 },
      restrictions: [1, 2, 3, 4, 5].map((startDay) => ({ type: "weekly", startDay, startTime: "09:00", durationMinutes: 480 })),
    });
    const nights = dailyBerlinLayer([night], { name: "Nights", restrictions: [{ type: "daily", startTime: "22:00", durationMinutes: 480 }] });
    const schedule = await aSchedule(api.current, owner.accessToken, { layers: [office, nights] });
    // Friday 26 March 2027 12:00Z to Monday 29 March 12:00Z, across the spring change.
    const res = await shifts(api.current, owner.accessToken, schedule.id, "2027-03-26T12:00:00Z", "2027-03-29T12:00:00Z");
    const [officeId, nightsId] = schedule.layers.map((l) => l.id);
    expect(res.body.items.map((i) => [i.userId, i.layerId, i.start, i.end])).toEqual([
      [bob, officeId, "2027-03-26T12:00:00.000Z", "2027-03-26T16:00:00.000Z"], // Friday until 17:00 CET (week 11: bob)
      [night, nightsId, "2027-03-26T21:00:00.000Z", "2027-03-27T05:00:00.000Z"],
      [night, nightsId, "2027-03-27T21:00:00.000Z", "2027-03-28T04:00:00.000Z"], // 22:00 CET -> 06:00 CEST
      [night, nightsId, "2027-03-28T20:00:00.000Z", "2027-03-29T04:00:00.000Z"],
      [ada, officeId, "2027-03-29T07:00:00.000Z", "2027-03-29T12:00:00.000Z"], // Monday 09:00 CEST: ada's week
    ]);
    expect(res.body.gaps.map((g) => [g.start, g.end])).toEqual([
      ["2027-03-26T16:00:00.000Z", "2027-03-26T21:00:00.000Z"],
      ["2027-03-27T05:00:00.000Z", "2027-03-27T21:00:00.000Z"],
      ["2027-03-28T04:00:00.000Z", "2027-03-28T20:00:00.000Z"],
      ["2027-03-29T04:00:00.000Z", "2027-03-29T07:00:00.000Z"],
    ]);
    // Covered: 4 + 8 + 7 + 8 + 5 = 32 of 72 hours.
    expect(res.body.coveragePercent).toBe(44.44);
  });
});

describe("creating and changing schedules", () => {
  it("answers the schedule with its layers as given, and the people they name", async () => {
    const layer = dailyBerlinLayer([ada, bob, ada], { end: "2028-01-01T00:00:00Z", restrictions: [{ type: "daily", startTime: "22:00", durationMinutes: 480 }] });
    const res = await create({ description: "the primary rota", layers: [layer] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ timeZone: BERLIN, description: "the primary rota", teamId: null });
    expect(res.body.layers[0]).toMatchObject({
      name: "Daily",
      start: "2026-01-01T00:00:00.000Z",
      end: "2028-01-01T00:00:00.000Z",
      rotationStart: "2027-01-04T08:00:00.000Z",
      rotation: { unit: "day", length: 1 },
      participants: [ada, bob, ada],
      restrictions: [{ type: "daily", startTime: "22:00", durationMinutes: 480 }],
    });
    expect(res.body.people.map((p) => p.id).sort()).toEqual([ada, bob].sort());
    const read = await api.current.request<Schedule>("GET", `/v1/org/schedules/${res.body.id}`, { token: owner.accessToken });
    expect(read.body).toEqual(res.body);
  });

  it("PATCH keeps a layer given with its id, replaces the others, and changes the time zone", async () => {
    const schedule = await aSchedule(api.current, owner.accessToken, { layers: [dailyBerlinLayer([ada]), dailyBerlinLayer([bob], { name: "Second" })] });
    const kept = schedule.layers[1];
    const res = await api.current.request<Schedule>("PATCH", `/v1/org/schedules/${schedule.id}`, {
      token: owner.accessToken,
      body: { timeZone: "America/New_York", layers: [{ ...dailyBerlinLayer([bob, night], { name: "Second, renamed" }), id: kept?.id }] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.timeZone).toBe("America/New_York");
    expect(res.body.layers.map((l) => [l.id, l.name, l.participants])).toEqual([[kept?.id, "Second, renamed", [bob, night]]]);
    const foreignLayer = await api.current.request("PATCH", `/v1/org/schedules/${schedule.id}`, {
      token: owner.accessToken,
      body: { layers: [{ ...dailyBerlinLayer([bob]), id: schedule.layers[0]?.id }] },
    });
    expect(expectValidationFailed(foreignLayer)).toEqual(["layers.0.id"]);
  });

  it("refuses unknown zones, turns shorter than 1, empty participants, non-members and bad restrictions, naming the field, and stores nothing", async () => {
    const stranger = (await anOrgOwner(api.current)).user.id;
    const cases: [Record<string, unknown>, string][] = [
      [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
      [{ layers: [dailyBerlinLayer([ada], { rotation: { unit: "day", length: 0 } })] }, "layers.0.rotation.length"],
      [{ layers: [dailyBerlinLayer([])] }, "layers.0.participants"],
      [{ layers: [dailyBerlinLayer([ada, stranger])] }, "layers.0.participants.1"],
      [{ layers: [dailyBerlinLayer([ada], { restrictions: [{ type: "daily", startTime: "25:00", durationMinutes: 60 }] })] }, "layers.0.restrictions.0.startTime"],
      [{ layers: [dailyBerlinLayer([ada], { restrictions: [{ type: "weekly", startTime: "09:00", durationMinutes: 60 }] })] }, "layers.0.restrictions.0.startDay"],
      [{ layers: [dailyBerlinLayer([ada], { restrictions: [{ type: "daily", startTime: "09:00", durationMinutes: 1441 }] })] }, "layers.0.restrictions.0.durationMinutes"],
      [{ layers: [dailyBerlinLayer([ada], { end: "2025-01-01T00:00:00Z" })] }, "layers.0.end"],
    ];
    const before = await api.current.db.selectFrom("schedules").select("id").where("org_id", "=", owner.org.id).execute();
    for (const [body, field] of cases) {
      const res = await create(body);
      expect(expectValidationFailed(res), JSON.stringify(body)).toEqual([field]);
    }
    expect(await api.current.db.selectFrom("schedules").select("id").where("org_id", "=", owner.org.id).execute()).toEqual(before);
  });

  it("refuses a second schedule of the same name (409) and lists schedules newest first, by team", async () => {
    const first = await aSchedule(api.current, owner.accessToken, { name: "Unique rota" });
    expectError(await create({ name: "unique ROTA" }), 409, "CONFLICT");
    const list = await api.current.request<Page<Schedule>>("GET", "/v1/org/schedules?limit=1", { token: owner.accessToken });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.nextCursor).not.toBeNull();
    const all = await api.current.request<Page<Schedule>>("GET", "/v1/org/schedules?limit=200", { token: owner.accessToken });
    expect(all.body.items.map((s) => s.id)).toContain(first.id);
  });

  it("a member leaving the org leaves its rotations", async () => {
    const leaver = await aMember(api.current, owner.org.id, "member");
    const schedule = await aSchedule(api.current, owner.accessToken, { layers: [dailyBerlinLayer([ada, leaver])] });
    expect((await api.current.request("DELETE", `/v1/org/members/${leaver}`, { token: owner.accessToken })).status).toBe(200);
    const read = await api.current.request<Schedule>("GET", `/v1/org/schedules/${schedule.id}`, { token: owner.accessToken });
    expect(read.body.layers[0]?.participants).toEqual([ada]);
  });

  it("deleting a schedule takes its layers and its planned notices", async () => {
    const schedule = await aSchedule(api.current, owner.accessToken, { layers: [dailyBerlinLayer([ada])] });
    expect((await api.current.request("DELETE", `/v1/org/schedules/${schedule.id}`, { token: owner.accessToken })).status).toBe(200);
    expect(await api.current.db.selectFrom("schedule_layers").select("id").where("schedule_id", "=", schedule.id).execute()).toEqual([]);
    expectError(await api.current.request("GET", `/v1/org/schedules/${schedule.id}`, { token: owner.accessToken }), 404, "NOT_FOUND");
  });

  it("a viewer reads schedules and shifts", async () => {
    const viewer = await aUserWithRole(api.current, owner.org.id, "viewer");
    const schedule = await aSchedule(api.current, owner.accessToken, { layers: [dailyBerlinLayer([ada])] });
    expect((await api.current.request("GET", `/v1/org/schedules/${schedule.id}`, { token: viewer.accessToken })).status).toBe(200);
    expect((await shifts(api.current, viewer.accessToken, schedule.id, "2027-01-01T00:00:00Z", "2027-01-02T00:00:00Z")).status).toBe(200);
  });
});
