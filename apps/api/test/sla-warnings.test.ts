import { createLogger, incidentService, ingestAlerts, inScope, runSlaCheck, runSlaChecks, taskPayloadSchemas, type Actor, type Incident, type ServiceSlaPolicy, type SlaPolicy } from "@incidentops/core";
import { sql } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anAlert,
  anIncident,
  anIntegrationKey,
  anOrgOwner,
  anSlaPolicy,
  aService,
  auditEntries,
  expectError,
  queuedJobs,
  SLA_TARGETS,
  slaWarningKey,
  statementCountingDb,
  useTestApi,
  type Account,
} from "@incidentops/testkit";

// SLA warnings (decision 0072): a policy's warnAtPercent gives each deadline a warning time, with
// a check (task sla_warning) that records an sla_at_risk event while the deadline still runs.
// The checks here are run directly, with the incident's times moved; a real worker delivering a
// warning at its time: apps/worker/test/sla-checks.test.ts.

const api = useTestApi();
const silentLog = createLogger({ level: "silent", name: "sla-warnings-test" });

let owner: Account;
let serviceId: string;

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "SLA Warnings Org" });
  serviceId = (await aService(api.current, owner.accessToken)).id;
  await anSlaPolicy(api.current, owner.accessToken, { ...SLA_TARGETS, warnAtPercent: 80 });
});

const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

const patch = (incident: { id: string }, body: Record<string, unknown>) =>
  api.current.request<Incident>("PATCH", `/v1/incidents/${incident.id}`, { token: owner.accessToken, body });

const transition = (incident: { id: string }, toStatus: string, version: number) =>
  api.current.request<Incident>("POST", `/v1/incidents/${incident.id}/transition`, { token: owner.accessToken, body: { toStatus, version } });

/** When each of the incident's pending warning checks runs. */
async function warningChecks(incidentId: string) {
  const [acknowledge, resolve] = await Promise.all(
    (["acknowledge", "resolve"] as const).map(async (kind) => (await queuedJobs(api.current.db, { task: "sla_warning", key: slaWarningKey(kind, incidentId) })).map((j) => j.runAt)),
  );
  return { acknowledge, resolve };
}

const warningsOf = async (incidentId: string) =>
  (await sql<{ id: string; data: Record<string, unknown> }>`SELECT id, data FROM incident_events WHERE incident_id = ${incidentId} AND kind = 'sla_at_risk' ORDER BY seq`.execute(api.current.db)).rows;

/** Moves the incident's acknowledge warning to a second ago (its deadline stays ahead), as if its time had come. */
const acknowledgeWarningDue = (incidentIds: readonly string[]) =>
  sql`UPDATE incidents SET acknowledge_warn_at = now() - interval '1 second' WHERE id = ANY(${incidentIds}::uuid[])`.execute(api.current.db);

const checkNow = (incident: { id: string }, stage: "warning" | "breach" = "warning") =>
  runSlaCheck(api.current.db, stage, { orgId: owner.org.id, incidentId: incident.id, kind: "acknowledge", requestId: "sla-warnings-test" });

describe("an SLA policy's warnAtPercent", () => {
  it("is set with the targets, answered, audited; a PUT without it clears it; a service's override has its own", async () => {
    const fresh = await anOrgOwner(api.current);
    expect(await anSlaPolicy(api.current, fresh.accessToken, { ...SLA_TARGETS, warnAtPercent: 75 })).toMatchObject({ warnAtPercent: 75 });
    const read = await api.current.request<SlaPolicy>("GET", "/v1/org/sla-policy", { token: fresh.accessToken });
    expect(read.body).toMatchObject({ ...SLA_TARGETS, warnAtPercent: 75 });
    const audit = await auditEntries(api.current.db, { orgId: fresh.org.id, action: "sla_policy.updated" });
    expect(audit.map((a) => a.data)).toEqual([{ targets: SLA_TARGETS, warnAtPercent: 75 }]);

    const service = await aService(api.current, fresh.accessToken);
    const inherited = await api.current.request<ServiceSlaPolicy>("GET", `/v1/org/services/${service.id}/sla-policy`, { token: fresh.accessToken });
    expect(inherited.body).toMatchObject({ warnAtPercent: 75, source: "org" });
    expect(await anSlaPolicy(api.current, fresh.accessToken, { ...SLA_TARGETS, warnAtPercent: 50 }, service.id)).toMatchObject({ warnAtPercent: 50, source: "service" });

    expect(await anSlaPolicy(api.current, fresh.accessToken, SLA_TARGETS)).toMatchObject({ warnAtPercent: null });
    const onService = await api.current.request<ServiceSlaPolicy>("GET", `/v1/org/services/${service.id}/sla-policy`, { token: fresh.accessToken });
    expect(onService.body).toMatchObject({ warnAtPercent: 50, source: "service" });
  });

  it("refuses a share that is not a whole percent from 1 to 99 with 400, and changes nothing", async () => {
    const fresh = await anOrgOwner(api.current);
    await anSlaPolicy(api.current, fresh.accessToken, { ...SLA_TARGETS, warnAtPercent: 60 });
    for (const warnAtPercent of [0, 100, 7.5, -1, "75", true]) {
      const res = await api.current.request("PUT", "/v1/org/sla-policy", { token: fresh.accessToken, body: { ...SLA_TARGETS, warnAtPercent } });
      const body = expectError(res, 400, "VALIDATION_FAILED");
      expect(JSON.stringify(body.details), String(warnAtPercent)).toContain("warnAtPercent");
    }
    const read = await api.current.request<SlaPolicy>("GET", "/v1/org/sla-policy", { token: fresh.accessToken });
    expect(read.body.warnAtPercent).toBe(60);
  });
});

