import type { ContactMethod, Incident, IncidentEvent, NotificationAttempt, Page } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  aContactMethod,
  anIncident,
  anOrgOwner,
  anOverride,
  aPolicy,
  aSchedule,
  aService,
  aTeam,
  aUserWithRole,
  contactMethodsOf,
  listEvents,
  makeJobDue,
  ok,
  queuedJobs,
  setNotificationRules,
  setTeamMember,
  sleep,
  startSmtpSink,
  subjectOf,
  startTwilioServer,
  useStarted,
  useTestStack,
  waitFor,
  type Account,
} from "@incidentops/testkit";

// Paging as the worker runs it: escalation levels naming schedules and teams resolve to people
// when they fire (overrides included), those people are paged through their notification rules
// (SMS and voice through a loopback Twilio API, email through a loopback SMTP server) and become
// the assignees; a level that finds nobody falls through at once, and when none finds anybody
// the org admins are told.

const smtp = useStarted("The SMTP sink", () => startSmtpSink());
const twilio = useStarted("The Twilio API", () => startTwilioServer());
const stack = useTestStack(() => ({ SMTP_URL: smtp.current.url, ...twilio.current.env }));

beforeAll(async () => {
  await stack.current.startWorker();
});

const HOUR_MS = 3_600_000;
/** A whole-week rotation of one person, started long before any test runs: they are on call at any instant. */
const alwaysLayer = (userId: string) => ({
  name: "Always",
  start: "2020-01-06T00:00:00Z",
  rotationStart: "2020-01-06T08:00:00Z",
  rotation: { unit: "week", length: 1 },
  participants: [userId],
});
/** A layer that only starts in 2090: nobody is on call before then. */
const futureLayer = (userId: string) => ({ ...alwaysLayer(userId), name: "Later", start: "2090-01-02T00:00:00Z", rotationStart: "2090-01-02T08:00:00Z" });

const api = () => stack.current.api;
const events = (token: string, incidentId: string) => listEvents(api(), token, incidentId);
const notificationsOf = async (token: string, incidentId: string) =>
  (await ok(api().request<Page<NotificationAttempt>>("GET", `/v1/incidents/${incidentId}/notifications`, { token }), 200, "notifications")).items;
const mailsTo = (address: string) => smtp.current.mails.filter((m) => m.to.includes(address));
const twilioTo = (number: string) => twilio.current.requests.filter((r) => r.params.To === number);
const pageJobKey = (incidentId: string, userId: string, position: number) => `page:${incidentId}:${userId}:${position}`;

async function waitForEvent(token: string, incidentId: string, match: (e: IncidentEvent) => boolean, what: string) {
  return waitFor(async () => (await events(token, incidentId)).find(match), 15_000, what);
}

/** An org: its owner (an admin), Ada and Grace (members). */
async function anOrg(): Promise<{ owner: Account; ada: Account; grace: Account }> {
  const owner = await anOrgOwner(api());
  const ada = await aUserWithRole(api(), owner.org.id, "member");
  const grace = await aUserWithRole(api(), owner.org.id, "member");
  return { owner, ada, grace };
}

async function incidentOn(token: string, levels: Parameters<typeof aPolicy>[2], title: string): Promise<Incident> {
  const policy = await aPolicy(api(), token, levels);
  const service = await aService(api(), token, { escalationPolicyId: policy.id });
  return anIncident(api(), token, service.id, { title });
}

