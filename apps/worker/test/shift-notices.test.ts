import { planShiftNotices, sendShiftNotice, shiftPlanJobKey, type Schedule } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anOrgOwner,
  aUserWithRole,
  ok,
  queuedJobs,
  startSmtpSink,
  subjectOf,
  uniqueName,
  useStarted,
  useTestStack,
  waitFor,
  type Account,
  type TestApi,
} from "@incidentops/testkit";

// Shift notifications: each schedule's planning job plans a job per shift start and reminder of
// the next 24 hours (at explicit instants here), and the worker tells the person by email when
// the shift starts, unless it moved since.

const smtp = useStarted("The SMTP sink", () => startSmtpSink());
const stack = useTestStack(() => ({ SMTP_URL: smtp.current.url }));

const HOUR_MS = 3_600_000;
let api: TestApi;
let owner: Account;
let ada: Account;
let bob: Account;

beforeAll(async () => {
  api = stack.current.api;
  owner = await anOrgOwner(api, { orgName: "Shift Notices Org" });
  [ada, bob] = await Promise.all([aUserWithRole(api, owner.org.id, "member"), aUserWithRole(api, owner.org.id, "member")]);
});

/** A daily 09:00 Berlin rotation of ada and bob (turn 0, ada, on Monday 4 January 2027). */
const aRota = (token = owner.accessToken) =>
  ok(
    api.request<Schedule>("POST", "/v1/org/schedules", {
      token,
      body: {
        name: uniqueName("rota"),
        timeZone: "Europe/Berlin",
        layers: [{ name: "Daily", start: "2026-01-01T00:00:00Z", rotationStart: "2027-01-04T08:00:00Z", rotation: { unit: "day", length: 1 }, participants: [ada.user.id, bob.user.id] }],
      },
    }),
    201,
    "create schedule",
  );

describe("planning (at explicit instants)", () => {
  it("plans the shift starts of the next 24 hours and each person's reminder, then plans itself again in 12 hours", async () => {
    await ok(api.request("PATCH", "/v1/users/me", { token: bob.accessToken, body: { handoffReminderMinutes: 30 } }), 200, "set reminder");
    const rota = await aRota();
    const job = { orgId: owner.org.id, scheduleId: rota.id, requestId: uniqueName("plan") };
    // Saturday 27 March 2027, 12:00Z: the next handoff is Sunday's, at 09:00 CEST = 07:00Z (bob's turn).
    const now = new Date("2027-03-27T12:00:00Z");
    const planned = await planShiftNotices(api.db, job, now);
    expect(planned.map((n) => [n.userId, n.kind, n.at.toISOString(), n.shiftStart.toISOString()])).toEqual([
      [bob.user.id, "start", "2027-03-28T07:00:00.000Z", "2027-03-28T07:00:00.000Z"],
      [bob.user.id, "reminder", "2027-03-28T06:30:00.000Z", "2027-03-28T07:00:00.000Z"],
    ]);
    const notices = await queuedJobs(api.db, { task: "send_shift_notice", orgId: owner.org.id });
    const mine = notices.filter((j) => j.payload.scheduleId === rota.id);
    expect(mine.map((j) => [j.payload.kind, j.runAt]).sort()).toEqual([
      ["reminder", "2027-03-28T06:30:00.000Z"],
      ["start", "2027-03-28T07:00:00.000Z"],
    ]);
    const [plan] = await queuedJobs(api.db, { key: shiftPlanJobKey(rota.id) });
    expect(plan?.runAt).toBe("2027-03-28T00:00:00.000Z");

    // Planning again (the next run, or a replan) adds nothing twice.
    await planShiftNotices(api.db, job, new Date("2027-03-27T13:00:00Z"));
    expect((await queuedJobs(api.db, { task: "send_shift_notice", orgId: owner.org.id })).filter((j) => j.payload.scheduleId === rota.id)).toHaveLength(2);
  });

  it("a reminder change replans the person's schedules", async () => {
    const rota = await aRota();
    await ok(api.request("PATCH", "/v1/users/me", { token: ada.accessToken, body: { handoffReminderMinutes: 15 } }), 200, "set reminder");
    await waitFor(async () => (await queuedJobs(api.db, { task: "replan_user_shift_notices" })).length === 0, 10_000, "the replan job to run");
    expect(await queuedJobs(api.db, { key: shiftPlanJobKey(rota.id) })).toHaveLength(1);
  });

  it("refuses a reminder outside 1..1440 minutes and clears it with null", async () => {
    const bad = await api.request("PATCH", "/v1/users/me", { token: ada.accessToken, body: { handoffReminderMinutes: 0 } });
    expect(bad.status).toBe(400);
    const cleared = await api.request<{ handoffReminderMinutes: number | null }>("PATCH", "/v1/users/me", { token: ada.accessToken, body: { handoffReminderMinutes: null } });
    expect(cleared.body.handoffReminderMinutes).toBeNull();
  });
});

