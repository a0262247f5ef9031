import type { Incident, IncidentEvent } from "@incidentops/core";
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
  recordedAtItsTime,
  sleep,
  startWebhookReceiver,
  useTestStack,
  waitFor,
  type Account,
  type WebhookReceiver,
} from "@incidentops/testkit";

// SLA warnings with a real worker: a sev1 incident must be acknowledged within a minute, and the
// policy warns at 5% of that (3 seconds after the trigger). The warning is recorded at its time,
// not before, and delivered to the targets subscribed to sla_at_risk; meeting the deadline first
// cancels it. The rules of the check: apps/api/test/sla-warnings.test.ts.

const stack = useTestStack();

let owner: Account;
let serviceId: string;
/** Takes sla_at_risk notifications only. */
let warnings: WebhookReceiver;

beforeAll(async () => {
  const { api } = stack.current;
  owner = await anOrgOwner(api, { orgName: "Warning Org" });
  serviceId = (await aService(api, owner.accessToken)).id;
  const none = { acknowledgeWithinMinutes: null, resolveWithinMinutes: null };
  await anSlaPolicy(api, owner.accessToken, { sev1: { acknowledgeWithinMinutes: 1, resolveWithinMinutes: null }, sev2: none, sev3: none, sev4: none, warnAtPercent: 5 });
  warnings = await startWebhookReceiver();
  await aWebhookTarget(api, owner.accessToken, warnings.url, { eventKinds: ["sla_at_risk"] });
  await stack.current.startWorker();
  return () => warnings.close();
});

const warningsOf = async (incidentId: string): Promise<IncidentEvent[]> =>
  (await listEvents(stack.current.api, owner.accessToken, incidentId)).filter((e) => e.kind === "sla_at_risk");

describe("SLA warnings", () => {
  it("records the warning at its time, not before, and notifies the targets subscribed to it", { timeout: 30_000 }, async () => {
    const incident = await anIncident(stack.current.api, owner.accessToken, serviceId, { severity: "sev1" });
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
    const incident = await anIncident(stack.current.api, owner.accessToken, serviceId, { severity: "sev1" });
    await ok(
      stack.current.api.request<Incident>("POST", `/v1/incidents/${incident.id}/transition`, { token: owner.accessToken, body: { toStatus: "acknowledged", version: 1 } }),
      200,
      "acknowledge",
    );
    await sleep(Date.parse(incident.acknowledgeWarnAt ?? "") - Date.now() + 2_500);
    expect(await warningsOf(incident.id)).toEqual([]);
    expect(warnings.requests.filter((r) => bodyOf(r).incident.id === incident.id)).toEqual([]);
  });
});
