import { runRetrigger, type Incident, type Service, type TaskPayload } from "@incidentops/core";
import { createDb, type Db } from "@incidentops/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aPolicy,
  aService,
  aUserWithRole,
  expectError,
  expectValidationFailed,
  incidentState,
  listEvents,
  ok,
  queuedJobs,
  raceBehindLock,
  retriggerKey,
  useTestApi,
  type Account,
} from "@incidentops/testkit";

// Snooze (POST /incidents/{id}/snooze) and the acknowledgement timeout (a service's
// ackTimeoutMinutes): each arms one `retrigger_incident` job per incident, at its time; any change
// before then ends the wait. The job's change is run here as the worker would run it at its
// time (runRetrigger, on the application role): exactly once, escalation restarting.

const api = useTestApi();
let appDb: Db;

let owner: Account;
let member: Account;
/** A policy of one level paging the member, so a restart shows as an escalation job at step 0. */
let policyId: string;
let service: Service;

beforeAll(async () => {
  appDb = createDb({ connectionString: api.current.appDatabaseUrl, max: 4 });
  owner = await anOrgOwner(api.current, { orgName: "Snooze Org" });
  member = await aUserWithRole(api.current, owner.org.id, "member");
  policyId = (await aPolicy(api.current, owner.accessToken, [{ delaySeconds: 600, targets: [{ type: "user", userId: member.user.id }] }])).id;
  service = await aService(api.current, owner.accessToken, { escalationPolicyId: policyId });
});

afterAll(async () => {
  await appDb.destroy();
});

const retriggerJobs = (incidentId: string) => queuedJobs(api.current.db, { key: retriggerKey(incidentId) });
/** The pending retrigger job's payload: what the worker would run. */
async function pendingRetrigger(incidentId: string): Promise<TaskPayload<"retrigger_incident">> {
  const [job] = await retriggerJobs(incidentId);
  if (job === undefined) throw new Error(`no retrigger job for ${incidentId}`);
  return job.payload as TaskPayload<"retrigger_incident">;
}

const transition = (token: string, incidentId: string, toStatus: string, version: number) =>
  api.current.request<Incident>("POST", `/v1/incidents/${incidentId}/transition`, { token, body: { toStatus, version } });
const snooze = (token: string, incidentId: string, body: Record<string, unknown>) =>
  api.current.request<Incident>("POST", `/v1/incidents/${incidentId}/snooze`, { token, body });
const getIncident = async (incidentId: string) => ok(api.current.request<Incident>("GET", `/v1/incidents/${incidentId}`, { token: owner.accessToken }), 200, "get");

async function acknowledged(on: Service = service): Promise<Incident> {
  const incident = await anIncident(api.current, owner.accessToken, on.id, { title: "Snooze me" });
  return ok(transition(member.accessToken, incident.id, "acknowledged", incident.version), 200, "acknowledge");
}

/** The incident's escalation: its step and its pending job's step. */
async function escalationOf(incidentId: string) {
  const row = await api.current.db.selectFrom("incidents").select("escalation_step").where("id", "=", incidentId).executeTakeFirstOrThrow();
  const [job] = await queuedJobs(api.current.db, { key: `escalation:${incidentId}` });
  return { step: row.escalation_step, jobStep: job?.payload.step ?? null };
}

