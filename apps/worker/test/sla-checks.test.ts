import { runSlaCheck, type Incident, type IncidentEvent } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  anSlaPolicy,
  aService,
  aWebhookTarget,
  bodyOf,
  listEvents,
  ok,
  queuedJobs,
  recordedAtItsTime,
  sleep,
  slaKey,
  startWebhookReceiver,
  useTestStack,
  waitFor,
  type Account,
  type WebhookReceiver,
} from "@incidentops/testkit";

// SLA breaches and warnings, with a real worker. A breach is recorded once, at the deadline (within
// 5 s), not before; re-armed by a severity change; cancelled by meeting the deadline. Deadlines
// are whole minutes from the incident's creation, so each breach test moves an incident's creation
// back (the owner's connection) and then changes its severity, which re-arms its deadlines to
// seconds from now. A warning comes 3 s after the trigger on a service of its own (its policy
// warns at 5% of a sev1's one-minute acknowledgement); the rules of the check are
// apps/api/test/sla-warnings.test.ts.

const stack = useTestStack();

const MINUTE = 60_000;
/** sev4 has no targets: incidents start there, and a severity change gives them theirs. */
const TARGETS = {
  sev1: { acknowledgeWithinMinutes: 60, resolveWithinMinutes: 120 },
  sev2: { acknowledgeWithinMinutes: 120, resolveWithinMinutes: 240 },
  sev3: { acknowledgeWithinMinutes: 60, resolveWithinMinutes: 61 },
  sev4: { acknowledgeWithinMinutes: null, resolveWithinMinutes: null },
};

let owner: Account;
let serviceId: string;
/** A service whose own policy warns 3 s after a sev1's trigger. */
let warningServiceId: string;
/** Takes sla_breached notifications only. */
let breaches: WebhookReceiver;
/** Takes sla_at_risk notifications only. */
let warnings: WebhookReceiver;
/** Takes triggered notifications only. */
let others: WebhookReceiver;

beforeAll(async () => {
  const { api } = stack.current;
  owner = await anOrgOwner(api, { orgName: "Breach Org" });
  serviceId = (await aService(api, owner.accessToken)).id;
  await anSlaPolicy(api, owner.accessToken, TARGETS);
  warningServiceId = (await aService(api, owner.accessToken)).id;
  await anSlaPolicy(api, owner.accessToken, { ...TARGETS, sev1: { acknowledgeWithinMinutes: 1, resolveWithinMinutes: null }, warnAtPercent: 5 }, warningServiceId);
  breaches = await startWebhookReceiver();
  warnings = await startWebhookReceiver();
  others = await startWebhookReceiver();
  await aWebhookTarget(api, owner.accessToken, breaches.url, { eventKinds: ["sla_breached"] });
  await aWebhookTarget(api, owner.accessToken, warnings.url, { eventKinds: ["sla_at_risk"] });
  await aWebhookTarget(api, owner.accessToken, others.url, { eventKinds: ["triggered"] });
  await stack.current.startWorker();
  return async () => {
    await Promise.all([breaches.close(), warnings.close(), others.close()]);
  };
});

/** An incident without targets (sev4) whose creation is moved `minutes` minus `seconds` back. */
async function anIncidentOpened(minutes: number, seconds: number): Promise<Incident> {
  const { api } = stack.current;
  const incident = await anIncident(api, owner.accessToken, serviceId, { severity: "sev4" });
  const createdAt = new Date(Date.now() - minutes * MINUTE + seconds * 1000);
  await api.db.updateTable("incidents").set({ created_at: createdAt }).where("id", "=", incident.id).execute();
  return incident;
}

const patch = (incident: { id: string }, body: Record<string, unknown>) =>
  ok(stack.current.api.request<Incident>("PATCH", `/v1/incidents/${incident.id}`, { token: owner.accessToken, body }), 200, "patch incident");

const transition = (incident: { id: string }, toStatus: string, version: number) =>
  ok(stack.current.api.request<Incident>("POST", `/v1/incidents/${incident.id}/transition`, { token: owner.accessToken, body: { toStatus, version } }), 200, toStatus);

const eventsOf = async (incidentId: string, kind: "sla_breached" | "sla_at_risk"): Promise<IncidentEvent[]> =>
  (await listEvents(stack.current.api, owner.accessToken, incidentId)).filter((e) => e.kind === kind);
const breachesOf = (incidentId: string) => eventsOf(incidentId, "sla_breached");
const warningsOf = (incidentId: string) => eventsOf(incidentId, "sla_at_risk");

