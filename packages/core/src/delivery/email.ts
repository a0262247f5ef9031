import { createTransport } from "nodemailer";
import { redactTokens, type Logger } from "../logger.js";
import type { NotificationPayload } from "./payload.js";
import { elapsedSince, failure, permanentFailure, type DeliveryOutcome } from "./outcome.js";
import { eventSummary, incidentLink, kindLabel, oneLine, severityLabel, statusLabel } from "./summary.js";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: EmailMessage): Promise<DeliveryOutcome>;
  close(): void;
}

export const EMAIL_LOGGED_NOTE = "SMTP is not configured: the email was written to the log";

const MAX_ERROR = 300;

const SMTP_ERRORS: Record<string, string> = {
  EAUTH: "SMTP authentication failed",
  ENOAUTH: "SMTP authentication failed",
  ETIMEDOUT: "the SMTP server timed out",
  EDNS: "could not resolve the SMTP host",
  ETLS: "TLS with the SMTP server failed",
  ECONNECTION: "the SMTP connection was closed unexpectedly",
  ESOCKET: "could not connect to the SMTP server",
  EENVELOPE: "the SMTP server refused the sender or recipient",
  EMESSAGE: "the SMTP server refused the message",
};

/** The SMTP password, raw and decoded: whatever form an error might quote it in. */
function secretsOf(smtpUrl: string): string[] {
  const { password } = new URL(smtpUrl);
  return password === "" ? [] : [password, decodeURIComponent(password)];
}

function describeSmtpError(error: unknown, secrets: readonly string[]): string {
  if (typeof error !== "object" || error === null) return "sending the email failed";
  const code = "code" in error ? error.code : undefined;
  const originalCode = "originalCode" in error ? error.originalCode : undefined;
  const response = "response" in error ? error.response : undefined;
  let reason = typeof code === "string" ? (SMTP_ERRORS[code] ?? `sending the email failed (${code})`) : "sending the email failed";
  if (typeof originalCode === "string" && /^E[A-Z]+$/.test(originalCode)) reason += ` (${originalCode})`;
  if (typeof response === "string" && response !== "") reason += `: ${oneLine(response)}`;
  for (const secret of secrets) reason = reason.split(secret).join("****");
  return reason.length <= MAX_ERROR ? reason : `${reason.slice(0, MAX_ERROR - 1)}…`;
}

/**
 * A refusal no retry can fix, with what to do about it: a permanent (5xx) reply to RCPT TO or DATA
 * (RFC 5321 section 4.2.1), except a 552 to RCPT TO, which clients are to take as "too many
 * recipients for now" (section 4.5.3.1.10). Undefined for anything else: a 4xx reply, a refused
 * sender or login (the server's or this deployment's settings, fixed by an operator), a connection
 * that failed.
 */
function lastingRefusal(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = "responseCode" in error ? error.responseCode : undefined;
  const command = "command" in error ? error.command : undefined;
  if (typeof code !== "number" || code < 500 || code > 599) return undefined;
  if (command === "RCPT TO" && code !== 552) return "the server takes no mail for this address; check it and update the target or the contact method";
  if (command === "DATA") return "the server will not take this message for this address (its reply says why); check the address, or ask the mail server's admin";
  return undefined;
}

/**
 * Writes each email to the log instead of sending it. A single-use link in it (password reset,
 * invitation) is a credential: at info level its token is redacted; the whole text is logged at
 * debug level only (LOG_LEVEL=debug, for development).
 */
function logMailer(logger: Logger): Mailer {
  return {
    send(message) {
      const startedAt = performance.now();
      logger.info({ email: { to: message.to, subject: message.subject, text: redactTokens(message.text) } }, EMAIL_LOGGED_NOTE);
      logger.debug({ email: { to: message.to, subject: message.subject, text: message.text } }, "the logged email, with its links");
      return Promise.resolve({ ok: true, httpStatus: null, error: null, note: EMAIL_LOGGED_NOTE, durationMs: elapsedSince(startedAt) });
    },
    close() {
      // Nothing to release.
    },
  };
}

/**
 * An SMTP mailer for `smtpUrl` (e.g. smtp://user:pass@host:587, smtps://..., `?pool=true`), or,
 * with none configured, one that writes each email to the log (see logMailer) and says so in the
 * outcome.
 */
export function createMailer(options: { smtpUrl: string | undefined; from: string; logger: Logger }): Mailer {
  if (options.smtpUrl === undefined || options.smtpUrl === "") return logMailer(options.logger);
  let secrets: string[];
  try {
    secrets = secretsOf(options.smtpUrl);
  } catch {
    // Never quote the URL: it may hold the SMTP password.
    throw new Error("The SMTP URL is not a valid URL");
  }
  const transport = createTransport({
    url: options.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      const startedAt = performance.now();
      try {
        const info = await transport.sendMail({ from: options.from, ...message });
        if (info.rejected.length > 0 || info.accepted.length === 0) {
          return failure(startedAt, "the SMTP server refused the recipient");
        }
        return { ok: true, httpStatus: null, error: null, note: null, durationMs: elapsedSince(startedAt) };
      } catch (error) {
        const reason = describeSmtpError(error, secrets);
        const lasting = lastingRefusal(error);
        return lasting === undefined ? failure(startedAt, reason) : permanentFailure(startedAt, `${reason}. Not retried: ${lasting}`);
      }
    },
    close() {
      transport.close();
    },
  };
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Subject "[SEV2] Triggered: <title>", and a text and an HTML body with the facts and the link. */
export function emailFor(payload: NotificationPayload, publicUrl: string): { subject: string; text: string; html: string } {
  const title = oneLine(payload.incident.title);
  const link = incidentLink(payload, publicUrl);
  const subject = `[${severityLabel(payload)}] ${kindLabel(payload)}: ${title}`;
  const summary = eventSummary(payload);
  const facts: [string, string][] = [
    ["Severity", severityLabel(payload)],
    ["Status", statusLabel(payload)],
    ["Service", payload.service.name],
    ["Organisation", payload.org.name],
  ];
  const text = [
    subject,
    "",
    ...facts.map(([label, value]) => `${label}: ${value}`),
    "",
    summary,
    "",
    `View the incident: ${link}`,
    "",
  ].join("\n");
  const html = [
    `<h2>${escapeHtml(subject)}</h2>`,
    `<table>${facts.map(([label, value]) => `<tr><th align="left">${label}</th><td>${escapeHtml(value)}</td></tr>`).join("")}</table>`,
    `<p style="white-space: pre-wrap">${escapeHtml(summary)}</p>`,
    `<p><a href="${escapeHtml(link)}">View the incident</a></p>`,
  ].join("\n");
  return { subject, text, html };
}
