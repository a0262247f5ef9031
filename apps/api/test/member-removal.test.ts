import type { EscalationPolicy, Incident, MemberRemovalPreview, MemberRemoved, OnCalls, Schedule, Task, TeamMember } from "@incidentops/core";
import { sql } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addMember,
  aMember,
  anIncident,
  anOrgOwner,
  aPolicy,
  aService,
  auditEntries,
  expectError,
  listEvents,
  ok,
  untilWaitingOnLocks,
  useTestApi,
  type Account,
} from "@incidentops/testkit";
import { anOverride, aSchedule, aTeam, dailyBerlinLayer, isoIn, setTeamMember } from "./support/oncall.js";

// Removing a member takes them out of everything that would page or show them, audited on each
// thing it changed, unless that leaves a level or a rotation with no one (409 SOLE_RESPONDER).
// Roles and the last admin: members.test.ts.

const api = useTestApi();

let owner: Account;
let bob: string;

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "Member Removal Org" });
  bob = await aMember(api.current, owner.org.id, "member");
});

const remove = (userId: string) => api.current.request<MemberRemoved>("DELETE", `/v1/org/members/${userId}`, { token: owner.accessToken });
const preview = (userId: string) => api.current.request<MemberRemovalPreview>("GET", `/v1/org/members/${userId}/removal`, { token: owner.accessToken });
const policyOf = (id: string, token = owner.accessToken) => ok(api.current.request<EscalationPolicy>("GET", `/v1/org/escalation-policies/${id}`, { token }), 200, "read policy");
const scheduleOf = (id: string, token = owner.accessToken) => ok(api.current.request<Schedule>("GET", `/v1/org/schedules/${id}`, { token }), 200, "read schedule");
const layerIdOf = (schedule: Schedule) => {
  const [layer] = schedule.layers;
  if (layer === undefined) throw new Error("the schedule has no layer");
  return layer.id;
};
const isMember = async (orgId: string, userId: string) =>
  (await api.current.db.selectFrom("org_members").select("user_id").where("org_id", "=", orgId).where("user_id", "=", userId).executeTakeFirst()) !== undefined;