describe("sending", () => {
  it("tells the person their shift started, in their time zone, until when", async () => {
    await ok(api.request("PATCH", "/v1/users/me", { token: bob.accessToken, body: { timeZone: "Europe/Berlin" } }), 200, "set zone");
    const rota = await aRota();
    const outcome = await sendShiftNotice(
      api.db,
      api.config,
      { orgId: owner.org.id, scheduleId: rota.id, userId: bob.user.id, shiftStart: "2027-03-28T07:00:00.000Z", kind: "start", requestId: uniqueName("notice") },
      new Date("2027-03-28T07:00:00Z"),
    );
    expect(outcome).toBe("sent");
    const emails = (await queuedJobs(api.db, { task: "send_account_email" })).filter((j) => j.payload.to === bob.email && String(j.payload.subject).includes(rota.name));
    expect(emails).toHaveLength(1);
    expect(emails[0]?.payload.text).toContain(`You are on call for ${rota.name} until Mon 29 Mar 2027, 09:00 (Europe/Berlin).`);
    expect(emails[0]?.payload.text).toContain(`Your shifts: http://localhost:${api.config.port}/my-shifts?org=${owner.org.id}`);

    // A reminder a minute ahead says "1 minute".
    const reminder = { orgId: owner.org.id, scheduleId: rota.id, userId: bob.user.id, shiftStart: "2027-03-28T07:00:00.000Z", kind: "reminder" as const, requestId: uniqueName("reminder") };
    expect(await sendShiftNotice(api.db, api.config, reminder, new Date("2027-03-28T06:59:00Z"))).toBe("sent");
    const reminders = (await queuedJobs(api.db, { task: "send_account_email" })).filter((j) => j.payload.to === bob.email && String(j.payload.subject).includes("starts in"));
    expect(reminders.map((j) => j.payload.subject)).toEqual([`Your on-call shift for ${rota.name} starts in 1 minute`]);
  });

  it("drops a notice whose shift moved since it was planned", async () => {
    const rota = await aRota();
    // 28 March 07:00Z is bob's handoff, not ada's.
    const outcome = await sendShiftNotice(
      api.db,
      api.config,
      { orgId: owner.org.id, scheduleId: rota.id, userId: ada.user.id, shiftStart: "2027-03-28T07:00:00.000Z", kind: "start", requestId: uniqueName("stale") },
      new Date("2027-03-28T07:00:00Z"),
    );
    expect(outcome).toBe("stale");
  });

  it("end to end: an override starting in a few seconds gets its person an email when it starts", { timeout: 60_000 }, async () => {
    await stack.current.startWorker();
    const rota = await aRota();
    // Far enough ahead that the override is planned before it starts, on a busy machine too.
    const start = new Date(Math.ceil((Date.now() + 6000) / 1000) * 1000);
    const override = await api.request("POST", `/v1/org/schedules/${rota.id}/overrides`, {
      token: owner.accessToken,
      body: { userId: owner.user.id, start: start.toISOString(), end: new Date(start.getTime() + HOUR_MS).toISOString() },
    });
    expect(override.status, JSON.stringify(override.body)).toBe(201);
    const mail = await waitFor(
      () => smtp.current.mails.find((m) => m.to.includes(owner.email) && subjectOf(m.raw) === `You are on call for ${rota.name}`),
      40_000,
      "the shift-start email",
    );
    // A plain-text email (no MIME parts): its body, soft line breaks undone.
    expect(mail.raw.replace(/=\r\n/g, "")).toContain(`You are on call for ${rota.name} until`);
    expect(Date.now()).toBeGreaterThanOrEqual(start.getTime());
  });
});
