import type { Incident, IncidentEvent, Page, ServiceSlaPolicy, SlaPolicy } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  anSlaPolicy,
  aService,
  auditEntries,
  expectError,
  expectValidationFailed,
  incidentState,
  queuedJobs,
  SLA_TARGETS,
  slaKey,
  useTestApi,
  type Account,
} from "@incidentops/testkit";

// Editing an incident (PATCH) and SLA deadlines: what the API writes and schedules. The breach
// checks running at their deadlines are in apps/worker/test/sla-checks.test.ts.

const api = useTestApi();

let owner: Account;
let serviceId: string;

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "SLA Org" });
  serviceId = (await aService(api.current, owner.accessToken)).id;
});

const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

const patch = (incident: { id: string }, body: Record<string, unknown>, token = owner.accessToken) =>
  api.current.request<Incident>("PATCH", `/v1/incidents/${incident.id}`, { token, body });

async function eventsOf(incidentId: string): Promise<IncidentEvent[]> {
  const res = await api.current.request<Page<IncidentEvent>>("GET", `/v1/incidents/${incidentId}/events?limit=200`, { token: owner.accessToken });
  return res.body.items;
}

/** The pending breach checks of an incident: when each runs. */
async function slaChecks(incidentId: string) {
  const jobs = await Promise.all((["acknowledge", "resolve"] as const).map((kind) => queuedJobs(api.current.db, { task: "sla_breach", key: slaKey(kind, incidentId) })));
  return { acknowledge: jobs[0]?.map((j) => j.runAt) ?? [], resolve: jobs[1]?.map((j) => j.runAt) ?? [] };
}