describe("a level naming a schedule", () => {
  it(
    "pages exactly whoever is on call when it fires (an override included), through their contact methods in rule order, until someone acknowledges",
    { timeout: 60_000 },
    async () => {
      const { owner, ada, grace } = await anOrg();
      // Ada holds the rota; Grace took the hours around now with an override.
      const schedule = await aSchedule(api(), owner.accessToken, { layers: [alwaysLayer(ada.user.id)] });
      const now = Date.now();
      await anOverride(api(), owner.accessToken, schedule.id, {
        userId: grace.user.id,
        start: new Date(now - HOUR_MS).toISOString(),
        end: new Date(now + 2 * HOUR_MS).toISOString(),
      });
      // Grace: a text at once, a call after a minute, her account email after two.
      const [graceEmail] = await contactMethodsOf(api(), grace.accessToken);
      const sms = await aContactMethod(api(), grace.accessToken, { type: "sms", address: "+14155550101" });
      const voice = await aContactMethod(api(), grace.accessToken, { type: "voice", address: "+14155550102" });
      await setNotificationRules(api(), grace.accessToken, [
        { contactMethodId: sms.id, delayMinutes: 0 },
        { contactMethodId: voice.id, delayMinutes: 1 },
        { contactMethodId: (graceEmail as ContactMethod).id, delayMinutes: 2 },
      ]);

      const incident = await incidentOn(owner.accessToken, [{ delaySeconds: 600, targets: [{ type: "schedule", scheduleId: schedule.id }] }], "Checkout is down");
      const escalated = await waitForEvent(owner.accessToken, incident.id, (e) => e.kind === "escalated", "the first level");
      expect(escalated.data.notified).toEqual([
        { type: "user", userId: grace.user.id, email: grace.user.email, name: grace.user.name, via: { type: "schedule", scheduleId: schedule.id } },
      ]);
      const assigned = await waitForEvent(owner.accessToken, incident.id, (e) => e.kind === "assigned", "the assignment");
      expect(assigned.data.assignees).toEqual([{ id: grace.user.id, name: grace.user.name }]);

      // The first rule: a text, at once, about the incident as it was when the level fired.
      const text = await waitFor(() => twilioTo("+14155550101")[0], 15_000, "the text to Grace");
      expect(text.resource).toBe("Messages");
      expect(text.authorized).toBe(true);
      expect(text.params.Body).toContain("Checkout is down");
      expect(twilioTo("+14155550102")).toEqual([]);
      // The later rules wait for their delay as jobs.
      const pending = await queuedJobs(api().db, { task: "page_rule" });
      expect(pending.filter((j) => j.payload.incidentId === incident.id).map((j) => j.key).sort()).toEqual(
        [pageJobKey(incident.id, grace.user.id, 1), pageJobKey(incident.id, grace.user.id, 2)].sort(),
      );

      // A minute on (made due now): the call.
      expect(await makeJobDue(api().db, pageJobKey(incident.id, grace.user.id, 1))).toBe(true);
      const call = await waitFor(() => twilioTo("+14155550102")[0], 15_000, "the call to Grace");
      expect(call.resource).toBe("Calls");
      expect(call.params.Twiml).toContain("Checkout is down");
      expect(twilio.current.requests.indexOf(call)).toBeGreaterThan(twilio.current.requests.indexOf(text));

      // Grace acknowledges: her last rule never fires.
      await ok(
        api().request<Incident>("POST", `/v1/incidents/${incident.id}/transition`, { token: grace.accessToken, body: { toStatus: "acknowledged", version: incident.version } }),
        200,
        "acknowledge",
      );
      expect((await queuedJobs(api().db, { task: "page_rule" })).filter((j) => j.payload.incidentId === incident.id)).toEqual([]);
      expect(await makeJobDue(api().db, pageJobKey(incident.id, grace.user.id, 2))).toBe(false);

      // Ada, who holds the rota under the override, was not paged; Grace's attempts hang on the escalation.
      const attempts = await waitFor(
        async () => {
          const all = await notificationsOf(owner.accessToken, incident.id);
          return all.length === 2 && all.every((a) => a.status === "succeeded") ? all : undefined;
        },
        15_000,
        "both pages delivered",
      );
      expect(attempts.map((a) => ({ user: a.user?.id, channel: a.channel, delay: a.delayMinutes, event: a.eventId })).sort((a, b) => (a.delay ?? 0) - (b.delay ?? 0))).toEqual([
        { user: grace.user.id, channel: "sms", delay: 0, event: escalated.id },
        { user: grace.user.id, channel: "voice", delay: 1, event: escalated.id },
      ]);
      await sleep(300);
      expect(mailsTo(ada.user.email)).toEqual([]);
      expect(mailsTo(grace.user.email)).toEqual([]);
    },
  );

  it("an empty schedule falls through to the next level at once, writing no_one_on_call", { timeout: 45_000 }, async () => {
    const { owner, ada } = await anOrg();
    const empty = await aSchedule(api(), owner.accessToken, { layers: [futureLayer(ada.user.id)] });
    const incident = await incidentOn(
      owner.accessToken,
      [
        // A long delay: reaching level 2 now can only be the fall-through.
        { delaySeconds: 3600, targets: [{ type: "schedule", scheduleId: empty.id }] },
        { delaySeconds: 3600, targets: [{ type: "user", userId: ada.user.id }] },
      ],
      "Nobody on the rota",
    );
    const escalated = await waitForEvent(owner.accessToken, incident.id, (e) => e.kind === "escalated", "level 2");
    expect(escalated.data).toMatchObject({ level: 2, notified: [{ type: "user", userId: ada.user.id, via: { type: "user" } }] });
    const timeline = await events(owner.accessToken, incident.id);
    const noOne = timeline.filter((e) => e.kind === "no_one_on_call");
    expect(noOne.map((e) => e.data.level)).toEqual([1]);
    expect(noOne[0]?.data.adminsNotified).toBeUndefined();
    const ids = timeline.map((e) => e.id);
    expect(ids.indexOf(noOne[0]?.id ?? "")).toBeLessThan(ids.indexOf(escalated.id));
    // Ada's only rule: her account email, at once.
    await waitFor(() => mailsTo(ada.user.email).find((m) => subjectOf(m.raw).includes("Nobody on the rota")), 15_000, "Ada's page");
  });

  it("a level whose people all opted out of the page's kind falls through at once too: it reaches nobody", { timeout: 45_000 }, async () => {
    const { owner, ada, grace } = await anOrg();
    await api().request("PUT", "/v1/users/me/notification-preferences", { token: grace.accessToken, body: { eventKinds: ["resolved"] } });
    const incident = await incidentOn(
      owner.accessToken,
      [
        { delaySeconds: 3600, targets: [{ type: "user", userId: grace.user.id }] },
        { delaySeconds: 3600, targets: [{ type: "user", userId: ada.user.id }] },
      ],
      "Grace takes no pages",
    );
    const escalated = await waitForEvent(owner.accessToken, incident.id, (e) => e.kind === "escalated", "level 2");
    expect(escalated.data).toMatchObject({ level: 2, notified: [{ type: "user", userId: ada.user.id }] });
    expect((await events(owner.accessToken, incident.id)).filter((e) => e.kind === "no_one_on_call").map((e) => e.data.level)).toEqual([1]);
  });

  it("when no level finds anybody, the org admins are told through their account email", { timeout: 45_000 }, async () => {
    const { owner, ada } = await anOrg();
    const empty = await aSchedule(api(), owner.accessToken, { layers: [futureLayer(ada.user.id)] });
    const incident = await incidentOn(owner.accessToken, [{ delaySeconds: 60, targets: [{ type: "schedule", scheduleId: empty.id }] }], "Whose is this");
    const noOne = await waitForEvent(owner.accessToken, incident.id, (e) => e.kind === "no_one_on_call", "no one on call");
    expect(noOne.data).toMatchObject({ level: 1, everyLevel: true, adminsNotified: [{ id: owner.user.id, name: owner.user.name }] });
    await waitFor(() => mailsTo(owner.user.email).find((m) => subjectOf(m.raw).includes("Whose is this")), 15_000, "the admin's email");
    expect(mailsTo(ada.user.email)).toEqual([]);
    expect((await ok(api().request<Incident>("GET", `/v1/incidents/${incident.id}`, { token: owner.accessToken }), 200, "incident")).assignees).toEqual([]);
  });
});

