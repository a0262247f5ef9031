import type { Incident, Page, Service, TimelineEvent } from "@incidentops/core";
import { sql } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aPolicy,
  aService,
  expectValidationFailed,
  makeJobsDue,
  ok,
  runQueuedJobs,
  stepsJobsOf,
  useTestApi,
  type ErrorBody,
} from "@incidentops/testkit";

// A service's paging severity (pageMinSeverity, decision 0069): its escalation policy pages for
// incidents at least that severe; a less severe one opens and pages no one until it is raised or
// escalated by hand.

const api = useTestApi();

let token: string;
let orgId: string;
/** Pages for sev1 and sev2; its policy pages the owner at each of two levels, a minute apart. */
let service: Service;

beforeAll(async () => {
  const owner = await anOrgOwner(api.current, { orgName: "Paging Severity Org" });
  token = owner.accessToken;
  orgId = owner.org.id;
  const level = { delaySeconds: 60, targets: [{ type: "user" as const, userId: owner.user.id }] };
  const policy = await aPolicy(api.current, token, [level, level]);
  service = await aService(api.current, token, { escalationPolicyId: policy.id, pageMinSeverity: "sev2" });
});

/** The steps the incident's escalation fired, 1-based, after the escalation jobs due now ran. */
async function stepsFired(incidentId: string): Promise<unknown[]> {
  await runQueuedJobs(api.current, ["escalate_if_unacked"]);
  const events = await ok(api.current.request<Page<TimelineEvent>>("GET", `/v1/incidents/${incidentId}/events?kind=escalated`, { token }), 200, "escalations");
  return events.items.map((event) => event.data.step);
}

/**
 * Makes the incident's next level due, as if its delay had passed: its job and the time the
 * incident says it is due (which the job checks) a second ago.
 */
async function makeNextLevelDue(incidentId: string): Promise<void> {
  const [job, ...others] = await stepsJobsOf(api.current.db, orgId, [incidentId]);
  expect(job?.payload.steps).toEqual([{ incidentId, step: 1 }]);
  expect(others).toEqual([]);
  const dueAt = new Date(Date.now() - 1000);
  await sql`UPDATE incidents SET escalation_due_at = ${dueAt} WHERE id = ${incidentId}`.execute(api.current.db);
  await sql`UPDATE graphile_worker._private_jobs SET payload = (payload::jsonb || jsonb_build_object('dueAt', ${dueAt.toISOString()}::text))::json WHERE id = ${job?.id ?? ""}::bigint`.execute(api.current.db);
  await makeJobsDue(api.current.db, [job?.id ?? ""]);
}

async function setSeverity(incidentId: string, severity: string): Promise<void> {
  const { version } = await ok(api.current.request<Incident>("GET", `/v1/incidents/${incidentId}`, { token }), 200, "read incident");
  await ok(api.current.request<Incident>("PATCH", `/v1/incidents/${incidentId}`, { token, body: { severity, version } }), 200, "change severity");
}

describe("a service's paging severity", () => {
  it("pages for an incident at least that severe; a less severe one opens and pages no one", async () => {
    const [minor, major] = [await anIncident(api.current, token, service.id, { severity: "sev3" }), await anIncident(api.current, token, service.id, { severity: "sev2" })];
    expect(await stepsFired(minor.id)).toEqual([]);
    expect(await stepsFired(major.id)).toEqual([1]);
  });

  it("raised to it, pages at once; lowered below it, its next level pages no one; raised again, that level pages", async () => {
    const incident = await anIncident(api.current, token, service.id, { severity: "sev4" });
    expect(await stepsFired(incident.id)).toEqual([]);
    await setSeverity(incident.id, "sev1");
    expect(await stepsFired(incident.id)).toEqual([1]);

    await setSeverity(incident.id, "sev3");
    await makeNextLevelDue(incident.id);
    expect(await stepsFired(incident.id)).toEqual([1]);
    await setSeverity(incident.id, "sev2");
    expect(await stepsFired(incident.id)).toEqual([1, 2]);
  });

  it("a raise while the next level is still due later leaves it to page then", async () => {
    const incident = await anIncident(api.current, token, service.id, { severity: "sev1" });
    expect(await stepsFired(incident.id)).toEqual([1]);
    await setSeverity(incident.id, "sev3");
    await setSeverity(incident.id, "sev2");
    expect(await stepsFired(incident.id)).toEqual([1]);
    await makeNextLevelDue(incident.id);
    expect(await stepsFired(incident.id)).toEqual([1, 2]);
  });

  it("a person escalates a less severe incident by hand", async () => {
    const incident = await anIncident(api.current, token, service.id, { severity: "sev4" });
    expect(await stepsFired(incident.id)).toEqual([]);
    expect((await api.current.request("POST", `/v1/incidents/${incident.id}/escalate`, { token })).status).toBe(200);
    expect(await stepsFired(incident.id)).toEqual([1]);
  });

  it("is part of the service: shown, changed, cleared (every severity pages again); an unknown severity is 400", async () => {
    expect(service.pageMinSeverity).toBe("sev2");
    const other = await aService(api.current, token);
    expect(other.pageMinSeverity).toBeNull();
    const patch = (body: Record<string, unknown>) => api.current.request<Service & ErrorBody>("PATCH", `/v1/org/services/${other.id}`, { token, body });
    expect((await patch({ pageMinSeverity: "sev1" })).body.pageMinSeverity).toBe("sev1");
    expect((await patch({ name: "renamed" })).body.pageMinSeverity).toBe("sev1");
    expect((await patch({ pageMinSeverity: null })).body.pageMinSeverity).toBeNull();
    expect(expectValidationFailed(await patch({ pageMinSeverity: "sev9" }))).toEqual(["pageMinSeverity"]);
  });
});
