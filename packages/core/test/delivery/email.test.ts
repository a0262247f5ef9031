import { pino } from "pino";
import type { SMTPServerOptions } from "smtp-server";
import { describe, expect, it } from "vitest";
import { createMailer, emailFor, type Mailer } from "../../src/delivery/index.js";
import { closeAfterEach, closedPort, plainTextOf, startSmtpSink, type SmtpSink } from "@incidentops/testkit";
import { makePayload, PUBLIC_URL } from "./helpers.js";

const closing = closeAfterEach();

const startSmtp = async (options: SMTPServerOptions = {}): Promise<SmtpSink> => closing(await startSmtpSink(options));

const mailer = (options: Parameters<typeof createMailer>[0]): Mailer => closing(createMailer(options));

const silentLogger = pino({ level: "silent" });

describe("emailFor", () => {
  it("has the subject, the facts, the event and the link; the HTML escapes user text", () => {
    const payload = makePayload();
    const email = emailFor(payload, PUBLIC_URL);
    const link = `${PUBLIC_URL}/incidents/${payload.incident.id}`;

    expect(email.subject).toBe("[SEV2] Triggered: Database down");
    expect(email.text).toContain("Database down");
    expect(email.text).toContain("Severity: SEV2");
    expect(email.text).toContain("Status: Triggered");
    expect(email.text).toContain("Incident triggered at SEV2: Primary is not answering");
    expect(email.text).toContain(`View the incident: ${link}`);
    expect(email.html).toContain(`<a href="${link}">`);

    const base = makePayload();
    const hostile = emailFor(
      makePayload({
        type: "incident.commented",
        incident: { ...base.incident, title: "<img src=x onerror=alert(1)>\r\nBcc: victim@example.com" },
        event: { ...base.event, kind: "commented", data: { body: "<script>steal()</script>" } },
      }),
      PUBLIC_URL,
    );
    expect(hostile.subject).toBe("[SEV2] Commented: <img src=x onerror=alert(1)> Bcc: victim@example.com");
    expect(hostile.html).not.toContain("<img");
    expect(hostile.html).not.toContain("<script>");
    expect(hostile.html).toContain("&lt;script&gt;steal()&lt;/script&gt;");
    expect(hostile.text).toContain("Comment: <script>steal()</script>");
  });

  it("labels a test notification", () => {
    const email = emailFor(makePayload({ type: "test" }), PUBLIC_URL);
    expect(email.subject).toBe("[SEV2] Test: Database down");
    expect(email.text).toContain("This is a test notification from IncidentOps");
  });
});

describe("createMailer over SMTP", () => {
  it("delivers the email to the SMTP server", async () => {
    const smtp = await startSmtp();
    const payload = makePayload();
    const email = emailFor(payload, PUBLIC_URL);
    const sender = mailer({ smtpUrl: smtp.url, from: "IncidentOps <alerts@incidentops.test>", logger: silentLogger });

    const outcome = await sender.send({ to: "oncall@example.test", ...email });

    expect(outcome).toMatchObject({ ok: true, httpStatus: null, error: null, note: null });
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    if (mail === undefined) throw new Error("no mail");
    expect(mail.from).toBe("alerts@incidentops.test");
    expect(mail.to).toEqual(["oncall@example.test"]);
    expect(mail.raw).toContain("Subject: [SEV2] Triggered: Database down");
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);
    const text = plainTextOf(mail.raw);
    expect(text).toContain("Database down");
    expect(text).toContain(`${PUBLIC_URL}/incidents/${payload.incident.id}`);
  });

  it("fails when nothing listens, with a clear error", async () => {
    const port = await closedPort();
    const sender = mailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "alerts@incidentops.test", logger: silentLogger });
    const outcome = await sender.send({ to: "oncall@example.test", subject: "s", text: "t" });
    expect(outcome).toMatchObject({ ok: false, httpStatus: null, note: null });
    expect(outcome.error).toMatch(/^could not connect to the SMTP server \(ECONNREFUSED\)/);
  });

  it("fails on refused credentials without quoting the password", async () => {
    const smtp = await startSmtp({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(_auth, _session, callback) {
        callback(new Error("Invalid username or password"));
      },
    });
    const password = "S3cret!Pass";
    const sender = mailer({
      smtpUrl: `smtp://alice:${encodeURIComponent(password)}@127.0.0.1:${smtp.port}`,
      from: "alerts@incidentops.test",
      logger: silentLogger,
    });
    const outcome = await sender.send({ to: "oncall@example.test", subject: "s", text: "t" });
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/^SMTP authentication failed/);
    expect(JSON.stringify(outcome)).not.toContain("S3cret");
    expect(smtp.mails).toHaveLength(0);
  });

  it("fails when the server refuses the recipient", async () => {
    const smtp = await startSmtp({
      onRcptTo(address, _session, callback) {
        callback(address.address.endsWith("@example.test") ? null : new Error("No such mailbox"));
      },
    });
    const sender = mailer({ smtpUrl: smtp.url, from: "alerts@incidentops.test", logger: silentLogger });
    const outcome = await sender.send({ to: "nobody@elsewhere.test", subject: "s", text: "t" });
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/No such mailbox/);
    expect(smtp.mails).toHaveLength(0);
  });
});