describe("a level naming a team", () => {
  it("pages the team's managers with role manager, and everyone in it without a role", { timeout: 45_000 }, async () => {
    const { owner, ada, grace } = await anOrg();
    const team = await aTeam(api(), owner.accessToken);
    await setTeamMember(api(), owner.accessToken, team.id, ada.user.id, "manager");
    await setTeamMember(api(), owner.accessToken, team.id, grace.user.id, "member");
    const incident = await incidentOn(
      owner.accessToken,
      [
        { delaySeconds: 1, targets: [{ type: "team", teamId: team.id, role: "manager" }] },
        { delaySeconds: 60, targets: [{ type: "team", teamId: team.id }] },
      ],
      "Payments are slow",
    );
    const level1 = await waitForEvent(owner.accessToken, incident.id, (e) => e.kind === "escalated" && e.data.level === 1, "level 1");
    expect(level1.data.notified).toEqual([
      { type: "user", userId: ada.user.id, email: ada.user.email, name: ada.user.name, via: { type: "team", teamId: team.id, role: "manager" } },
    ]);
    const level2 = await waitForEvent(owner.accessToken, incident.id, (e) => e.kind === "escalated" && e.data.level === 2, "level 2");
    // Managers first, in the order they joined.
    expect((level2.data.notified as { userId: string }[]).map((n) => n.userId)).toEqual([ada.user.id, grace.user.id]);
    const current = await ok(api().request<Incident>("GET", `/v1/incidents/${incident.id}`, { token: owner.accessToken }), 200, "incident");
    expect(current.assignees.map((a) => a.id).sort()).toEqual([ada.user.id, grace.user.id].sort());
    // Each page went through the person's rules: their account email.
    await waitFor(() => mailsTo(grace.user.email).find((m) => subjectOf(m.raw).includes("Payments are slow")), 15_000, "Grace's page");
    await waitFor(() => (mailsTo(ada.user.email).filter((m) => subjectOf(m.raw).includes("Payments are slow")).length === 2 ? true : undefined), 15_000, "Ada's two pages");
  });
});

