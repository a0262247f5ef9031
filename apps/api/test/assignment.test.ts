import { randomUUID } from "node:crypto";
import type { Incident, IncidentCounts, NotificationAttempt, Page } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  aContactMethod,
  anApiKey,
  anIncident,
  anOrgOwner,
  aService,
  aUserWithRole,
  contactMethodsOf,
  expectError,
  expectValidationFailed,
  incidentState,
  listEvents,
  ok,
  queuedJobs,
  runQueuedJobs,
  setNotificationRules,
  startWebhookReceiver,
  useStarted,
  useTestApi,
  type Account,
} from "@incidentops/testkit";

// Assignment: POST /incidents/{id}/assign pages the new assignees through their notification
// rules (the fan-out of its `assigned` event makes an attempt of a rule due now, a keyed job of a
// later one), GET /incidents?assignedTo=.
// Paging as the worker runs it: apps/worker/test/paging.test.ts.

const api = useTestApi();
const receiver = useStarted("The receiver", () => startWebhookReceiver());

let owner: Account;
let ada: Account;
let grace: Account;
let serviceId: string;

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "Assignment Org" });
  ada = await aUserWithRole(api.current, owner.org.id, "member");
  grace = await aUserWithRole(api.current, owner.org.id, "member");
  serviceId = (await aService(api.current, owner.accessToken)).id;
  // Grace: her account email at once, a webhook after 5 minutes.
  const [graceEmail] = await contactMethodsOf(api.current, grace.accessToken);
  const hook = await aContactMethod(api.current, grace.accessToken, { type: "webhook", address: `${receiver.current.url}/grace` });
  await setNotificationRules(api.current, grace.accessToken, [
    { contactMethodId: graceEmail?.id ?? "", delayMinutes: 0 },
    { contactMethodId: hook.id, delayMinutes: 5 },
  ]);
});

/** Assigns, then runs the fan-out of what it recorded (as the worker would). */
const assign = async (token: string, incidentId: string, body: Record<string, unknown>) => {
  const res = await api.current.request<Incident>("POST", `/v1/incidents/${incidentId}/assign`, { token, body });
  await runQueuedJobs(api.current, ["incident_event"]);
  return res;
};
const notificationsOf = async (incidentId: string) =>
  (await ok(api.current.request<Page<NotificationAttempt>>("GET", `/v1/incidents/${incidentId}/notifications`, { token: owner.accessToken }), 200, "notifications")).items;
const pageJobs = async (incidentId: string) =>
  (await queuedJobs(api.current.db, { task: "page_rule" })).filter((j) => j.payload.incidentId === incidentId);
const freshIncident = () => anIncident(api.current, owner.accessToken, serviceId, { title: "Assign me" });