describe("POST /v1/incidents/{incidentId}/snooze", () => {
  it("snoozes an acknowledged incident: snoozedUntil, version + 1, a `snoozed` event, one job at that time", async () => {
    const incident = await acknowledged();
    const startedAt = Date.now();
    const res = await snooze(member.accessToken, incident.id, { minutes: 45, version: incident.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: "acknowledged", version: incident.version + 1, ackTimeoutAt: null });
    const until = Date.parse(res.body.snoozedUntil ?? "");
    expect(until - startedAt).toBeGreaterThanOrEqual(45 * 60_000 - 1000);
    expect(until - Date.now()).toBeLessThanOrEqual(45 * 60_000);
    const events = await listEvents(api.current, owner.accessToken, incident.id);
    expect(events.at(-1)).toMatchObject({ kind: "snoozed", actorUserId: member.user.id, data: { minutes: 45, until: res.body.snoozedUntil } });
    const jobs = await retriggerJobs(incident.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ task: "retrigger_incident", runAt: res.body.snoozedUntil, payload: { incidentId: incident.id, dueAt: res.body.snoozedUntil } });

    // A new snooze replaces it.
    const longer = await ok(snooze(member.accessToken, incident.id, { minutes: 120, version: res.body.version }), 200, "snooze again");
    expect(await retriggerJobs(incident.id)).toMatchObject([{ runAt: longer.snoozedUntil }]);
  });

  it("refuses an incident that is not acknowledged (409 INVALID_TRANSITION), a stale version and bad minutes, changing nothing", async () => {
    const triggered = await anIncident(api.current, owner.accessToken, service.id);
    const before = await incidentState(api.current.db, triggered.id);
    const refused = expectError(await snooze(member.accessToken, triggered.id, { minutes: 10, version: 1 }), 409, "INVALID_TRANSITION");
    expect(refused.details).toEqual({ status: "triggered" });
    expect(await incidentState(api.current.db, triggered.id)).toEqual(before);

    const incident = await acknowledged();
    const ackedState = await incidentState(api.current.db, incident.id);
    const jobsBefore = await retriggerJobs(incident.id);
    for (const minutes of [0, 1441, 1.5, "10"]) expect(expectValidationFailed(await snooze(member.accessToken, incident.id, { minutes, version: incident.version }))).toEqual(["minutes"]);
    expectError(await snooze(member.accessToken, incident.id, { minutes: 10, version: incident.version - 1 }), 409, "VERSION_CONFLICT");
    expect(await incidentState(api.current.db, incident.id)).toEqual(ackedState);
    expect(await retriggerJobs(incident.id)).toEqual(jobsBefore);
  });

  it("ends when anything changes first: a status change or a reassignment drops it", async () => {
    const mitigated = await acknowledged();
    const snoozed = await ok(snooze(member.accessToken, mitigated.id, { minutes: 30, version: mitigated.version }), 200, "snooze");
    const moved = await ok(transition(member.accessToken, mitigated.id, "mitigated", snoozed.version), 200, "mitigate");
    expect(moved.snoozedUntil).toBeNull();
    expect(await retriggerJobs(mitigated.id)).toEqual([]);

    const reassigned = await acknowledged();
    const snoozed2 = await ok(snooze(member.accessToken, reassigned.id, { minutes: 30, version: reassigned.version }), 200, "snooze");
    const handed = await ok(
      api.current.request<Incident>("POST", `/v1/incidents/${reassigned.id}/assign`, { token: member.accessToken, body: { userIds: [owner.user.id], version: snoozed2.version } }),
      200,
      "assign",
    );
    expect(handed).toMatchObject({ status: "acknowledged", snoozedUntil: null });
    expect(await retriggerJobs(reassigned.id)).toEqual([]);
  });
});

