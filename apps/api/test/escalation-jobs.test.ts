import { randomUUID } from "node:crypto";
import { createLogger, fanOutEvents, ingestAlerts, runEscalationSteps, taskPayloadSchemas, type EscalationPolicy as Policy, type Incident, type Service } from "@incidentops/core";
import { sql } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  aContactMethod,
  anAlert,
  anIncident,
  anOrgOwner,
  aPolicy,
  aService,
  aTeam,
  aUserWithRole,
  aWebhookTarget,
  anIntegrationKey,
  beforeInserts,
  contactMethodsOf,
  escalationKey,
  makeJobDue,
  makeJobsDue,
  queuedJobs,
  retriggerKey,
  runQueuedJobs,
  setNotificationRules,
  stepsJobsOf as stepsJobsOfOrg,
  roundTripsOf,
  uniqueName,
  useTestApi,
  type ErrorBody,
} from "@incidentops/testkit";

// The jobs an incident's changes enqueue, in the same transaction: its escalation job (created,
// replaced, removed as it moves) and one incident_event job per timeline event. The policies
// themselves: escalation-policies.test.ts.

const api = useTestApi();

let token: string;
let orgId: string;
let ownerId: string;
let targetId: string;

beforeAll(async () => {
  const owner = await anOrgOwner(api.current, { orgName: "Escalation Jobs Org" });
  token = owner.accessToken;
  orgId = owner.org.id;
  ownerId = owner.user.id;
  targetId = (await aWebhookTarget(api.current, token, "https://hooks.example.com/escalations", { name: "Primary hook" })).id;
});

const aPolicyPagingTheOwner = () => aPolicy(api.current, token, [{ delaySeconds: 60, targets: [{ type: "user", userId: ownerId }] }]);
const serviceWithPolicy = (policyId: string) => aService(api.current, token, { escalationPolicyId: policyId });

// ---------------------------------------------------------------------------------------------
// Jobs: enqueued in the transaction of the change that causes them.

describe("graphile-worker's job storage", () => {
  it("0.17 keeps jobs in the table _private_jobs behind the view jobs", async () => {
    const { rows } = await sql<{ table_name: string; table_type: string }>`
      SELECT table_name, table_type FROM information_schema.tables
      WHERE table_schema = 'graphile_worker' AND table_name IN ('jobs', '_private_jobs')
      ORDER BY table_name`.execute(api.current.db);
    expect(rows).toEqual([
      { table_name: "_private_jobs", table_type: "BASE TABLE" },
      { table_name: "jobs", table_type: "VIEW" },
    ]);
  });
});

function transition(incident: { id: string; version: number }, toStatus: string, headers: Record<string, string> = {}) {
  return api.current.request<Incident & ErrorBody>("POST", `/v1/incidents/${incident.id}/transition`, {
    token,
    body: { toStatus, version: incident.version },
    headers,
  });
}

const escalate = (incidentId: string, headers: Record<string, string> = {}) =>
  api.current.request<Incident & ErrorBody>("POST", `/v1/incidents/${incidentId}/escalate`, { token, headers });

const escalationJobs = (incidentId: string) => queuedJobs(api.current.db, { key: escalationKey(incidentId) });

/** The queued jobs of several incidents' escalation steps that name any of `incidentIds`. */
const stepsJobsOf = (incidentIds: readonly string[]) => stepsJobsOfOrg(api.current.db, orgId, incidentIds);

