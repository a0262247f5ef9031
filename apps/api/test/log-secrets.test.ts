import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  aHeartbeat,
  anApiKey,
  anIncident,
  anIntegrationKey,
  anInvitation,
  anOrgOwner,
  aService,
  aWebhookTarget,
  captureLogger,
  expectError,
  ok,
  queuedJobs,
  startSmtpSink,
  startWebhookReceiver,
  TEST_APP_DB_PASSWORD,
  TEST_JWT_SECRET,
  uniqueEmail,
  useStarted,
  useTestStack,
  waitFor,
  type Account,
} from "@incidentops/testkit";
import { aStreamTicket, openLiveStreamWith } from "./support/live.js";

// A full run, API and worker, logging at info level as in production, through one captured log.
// Every credential the run creates or uses is then searched for in everything logged.

const SMTP_USER = "mailer";
const SMTP_PASSWORD = `smtp-${randomBytes(8).toString("hex")}`;
const smtp = useStarted("The SMTP sink", () =>
  startSmtpSink({ authOptional: false, authMethods: ["PLAIN", "LOGIN"], onAuth: (auth, _session, callback) => callback(null, { user: auth.username }) }),
);
const receiver = useStarted("The receiver", () => startWebhookReceiver());
const log = captureLogger("info");
const stack = useTestStack(() => ({ SMTP_URL: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${smtp.current.port}`, LOG_LEVEL: "info" }), { logger: log.logger });

/** A single-use token out of an emailed link (the message decoded from quoted-printable). */
const tokenIn = (raw: string) => {
  const text = raw.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return /[?&]token=([^\s&]+)/.exec(text)?.[1];
};

describe("the logs of a full run", () => {
  it("hold none of the secrets the run created or used", { timeout: 60_000 }, async () => {
    const { api } = stack.current;
    await stack.current.startWorker({ logger: log.logger });
    const secrets: Record<string, string> = { jwtKey: TEST_JWT_SECRET, appDbPassword: TEST_APP_DB_PASSWORD, smtpPassword: SMTP_PASSWORD };

    const password = `pw-${randomBytes(8).toString("hex")}`;
    const owner: Account = await anOrgOwner(api, { password });
    secrets.password = password;
    secrets.accessToken = owner.accessToken;
    secrets.refreshToken = owner.refreshToken;
    const refreshed = await ok(api.request<{ refreshToken: string; accessToken: string }>("POST", "/v1/auth/refresh", { body: { refreshToken: owner.refreshToken } }), 200, "refresh");
    secrets.rotatedRefreshToken = refreshed.refreshToken;
    const token = refreshed.accessToken;

    const key = await anApiKey(api, token, { scope: "write" });
    secrets.apiKey = key.secret;
    await ok(api.request("GET", "/v1/incidents", { headers: { "x-api-key": key.secret } }), 200, "list with x-api-key");
    await ok(api.request("GET", "/v1/incidents", { token: key.secret }), 200, "list with a bearer key");
    // A credential put in the query string is refused (no operation takes it) and kept out of the request's log line.
    expectError(await api.request("GET", `/v1/incidents?token=${encodeURIComponent(key.secret)}`, { token: key.secret }), 400, "VALIDATION_FAILED");

    // A webhook whose URL carries basic-auth credentials, a Slack URL (its path is its credential).
    const basicAuthPassword = `basic-${randomBytes(6).toString("hex")}`;
    const receiverHost = receiver.current.url.replace("http://", "");
    const hook = await aWebhookTarget(api, token, `http://hooks:${basicAuthPassword}@${receiverHost}/hook`);
    secrets.basicAuthPassword = basicAuthPassword;
    secrets.signingSecret = hook.secret;
    const rotated = await ok(api.request<{ secret: string }>("POST", `/v1/org/notification-targets/${hook.id}/rotate-secret`, { token }), 200, "rotate");
    secrets.rotatedSigningSecret = rotated.secret;
    const slackPath = `T0000/B0000/${randomBytes(12).toString("hex")}`;
    await ok(
      api.request("POST", "/v1/org/notification-targets", { token, body: { name: "slack", type: "slack", config: { webhookUrl: `${receiver.current.url}/services/${slackPath}` } } }),
      201,
      "slack target",
    );
    secrets.slackPath = slackPath;

    // Alerts through both ingestion routes.
    const service = await aService(api, token);
    const { routingKey } = await anIntegrationKey(api, token, service.id);
    secrets.routingKey = routingKey;
    await ok(
      api.request("POST", "/v2/enqueue", { body: { routing_key: routingKey, event_action: "trigger", payload: { summary: "disk", source: "db", severity: "error" } } }),
      202,
      "PagerDuty event",
    );
    await ok(
      api.request("POST", `/v1/integrations/alertmanager/${routingKey}`, {
        body: { version: "4", groupKey: "g", status: "firing", alerts: [{ status: "firing", labels: { alertname: "Disk" } }] },
      }),
      202,
      "Alertmanager notification",
    );
    await anIncident(api, token, service.id);

    // A heartbeat's ping URL (its token is the credential), pinged both ways, then deleted (its pending check with it).
    const heartbeat = await aHeartbeat(api, token, service.id);
    secrets.heartbeatToken = new URL(heartbeat.pingUrl).pathname.split("/").pop() ?? "";
    await ok(api.request("POST", new URL(heartbeat.pingUrl).pathname), 200, "heartbeat ping");
    await ok(api.request("GET", new URL(heartbeat.pingUrl).pathname), 200, "heartbeat ping by GET");
    await ok(api.request("DELETE", `/v1/org/services/${service.id}/heartbeats/${heartbeat.id}`, { token }), 200, "delete heartbeat");

    // A live stream, opened with a ticket in its URL (the request log keeps its path only).
    const { ticket } = await aStreamTicket(api, token);
    secrets.streamTicket = ticket;
    const stream = await openLiveStreamWith(api, { ticket });
    expect(stream.messages[0]?.reset).toBe(true);
    stream.close();

    // Emailed single-use links: an invitation, a password reset.
    const invitation = await anInvitation(api, token, { email: uniqueEmail("invitee") });
    secrets.invitationToken = invitation.token;
    await ok(api.request("POST", "/v1/auth/password/forgot", { body: { email: owner.email } }), 202, "forgot password");
    const reset = await waitFor(() => smtp.current.mails.find((m) => m.to.includes(owner.email) && tokenIn(m.raw) !== undefined), 20_000, "the reset email");
    secrets.resetToken = decodeURIComponent(tokenIn(reset.raw) ?? "");

    // Everything delivered: four webhook and Slack deliveries per event at least, and nothing left queued.
    await waitFor(() => (receiver.current.requests.length >= 6 ? true : undefined), 30_000, "the deliveries");
    await waitFor(async () => ((await queuedJobs(api.db)).length === 0 ? true : undefined), 30_000, "an empty job queue");

    const logged = log.text();
    expect(log.lines.length).toBeGreaterThan(20);
    expect(logged).toContain("request completed");
    expect(logged).toContain("delivery attempt");
    for (const [name, secret] of Object.entries(secrets)) {
      expect(secret.length, name).toBeGreaterThan(8);
      expect(logged.includes(secret), `the logs hold the ${name}`).toBe(false);
    }
    // The Alertmanager path is logged, its key redacted.
    expect(logged).toContain("/v1/integrations/alertmanager/[redacted]");
    expect(logged).toContain("/v1/heartbeats/[redacted]");
  });
});