describe("the end of a snooze", () => {
  it("returns the incident to triggered exactly once, with `unsnoozed`, and restarts escalation from the first level", async () => {
    const incident = await acknowledged();
    const snoozed = await ok(snooze(member.accessToken, incident.id, { minutes: 5, version: incident.version }), 200, "snooze");
    const job = await pendingRetrigger(incident.id);

    expect(await runRetrigger(appDb, job)).toBe("retriggered");
    const after = await getIncident(incident.id);
    expect(after).toMatchObject({ status: "triggered", version: snoozed.version + 1, snoozedUntil: null, ackTimeoutAt: null });
    const events = await listEvents(api.current, owner.accessToken, incident.id);
    expect(events.slice(-2).map((e) => ({ kind: e.kind, data: e.data, actor: e.actorUserId }))).toEqual([
      { kind: "unsnoozed", data: { dueAt: snoozed.snoozedUntil }, actor: null },
      { kind: "status_changed", data: { cause: "snooze", fromStatus: "acknowledged", toStatus: "triggered", version: snoozed.version + 1 }, actor: null },
    ]);
    expect(await escalationOf(incident.id)).toEqual({ step: 0, jobStep: 0 });

    // Exactly once: the same job again (a re-run) changes nothing.
    const state = await incidentState(api.current.db, incident.id);
    expect(await runRetrigger(appDb, job)).toBe("skipped");
    expect(await incidentState(api.current.db, incident.id)).toEqual(state);
    // And a person can acknowledge it again.
    expect((await transition(member.accessToken, incident.id, "acknowledged", after.version)).status).toBe(200);
  });

  it("a job for a snooze that was replaced or ended does nothing", async () => {
    const incident = await acknowledged();
    const first = await ok(snooze(member.accessToken, incident.id, { minutes: 5, version: incident.version }), 200, "snooze");
    const stale = await pendingRetrigger(incident.id);
    await ok(snooze(member.accessToken, incident.id, { minutes: 50, version: first.version }), 200, "snooze longer");
    const state = await incidentState(api.current.db, incident.id);
    expect(await runRetrigger(appDb, stale)).toBe("skipped");
    expect(await incidentState(api.current.db, incident.id)).toEqual(state);
  });

  it("two runs at once return it to triggered once", async () => {
    const incident = await acknowledged();
    await ok(snooze(member.accessToken, incident.id, { minutes: 5, version: incident.version }), 200, "snooze");
    const job = await pendingRetrigger(incident.id);
    const outcomes = await raceBehindLock(
      api.current.db,
      (tx) => tx.selectFrom("incidents").select("id").where("id", "=", incident.id).forUpdate().execute(),
      () => [runRetrigger(appDb, job), runRetrigger(appDb, job)],
    );
    expect(outcomes.sort()).toEqual(["retriggered", "skipped"]);
    const kinds = (await listEvents(api.current, owner.accessToken, incident.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === "unsnoozed")).toHaveLength(1);
    expect(kinds.filter((k) => k === "status_changed")).toHaveLength(2);
  });

  it("racing a person's resolve: one of them wins, never both", async () => {
    const incident = await acknowledged();
    const snoozed = await ok(snooze(member.accessToken, incident.id, { minutes: 5, version: incident.version }), 200, "snooze");
    const job = await pendingRetrigger(incident.id);
    const [retriggered, resolve] = await raceBehindLock<string | number>(
      api.current.db,
      (tx) => tx.selectFrom("incidents").select("id").where("id", "=", incident.id).forUpdate().execute(),
      () => [runRetrigger(appDb, job), transition(member.accessToken, incident.id, "resolved", snoozed.version).then((res) => res.status)],
    );
    const final = await getIncident(incident.id);
    if (retriggered === "retriggered") {
      // The snooze ended first: the person's version is stale.
      expect(resolve).toBe(409);
      expect(final.status).toBe("triggered");
    } else {
      expect(resolve).toBe(200);
      expect(final.status).toBe("resolved");
      expect(await retriggerJobs(incident.id)).toEqual([]);
    }
    const kinds = (await listEvents(api.current, owner.accessToken, incident.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === "status_changed")).toHaveLength(2);
  });
});