describe("escalation jobs follow the incident", () => {
  let policy: Policy;
  let escalating: Service;
  let quiet: Service;

  beforeAll(async () => {
    policy = await aPolicy(
      api.current,
      token,
      [
        { delaySeconds: 120, targets: [{ type: "user", userId: ownerId }] },
        { delaySeconds: 300, targets: [{ type: "notification_target", targetId }] },
      ],
      { repeat: 2 },
    );
    escalating = await serviceWithPolicy(policy.id);
    quiet = await aService(api.current, token, { name: uniqueName("quiet") });
  });

  it("creating an incident on a service with a policy enqueues escalate_if_unacked for step 0 at once", async () => {
    const startedAt = Date.now();
    const res = await api.current.request<Incident>("POST", `/v1/services/${escalating.id}/incidents`, {
      token,
      body: { title: "Paging" },
      headers: { "x-request-id": "esc-create-1" },
    });
    expect(res.status).toBe(201);
    const jobs = await escalationJobs(res.body.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      task: "escalate_if_unacked",
      // No named queue: graphile-worker would run the escalations of every org one at a time.
      queue: null,
      key: escalationKey(res.body.id),
      payload: { orgId, incidentId: res.body.id, step: 0, manual: false, requestId: "esc-create-1" },
    });
    // Level 1 is notified at once: the job is due now, not after the level's delay.
    expect(Date.parse(jobs[0]?.runAt ?? "")).toBeLessThanOrEqual(Date.now() + 1000);
    expect(Date.parse(jobs[0]?.runAt ?? "")).toBeGreaterThanOrEqual(startedAt - 5000);
    // The incident records the policy it follows.
    const row = await api.current.db
      .selectFrom("incidents")
      .select(["escalation_policy_id", "escalation_step"])
      .where("id", "=", res.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ escalation_policy_id: policy.id, escalation_step: 0 });
  });

  it("acknowledging removes the pending escalation job", async () => {
    const incident = await anIncident(api.current, token, escalating.id);
    expect(await escalationJobs(incident.id)).toHaveLength(1);
    const acked = await transition(incident, "acknowledged");
    expect(acked.status).toBe(200);
    expect(await escalationJobs(incident.id)).toEqual([]);
  });

  it("resolving straight from triggered removes it too", async () => {
    const incident = await anIncident(api.current, token, escalating.id);
    expect(await escalationJobs(incident.id)).toHaveLength(1);
    expect((await transition(incident, "resolved")).status).toBe(200);
    expect(await escalationJobs(incident.id)).toEqual([]);
  });

  it("a refused transition (stale version) keeps the job", async () => {
    const incident = await anIncident(api.current, token, escalating.id);
    const before = await escalationJobs(incident.id);
    const res = await transition({ id: incident.id, version: incident.version + 1 }, "acknowledged");
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("VERSION_CONFLICT");
    expect(await escalationJobs(incident.id)).toEqual(before);
  });

  it("an incident on a service without a policy gets no escalation job", async () => {
    const incident = await anIncident(api.current, token, quiet.id);
    expect(await escalationJobs(incident.id)).toEqual([]);
  });

  describe("POST /v1/incidents/{incidentId}/escalate", () => {
    it("on a service without a policy -> 409 CONFLICT, nothing enqueued", async () => {
      const incident = await anIncident(api.current, token, quiet.id);
      const res = await escalate(incident.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe("CONFLICT");
      expect(await escalationJobs(incident.id)).toEqual([]);
    });

    it("with a policy -> 200, the incident, and the escalation job replaced by a manual one due now", async () => {
      const incident = await anIncident(api.current, token, escalating.id);
      const [scheduled] = await escalationJobs(incident.id);
      const res = await escalate(incident.id, { "x-request-id": "esc-manual-1" });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ id: incident.id, status: "triggered", version: incident.version });
      const jobs = await escalationJobs(incident.id);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({
        task: "escalate_if_unacked",
        queue: null,
        payload: { orgId, incidentId: incident.id, step: 0, manual: true, requestId: "esc-manual-1" },
      });
      // Replaced by key, not added beside it.
      expect(jobs[0]?.id).toBe(scheduled?.id);
      expect(jobs[0]?.revision).toBe((scheduled?.revision ?? 0) + 1);
      expect(Date.parse(jobs[0]?.runAt ?? "")).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it("an acknowledged incident may still be escalated by hand", async () => {
      const incident = await anIncident(api.current, token, escalating.id);
      const acked = await transition(incident, "acknowledged");
      expect(await escalationJobs(incident.id)).toEqual([]);
      const res = await escalate(incident.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: "acknowledged", version: acked.body.version });
      expect(await escalationJobs(incident.id)).toMatchObject([{ payload: { manual: true, step: 0 } }]);
    });

    it("a resolved incident -> 409, nothing enqueued", async () => {
      const incident = await anIncident(api.current, token, escalating.id);
      expect((await transition(incident, "resolved")).status).toBe(200);
      const res = await escalate(incident.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe("INVALID_TRANSITION");
      expect(await escalationJobs(incident.id)).toEqual([]);
    });

    it("once every level (times repeat) was notified -> 409 CONFLICT", async () => {
      const incident = await anIncident(api.current, token, escalating.id);
      // Two levels run through twice: four steps in all.
      await api.current.db.updateTable("incidents").set({ escalation_step: 4 }).where("id", "=", incident.id).execute();
      const before = await escalationJobs(incident.id);
      const res = await escalate(incident.id);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: "CONFLICT", details: { step: 4, steps: 4 } });
      expect(await escalationJobs(incident.id)).toEqual(before);
      // One step short, it goes on.
      await api.current.db.updateTable("incidents").set({ escalation_step: 3 }).where("id", "=", incident.id).execute();
      expect((await escalate(incident.id)).status).toBe(200);
      expect(await escalationJobs(incident.id)).toMatchObject([{ payload: { step: 3, manual: true } }]);
    });

    it("an incident whose policy was deleted since -> 409 CONFLICT", async () => {
      const doomed = await aPolicyPagingTheOwner();
      const service = await serviceWithPolicy(doomed.id);
      const incident = await anIncident(api.current, token, service.id);
      const detached = await api.current.request("PATCH", `/v1/org/services/${service.id}`, { token, body: { escalationPolicyId: null } });
      expect(detached.status).toBe(200);
      expect((await api.current.request("DELETE", `/v1/org/escalation-policies/${doomed.id}`, { token })).status).toBe(200);
      const res = await escalate(incident.id);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe("CONFLICT");
    });

    it("a viewer is refused (403) and the job is untouched", async () => {
      const viewer = await aUserWithRole(api.current, orgId, "viewer");
      const incident = await anIncident(api.current, token, escalating.id);
      const before = await escalationJobs(incident.id);
      const res = await api.current.request("POST", `/v1/incidents/${incident.id}/escalate`, { token: viewer.accessToken });
      expect(res.status).toBe(403);
      expect(await escalationJobs(incident.id)).toEqual(before);
    });

    it("a missing incident -> 404", async () => {
      const res = await escalate(randomUUID());
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: "NOT_FOUND", message: "Incident not found" });
    });
  });
});