describe("SLA breaches", () => {
  it("records a breach once, within 5 s of its deadline and not before, and notifies the targets subscribed to it", { timeout: 30_000 }, async () => {
    const incident = await anIncidentOpened(60, 4);
    // sev1: a first response is due 60 minutes after creation, that is in 4 seconds.
    const armed = await patch(incident, { severity: "sev1", version: 1 });
    const dueAt = Date.parse(armed.acknowledgeDueAt ?? "");
    expect(dueAt - Date.now()).toBeGreaterThan(1_000);

    const breach = await recordedAtItsTime(async () => (await breachesOf(incident.id))[0], dueAt, "the breach");
    expect(breach.data).toEqual({ kind: "acknowledge", dueAt: armed.acknowledgeDueAt });
    expect(breach.actorUserId).toBeNull();

    const after = await ok(stack.current.api.request<Incident>("GET", `/v1/incidents/${incident.id}`, { token: owner.accessToken }), 200, "get");
    expect(after.acknowledgeBreachedAt).toBe(breach.createdAt);

    const delivery = await waitFor(() => breaches.requests.find((r) => bodyOf(r).incident.id === incident.id), 10_000, "the breach notification");
    expect(bodyOf(delivery)).toMatchObject({ type: "incident.sla_breached", event: { kind: "sla_breached", data: { kind: "acknowledge" } } });
    expect(others.requests.filter((r) => bodyOf(r).incident.id === incident.id && bodyOf(r).type === "incident.sla_breached")).toEqual([]);

    // The check running again (a retry, a duplicate) records nothing more.
    const payload = { orgId: owner.org.id, incidentId: incident.id, kind: "acknowledge" as const, requestId: "test-rerun" };
    expect(await runSlaCheck(stack.current.api.db, "breach", payload)).toBe("skipped");
    expect(await breachesOf(incident.id)).toHaveLength(1);
    // And the database itself refuses a second breach event of the same kind.
    await expect(
      stack.current.api.db
        .insertInto("incident_events")
        .values({ org_id: owner.org.id, incident_id: incident.id, kind: "sla_breached", data: JSON.stringify({ kind: "acknowledge" }) })
        .execute(),
    ).rejects.toThrow(/incident_events_sla_breached_once/);
    expect(breaches.requests.filter((r) => bodyOf(r).incident.id === incident.id)).toHaveLength(1);
  });

  it("records nothing when the deadline is met in time: the check is dropped", { timeout: 30_000 }, async () => {
    const incident = await anIncidentOpened(60, 3);
    const armed = await patch(incident, { severity: "sev1", version: 1 });
    await transition(incident, "resolved", 2);
    expect(await queuedJobs(stack.current.api.db, { key: slaKey("acknowledge", incident.id) })).toEqual([]);
    await sleep(Date.parse(armed.acknowledgeDueAt ?? "") - Date.now() + 2_500);
    expect(await breachesOf(incident.id)).toEqual([]);
  });

  it("follows a re-armed deadline: moved later, the earlier check records nothing", { timeout: 30_000 }, async () => {
    const incident = await anIncidentOpened(60, 3);
    const soon = await patch(incident, { severity: "sev1", version: 1 });
    // sev2: 120 minutes after creation, an hour from now.
    const later = await patch(incident, { severity: "sev2", version: 2 });
    expect(Date.parse(later.acknowledgeDueAt ?? "") - Date.now()).toBeGreaterThan(59 * MINUTE);
    const [check] = await queuedJobs(stack.current.api.db, { key: slaKey("acknowledge", incident.id) });
    expect(check?.runAt).toBe(later.acknowledgeDueAt);
    await sleep(Date.parse(soon.acknowledgeDueAt ?? "") - Date.now() + 2_500);
    expect(await breachesOf(incident.id)).toEqual([]);
  });

  it("records a missed resolve deadline on an acknowledged incident", { timeout: 30_000 }, async () => {
    const incident = await anIncidentOpened(61, 3);
    await transition(incident, "acknowledged", 1);
    // sev3: the acknowledge deadline was met (it no longer runs); resolving is due in 3 seconds.
    const armed = await patch(incident, { severity: "sev3", version: 2 });
    expect(armed.acknowledgeDueAt).toBeNull();
    const breach = await recordedAtItsTime(async () => (await breachesOf(incident.id))[0], Date.parse(armed.resolveDueAt ?? ""), "the resolve breach");
    expect(breach.data).toEqual({ kind: "resolve", dueAt: armed.resolveDueAt });
  });
});

describe("SLA warnings", () => {
  it("records the warning at its time, not before, and notifies the targets subscribed to it", { timeout: 30_000 }, async () => {
    const incident = await anIncident(stack.current.api, owner.accessToken, warningServiceId, { severity: "sev1" });
    const warnAt = Date.parse(incident.acknowledgeWarnAt ?? "");
    expect(warnAt - Date.parse(incident.createdAt)).toBe(3_000);

    const warning = await recordedAtItsTime(async () => (await warningsOf(incident.id))[0], warnAt, "the warning");
    expect(warning.data).toEqual({ kind: "acknowledge", dueAt: incident.acknowledgeDueAt });
    const delivery = await waitFor(() => warnings.requests.find((r) => bodyOf(r).incident.id === incident.id), 10_000, "the warning's notification");
    expect(bodyOf(delivery)).toMatchObject({ type: "incident.sla_at_risk", event: { kind: "sla_at_risk", data: { kind: "acknowledge" } } });
    const after = await ok(stack.current.api.request<Incident>("GET", `/v1/incidents/${incident.id}`, { token: owner.accessToken }), 200, "get");
    expect(after).toMatchObject({ acknowledgeWarnedAt: warning.createdAt, acknowledgeBreachedAt: null });
  });

  it("warns of nothing once the deadline is met", { timeout: 30_000 }, async () => {
    const incident = await anIncident(stack.current.api, owner.accessToken, warningServiceId, { severity: "sev1" });
    await transition(incident, "acknowledged", 1);
    await sleep(Date.parse(incident.acknowledgeWarnAt ?? "") - Date.now() + 2_500);
    expect(await warningsOf(incident.id)).toEqual([]);
    expect(warnings.requests.filter((r) => bodyOf(r).incident.id === incident.id)).toEqual([]);
  });
});