describe("createMailer: which refusals end an attempt", () => {
  /** An SMTP error reply, as smtp-server sends it. */
  const reply = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

  /** Sends one email through a server that answers RCPT TO and DATA as told: the outcome. */
  async function sentThrough(answers: { rcpt?: Error; data?: Error }) {
    const smtp = await startSmtp({
      onRcptTo(_address, _session, callback) {
        callback(answers.rcpt ?? null);
      },
      onData(stream, _session, callback) {
        stream.on("data", () => undefined);
        stream.on("end", () => callback(answers.data ?? null));
      },
    });
    return mailer({ smtpUrl: smtp.url, from: "alerts@incidentops.test", logger: silentLogger }).send({ to: "oncall@example.test", subject: "s", text: "t" });
  }

  it("ends it on a permanent reply to RCPT TO or DATA (550 mailbox unavailable, 554 rejected), saying what to do; retries the rest", async () => {
    const unknown = await sentThrough({ rcpt: reply(550, "5.1.1 No such mailbox") });
    expect(unknown).toMatchObject({ ok: false, permanent: true });
    expect(unknown.error).toMatch(/550 5\.1\.1 No such mailbox\. Not retried: the server takes no mail for this address; check it and update the target or the contact method$/);
    const rejected = await sentThrough({ data: reply(554, "5.7.1 Message rejected as spam") });
    expect(rejected).toMatchObject({ ok: false, permanent: true });
    expect(rejected.error).toMatch(/554 5\.7\.1 Message rejected as spam\. Not retried: the server will not take this message/);

    // Retried: a 4xx reply, a 552 to RCPT TO (too many recipients for now), a connection that fails.
    const outcomes = [
      await sentThrough({ rcpt: reply(450, "4.2.1 Mailbox busy, try later") }),
      await sentThrough({ rcpt: reply(552, "5.5.3 Too many recipients") }),
      await sentThrough({ data: reply(451, "4.3.0 Local error, try later") }),
      await mailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from: "alerts@incidentops.test", logger: silentLogger }).send({ to: "oncall@example.test", subject: "s", text: "t" }),
    ];
    for (const outcome of outcomes) {
      expect(outcome.ok, outcome.error ?? "").toBe(false);
      expect(outcome.permanent, outcome.error ?? "").toBeUndefined();
    }
  });
});

describe("createMailer without SMTP", () => {
  it("writes the email to the log and says so", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const sender = mailer({ smtpUrl: undefined, from: "alerts@incidentops.test", logger });
    const email = emailFor(makePayload(), PUBLIC_URL);

    const outcome = await sender.send({ to: "oncall@example.test", ...email });

    expect(outcome).toMatchObject({
      ok: true,
      httpStatus: null,
      error: null,
      note: "SMTP is not configured: the email was written to the log",
    });
    expect(lines).toHaveLength(1);
    const entry: unknown = JSON.parse(lines[0] ?? "");
    expect(entry).toMatchObject({
      level: 30,
      msg: "SMTP is not configured: the email was written to the log",
      email: { to: "oncall@example.test", subject: "[SEV2] Triggered: Database down", text: email.text },
    });
  });
});