describe("every timeline event enqueues exactly one incident_event job with its id and the request id", () => {
  let serviceId: string;

  beforeAll(async () => {
    serviceId = (await aService(api.current, token, { name: uniqueName("events") })).id;
  });

  const eventJobs = () => queuedJobs(api.current.db, { task: "incident_event", orgId });

  async function newJobsDuring(action: () => Promise<void>) {
    const before = new Set((await eventJobs()).map((j) => j.id));
    await action();
    return (await eventJobs()).filter((j) => !before.has(j.id));
  }

  async function eventIds(incidentId: string): Promise<{ id: string; kind: string }[]> {
    const res = await api.current.request<{ items: { id: string; kind: string }[] }>("GET", `/v1/incidents/${incidentId}/events?limit=100`, { token });
    return res.body.items;
  }

  it("create, transition and comment: one job each, carrying the event id, the org and x-request-id", async () => {
    let incident: Incident | undefined;
    const created = await newJobsDuring(async () => {
      const res = await api.current.request<Incident>("POST", `/v1/services/${serviceId}/incidents`, {
        token,
        body: { title: "Jobs" },
        headers: { "x-request-id": "req-create-42" },
      });
      expect(res.status).toBe(201);
      incident = res.body;
    });
    if (incident === undefined) throw new Error("no incident");
    const [createdEvent] = await eventIds(incident.id);
    expect(createdEvent?.kind).toBe("created");
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ queue: null, payload: { orgId, eventId: createdEvent?.id, requestId: "req-create-42" } });

    const acked = await newJobsDuring(async () => {
      const res = await transition(incident ?? { id: "", version: 0 }, "acknowledged", { "x-request-id": "req-ack-42" });
      expect(res.status).toBe(200);
    });
    const statusEvent = (await eventIds(incident.id))[1];
    expect(statusEvent?.kind).toBe("status_changed");
    expect(acked).toHaveLength(1);
    expect(acked[0]?.payload).toEqual({ orgId, eventId: statusEvent?.id, requestId: "req-ack-42" });

    let commentId = "";
    const commented = await newJobsDuring(async () => {
      const res = await api.current.request<{ id: string }>("POST", `/v1/incidents/${incident?.id ?? ""}/comment`, {
        token,
        body: { body: "checking" },
        headers: { "x-request-id": "req-comment-42" },
      });
      expect(res.status).toBe(201);
      commentId = res.body.id;
    });
    expect(commented).toHaveLength(1);
    expect(commented[0]?.payload).toEqual({ orgId, eventId: commentId, requestId: "req-comment-42" });
  });

  it("a request without x-request-id carries the generated one it was answered with", async () => {
    let requestId: string | null = null;
    const jobs = await newJobsDuring(async () => {
      const res = await api.current.request<Incident>("POST", `/v1/services/${serviceId}/incidents`, { token, body: { title: "Generated id" } });
      expect(res.status).toBe(201);
      requestId = res.headers.get("x-request-id");
    });
    expect(requestId).toMatch(/^[\w.:-]+$/);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload.requestId).toBe(requestId);
  });

  it("refused changes enqueue nothing", async () => {
    const incident = await anIncident(api.current, token, serviceId);
    const jobs = await newJobsDuring(async () => {
      expect((await transition({ id: incident.id, version: 99 }, "acknowledged")).status).toBe(409);
      expect((await transition(incident, "mitigated")).status).toBe(409);
      const empty = await api.current.request("POST", `/v1/incidents/${incident.id}/comment`, { token, body: { body: "  " } });
      expect(empty.status).toBe(400);
      const missing = await api.current.request("POST", `/v1/services/${randomUUID()}/incidents`, { token, body: { title: "nowhere" } });
      expect(missing.status).toBe(404);
    });
    expect(jobs).toEqual([]);
  });

  it("a manual escalation appends no event itself (the escalation job does), so no incident_event job", async () => {
    const escalatingService = await serviceWithPolicy((await aPolicyPagingTheOwner()).id);
    const incident = await anIncident(api.current, token, escalatingService.id);
    const jobs = await newJobsDuring(async () => {
      expect((await escalate(incident.id)).status).toBe(200);
    });
    expect(jobs).toEqual([]);
    expect(await eventIds(incident.id)).toHaveLength(1);
  });

  it("an escalation step's events (escalated, then assigned) share one job, added with the next step's", async () => {
    const twoLevels = await aPolicy(api.current, token, [1, 2].map(() => ({ delaySeconds: 60, targets: [{ type: "user" as const, userId: ownerId }] })));
    const incident = await anIncident(api.current, token, (await serviceWithPolicy(twoLevels.id)).id);
    const jobs = await newJobsDuring(() => runQueuedJobs(api.current, ["escalate_if_unacked"]));
    const events = await eventIds(incident.id);
    const escalated = events.find((e) => e.kind === "escalated");
    const assigned = events.find((e) => e.kind === "assigned");
    const naming = jobs.filter((job) => (job.payload.eventIds as string[] | undefined)?.some((id) => id === escalated?.id || id === assigned?.id));
    expect(naming).toHaveLength(1);
    expect(naming[0]?.payload.eventIds).toEqual([escalated?.id, assigned?.id]);
    expect(await stepsJobsOf([incident.id])).toMatchObject([{ key: null, payload: { steps: [{ incidentId: incident.id, step: 1 }] } }]);
  });
});