describe("removing a member", () => {
  it("takes them out of escalation levels, rotations, overrides, teams and open incidents, says so, and audits each change", async () => {
    const ada = await aMember(api.current, owner.org.id, "member");
    const team = await aTeam(api.current, owner.accessToken, { name: "Removal Payments" });
    await setTeamMember(api.current, owner.accessToken, team.id, ada, "manager");
    await setTeamMember(api.current, owner.accessToken, team.id, bob, "member");
    const schedule = await aSchedule(api.current, owner.accessToken, { name: "Removal primary", layers: [dailyBerlinLayer([ada, bob])] });
    await anOverride(api.current, owner.accessToken, schedule.id, { userId: ada, start: isoIn(2), end: isoIn(3) });
    const policy = await aPolicy(
      api.current,
      owner.accessToken,
      [
        { delaySeconds: 300, targets: [{ type: "user", userId: ada }, { type: "user", userId: bob }] },
        { delaySeconds: 300, targets: [{ type: "schedule", scheduleId: schedule.id }, { type: "user", userId: ada }] },
      ],
      { name: "Removal escalation" },
    );
    const incident = await anIncident(api.current, owner.accessToken, (await aService(api.current, owner.accessToken)).id, { title: "Removal checkout down" });
    await ok(api.current.request("POST", `/v1/incidents/${incident.id}/assign`, { token: owner.accessToken, body: { userIds: [ada, bob], version: incident.version } }), 200, "assign");

    // The same person in another org, named by its policy and its rotation: that org is not touched.
    const other = await anOrgOwner(api.current, { orgName: "Member Removal Other Org" });
    await addMember(api.current.db, other.org.id, ada, "member");
    const otherSchedule = await aSchedule(api.current, other.accessToken, { layers: [dailyBerlinLayer([ada])] });
    const otherPolicy = await aPolicy(api.current, other.accessToken, [{ delaySeconds: 60, targets: [{ type: "user", userId: ada }] }]);

    const changes: MemberRemoved["changes"] = {
      escalationPolicies: [{ id: policy.id, name: "Removal escalation", levels: [1, 2] }],
      schedules: [{ id: schedule.id, name: "Removal primary", layers: [{ id: layerIdOf(schedule), name: "Daily" }], overrides: 1 }],
      teams: [{ id: team.id, name: "Removal Payments", role: "manager" }],
      incidents: [{ id: incident.id, title: "Removal checkout down", status: "triggered" }],
      tasks: [],
    };
    const before = await preview(ada);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body).toEqual({ changes, blockers: { escalationLevels: [], scheduleLayers: [] } });
    // Another org's member is not found, as for the removal.
    expectError(await preview(other.user.id), 404, "NOT_FOUND");

    const onCallAsAda = async () =>
      (await ok(api.current.request<OnCalls>("GET", `/v1/oncalls?userId=${ada}`, { token: owner.accessToken }), 200, "on calls")).items.map((i) => i.escalationPolicyId);
    expect(await onCallAsAda()).toContain(policy.id);

    const removed = await remove(ada);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toEqual({ ok: true, changes });
    expect(await onCallAsAda()).toEqual([]);

    expect((await policyOf(policy.id)).levels.map((l) => l.targets)).toEqual([[{ type: "user", userId: bob }], [{ type: "schedule", scheduleId: schedule.id }]]);
    const after = await scheduleOf(schedule.id);
    expect(after.layers[0]?.participants).toEqual([bob]);
    expect(await api.current.db.selectFrom("schedule_overrides").select("id").where("schedule_id", "=", schedule.id).execute()).toEqual([]);
    const teamMembers = await ok(api.current.request<{ items: TeamMember[] }>("GET", `/v1/org/teams/${team.id}/members`, { token: owner.accessToken }), 200, "team");
    expect(teamMembers.items.map((m) => m.user.id)).toEqual([bob]);
    const reread = await ok(api.current.request<Incident>("GET", `/v1/incidents/${incident.id}`, { token: owner.accessToken }), 200, "incident");
    expect(reread.assignees.map((a) => a.id)).toEqual([bob]);
    // The timeline says so, as it says who was assigned.
    const timeline = await listEvents(api.current, owner.accessToken, incident.id);
    expect(timeline.map((e) => e.kind).slice(-2)).toEqual(["assigned", "unassigned"]);
    expect(timeline.at(-1)).toMatchObject({
      actorUserId: owner.user.id,
      data: { unassigned: { id: ada, name: "Seeded Member" }, assignees: [{ id: bob, name: "Seeded Member" }], reason: "member_removed" },
    });

    const audited = async (action: string) => (await auditEntries(api.current.db, { orgId: owner.org.id, action })).filter((e) => (e.data as { userId?: string }).userId === ada);
    expect((await audited("escalation_policy.member_removed")).map((e) => [e.target_id, e.data])).toEqual([[policy.id, { userId: ada, levels: [1, 2], reason: "member_removed" }]]);
    expect((await audited("schedule.member_removed")).map((e) => [e.target_id, e.data])).toEqual([
      [schedule.id, { userId: ada, layers: [layerIdOf(schedule)], overrides: 1, reason: "member_removed" }],
    ]);
    expect((await audited("team.member_removed")).map((e) => [e.target_id, e.data])).toEqual([[team.id, { userId: ada, role: "manager", reason: "member_removed" }]]);
    expect((await audited("incident.assignee_removed")).map((e) => [e.target_id, e.data])).toEqual([[incident.id, { userId: ada, reason: "member_removed" }]]);
    const [entry] = await auditEntries(api.current.db, { orgId: owner.org.id, action: "member.removed", targetId: ada });
    expect(entry).toMatchObject({ target_id: ada, data: { changes } });

    expect(await isMember(other.org.id, ada)).toBe(true);
    expect((await policyOf(otherPolicy.id, other.accessToken)).levels[0]?.targets).toEqual([{ type: "user", userId: ada }]);
    expect((await scheduleOf(otherSchedule.id, other.accessToken)).layers[0]?.participants).toEqual([ada]);
  });

  it("unassigns their open tasks (a done one keeps its owner), each on its incident's timeline", async () => {
    const ada = await aMember(api.current, owner.org.id, "member");
    const service = await aService(api.current, owner.accessToken);
    const [first, second] = [await anIncident(api.current, owner.accessToken, service.id), await anIncident(api.current, owner.accessToken, service.id)];
    const aTask = (incidentId: string, title: string, assigneeId: string) =>
      ok(api.current.request<Task>("POST", `/v1/incidents/${incidentId}/tasks`, { token: owner.accessToken, body: { title, assigneeId } }), 201, "create task");
    const rollBack = await aTask(first.id, "Roll back", ada);
    const tellSupport = await aTask(second.id, "Tell support", ada);
    const done = await aTask(second.id, "Page the DBA", ada);
    await aTask(second.id, "Check the graphs", bob);
    await ok(api.current.request("PATCH", `/v1/incidents/${second.id}/tasks/${done.id}`, { token: owner.accessToken, body: { done: true } }), 200, "complete");

    const tasks = [
      { id: rollBack.id, incidentId: first.id, title: "Roll back" },
      { id: tellSupport.id, incidentId: second.id, title: "Tell support" },
    ];
    expect((await preview(ada)).body.changes.tasks).toEqual(tasks);
    const removed = await remove(ada);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.changes.tasks).toEqual(tasks);

    const assignees = async (incidentId: string) =>
      (await ok(api.current.request<{ items: Task[] }>("GET", `/v1/incidents/${incidentId}/tasks`, { token: owner.accessToken }), 200, "list tasks")).items.map((t) => [t.title, t.assignee?.id ?? null]);
    expect(await assignees(first.id)).toEqual([["Roll back", null]]);
    expect(await assignees(second.id)).toEqual([
      ["Tell support", null],
      ["Page the DBA", ada],
      ["Check the graphs", bob],
    ]);
    const unassigned = { actorUserId: owner.user.id, kind: "task_updated", data: { changes: { assigneeId: { from: ada, to: null } }, reason: "member_removed" } };
    expect((await listEvents(api.current, owner.accessToken, first.id)).at(-1)).toMatchObject({ ...unassigned, data: { ...unassigned.data, taskId: rollBack.id, title: "Roll back" } });
    expect((await listEvents(api.current, owner.accessToken, second.id)).at(-1)).toMatchObject({
      ...unassigned,
      data: { ...unassigned.data, taskId: tellSupport.id, title: "Tell support" },
    });
  });

  it("is refused (409 SOLE_RESPONDER) while they alone fill a level or a rotation, naming them, and changes nothing", async () => {
    const ada = await aMember(api.current, owner.org.id, "member");
    const schedule = await aSchedule(api.current, owner.accessToken, { name: "Removal solo rota", layers: [dailyBerlinLayer([ada, ada], { name: "Solo" })] });
    // A rotation that has ended pages no one already: it does not hold the removal.
    await aSchedule(api.current, owner.accessToken, { layers: [dailyBerlinLayer([ada], { name: "Ended", start: "2025-01-01T00:00:00Z", end: "2025-06-01T00:00:00Z" })] });
    const policy = await aPolicy(
      api.current,
      owner.accessToken,
      [
        { delaySeconds: 60, targets: [{ type: "user", userId: ada }, { type: "user", userId: bob }] },
        { delaySeconds: 60, targets: [{ type: "user", userId: ada }] },
      ],
      { name: "Removal solo policy" },
    );
    const blockers = {
      escalationLevels: [{ policyId: policy.id, policyName: "Removal solo policy", level: 2 }],
      scheduleLayers: [{ scheduleId: schedule.id, scheduleName: "Removal solo rota", layerId: layerIdOf(schedule), layerName: "Solo" }],
    };
    expect((await preview(ada)).body.blockers).toEqual(blockers);

    const refused = expectError(await remove(ada), 409, "SOLE_RESPONDER");
    expect(refused.details).toEqual(blockers);
    expect(refused.message).toContain('level 2 of escalation policy "Removal solo policy"');
    expect(refused.message).toContain('rotation "Solo" of schedule "Removal solo rota"');
    expect(await isMember(owner.org.id, ada)).toBe(true);
    expect((await policyOf(policy.id)).levels.map((l) => l.targets.length)).toEqual([2, 1]);
    expect((await scheduleOf(schedule.id)).layers[0]?.participants).toEqual([ada, ada]);
    expect(await auditEntries(api.current.db, { orgId: owner.org.id, action: "escalation_policy.member_removed", targetId: policy.id })).toEqual([]);

    // Once someone else is there, the removal goes through.
    await ok(api.current.request("PUT", `/v1/org/escalation-policies/${policy.id}`, {
      token: owner.accessToken,
      body: { name: "Removal solo policy", levels: [policy.levels[0], { delaySeconds: 60, targets: [{ type: "user", userId: ada }, { type: "user", userId: bob }] }] },
    }), 200, "replace policy");
    await ok(api.current.request("PATCH", `/v1/org/schedules/${schedule.id}`, { token: owner.accessToken, body: { layers: [dailyBerlinLayer([ada, bob], { name: "Solo" })] } }), 200, "edit schedule");
    expect((await remove(ada)).status).toBe(200);
  });

  it("is refused while a level pages only them through a team (of the role it pages), and then leaves the team paged", async () => {
    const ada = await aMember(api.current, owner.org.id, "member");
    const team = await aTeam(api.current, owner.accessToken);
    await setTeamMember(api.current, owner.accessToken, team.id, ada, "manager");
    await setTeamMember(api.current, owner.accessToken, team.id, bob, "member");
    const policy = await aPolicy(
      api.current,
      owner.accessToken,
      [
        { delaySeconds: 60, targets: [{ type: "team", teamId: team.id, role: "manager" }] },
        { delaySeconds: 60, targets: [{ type: "team", teamId: team.id }] },
      ],
      { name: "Removal team policy" },
    );
    const refused = expectError(await remove(ada), 409, "SOLE_RESPONDER");
    expect(refused.details).toEqual({ escalationLevels: [{ policyId: policy.id, policyName: "Removal team policy", level: 1 }], scheduleLayers: [] });

    await setTeamMember(api.current, owner.accessToken, team.id, bob, "manager");
    const removed = await remove(ada);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.changes).toMatchObject({ escalationPolicies: [], teams: [{ id: team.id, role: "manager" }] });
    expect((await policyOf(policy.id)).levels.map((l) => l.targets)).toEqual(policy.levels.map((l) => l.targets));
  });
});

