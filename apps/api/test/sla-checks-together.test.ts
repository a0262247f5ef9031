import { createLogger, ingestAlerts, runSlaChecks, taskPayloadSchemas, type Alert, type Incident } from "@incidentops/core";
import { sql } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anAlert,
  anIntegrationKey,
  anOrgOwner,
  anSlaPolicy,
  aService,
  beforeInserts,
  makeJobsDue,
  queuedJobs,
  runQueuedJobs,
  slaKey,
  roundTripsOf,
  useTestApi,
} from "@incidentops/testkit";

// The SLA breach checks of an alert batch's incidents: one job for those of one kind due at one
// time, each incident checked as its own job would check it. One incident's checks as a job of
// its own, with a real worker: apps/worker/test/sla-checks.test.ts.

const api = useTestApi();
const silentLog = createLogger({ level: "silent", name: "sla-checks-test" });

let token: string;
let orgId: string;
let routingKey: string;

beforeAll(async () => {
  const owner = await anOrgOwner(api.current, { orgName: "SLA Checks Org" });
  token = owner.accessToken;
  orgId = owner.org.id;
  await anSlaPolicy(api.current, token, {
    sev1: { acknowledgeWithinMinutes: 5, resolveWithinMinutes: 60 },
    sev2: { acknowledgeWithinMinutes: 10, resolveWithinMinutes: null },
    sev3: { acknowledgeWithinMinutes: null, resolveWithinMinutes: null },
    sev4: { acknowledgeWithinMinutes: null, resolveWithinMinutes: null },
  });
  const service = await aService(api.current, token);
  routingKey = (await anIntegrationKey(api.current, token, service.id)).routingKey;
});

let requests = 0;

/** The incidents `alerts` opened, sent in one request (one batch). */
async function openedByAlerts(alerts: readonly Alert[]): Promise<string[]> {
  const results = await ingestAlerts(api.current.db, { routingKey, requestId: `sla-checks-${++requests}`, log: silentLog, limitPerMinute: 1000 }, alerts);
  return results.map((r) => r.incidentId ?? "");
}

/** `count` sev1 incidents opened in one batch. */
const sev1Incidents = (count: number) => openedByAlerts(Array.from({ length: count }, () => anAlert(`sev1-${++requests}`, { severity: "sev1" })));

/** The queued breach checks of several incidents that name any of `incidentIds`. */
const checksJobsOf = async (incidentIds: readonly string[]) =>
  (await queuedJobs(api.current.db, { task: "sla_breach", orgId })).filter((job) =>
    (job.payload.incidentIds as string[] | undefined)?.some((id) => incidentIds.includes(id)),
  );

/** The payload of the one acknowledgement checks job naming `incidentIds`, as the worker takes it. */
async function acknowledgeChecksOf(incidentIds: readonly string[]) {
  const jobs = (await checksJobsOf(incidentIds)).filter((job) => job.payload.kind === "acknowledge");
  expect(jobs).toHaveLength(1);
  const payload = taskPayloadSchemas.sla_breach.parse(jobs[0]?.payload);
  if (!("incidentIds" in payload)) throw new Error("expected a job of several incidents' checks");
  return { id: jobs[0]?.id ?? "", payload };
}

/** Moves the incidents' acknowledgement deadline to a second ago, as if its time had come. */
const acknowledgementsOverdue = (incidentIds: readonly string[]) =>
  sql`UPDATE incidents SET acknowledge_due_at = now() - interval '1 second' WHERE id = ANY(${incidentIds}::uuid[])`.execute(api.current.db);

const breachesOf = async (incidentId: string) =>
  (await sql<{ id: string; data: Record<string, unknown> }>`SELECT id, data FROM incident_events WHERE incident_id = ${incidentId} AND kind = 'sla_breached'`.execute(api.current.db)).rows;

const fanOutIds = async () => new Set((await queuedJobs(api.current.db, { task: "incident_event", orgId })).map((job) => job.id));