describe("PATCH /v1/incidents/{incidentId}", () => {
  it("changes title, description and severity at one new version, one timeline event (which notifies) per field", async () => {
    const incident = await anIncident(api.current, owner.accessToken, serviceId, { title: "Checkout slow", severity: "sev3" });
    const jobsBefore = (await queuedJobs(api.current.db, { task: "incident_event", orgId: owner.org.id })).length;
    const res = await patch(incident, { title: "Checkout down", description: "All payments fail", severity: "sev1", version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ title: "Checkout down", description: "All payments fail", severity: "sev1", version: 2, status: "triggered" });
    const events = (await eventsOf(incident.id)).slice(1);
    expect(events.map((e) => [e.kind, e.data])).toEqual([
      ["title_changed", { from: "Checkout slow", to: "Checkout down", version: 2 }],
      ["description_changed", { from: null, to: "All payments fail", version: 2 }],
      ["severity_changed", { from: "sev3", to: "sev1", version: 2 }],
    ]);
    expect(events.every((e) => e.actorUserId === owner.user.id)).toBe(true);
    expect((await queuedJobs(api.current.db, { task: "incident_event", orgId: owner.org.id })).length).toBe(jobsBefore + 3);

    // description: null clears it.
    const cleared = await patch(incident, { description: null, version: 2 });
    expect(cleared.body).toMatchObject({ description: null, version: 3 });
  });

  it("changes nothing, not even the version, when every value given is the current one", async () => {
    const incident = await anIncident(api.current, owner.accessToken, serviceId, { title: "Same", severity: "sev2" });
    const before = await incidentState(api.current.db, incident.id);
    const res = await patch(incident, { title: "Same", severity: "sev2", version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(await incidentState(api.current.db, incident.id)).toEqual(before);
  });

  it("refuses a stale version with 409 VERSION_CONFLICT and changes nothing", async () => {
    const incident = await anIncident(api.current, owner.accessToken, serviceId);
    await patch(incident, { title: "first edit", version: 1 });
    const before = await incidentState(api.current.db, incident.id);
    const res = await patch(incident, { severity: "sev1", version: 1 });
    const body = expectError(res, 409, "VERSION_CONFLICT");
    expect(body.details).toEqual({ currentVersion: 2, currentStatus: "triggered" });
    expect(await incidentState(api.current.db, incident.id)).toEqual(before);
  });

  it("refuses a body with nothing to change, a bad severity or an empty title with 400", async () => {
    const incident = await anIncident(api.current, owner.accessToken, serviceId);
    const before = await incidentState(api.current.db, incident.id);
    for (const body of [{ version: 1 }, { severity: "sev5", version: 1 }, { title: "  ", version: 1 }, { title: "x" }]) {
      const res = await patch(incident, body);
      expectError(res, 400, "VALIDATION_FAILED");
      expect(expectValidationFailed(res).length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    expect(await incidentState(api.current.db, incident.id)).toEqual(before);
  });
});

describe("SLA policies", () => {
  it("has no targets until an admin sets them; then answers what was set, audited", async () => {
    const fresh = await anOrgOwner(api.current);
    const empty = await api.current.request<SlaPolicy>("GET", "/v1/org/sla-policy", { token: fresh.accessToken });
    expect(empty.body).toEqual({
      sev1: { acknowledgeWithinMinutes: null, resolveWithinMinutes: null },
      sev2: { acknowledgeWithinMinutes: null, resolveWithinMinutes: null },
      sev3: { acknowledgeWithinMinutes: null, resolveWithinMinutes: null },
      sev4: { acknowledgeWithinMinutes: null, resolveWithinMinutes: null },
      warnAtPercent: null,
      updatedAt: null,
    });
    const incident = await anIncident(api.current, fresh.accessToken, (await aService(api.current, fresh.accessToken)).id);
    expect(incident).toMatchObject({ acknowledgeDueAt: null, resolveDueAt: null });
    expect(await slaChecks(incident.id)).toEqual({ acknowledge: [], resolve: [] });

    const set = await anSlaPolicy(api.current, fresh.accessToken, SLA_TARGETS);
    expect(set).toMatchObject({ ...SLA_TARGETS, updatedAt: expect.any(String) });
    const read = await api.current.request<SlaPolicy>("GET", "/v1/org/sla-policy", { token: fresh.accessToken });
    expect(read.body).toEqual(set);
    const audit = await auditEntries(api.current.db, { orgId: fresh.org.id, action: "sla_policy.updated" });
    expect(audit.map((a) => [a.target_type, a.data])).toEqual([["org", { targets: SLA_TARGETS, warnAtPercent: null }]]);
  });

  it("refuses targets that are not whole minutes, a resolve target shorter than the acknowledge one, or a severity missing", async () => {
    const fresh = await anOrgOwner(api.current);
    for (const body of [
      { ...SLA_TARGETS, sev1: { acknowledgeWithinMinutes: 0, resolveWithinMinutes: 60 } },
      { ...SLA_TARGETS, sev1: { acknowledgeWithinMinutes: 1.5, resolveWithinMinutes: 60 } },
      { ...SLA_TARGETS, sev2: { acknowledgeWithinMinutes: 30, resolveWithinMinutes: 10 } },
      { sev1: SLA_TARGETS.sev1, sev2: SLA_TARGETS.sev2, sev3: SLA_TARGETS.sev3 },
      { ...SLA_TARGETS, sev5: SLA_TARGETS.sev1 },
    ]) {
      const res = await api.current.request("PUT", "/v1/org/sla-policy", { token: fresh.accessToken, body });
      expectError(res, 400, "VALIDATION_FAILED");
    }
    const res = await api.current.request<SlaPolicy>("GET", "/v1/org/sla-policy", { token: fresh.accessToken });
    expect(res.body.updatedAt).toBeNull();
  });

  it("gives each new incident the deadlines of its severity, counted from its creation, each with a breach check at the deadline", async () => {
    await anSlaPolicy(api.current, owner.accessToken, SLA_TARGETS);
    const incident = await anIncident(api.current, owner.accessToken, serviceId, { severity: "sev2" });
    expect(incident.acknowledgeDueAt).toBe(minutesAfter(incident.createdAt, 15));
    expect(incident.resolveDueAt).toBe(minutesAfter(incident.createdAt, 240));
    expect(await slaChecks(incident.id)).toEqual({ acknowledge: [incident.acknowledgeDueAt], resolve: [incident.resolveDueAt] });
    // A severity without targets: none, and no checks.
    const quiet = await anIncident(api.current, owner.accessToken, serviceId, { severity: "sev4" });
    expect(quiet).toMatchObject({ acknowledgeDueAt: null, resolveDueAt: null });
    expect(await slaChecks(quiet.id)).toEqual({ acknowledge: [], resolve: [] });
  });

  it("moves the running deadlines (and their checks) when the severity changes; the ones met stay", async () => {
    await anSlaPolicy(api.current, owner.accessToken, SLA_TARGETS);
    const incident = await anIncident(api.current, owner.accessToken, serviceId, { severity: "sev3" });
    const raised = await patch(incident, { severity: "sev1", version: 1 });
    expect(raised.body.acknowledgeDueAt).toBe(minutesAfter(incident.createdAt, 5));
    expect(raised.body.resolveDueAt).toBe(minutesAfter(incident.createdAt, 60));
    expect(await slaChecks(incident.id)).toEqual({ acknowledge: [raised.body.acknowledgeDueAt], resolve: [raised.body.resolveDueAt] });

    // Acknowledged: the acknowledge deadline is met, and its check dropped.
    const acked = await api.current.request<Incident>("POST", `/v1/incidents/${incident.id}/transition`, {
      token: owner.accessToken,
      body: { toStatus: "acknowledged", version: 2 },
    });
    expect(acked.body.firstAcknowledgedAt).toBe(acked.body.acknowledgedAt);
    expect((await slaChecks(incident.id)).acknowledge).toEqual([]);

    // Lowered to a severity without targets: the resolve deadline goes; the met one is history.
    const lowered = await patch(incident, { severity: "sev4", version: 3 });
    expect(lowered.body).toMatchObject({ acknowledgeDueAt: raised.body.acknowledgeDueAt, resolveDueAt: null });
    expect(await slaChecks(incident.id)).toEqual({ acknowledge: [], resolve: [] });
    const back = await patch(incident, { severity: "sev2", version: 4 });
    expect(back.body).toMatchObject({ acknowledgeDueAt: raised.body.acknowledgeDueAt, resolveDueAt: minutesAfter(incident.createdAt, 240) });
    expect(await slaChecks(incident.id)).toEqual({ acknowledge: [], resolve: [back.body.resolveDueAt] });

    // Resolved: the last check goes too.
    await api.current.request("POST", `/v1/incidents/${incident.id}/transition`, { token: owner.accessToken, body: { toStatus: "resolved", version: 5 } });
    expect(await slaChecks(incident.id)).toEqual({ acknowledge: [], resolve: [] });
  });

  it("resolving without acknowledging meets the acknowledge deadline too", async () => {
    await anSlaPolicy(api.current, owner.accessToken, SLA_TARGETS);
    const incident = await anIncident(api.current, owner.accessToken, serviceId, { severity: "sev1" });
    const resolved = await api.current.request<Incident>("POST", `/v1/incidents/${incident.id}/transition`, {
      token: owner.accessToken,
      body: { toStatus: "resolved", version: 1 },
    });
    expect(resolved.body.firstAcknowledgedAt).toBeNull();
    expect(await slaChecks(incident.id)).toEqual({ acknowledge: [], resolve: [] });
  });

  it("lets a service override the org's policy as a whole, and drop the override again", async () => {
    await anSlaPolicy(api.current, owner.accessToken, SLA_TARGETS);
    const strict = await aService(api.current, owner.accessToken);
    const inherited = await api.current.request<ServiceSlaPolicy>("GET", `/v1/org/services/${strict.id}/sla-policy`, { token: owner.accessToken });
    expect(inherited.body).toMatchObject({ ...SLA_TARGETS, serviceId: strict.id, source: "org" });

    const own = { ...SLA_TARGETS, sev4: { acknowledgeWithinMinutes: 60, resolveWithinMinutes: 1440 } };
    expect(await anSlaPolicy(api.current, owner.accessToken, own, strict.id)).toMatchObject({ ...own, serviceId: strict.id, source: "service" });
    const onStrict = await anIncident(api.current, owner.accessToken, strict.id, { severity: "sev4" });
    expect(onStrict.acknowledgeDueAt).toBe(minutesAfter(onStrict.createdAt, 60));
    // Other services keep the org's, when their incidents open and when their severity changes.
    const elsewhere = await anIncident(api.current, owner.accessToken, serviceId, { severity: "sev4" });
    expect(elsewhere.acknowledgeDueAt).toBeNull();
    const raised = await patch(elsewhere, { severity: "sev3", version: 1 });
    const lowered = await patch(elsewhere, { severity: "sev4", version: 2 });
    expect([raised.body.acknowledgeDueAt, lowered.body.acknowledgeDueAt]).toEqual([minutesAfter(elsewhere.createdAt, 30), null]);
    const onStrictRaised = await patch(onStrict, { severity: "sev3", version: 1 });
    expect(onStrictRaised.body.acknowledgeDueAt).toBe(minutesAfter(onStrict.createdAt, 30));

    const dropped = await api.current.request<ServiceSlaPolicy>("DELETE", `/v1/org/services/${strict.id}/sla-policy`, { token: owner.accessToken });
    expect(dropped.body).toMatchObject({ ...SLA_TARGETS, source: "org" });
    expect((await anIncident(api.current, owner.accessToken, strict.id, { severity: "sev4" })).acknowledgeDueAt).toBeNull();
    const audit = await auditEntries(api.current.db, { orgId: owner.org.id, targetId: strict.id });
    expect(audit.map((a) => a.action)).toEqual(["service.created", "sla_policy.updated", "sla_policy.removed"]);
  });
});