describe("the escalation steps of many incidents in one job", () => {
  const silentLog = createLogger({ level: "silent", name: "escalation-steps-test" });

  /** A service paging the owner at both its levels, and `count` alerts sent to it in one request (one batch): its incidents, by dedup key. */
  async function openedByAlerts(count: number) {
    const service = await serviceWithPolicy((await aPolicy(api.current, token, [1, 2].map(() => ({ delaySeconds: 60, targets: [{ type: "user" as const, userId: ownerId }] })))).id);
    const { routingKey } = await anIntegrationKey(api.current, token, service.id);
    const alerts = Array.from({ length: count }, (_, i) => anAlert(`first-${i}`));
    const results = await ingestAlerts(api.current.db, { routingKey, requestId: "first-steps", log: silentLog, limitPerMinute: 1000 }, alerts);
    return results.map((r) => r.incidentId ?? "");
  }

  /** The payload of the one steps job among `jobs`, as the worker takes it. */
  function stepsPayloadOf(jobs: readonly { payload: unknown }[]) {
    expect(jobs).toHaveLength(1);
    const payload = taskPayloadSchemas.escalate_if_unacked.parse(jobs[0]?.payload);
    if (!("steps" in payload)) throw new Error("expected a job of several incidents' steps");
    return payload;
  }

  const timelineOf = async (incidentId: string) =>
    (await sql<{ id: string; kind: string; data: Record<string, unknown> }>`SELECT id, kind, data FROM incident_events WHERE incident_id = ${incidentId} ORDER BY seq`.execute(api.current.db)).rows;

  const stepsOf = async (incidentIds: readonly string[]) =>
    (
      await sql<{ escalation_step: number; escalation_due_at: Date | null; escalations_timeout: number }>`
        SELECT escalation_step, escalation_due_at, escalations_timeout FROM incidents WHERE id = ANY(${incidentIds}::uuid[])`.execute(api.current.db)
    ).rows;

  /** Runs the escalation jobs due now, then makes the steps jobs naming `incidentIds` due and runs them. */
  async function runNextSteps(incidentIds: readonly string[]) {
    await makeJobsDue(api.current.db, (await stepsJobsOf(incidentIds)).map((job) => job.id));
    await runQueuedJobs(api.current, ["escalate_if_unacked"]);
  }

  it("an alert batch's first steps run in one job: each incident paged and assigned as its own step would, one fan-out for all their events", async () => {
    const incidentIds = await openedByAlerts(5);
    expect(await stepsJobsOf(incidentIds)).toMatchObject([
      { key: null, payload: { orgId, steps: incidentIds.map((incidentId) => ({ incidentId, step: 0 })), dueAt: null, requestId: "first-steps" } },
    ]);
    const fanOutsBefore = new Set((await queuedJobs(api.current.db, { task: "incident_event", orgId })).map((job) => job.id));
    await runQueuedJobs(api.current, ["escalate_if_unacked"]);

    const timelines = await Promise.all(incidentIds.map(timelineOf));
    for (const timeline of timelines) {
      expect(timeline.map((e) => e.kind)).toEqual(["created", "escalated", "assigned"]);
      expect(timeline[1]?.data).toMatchObject({ level: 1, step: 1, manual: false, notified: [{ type: "user", userId: ownerId }] });
    }
    const fanOuts = (await queuedJobs(api.current.db, { task: "incident_event", orgId })).filter((job) => !fanOutsBefore.has(job.id));
    expect(fanOuts).toHaveLength(1);
    expect((fanOuts[0]?.payload.eventIds as string[]).toSorted()).toEqual(timelines.flatMap((timeline) => timeline.slice(1).map((e) => e.id)).sort());
    // Their next steps, due together a level's delay later, are one job too, and each incident says when.
    const [next] = await stepsJobsOf(incidentIds);
    expect(next).toMatchObject({ key: null, payload: { steps: incidentIds.map((incidentId) => ({ incidentId, step: 1 })) } });
    const dueAt = Date.parse(String(next?.payload.dueAt));
    expect(Date.parse(next?.runAt ?? "")).toBe(dueAt);
    expect((await stepsOf(incidentIds)).map((i) => [i.escalation_step, i.escalation_due_at?.getTime(), i.escalations_timeout])).toEqual(incidentIds.map(() => [1, dueAt, 0]));
  });

  it("the next steps due together run in one job, counted as escalations by timeout", async () => {
    const incidentIds = await openedByAlerts(4);
    await runQueuedJobs(api.current, ["escalate_if_unacked"]);
    await runNextSteps(incidentIds);
    for (const id of incidentIds) {
      expect((await timelineOf(id)).map((e) => [e.kind, e.data.step])).toEqual([
        ["created", undefined],
        ["escalated", 1],
        ["assigned", 1],
        ["escalated", 2],
      ]);
    }
    // The last level: no step after it.
    expect((await stepsOf(incidentIds)).map((i) => [i.escalation_step, i.escalation_due_at, i.escalations_timeout])).toEqual(incidentIds.map(() => [2, null, 1]));
    expect(await stepsJobsOf(incidentIds)).toEqual([]);
  });

  it("a step left from before an acknowledgement and a retrigger does not fire early: the incident's step is due later", async () => {
    const [incidentId = ""] = await openedByAlerts(1);
    await runQueuedJobs(api.current, ["escalate_if_unacked"]);
    const [left] = await stepsJobsOf([incidentId]);
    // Acknowledged, snoozed, and back to triggered when the snooze ends: its escalation starts again.
    const incident = (await api.current.request<Incident>("GET", `/v1/incidents/${incidentId}`, { token })).body;
    const acked = await transition(incident, "acknowledged");
    expect(acked.status).toBe(200);
    const snoozed = await api.current.request<Incident>("POST", `/v1/incidents/${incidentId}/snooze`, { token, body: { minutes: 5, version: acked.body.version } });
    expect(snoozed.status).toBe(200);
    expect(await makeJobDue(api.current.db, retriggerKey(incidentId))).toBe(true);
    await runQueuedJobs(api.current, ["retrigger_incident", "escalate_if_unacked"]);
    const [again] = await stepsOf([incidentId]);
    expect(again?.escalation_step).toBe(1);

    // The job left from the first round comes due with the counter at its step: it finds another time, and pages no one.
    await makeJobsDue(api.current.db, [left?.id ?? ""]);
    await runQueuedJobs(api.current, ["escalate_if_unacked"]);
    expect((await timelineOf(incidentId)).filter((e) => e.kind === "escalated").map((e) => e.data.step)).toEqual([1, 1]);
    expect(await stepsOf([incidentId])).toEqual([again]);
  });

  it("write their steps in as many round trips for twenty incidents as for two", async () => {
    const roundTrips = [];
    for (const count of [2, 20]) {
      const payload = stepsPayloadOf(await stepsJobsOf(await openedByAlerts(count)));
      roundTrips.push(
        await roundTripsOf(api.current.appDatabaseUrl, async (counted) => {
          expect(new Set((await runEscalationSteps(counted, payload)).values())).toEqual(new Set(["notified"]));
        }),
      );
    }
    expect(roundTrips[1]).toBe(roundTrips[0]);
  });

  /** `count` incidents opened by alerts on `policyId`, their first steps run: the incidents, and how many round trips their one fan-out takes. */
  async function fanOutOfFirstSteps(policyId: string, count: number) {
    const { routingKey } = await anIntegrationKey(api.current, token, (await serviceWithPolicy(policyId)).id);
    const results = await ingestAlerts(api.current.db, { routingKey, requestId: `fan-out-${count}`, log: silentLog, limitPerMinute: 1000 }, Array.from({ length: count }, (_, i) => anAlert(`fan-out-${count}-${i}`)));
    const incidentIds = results.map((r) => r.incidentId ?? "");
    const fanOutsBefore = new Set((await queuedJobs(api.current.db, { task: "incident_event", orgId })).map((job) => job.id));
    await runEscalationSteps(api.current.db, stepsPayloadOf(await stepsJobsOf(incidentIds)));
    const [fanOut] = (await queuedJobs(api.current.db, { task: "incident_event", orgId })).filter((job) => !fanOutsBefore.has(job.id));
    const payload = { orgId, eventIds: fanOut?.payload.eventIds as string[], requestId: "fan-out" };
    const roundTrips = await roundTripsOf(api.current.appDatabaseUrl, async (counted) => {
      await fanOutEvents(counted, payload);
    });
    return { incidentIds, roundTrips };
  }

  /** How many attempts the incidents' fan-outs made through the contact method. */
  const attemptsThrough = async (incidentIds: readonly string[], contactMethodId: string) =>
    (
      await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM notification_attempts WHERE incident_id = ANY(${incidentIds}::uuid[]) AND contact_method_id = ${contactMethodId}`.execute(api.current.db)
    ).rows[0]?.n;

  it("page their people in their fan-out in as many round trips for twenty incidents as for two, each rule with a delay a job per incident", async () => {
    const person = await aUserWithRole(api.current, orgId, "member");
    const [account] = await contactMethodsOf(api.current, person.accessToken);
    const later = await aContactMethod(api.current, person.accessToken, { type: "email", address: "later@example.com" });
    await setNotificationRules(api.current, person.accessToken, [
      { contactMethodId: account?.id ?? "", delayMinutes: 0 },
      { contactMethodId: later.id, delayMinutes: 5 },
    ]);
    const policy = await aPolicy(api.current, token, [{ delaySeconds: 60, targets: [{ type: "user", userId: person.user.id }] }]);
    const roundTrips = [];
    for (const count of [2, 20]) {
      const fanOut = await fanOutOfFirstSteps(policy.id, count);
      roundTrips.push(fanOut.roundTrips);
      // The rule without delay is an attempt of each escalated event; the later one a page_rule job per incident, at the event's time plus five minutes.
      expect(await attemptsThrough(fanOut.incidentIds, account?.id ?? "")).toBe(count);
      const pageJobs = await Promise.all(fanOut.incidentIds.map((id) => queuedJobs(api.current.db, { key: `page:${id}:${person.user.id}:1` })));
      expect(pageJobs.map((jobs) => jobs.map((job) => job.payload.contactMethodId))).toEqual(fanOut.incidentIds.map(() => [later.id]));
    }
    expect(roundTrips[1]).toBe(roundTrips[0]);
  });

  it("tell the admins that no one was found in their fan-out in as many round trips for twenty incidents as for two", async () => {
    // A level whose team has nobody in it: every incident's chain finds no one, and its fan-out emails the owner, the org's admin.
    const policy = await aPolicy(api.current, token, [{ delaySeconds: 60, targets: [{ type: "team", teamId: (await aTeam(api.current, token)).id }] }]);
    const [ownerEmail] = await contactMethodsOf(api.current, token);
    const roundTrips = [];
    for (const count of [2, 20]) {
      const fanOut = await fanOutOfFirstSteps(policy.id, count);
      roundTrips.push(fanOut.roundTrips);
      expect(await attemptsThrough(fanOut.incidentIds, ownerEmail?.id ?? "")).toBe(count);
    }
    expect(roundTrips[1]).toBe(roundTrips[0]);
  });

  it("do not wait for an incident another transaction holds: it gets a step job of its own, and is paged once", async () => {
    const incidentIds = await openedByAlerts(3);
    const payload = stepsPayloadOf(await stepsJobsOf(incidentIds));
    const held = incidentIds[1] ?? "";
    const outcomes = await api.current.db.transaction().execute(async (tx) => {
      await sql`SELECT 1 FROM incidents WHERE id = ${held} FOR UPDATE`.execute(tx);
      return runEscalationSteps(api.current.db, payload);
    });
    expect(Object.fromEntries(outcomes)).toEqual({ [incidentIds[0] ?? ""]: "notified", [held]: "deferred", [incidentIds[2] ?? ""]: "notified" });
    expect(await escalationJobs(held)).toMatchObject([{ payload: { incidentId: held, step: 0, manual: false } }]);

    // The batch's job itself and the held incident's own: whichever runs first pages it, the other finds its step taken.
    await runQueuedJobs(api.current, ["escalate_if_unacked"]);
    for (const id of incidentIds) expect((await timelineOf(id)).map((e) => e.kind)).toEqual(["created", "escalated", "assigned"]);
    expect((await stepsOf(incidentIds)).map((i) => i.escalation_step)).toEqual([1, 1, 1]);
  });

  it("take the incidents that rows being written refer to (a fan-out's attempts lock them FOR KEY SHARE): none is left to a job of its own", async () => {
    const incidentIds = await openedByAlerts(3);
    const payload = stepsPayloadOf(await stepsJobsOf(incidentIds));
    const outcomes = await api.current.db.transaction().execute(async (tx) => {
      await sql`SELECT 1 FROM incidents WHERE id = ANY(${incidentIds}::uuid[]) FOR KEY SHARE`.execute(tx);
      return runEscalationSteps(api.current.db, payload);
    });
    expect(Object.fromEntries(outcomes)).toEqual(Object.fromEntries(incidentIds.map((id) => [id, "notified"])));
    expect((await Promise.all(incidentIds.map(escalationJobs))).flat()).toEqual([]);
  });

  it("fall back to a step job each when the batch fails, so that only the incident whose step fails goes unpaged", async () => {
    const incidentIds = await openedByAlerts(3);
    const refused = incidentIds[1] ?? "";
    // The database refuses that incident's next events, as it could refuse any write.
    await beforeInserts(api.current.db, { table: "incident_events", column: "incident_id", id: refused }, "RAISE EXCEPTION 'refused by the test'");
    await runQueuedJobs(api.current, ["escalate_if_unacked"]);
    for (const id of incidentIds) {
      expect((await timelineOf(id)).map((e) => e.kind)).toEqual(id === refused ? ["created"] : ["created", "escalated", "assigned"]);
    }
    expect(await escalationJobs(refused)).toMatchObject([{ payload: { incidentId: refused, step: 0 }, attempts: 1, lastError: expect.stringContaining("refused by the test") }]);
    expect((await stepsJobsOf(incidentIds)).flatMap((job) => job.payload.steps as { step: number }[]).map((s) => s.step)).toEqual([1, 1]);
  });
});
