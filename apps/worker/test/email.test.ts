import { beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aUserWithRole,
  listAttempts,
  listEvents,
  plainTextOf,
  sleep,
  startSmtpSink,
  subjectOf,
  useStarted,
  useTestStack,
  waitFor,
  type ReceivedMail,
} from "@incidentops/testkit";

/** An address whose mailbox the SMTP sink says does not exist (550 to RCPT TO). */
const GONE_MAILBOX = /^gone-/;

const smtp = useStarted("The SMTP sink", () =>
  startSmtpSink({
    onRcptTo(address, _session, callback) {
      callback(GONE_MAILBOX.test(address.address) ? Object.assign(new Error("5.1.1 No such mailbox"), { responseCode: 550 }) : null);
    },
  }),
);
const mails = (): ReceivedMail[] => smtp.current.mails;

// Registered after the SMTP sink's hook, so its URL is known when the stack starts.
const stack = useTestStack(() => ({ SMTP_URL: smtp.current.url }));

beforeAll(async () => {
  await stack.current.startWorker();
});

const mailsTo = (address: string) => mails().filter((m) => m.to.includes(address));

describe("email delivery through a real SMTP server", () => {
  it("emails a policy's user targets with the incident's title, honouring each user's preferences", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    expect(api.config.delivery.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    const admin = await anOrgOwner(api);
    const token = admin.accessToken;
    const optedOut = await aUserWithRole(api, admin.org.id, "member");
    const paged = await aUserWithRole(api, admin.org.id, "member");

    // One user only wants to hear about resolutions: not triggered, not escalated.
    const prefs = await api.request<{ eventKinds: string[] }>("PUT", "/v1/users/me/notification-preferences", {
      token: optedOut.accessToken,
      body: { eventKinds: ["resolved"] },
    });
    expect(prefs.status).toBe(200);
    expect(prefs.body.eventKinds).toEqual(["resolved"]);
    const defaults = await api.request<{ eventKinds: string[] }>("GET", "/v1/users/me/notification-preferences", { token: paged.accessToken });
    expect(defaults.body.eventKinds).toContain("triggered");
    expect(defaults.body.eventKinds).toContain("escalated");

    const both = [
      { type: "user", userId: optedOut.user.id },
      { type: "user", userId: paged.user.id },
    ];
    const policy = await api.request<{ id: string }>("POST", "/v1/org/escalation-policies", {
      token,
      body: { name: "People", levels: [{ delaySeconds: 1, targets: both }, { delaySeconds: 1, targets: both }] },
    });
    expect(policy.status).toBe(201);
    const service = await aService(api, token);
    const patched = await api.request("PATCH", `/v1/org/services/${service.id}`, { token, body: { escalationPolicyId: policy.body.id } });
    expect(patched.status).toBe(200);

    const incident = await anIncident(api, token, service.id, { title: "Disk full on db-7", severity: "sev1" });

    // Level 1 (kind "triggered") then level 2 (kind "escalated"): two emails to the paged user.
    const received = await waitFor(() => (mailsTo(paged.user.email).length >= 2 ? mailsTo(paged.user.email) : undefined), 20_000, "two emails");
    for (const mail of received) {
      expect(subjectOf(mail.raw)).toContain("Disk full on db-7");
      expect(plainTextOf(mail.raw)).toContain("Disk full on db-7");
      expect(plainTextOf(mail.raw)).toContain(`/incidents/${incident.id}`);
      expect(plainTextOf(mail.raw)).toContain(`Service: ${service.name}`);
      expect(plainTextOf(mail.raw)).not.toContain("/v1/incidents/");
      expect(mail.from).toBe("incidentops@localhost");
    }

    const escalated = (await listEvents(api, token, incident.id)).filter((e) => e.kind === "escalated");
    expect(escalated.map((e) => e.data.level)).toEqual([1, 2]);
    for (const event of escalated) {
      expect(event.data.notified).toEqual([{ type: "user", userId: paged.user.id, email: paged.user.email, name: paged.user.name, via: { type: "user" } }]);
    }
    const attempts = await waitFor(async () => {
      const list = await listAttempts(api, token, incident.id);
      return list.length === 2 && list.every((a) => a.status === "succeeded") ? list : undefined;
    });
    for (const attempt of attempts) {
      expect(attempt).toMatchObject({ channel: "email", user: { id: paged.user.id, email: paged.user.email }, target: null, note: null });
    }

    // The opted-out user was never emailed (give a straggler time to show up).
    await sleep(500);
    expect(mailsTo(optedOut.user.email)).toEqual([]);
    expect(attempts.some((a) => a.user?.id === optedOut.user.id)).toBe(false);
  });

  it("an email notification target receives the triggered notification", async () => {
    const { api } = stack.current;
    const { accessToken: token } = await anOrgOwner(api);
    const address = `oncall-${Date.now()}@example.com`;
    const target = await api.request<{ id: string }>("POST", "/v1/org/notification-targets", {
      token,
      body: { name: "On-call inbox", type: "email", config: { address } },
    });
    expect(target.status).toBe(201);
    const service = await aService(api, token);
    const incident = await anIncident(api, token, service.id, { title: "Checkout latency above SLO" });

    const [mail] = await waitFor(() => (mailsTo(address).length > 0 ? mailsTo(address) : undefined), 20_000, "the email");
    if (mail === undefined) throw new Error("no mail");
    expect(subjectOf(mail.raw)).toContain("Triggered");
    expect(subjectOf(mail.raw)).toContain("Checkout latency above SLO");
    expect(plainTextOf(mail.raw)).toContain("Checkout latency above SLO");
    const attempts = await waitFor(async () => {
      const list = await listAttempts(api, token, incident.id);
      return list[0]?.status === "succeeded" ? list : undefined;
    });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ channel: "email", target: { id: target.body.id, type: "email" }, attemptCount: 1 });
  });

  it("ends an attempt at once when the server says the mailbox does not exist (550), saying what to do", async () => {
    const { api } = stack.current;
    const { accessToken: token } = await anOrgOwner(api);
    const address = `gone-${Date.now()}@example.com`;
    const target = await api.request<{ id: string }>("POST", "/v1/org/notification-targets", { token, body: { name: "Old inbox", type: "email", config: { address } } });
    expect(target.status).toBe(201);
    const service = await aService(api, token);
    const incident = await anIncident(api, token, service.id);

    const [attempt] = await waitFor(async () => {
      const list = await listAttempts(api, token, incident.id);
      return list[0]?.status === "failed" ? list : undefined;
    });
    expect(attempt).toMatchObject({ channel: "email", status: "failed", attemptCount: 1 });
    expect(attempt?.lastError).toMatch(/550 5\.1\.1 No such mailbox\. Not retried: the server takes no mail for this address/);
    expect(mailsTo(address)).toEqual([]);
  });
});