describe("POST /v1/incidents/{incidentId}/assign", () => {
  it("makes the people the assignees (version + 1, an `assigned` event) and pages them through their rules", async () => {
    const incident = await freshIncident();
    expect(incident.assignees).toEqual([]);
    const startedAt = Date.now();
    const res = await assign(ada.accessToken, incident.id, { userIds: [grace.user.id, ada.user.id], version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toBe(2);
    expect(res.body.assignees.map((a) => a.id).sort()).toEqual([ada.user.id, grace.user.id].sort());
    expect((await api.current.request<Incident>("GET", `/v1/incidents/${incident.id}`, { token: owner.accessToken })).body.assignees).toEqual(res.body.assignees);

    const events = await listEvents(api.current, owner.accessToken, incident.id);
    const assigned = events.find((e) => e.kind === "assigned");
    expect(assigned?.actorUserId).toBe(ada.user.id);
    expect(assigned?.data).toMatchObject({ assignees: res.body.assignees, previousAssigneeIds: [], version: 2 });

    // Each one's rules due now are attempts under the assignment, through the rule's contact method.
    const attempts = await notificationsOf(incident.id);
    const byUser = (a: { user: string | undefined }, b: { user: string | undefined }) => (a.user ?? "").localeCompare(b.user ?? "");
    expect(attempts.map((a) => ({ event: a.eventId, user: a.user?.id, channel: a.channel, method: a.contactMethod?.name, delay: a.delayMinutes })).sort(byUser)).toEqual(
      [
        { event: assigned?.id, user: ada.user.id, channel: "email", method: "Account email", delay: 0 },
        { event: assigned?.id, user: grace.user.id, channel: "email", method: "Account email", delay: 0 },
      ].sort(byUser),
    );
    // Grace's webhook waits for its 5 minutes: a job keyed by incident, person and rule.
    const [later] = await pageJobs(incident.id);
    expect(later).toMatchObject({ key: `page:${incident.id}:${grace.user.id}:1`, payload: { userId: grace.user.id, eventId: assigned?.id, delayMinutes: 5 } });
    expect(Date.parse(later?.runAt ?? "") - startedAt).toBeGreaterThanOrEqual(5 * 60_000 - 1000);
    expect(Date.parse(later?.runAt ?? "") - Date.now()).toBeLessThanOrEqual(5 * 60_000);
  });

  it("replaces the assignees: those who leave lose their pending pages, those who stay are not paged again", async () => {
    const incident = await freshIncident();
    const first = await assign(owner.accessToken, incident.id, { userIds: [grace.user.id], version: 1 });
    expect(await pageJobs(incident.id)).toHaveLength(1);
    const second = await assign(owner.accessToken, incident.id, { userIds: [ada.user.id, owner.user.id], version: first.body.version });
    expect(second.status).toBe(200);
    expect(second.body.assignees.map((a) => a.id).sort()).toEqual([ada.user.id, owner.user.id].sort());
    expect(await pageJobs(incident.id)).toEqual([]);
    const third = await assign(owner.accessToken, incident.id, { userIds: [ada.user.id], version: second.body.version });
    expect(third.body.assignees.map((a) => a.id)).toEqual([ada.user.id]);
    const attempts = await notificationsOf(incident.id);
    // Grace once, Ada and the owner once each: Ada staying on is no new page.
    expect(attempts.map((a) => a.user?.id).sort()).toEqual([grace.user.id, ada.user.id, owner.user.id].sort());
    const assigned = (await listEvents(api.current, owner.accessToken, incident.id)).filter((e) => e.kind === "assigned");
    expect(assigned.map((e) => e.data.previousAssigneeIds)).toEqual([[], [grace.user.id], expect.arrayContaining([ada.user.id, owner.user.id])]);
  });

  it("changes nothing when the people are the assignees already", async () => {
    const incident = await freshIncident();
    const done = await assign(owner.accessToken, incident.id, { userIds: [ada.user.id], version: 1 });
    const before = await incidentState(api.current.db, incident.id);
    const again = await assign(owner.accessToken, incident.id, { userIds: [ada.user.id], version: done.body.version });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(done.body.version);
    expect(await incidentState(api.current.db, incident.id)).toEqual(before);
  });

  it("refuses what it cannot do, changing nothing: non-members, bad lists, a stale version, a resolved incident", async () => {
    const incident = await freshIncident();
    const stranger = await anOrgOwner(api.current);
    const before = await incidentState(api.current.db, incident.id);
    expect(expectValidationFailed(await assign(owner.accessToken, incident.id, { userIds: [ada.user.id, stranger.user.id], version: 1 }))).toEqual(["userIds.1"]);
    expect(expectValidationFailed(await assign(owner.accessToken, incident.id, { userIds: [], version: 1 }))).toEqual(["userIds"]);
    expect(expectValidationFailed(await assign(owner.accessToken, incident.id, { userIds: [ada.user.id, ada.user.id], version: 1 }))).toEqual(["userIds"]);
    expect(expectValidationFailed(await assign(owner.accessToken, incident.id, { userIds: ["nope"], version: 1 }))).toEqual(["userIds.0"]);
    expect(expectValidationFailed(await assign(owner.accessToken, incident.id, { userIds: [ada.user.id] }))).toEqual(["version"]);
    const stale = expectError(await assign(owner.accessToken, incident.id, { userIds: [ada.user.id], version: 7 }), 409, "VERSION_CONFLICT");
    expect(stale.details).toEqual({ currentVersion: 1, currentStatus: "triggered" });
    expectError(await assign(owner.accessToken, randomUUID(), { userIds: [ada.user.id], version: 1 }), 404, "NOT_FOUND");
    expect(await incidentState(api.current.db, incident.id)).toEqual(before);
    expect(await notificationsOf(incident.id)).toEqual([]);

    const resolved = await ok(
      api.current.request<Incident>("POST", `/v1/incidents/${incident.id}/transition`, { token: owner.accessToken, body: { toStatus: "resolved", version: 1 } }),
      200,
      "resolve",
    );
    const refused = expectError(await assign(owner.accessToken, incident.id, { userIds: [ada.user.id], version: resolved.version }), 409, "INVALID_TRANSITION");
    expect(refused.details).toEqual({ status: "resolved" });
  });

  it("an acknowledgement drops the assignees' pending pages; an acknowledged incident can be reassigned", async () => {
    const incident = await freshIncident();
    const assigned = await assign(owner.accessToken, incident.id, { userIds: [grace.user.id], version: 1 });
    expect(await pageJobs(incident.id)).toHaveLength(1);
    const acked = await ok(
      api.current.request<Incident>("POST", `/v1/incidents/${incident.id}/transition`, {
        token: grace.accessToken,
        body: { toStatus: "acknowledged", version: assigned.body.version },
      }),
      200,
      "acknowledge",
    );
    expect(await pageJobs(incident.id)).toEqual([]);
    const handedOver = await assign(grace.accessToken, incident.id, { userIds: [ada.user.id], version: acked.version });
    expect(handedOver.status).toBe(200);
    expect(handedOver.body).toMatchObject({ status: "acknowledged", assignees: [{ id: ada.user.id }] });
  });
});

describe("GET /v1/incidents?assignedTo=", () => {
  it("lists and counts the incidents assigned to `me` or to a person", async () => {
    const mine = await freshIncident();
    const hers = await freshIncident();
    const nobodys = await freshIncident();
    await assign(owner.accessToken, mine.id, { userIds: [ada.user.id], version: 1 });
    await assign(owner.accessToken, hers.id, { userIds: [grace.user.id, ada.user.id], version: 1 });
    const list = async (token: string, query: string) =>
      (await ok(api.current.request<Page<Incident>>("GET", `/v1/incidents?limit=100&${query}`, { token }), 200, "list")).items.map((i) => i.id);

    const adas = await list(ada.accessToken, "assignedTo=me");
    expect(adas).toEqual(expect.arrayContaining([mine.id, hers.id]));
    expect(adas).not.toContain(nobodys.id);
    expect(await list(owner.accessToken, `assignedTo=${ada.user.id}`)).toEqual(adas);
    const graces = await list(owner.accessToken, `assignedTo=${grace.user.id}`);
    expect(graces).toContain(hers.id);
    expect(graces).not.toContain(mine.id);
    expect(await list(owner.accessToken, `assignedTo=${randomUUID()}`)).toEqual([]);
    expect(await list(ada.accessToken, `assignedTo=me&status=resolved`)).toEqual([]);

    const counts = await ok(api.current.request<IncidentCounts>("GET", "/v1/incidents/counts?assignedTo=me", { token: ada.accessToken }), 200, "counts");
    expect(Object.values(counts.byStatus).reduce((a, b) => a + b, 0)).toBe(adas.length);

    expectValidationFailed(await api.current.request("GET", "/v1/incidents?assignedTo=someone", { token: owner.accessToken }));
  });

  it("`me` is nobody for an API key (400); a user id works", async () => {
    const key = await anApiKey(api.current, owner.accessToken, { scope: "read" });
    const res = expectError(await api.current.request("GET", "/v1/incidents?assignedTo=me", { token: key.secret }), 400, "VALIDATION_FAILED");
    expect(Object.keys(res.details.fields ?? {})).toEqual(["assignedTo"]);
    expectError(await api.current.request("GET", "/v1/incidents/counts?assignedTo=me", { token: key.secret }), 400, "VALIDATION_FAILED");
    expect((await api.current.request("GET", `/v1/incidents?assignedTo=${ada.user.id}`, { token: key.secret })).status).toBe(200);
  });
});