describe("an incident's SLA warnings", () => {
  it("are due at the policy's share of the time to each deadline, each with a check then; none without warnings", async () => {
    const incident = await anIncident(api.current, owner.accessToken, serviceId, { severity: "sev2" });
    // 80% of 15 minutes, and of 240.
    expect(incident).toMatchObject({
      acknowledgeWarnAt: minutesAfter(incident.createdAt, 12),
      resolveWarnAt: minutesAfter(incident.createdAt, 192),
      acknowledgeWarnedAt: null,
      resolveWarnedAt: null,
    });
    expect(await warningChecks(incident.id)).toEqual({ acknowledge: [incident.acknowledgeWarnAt], resolve: [incident.resolveWarnAt] });

    const quiet = await anOrgOwner(api.current);
    await anSlaPolicy(api.current, quiet.accessToken, SLA_TARGETS);
    const unwarned = await anIncident(api.current, quiet.accessToken, (await aService(api.current, quiet.accessToken)).id, { severity: "sev2" });
    expect(unwarned).toMatchObject({ acknowledgeDueAt: minutesAfter(unwarned.createdAt, 15), acknowledgeWarnAt: null, resolveWarnAt: null });
    expect(await warningChecks(unwarned.id)).toEqual({ acknowledge: [], resolve: [] });
  });

  it("records a due warning once, as an sla_at_risk event that notifies; not before its time, nor past the deadline", async () => {
    const incident = await anIncident(api.current, owner.accessToken, serviceId, { severity: "sev1" });
    expect(await checkNow(incident)).toBe("skipped");
    expect(await warningsOf(incident.id)).toEqual([]);

    await acknowledgeWarningDue([incident.id]);
    const fanOutsBefore = new Set((await queuedJobs(api.current.db, { task: "incident_event", orgId: owner.org.id })).map((job) => job.id));
    expect(await checkNow(incident)).toBe("recorded");
    const [warning] = await warningsOf(incident.id);
    expect(warning?.data).toEqual({ kind: "acknowledge", dueAt: incident.acknowledgeDueAt });
    const fanOuts = (await queuedJobs(api.current.db, { task: "incident_event", orgId: owner.org.id })).filter((job) => !fanOutsBefore.has(job.id));
    expect(fanOuts.map((job) => job.payload.eventIds ?? [job.payload.eventId])).toEqual([[warning?.id]]);
    const read = await api.current.request<Incident>("GET", `/v1/incidents/${incident.id}`, { token: owner.accessToken });
    expect(read.body.acknowledgeWarnedAt).not.toBeNull();
    expect(read.body.acknowledgeBreachedAt).toBeNull();

    // Run again (a retried job): nothing more.
    expect(await checkNow(incident)).toBe("skipped");
    expect(await warningsOf(incident.id)).toHaveLength(1);

    // A warning whose check runs after the deadline records nothing: the breach says it.
    const late = await anIncident(api.current, owner.accessToken, serviceId, { severity: "sev1" });
    await sql`UPDATE incidents SET acknowledge_warn_at = now() - interval '2 seconds', acknowledge_due_at = now() - interval '1 second' WHERE id = ${late.id}`.execute(api.current.db);
    expect(await checkNow(late)).toBe("skipped");
    expect(await checkNow(late, "breach")).toBe("recorded");
    expect(await warningsOf(late.id)).toEqual([]);
  });

  it("are dropped with the deadline they warn of when it is met, and a met deadline's due warning records nothing", async () => {
    const incident = await anIncident(api.current, owner.accessToken, serviceId, { severity: "sev1" });
    expect((await transition(incident, "acknowledged", 1)).status).toBe(200);
    expect(await warningChecks(incident.id)).toEqual({ acknowledge: [], resolve: [incident.resolveWarnAt] });
    await acknowledgeWarningDue([incident.id]);
    expect(await checkNow(incident)).toBe("skipped");

    expect((await transition(incident, "resolved", 2)).status).toBe(200);
    expect(await warningChecks(incident.id)).toEqual({ acknowledge: [], resolve: [] });
    expect(await warningsOf(incident.id)).toEqual([]);
  });

  it("move with a severity change, which warns again before the moved deadline; a severity without targets drops them", async () => {
    const incident = await anIncident(api.current, owner.accessToken, serviceId, { severity: "sev3" });
    await acknowledgeWarningDue([incident.id]);
    expect(await checkNow(incident)).toBe("recorded");

    const raised = await patch(incident, { severity: "sev1", version: 1 });
    expect(raised.status).toBe(200);
    // 80% of 5 minutes, and of 60; the warning recorded for the old deadline no longer counts.
    expect(raised.body).toMatchObject({ acknowledgeWarnAt: minutesAfter(incident.createdAt, 4), resolveWarnAt: minutesAfter(incident.createdAt, 48), acknowledgeWarnedAt: null });
    expect(await warningChecks(incident.id)).toEqual({ acknowledge: [raised.body.acknowledgeWarnAt], resolve: [raised.body.resolveWarnAt] });
    await acknowledgeWarningDue([incident.id]);
    expect(await checkNow(incident)).toBe("recorded");
    expect((await warningsOf(incident.id)).map((w) => w.data)).toEqual([
      { kind: "acknowledge", dueAt: incident.acknowledgeDueAt },
      { kind: "acknowledge", dueAt: raised.body.acknowledgeDueAt },
    ]);

    const lowered = await patch(incident, { severity: "sev4", version: 2 });
    expect(lowered.body).toMatchObject({ acknowledgeDueAt: null, acknowledgeWarnAt: null, resolveWarnAt: null });
    expect(await warningChecks(incident.id)).toEqual({ acknowledge: [], resolve: [] });
  });

  it("of an alert batch's incidents are one job per kind and time, whose run records the warnings together", async () => {
    const routingKey = (await anIntegrationKey(api.current, owner.accessToken, serviceId)).routingKey;
    const results = await ingestAlerts(api.current.db, { routingKey, requestId: "sla-warnings-batch", log: silentLog, limitPerMinute: 1000 }, [
      anAlert("warn-a", { severity: "sev1" }),
      anAlert("warn-b", { severity: "sev1" }),
      anAlert("warn-c", { severity: "sev1" }),
    ]);
    const incidentIds = results.map((r) => r.incidentId ?? "");
    const jobs = (await queuedJobs(api.current.db, { task: "sla_warning", orgId: owner.org.id })).filter((job) =>
      (job.payload.incidentIds as string[] | undefined)?.some((id) => incidentIds.includes(id)),
    );
    expect(jobs.map((job) => [job.key, job.payload.kind, job.payload.incidentIds])).toEqual(
      expect.arrayContaining([
        [null, "acknowledge", incidentIds],
        [null, "resolve", incidentIds],
      ]),
    );
    expect(jobs).toHaveLength(2);
    for (const id of incidentIds) expect(await warningChecks(id)).toEqual({ acknowledge: [], resolve: [] });

    const acknowledgeJob = jobs.find((job) => job.payload.kind === "acknowledge");
    const payload = taskPayloadSchemas.sla_warning.parse(acknowledgeJob?.payload);
    if (!("incidentIds" in payload)) throw new Error("expected a job of several incidents' checks");
    const [met = "", ...due] = incidentIds;
    expect((await transition({ id: met }, "acknowledged", 1)).status).toBe(200);
    await acknowledgeWarningDue(incidentIds);
    const outcomes = await runSlaChecks(api.current.db, "warning", payload);
    expect(Object.fromEntries(outcomes)).toEqual({ [met]: "skipped", ...Object.fromEntries(due.map((id) => [id, "recorded"])) });
    expect((await Promise.all(incidentIds.map(warningsOf))).map((events) => events.length)).toEqual([0, 1, 1]);
  });
});