/**
 * Sends `first`, then `second` once `first` waits on the person's membership (locked by the
 * test), and releases it once `second` waits too (on the membership, or on what `first` holds).
 */
async function inOrder<A, B>(userId: string, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  const held = await api.current.db.transaction().execute(async (tx) => {
    await sql`SELECT 1 FROM org_members WHERE org_id = ${owner.org.id} AND user_id = ${userId} FOR UPDATE`.execute(tx);
    const a = first();
    await untilWaitingOnLocks(api.current.db, 1, "the first call to wait on the membership");
    const b = second();
    await untilWaitingOnLocks(api.current.db, 2, "the second call to wait");
    return { a, b };
  });
  return Promise.all([held.a, held.b]);
}

describe("a schedule edit that names the person, racing the removal", () => {
  const cases = [
    { what: "an edit adding them beside someone, then the removal: it takes them out", alone: false, editFirst: true, statuses: [200, 200], participants: "bob" },
    { what: "the removal, then an edit adding them: the edit finds them gone (400)", alone: false, editFirst: false, statuses: [400, 200], participants: "bob" },
    { what: "an edit leaving them alone in the rotation, then the removal: refused (409)", alone: true, editFirst: true, statuses: [200, 409], participants: "ada" },
    { what: "the removal, then an edit leaving them alone: the edit finds them gone (400)", alone: true, editFirst: false, statuses: [400, 200], participants: "bob" },
  ] as const;

  for (const c of cases) {
    it(`${c.what}; never a 500 or a half-state`, async () => {
      const ada = await aMember(api.current, owner.org.id, "member");
      const schedule = await aSchedule(api.current, owner.accessToken, { layers: [dailyBerlinLayer([bob])] });
      const edit = () =>
        api.current.request("PATCH", `/v1/org/schedules/${schedule.id}`, { token: owner.accessToken, body: { layers: [dailyBerlinLayer(c.alone ? [ada] : [ada, bob])] } });
      const [edited, removed] = c.editFirst
        ? await inOrder(ada, edit, () => remove(ada))
        : await inOrder(ada, () => remove(ada), edit).then(([r, e]) => [e, r] as const);
      expect([edited.status, removed.status], JSON.stringify([edited.body, removed.body])).toEqual(c.statuses);
      expect((await scheduleOf(schedule.id)).layers[0]?.participants).toEqual([c.participants === "ada" ? ada : bob]);
      expect(await isMember(owner.org.id, ada)).toBe(removed.status === 409);
      if (removed.status === 200) expect(removed.body.changes.schedules.map((s) => s.id)).toEqual(c.editFirst ? [schedule.id] : []);
    });
  }
});

describe("an assignment racing the removal of a person it names", () => {
  it("the removal first, then the assignment (which holds the incident first elsewhere): no deadlock, the assignment finds them gone (400)", async () => {
    const ada = await aMember(api.current, owner.org.id, "member");
    const incident = await anIncident(api.current, owner.accessToken, (await aService(api.current, owner.accessToken)).id);
    const assign = (userIds: string[], version: number) =>
      api.current.request<Incident>("POST", `/v1/incidents/${incident.id}/assign`, { token: owner.accessToken, body: { userIds, version } });
    const assigned = await ok(assign([ada], incident.version), 200, "assign");
    // The assignment locks the incident, then the memberships of whom it names; the removal takes
    // the incidents it writes on before the membership, so it does not wait on one holding the other.
    const [removed, reassigned] = await inOrder(ada, () => remove(ada), () => assign([ada, bob], assigned.version));
    expect([removed.status, reassigned.status], JSON.stringify([removed.body, reassigned.body])).toEqual([200, 400]);
    const timeline = await listEvents(api.current, owner.accessToken, incident.id);
    expect(timeline.at(-1)).toMatchObject({ kind: "unassigned", data: { unassigned: { id: ada }, assignees: [] } });
  });
});