describe("an alert batch's SLA breach checks", () => {
  it("are one job per kind and deadline, unkeyed, at the deadline, beside no check of their own", async () => {
    const incidentIds = await openedByAlerts([
      ...["a", "b", "c"].map((key) => anAlert(`grouped-${key}`, { severity: "sev1" })),
      ...["d", "e"].map((key) => anAlert(`grouped-${key}`, { severity: "sev2" })),
    ]);
    const { rows } = await sql<{ id: string; acknowledge_due_at: Date; resolve_due_at: Date | null }>`
      SELECT id, acknowledge_due_at, resolve_due_at FROM incidents WHERE id = ANY(${incidentIds}::uuid[])`.execute(api.current.db);
    const due = new Map(rows.map((r) => [r.id, r]));
    const [a = "", , , d = ""] = incidentIds;
    const sev1 = incidentIds.slice(0, 3);
    const sev2 = incidentIds.slice(3);
    const jobs = await checksJobsOf(incidentIds);
    expect(jobs).toHaveLength(3);
    expect(jobs.map((job) => ({ key: job.key, payload: job.payload, runAt: job.runAt }))).toEqual(expect.arrayContaining([
      { key: null, payload: { orgId, kind: "acknowledge", incidentIds: sev1, requestId: expect.any(String) }, runAt: due.get(a)?.acknowledge_due_at.toISOString() },
      { key: null, payload: { orgId, kind: "resolve", incidentIds: sev1, requestId: expect.any(String) }, runAt: due.get(a)?.resolve_due_at?.toISOString() },
      { key: null, payload: { orgId, kind: "acknowledge", incidentIds: sev2, requestId: expect.any(String) }, runAt: due.get(d)?.acknowledge_due_at.toISOString() },
    ]));
    for (const id of incidentIds) {
      for (const kind of ["acknowledge", "resolve"] as const) expect(await queuedJobs(api.current.db, { key: slaKey(kind, id) })).toEqual([]);
    }
  });

  it("record the breaches of the deadlines still running, together, with one fan-out; a met or moved deadline records nothing", async () => {
    const incidentIds = await sev1Incidents(4);
    const [late1 = "", late2 = "", met = "", moved = ""] = incidentIds;
    const { payload } = await acknowledgeChecksOf(incidentIds);
    const acknowledged = await api.current.request<Incident>("POST", `/v1/incidents/${met}/transition`, { token, body: { toStatus: "acknowledged", version: 1 } });
    expect(acknowledged.status).toBe(200);
    // A lower severity moves its deadline later, with a check of its own at the new time.
    const lowered = await api.current.request<Incident>("PATCH", `/v1/incidents/${moved}`, { token, body: { severity: "sev2", version: 1 } });
    expect(lowered.status).toBe(200);
    expect(await queuedJobs(api.current.db, { key: slaKey("acknowledge", moved) })).toMatchObject([{ runAt: lowered.body.acknowledgeDueAt }]);
    await acknowledgementsOverdue([late1, late2, met]);

    const fanOutsBefore = await fanOutIds();
    const outcomes = await runSlaChecks(api.current.db, "breach", payload);
    expect(Object.fromEntries(outcomes)).toEqual({ [late1]: "recorded", [late2]: "recorded", [met]: "skipped", [moved]: "skipped" });
    const breaches = await Promise.all(incidentIds.map(breachesOf));
    expect(breaches.map((events) => events.length)).toEqual([1, 1, 0, 0]);
    expect(breaches[0]?.[0]?.data).toMatchObject({ kind: "acknowledge" });
    const fanOuts = [...(await queuedJobs(api.current.db, { task: "incident_event", orgId }))].filter((job) => !fanOutsBefore.has(job.id));
    expect(fanOuts).toHaveLength(1);
    expect((fanOuts[0]?.payload.eventIds as string[]).toSorted()).toEqual(breaches.flat().map((e) => e.id).sort());

    // Run again (a retried job): nothing more.
    expect(new Set((await runSlaChecks(api.current.db, "breach", payload)).values())).toEqual(new Set(["skipped"]));
    expect((await Promise.all(incidentIds.map(breachesOf))).map((events) => events.length)).toEqual([1, 1, 0, 0]);
  });

  it("write twenty incidents' breaches in as many round trips as two", async () => {
    const roundTrips = [];
    for (const count of [2, 20]) {
      const incidentIds = await sev1Incidents(count);
      const { payload } = await acknowledgeChecksOf(incidentIds);
      await acknowledgementsOverdue(incidentIds);
      roundTrips.push(
        await roundTripsOf(api.current.appDatabaseUrl, async (counted) => {
          expect(new Set((await runSlaChecks(counted, "breach", payload)).values())).toEqual(new Set(["recorded"]));
        }),
      );
    }
    expect(roundTrips[1]).toBe(roundTrips[0]);
  });

  it("do not wait for an incident another transaction holds: it is checked in a job of its own, and breached once", async () => {
    const incidentIds = await sev1Incidents(3);
    const { payload } = await acknowledgeChecksOf(incidentIds);
    await acknowledgementsOverdue(incidentIds);
    const held = incidentIds[1] ?? "";
    const outcomes = await api.current.db.transaction().execute(async (tx) => {
      await sql`SELECT 1 FROM incidents WHERE id = ${held} FOR UPDATE`.execute(tx);
      return runSlaChecks(api.current.db, "breach", payload);
    });
    expect(Object.fromEntries(outcomes)).toEqual({ [incidentIds[0] ?? ""]: "recorded", [held]: "deferred", [incidentIds[2] ?? ""]: "recorded" });
    const alone = (await queuedJobs(api.current.db, { task: "sla_breach", orgId })).filter((job) => job.payload.incidentId === held);
    expect(alone).toMatchObject([{ key: null, payload: { orgId, incidentId: held, kind: "acknowledge" } }]);
    await runQueuedJobs(api.current, ["sla_breach"]);
    expect((await Promise.all(incidentIds.map(breachesOf))).map((events) => events.length)).toEqual([1, 1, 1]);
  });

  it("fall back to a job each when theirs fails, so that only the incident whose breach fails goes unrecorded", async () => {
    const incidentIds = await sev1Incidents(3);
    const { id } = await acknowledgeChecksOf(incidentIds);
    await acknowledgementsOverdue(incidentIds);
    const refused = incidentIds[1] ?? "";
    // The database refuses that incident's next events, as it could refuse any write.
    await beforeInserts(api.current.db, { table: "incident_events", column: "incident_id", id: refused }, "RAISE EXCEPTION 'refused by the test'");
    await makeJobsDue(api.current.db, [id]);
    await runQueuedJobs(api.current, ["sla_breach"]);
    expect((await Promise.all(incidentIds.map(breachesOf))).map((events) => events.length)).toEqual([1, 0, 1]);
    const left = (await queuedJobs(api.current.db, { task: "sla_breach", orgId })).filter((job) => job.payload.incidentId === refused || job.id === id);
    expect(left).toMatchObject([{ payload: { incidentId: refused, kind: "acknowledge" }, attempts: 1, lastError: expect.stringContaining("refused by the test") }]);
  });
});