describe("the acknowledgement timeout (a service's ackTimeoutMinutes)", () => {
  let timed: Service;
  beforeAll(async () => {
    timed = await ok(
      api.current.request<Service>("PATCH", `/v1/org/services/${(await aService(api.current, owner.accessToken, { escalationPolicyId: policyId })).id}`, {
        token: owner.accessToken,
        body: { ackTimeoutMinutes: 30 },
      }),
      200,
      "set the timeout",
    );
  });

  it("is set by admins (1..1440 minutes, null: off), shown on the service, and refused out of range", async () => {
    expect(timed.ackTimeoutMinutes).toBe(30);
    const other = await aService(api.current, owner.accessToken);
    expect(other.ackTimeoutMinutes).toBeNull();
    for (const ackTimeoutMinutes of [0, 1441, 2.5]) {
      expect(expectValidationFailed(await api.current.request("PATCH", `/v1/org/services/${other.id}`, { token: owner.accessToken, body: { ackTimeoutMinutes } }))).toEqual([
        "ackTimeoutMinutes",
      ]);
    }
    expectError(await api.current.request("PATCH", `/v1/org/services/${other.id}`, { token: member.accessToken, body: { ackTimeoutMinutes: 5 } }), 403, "FORBIDDEN");
    const created = await ok(api.current.request<Service>("POST", "/v1/org/services", { token: member.accessToken, body: { name: "timed-by-a-member", ackTimeoutMinutes: 15 } }), 201, "create");
    expect(created.ackTimeoutMinutes).toBe(15);
    const off = await ok(api.current.request<Service>("PATCH", `/v1/org/services/${created.id}`, { token: owner.accessToken, body: { ackTimeoutMinutes: null } }), 200, "off");
    expect(off.ackTimeoutMinutes).toBeNull();
  });

  it("an acknowledgement not followed by mitigation in time returns the incident to triggered (`ack_timed_out`), escalation restarting", async () => {
    const incident = await acknowledged(timed);
    expect(Date.parse(incident.ackTimeoutAt ?? "") - Date.parse(incident.acknowledgedAt ?? "")).toBe(30 * 60_000);
    const job = await pendingRetrigger(incident.id);
    expect(job.dueAt).toBe(incident.ackTimeoutAt);
    expect(await runRetrigger(appDb, job)).toBe("retriggered");
    expect(await getIncident(incident.id)).toMatchObject({ status: "triggered", ackTimeoutAt: null });
    const events = await listEvents(api.current, owner.accessToken, incident.id);
    expect(events.slice(-2).map((e) => [e.kind, e.data.cause ?? e.data.dueAt])).toEqual([
      ["ack_timed_out", incident.ackTimeoutAt],
      ["status_changed", "ack_timeout"],
    ]);
    expect(await escalationOf(incident.id)).toEqual({ step: 0, jobStep: 0 });
    expect(await runRetrigger(appDb, job)).toBe("skipped");
  });

  it("mitigating or resolving in time ends it; a snooze replaces it; a service without one sets none", async () => {
    const mitigated = await acknowledged(timed);
    const moved = await ok(transition(member.accessToken, mitigated.id, "mitigated", mitigated.version), 200, "mitigate");
    expect(moved.ackTimeoutAt).toBeNull();
    expect(await retriggerJobs(mitigated.id)).toEqual([]);

    const snoozed = await acknowledged(timed);
    const stale = await pendingRetrigger(snoozed.id);
    const after = await ok(snooze(member.accessToken, snoozed.id, { minutes: 90, version: snoozed.version }), 200, "snooze");
    expect(after).toMatchObject({ ackTimeoutAt: null, snoozedUntil: expect.any(String) });
    expect(await runRetrigger(appDb, stale)).toBe("skipped");
    expect((await pendingRetrigger(snoozed.id)).dueAt).toBe(after.snoozedUntil);

    const plain = await acknowledged(service);
    expect(plain.ackTimeoutAt).toBeNull();
    expect(await retriggerJobs(plain.id)).toEqual([]);
  });

  it("starts again from a change that ends a snooze (an edit, a reassignment), so the incident still comes back to triggered", async () => {
    for (const change of ["edit", "reassignment"] as const) {
      const incident = await acknowledged(timed);
      const snoozed = await ok(snooze(member.accessToken, incident.id, { minutes: 90, version: incident.version }), 200, "snooze");
      const body = change === "edit" ? { title: "Snoozed, then renamed", version: snoozed.version } : { userIds: [owner.user.id], version: snoozed.version };
      const path = change === "edit" ? `/v1/incidents/${incident.id}` : `/v1/incidents/${incident.id}/assign`;
      const changed = await ok(api.current.request<Incident>(change === "edit" ? "PATCH" : "POST", path, { token: member.accessToken, body }), 200, change);
      expect(changed, change).toMatchObject({ status: "acknowledged", snoozedUntil: null, ackTimeoutAt: expect.any(String) });
      expect(Date.parse(changed.ackTimeoutAt ?? "") - Date.parse(changed.updatedAt), change).toBe(30 * 60_000);
      const job = await pendingRetrigger(incident.id);
      expect(job.dueAt, change).toBe(changed.ackTimeoutAt);
      expect(await runRetrigger(appDb, job), change).toBe("retriggered");
      expect(await getIncident(incident.id), change).toMatchObject({ status: "triggered" });
    }
    // Without a snooze, a change leaves the running timeout as it was.
    const incident = await acknowledged(timed);
    const renamed = await ok(api.current.request<Incident>("PATCH", `/v1/incidents/${incident.id}`, { token: member.accessToken, body: { title: "Renamed", version: incident.version } }), 200, "edit");
    expect(renamed.ackTimeoutAt).toBe(incident.ackTimeoutAt);
  });
});
