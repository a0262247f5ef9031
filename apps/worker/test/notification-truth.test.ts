import type { Incident } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aWebhookTarget,
  bodyOf,
  plainTextOf,
  sleep,
  startSmtpSink,
  startWebhookReceiver,
  subjectOf,
  useStarted,
  useTestStack,
  verifyWebhook,
  waitFor,
  type ReceivedRequest,
  type WebhookBody,
} from "@incidentops/testkit";

// Notifications tell the truth about their moment: each carries the incident as it was right
// after its event, whenever it is delivered, and an incident's notifications reach a receiver in
// the order its events happened, even across several workers and retries.

const smtp = useStarted("The SMTP sink", () => startSmtpSink());
const stack = useTestStack(() => ({ SMTP_URL: smtp.current.url }));

async function change(token: string, path: string, body: unknown): Promise<Incident> {
  const res = await stack.current.api.request<Incident>("POST", path, { token, body });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

describe("notifications tell the truth about their moment", () => {
  it("a quick open, acknowledge, comment, resolve: each webhook, Slack message and email shows the status at its event, in event order", { timeout: 60_000 }, async () => {
    const { api } = stack.current;
    const receiver = await startWebhookReceiver();
    try {
      const { accessToken: token } = await anOrgOwner(api);
      const hook = await aWebhookTarget(api, token, `${receiver.url}/hook`);
      await change(token, "/v1/org/notification-targets", { name: "slack", type: "slack", config: { webhookUrl: `${receiver.url}/slack/T0/B0/secret` } });
      await change(token, "/v1/org/notification-targets", { name: "mail", type: "email", config: { address: "oncall@example.com" } });
      const service = await aService(api, token);

      // All four changes happen before any worker runs: every notification is sent after the incident was resolved.
      const incident = await anIncident(api, token, service.id, { title: "Checkout down" });
      await change(token, `/v1/incidents/${incident.id}/transition`, { toStatus: "acknowledged", version: 1 });
      await change(token, `/v1/incidents/${incident.id}/comment`, { body: "rolling back" });
      await change(token, `/v1/incidents/${incident.id}/transition`, { toStatus: "resolved", version: 2 });
      await stack.current.startWorker();

      const hooks = await waitFor(() => {
        const received = receiver.requests.filter((r) => r.path === "/hook");
        return received.length === 4 ? received : undefined;
      }, 30_000, "four webhooks");
      const payloads = hooks.map((r) => verifyWebhook(hook.secret, r));
      expect(payloads.map((p) => [p.type, p.incident.status, p.incident.version])).toEqual([
        ["incident.triggered", "triggered", 1],
        ["incident.acknowledged", "acknowledged", 2],
        ["incident.commented", "acknowledged", 2],
        ["incident.resolved", "resolved", 3],
      ]);

      const slack = await waitFor(() => {
        const received = receiver.requests.filter((r) => r.path.startsWith("/slack/"));
        return received.length === 4 ? received : undefined;
      }, 30_000, "four Slack messages");
      /** The "Status" field of a Slack message's facts. */
      const statusField = (r: ReceivedRequest) => {
        const message = JSON.parse(r.body) as { blocks: { fields?: { text: string }[] }[] };
        const field = message.blocks.flatMap((b) => b.fields ?? []).find((f) => f.text.startsWith("*Status*"));
        return field?.text.split("\n")[1];
      };
      expect(slack.map(statusField)).toEqual(["Triggered", "Acknowledged", "Acknowledged", "Resolved"]);

      const mails = await waitFor(() => (smtp.current.mails.length >= 4 ? smtp.current.mails : undefined), 30_000, "four emails");
      expect(mails.map((m) => subjectOf(m.raw).split(":")[0])).toEqual(["[SEV3] Triggered", "[SEV3] Acknowledged", "[SEV3] Commented", "[SEV3] Resolved"]);
      expect(mails.map((m) => /Status: (\w+)/.exec(plainTextOf(m.raw))?.[1])).toEqual(["Triggered", "Acknowledged", "Acknowledged", "Resolved"]);
    } finally {
      await receiver.close();
    }
  });

  it("keeps each incident's order to a receiver across two workers, a slow receiver and retries of a failed delivery", { timeout: 90_000 }, async () => {
    const { api } = stack.current;
    // Slow and jittery, and the first delivery of every other incident fails once: a later event
    // of that incident must wait for its retry, never overtake it. (Every other: failures in a
    // row would trip the lane's breaker, which is not what this is about.)
    const failedOnce = new Set<string>();
    const failing = new Set<string>();
    /** What the receiver accepted, in arrival order. */
    const accepted: WebhookBody[] = [];
    const receiver = await startWebhookReceiver(async (request) => {
      const body = bodyOf(request);
      const fail = body.type === "incident.triggered" && failing.has(body.incident.title) && !failedOnce.has(body.incident.id);
      if (fail) failedOnce.add(body.incident.id);
      else accepted.push(body);
      await sleep(Math.floor(Math.random() * 30));
      return fail ? 500 : 200;
    });
    try {
      const { accessToken: token } = await anOrgOwner(api);
      await aWebhookTarget(api, token, receiver.url);
      const service = await aService(api, token);
      await stack.current.startWorker();
      await stack.current.startWorker();

      for (const i of [0, 2, 4]) failing.add(`Outage ${i}`);
      const incidents = await Promise.all(Array.from({ length: 6 }, (_, i) => anIncident(api, token, service.id, { title: `Outage ${i}` })));
      await Promise.all(
        incidents.map(async (incident) => {
          for (let n = 1; n <= 3; n++) await change(token, `/v1/incidents/${incident.id}/comment`, { body: `update ${n}` });
          await change(token, `/v1/incidents/${incident.id}/transition`, { toStatus: "resolved", version: 1 });
        }),
      );

      const expected = incidents.length * 5;
      await waitFor(() => (accepted.length >= expected ? true : undefined), 60_000, `${expected} accepted deliveries`);
      for (const incident of incidents) {
        const arrived = accepted.filter((p) => p.incident.id === incident.id).map((p) => (p.type === "incident.commented" ? String(p.event.data.body) : p.type));
        expect(arrived, incident.title).toEqual(["incident.triggered", "update 1", "update 2", "update 3", "incident.resolved"]);
      }
      // Those first tries failed, and were retried before anything else of their incident went out.
      expect(failedOnce.size).toBe(failing.size);
    } finally {
      await receiver.close();
    }
  });
});