describe("the incident list's SLA filter", () => {
  it("lists (and counts) the incidents at risk, or those breached; refuses another value with 400", async () => {
    const org = await anOrgOwner(api.current);
    await anSlaPolicy(api.current, org.accessToken, { ...SLA_TARGETS, warnAtPercent: 50 });
    const service = await aService(api.current, org.accessToken);
    const opened = (severity: "sev1" | "sev4") => anIncident(api.current, org.accessToken, service.id, { severity });
    const check = (incident: { id: string }, kind: "acknowledge" | "resolve", stage: "warning" | "breach") =>
      runSlaCheck(api.current.db, stage, { orgId: org.org.id, incidentId: incident.id, kind, requestId: "sla-filter-test" });
    const [atRisk, breached, acknowledgedAfterWarning, resolveAtRisk, quiet] = await Promise.all([opened("sev1"), opened("sev1"), opened("sev1"), opened("sev1"), opened("sev4")]);
    await acknowledgeWarningDue([atRisk.id, acknowledgedAfterWarning.id]);
    expect(await check(atRisk, "acknowledge", "warning")).toBe("recorded");
    expect(await check(acknowledgedAfterWarning, "acknowledge", "warning")).toBe("recorded");
    const acknowledged = await api.current.request<Incident>("POST", `/v1/incidents/${acknowledgedAfterWarning.id}/transition`, { token: org.accessToken, body: { toStatus: "acknowledged", version: 1 } });
    expect(acknowledged.status).toBe(200);
    await sql`UPDATE incidents SET resolve_warn_at = now() - interval '1 second' WHERE id = ${resolveAtRisk.id}`.execute(api.current.db);
    expect(await check(resolveAtRisk, "resolve", "warning")).toBe("recorded");
    await sql`UPDATE incidents SET acknowledge_due_at = now() - interval '1 second' WHERE id = ${breached.id}`.execute(api.current.db);
    expect(await check(breached, "acknowledge", "breach")).toBe("recorded");

    const listed = async (query: string) =>
      (await api.current.request<{ items: Incident[] }>("GET", `/v1/incidents?${query}`, { token: org.accessToken })).body.items.map((i) => i.id).sort();
    expect(await listed("sla=at_risk")).toEqual([atRisk.id, resolveAtRisk.id].sort());
    expect(await listed("sla=breached")).toEqual([breached.id]);
    expect(await listed("sla=at_risk&status=triggered")).toEqual([atRisk.id, resolveAtRisk.id].sort());
    expect(await listed("")).toHaveLength(5);
    expect(quiet.acknowledgeDueAt).toBeNull();

    const counts = await api.current.request<{ open: { total: number } }>("GET", "/v1/incidents/counts?sla=at_risk", { token: org.accessToken });
    expect(counts.body.open.total).toBe(2);

    // Resolved: no longer at risk; a breach stays on the record.
    expect((await api.current.request("POST", `/v1/incidents/${atRisk.id}/transition`, { token: org.accessToken, body: { toStatus: "resolved", version: 1 } })).status).toBe(200);
    expect((await api.current.request("POST", `/v1/incidents/${breached.id}/transition`, { token: org.accessToken, body: { toStatus: "resolved", version: 1 } })).status).toBe(200);
    expect(await listed("sla=at_risk")).toEqual([resolveAtRisk.id]);
    expect(await listed("sla=breached")).toEqual([breached.id]);

    expectError(await api.current.request("GET", "/v1/incidents?sla=late", { token: org.accessToken }), 400, "VALIDATION_FAILED");
  });

  it("is served by a partial index of each standing, whatever the table's size (the plan with sequential scans off)", async () => {
    const actor: Actor = { kind: "user", userId: owner.user.id, orgId: owner.org.id, role: "admin", requestId: "sla-plans", ip: null };
    const { db: counted, statements } = statementCountingDb(api.current.appDatabaseUrl);
    try {
      for (const sla of ["at_risk", "breached"] as const) await inScope(counted, { orgId: owner.org.id }, (tx) => incidentService.listIncidents(tx, actor, { sla, limit: 50 }));
    } finally {
      await counted.destroy();
    }
    const plans = [];
    // Each list was sent with its transaction's start and scope, its values inline: its own statement is the last one.
    for (const list of statements.map((sent) => /select \*[\s\S]*$/.exec(sent)?.[0] ?? "")) {
      const { rows } = await api.current.db.transaction().execute(async (tx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(tx);
        return sql<{ "QUERY PLAN": string }>`EXPLAIN ${sql.raw(list)}`.execute(tx);
      });
      plans.push(rows.map((row) => row["QUERY PLAN"]).join("\n"));
    }
    expect(plans).toHaveLength(2);
    expect(plans[0]).toContain("Index Scan using incidents_org_sla_at_risk_keyset_idx");
    expect(plans[1]).toContain("Index Scan using incidents_org_sla_breached_keyset_idx");
  });
});