describe("a contact method deleted after it paged", () => {
  it("stays in the incident's history as it was, its number masked, and its later rule sends nothing", { timeout: 45_000 }, async () => {
    const { owner, grace } = await anOrg();
    // Grace: her account email and a text at once, the same text again after a minute.
    const [graceEmail] = await contactMethodsOf(api(), grace.accessToken);
    const sms = await aContactMethod(api(), grace.accessToken, { type: "sms", name: "Work phone", address: "+15555550123" });
    await setNotificationRules(api(), grace.accessToken, [
      { contactMethodId: (graceEmail as ContactMethod).id, delayMinutes: 0 },
      { contactMethodId: sms.id, delayMinutes: 0 },
      { contactMethodId: sms.id, delayMinutes: 1 },
    ]);
    const incident = await incidentOn(owner.accessToken, [{ delaySeconds: 600, targets: [{ type: "user", userId: grace.user.id }] }], "Grace's phone goes");
    await waitFor(() => twilioTo("+15555550123")[0], 15_000, "the text to Grace");
    const texted = () =>
      waitFor(
        async () => (await notificationsOf(owner.accessToken, incident.id)).find((a) => a.channel === "sms" && a.status === "succeeded"),
        15_000,
        "the text recorded",
      );
    const method = { id: sms.id, name: "Work phone", type: "sms", address: "+****0123" };
    expect((await texted()).contactMethod).toEqual({ ...method, deleted: false });

    await ok(api().request("DELETE", `/v1/users/me/contact-methods/${sms.id}`, { token: grace.accessToken }), 200, "delete the phone");
    expect(await texted()).toMatchObject({ contactMethod: { ...method, deleted: true }, user: { id: grace.user.id }, delayMinutes: 0, attemptCount: 1 });
    // Its later rule's job finds the method deleted: no page, no text.
    expect(await makeJobDue(api().db, pageJobKey(incident.id, grace.user.id, 2))).toBe(true);
    await waitFor(async () => ((await queuedJobs(api().db, { task: "page_rule" })).some((j) => j.payload.incidentId === incident.id) ? undefined : true), 15_000, "the later rule run");
    await sleep(300);
    expect(twilioTo("+15555550123")).toHaveLength(1);
    expect((await notificationsOf(owner.accessToken, incident.id)).filter((a) => a.channel === "sms")).toHaveLength(1);
  });
});
