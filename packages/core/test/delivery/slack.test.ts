import { closeAfterEach, startWebhookReceiver } from "@incidentops/testkit";
import { describe, expect, it } from "vitest";
import { deliverSlack, slackMessageFor } from "../../src/delivery/index.js";
import { makePayload, PUBLIC_URL } from "./helpers.js";

const closing = closeAfterEach();

describe("slackMessageFor", () => {
  it("has a header, the facts, what happened and a link to the incident", () => {
    const payload = makePayload();
    const message = slackMessageFor(payload, `${PUBLIC_URL}/`);
    const link = `${PUBLIC_URL}/incidents/${payload.incident.id}`;

    expect(message.text).toBe("[SEV2] Triggered: Database down");
    expect(message.blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: "[SEV2] Triggered: Database down", emoji: true } },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: "*Severity*\nSEV2" },
          { type: "mrkdwn", text: "*Status*\nTriggered" },
          { type: "mrkdwn", text: `*Service*\n${payload.service.name}` },
          { type: "mrkdwn", text: "*Event*\nTriggered" },
        ],
      },
      { type: "section", text: { type: "mrkdwn", text: "Incident triggered at SEV2: Primary is not answering" } },
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: "View incident" }, url: link, action_id: "view_incident" }],
      },
      { type: "context", elements: [{ type: "mrkdwn", text: `Acme Ops · <${link}|Open in IncidentOps>` }] },
    ]);
  });

  it("summarises a comment and a status change, escaping Slack's control characters", () => {
    const base = makePayload();
    const commented = makePayload({
      type: "incident.commented",
      incident: { ...base.incident, status: "acknowledged", title: "API <down> & out" },
      event: { ...base.event, kind: "commented", data: { body: "Rolled back <!channel>" } },
    });
    const message = slackMessageFor(commented, PUBLIC_URL);
    expect(message.text).toBe("[SEV2] Commented: API &lt;down&gt; &amp; out");
    expect(message.blocks[2]).toEqual({ type: "section", text: { type: "mrkdwn", text: "Comment: Rolled back &lt;!channel&gt;" } });
    expect(JSON.stringify(message.blocks[1])).toContain("*Status*\\nAcknowledged");

    const resolved = makePayload({
      type: "incident.resolved",
      event: { ...base.event, kind: "status_changed", data: { fromStatus: "mitigated", toStatus: "resolved", version: 4 } },
    });
    expect(slackMessageFor(resolved, PUBLIC_URL).blocks[2]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: "Status changed from mitigated to resolved" },
    });
  });

  it("summarises an escalation with the level and who was notified", () => {
    const base = makePayload();
    const escalated = makePayload({
      type: "incident.escalated",
      event: {
        ...base.event,
        kind: "escalated",
        data: { level: 2, notified: [{ type: "user", name: "Ada" }, { type: "notification_target", name: "Ops hook" }] },
      },
    });
    expect(slackMessageFor(escalated, PUBLIC_URL).blocks[2]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: "Escalated to level 2, notifying Ada, Ops hook" },
    });
  });

  it("calls the first step of an escalation that the incident's (re)triggering started 'Triggered', not an escalation", () => {
    const base = makePayload();
    const firstPage = (data: Record<string, unknown>) =>
      makePayload({ type: "incident.escalated", service: base.service, event: { ...base.event, kind: "escalated", data: { level: 1, step: 1, notified: [{ type: "user", name: "Ada" }], ...data } } });
    const first = slackMessageFor(firstPage({ manual: false }), PUBLIC_URL);
    expect(first.text).toContain("Triggered:");
    expect(first.blocks[2]).toEqual({ type: "section", text: { type: "mrkdwn", text: "Triggered on checkout-api: paging Ada" } });
    // Escalated by hand from the first level, or a second pass: an escalation.
    expect(slackMessageFor(firstPage({ manual: true }), PUBLIC_URL).text).toContain("Escalated:");
    expect(slackMessageFor(firstPage({ step: 3 }), PUBLIC_URL).text).toContain("Escalated:");
  });
});

describe("deliverSlack", () => {
  it("POSTs the message as JSON, unsigned", async () => {
    const target = closing(await startWebhookReceiver(() => ({ status: 200, headers: { "content-type": "text/plain" }, body: "ok" })));
    const payload = makePayload();

    const outcome = await deliverSlack(
      { webhookUrl: `${target.url}/services/T000/B000/XXXX`, payload, publicUrl: PUBLIC_URL },
      { timeoutMs: 5000, allowPrivate: true },
    );

    expect(outcome).toMatchObject({ ok: true, httpStatus: 200, error: null });
    expect(target.requests).toHaveLength(1);
    const [req] = target.requests;
    if (req === undefined) throw new Error("no request");
    expect(req.path).toBe("/services/T000/B000/XXXX");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["webhook-signature"]).toBeUndefined();
    expect(JSON.parse(req.body)).toEqual(slackMessageFor(payload, PUBLIC_URL));
  });

  it("follows the webhook rules: a refusal, a redirect and a private address fail without leaking the URL", async () => {
    const target = closing(
      await startWebhookReceiver((req) =>
        req.path.startsWith("/moved") ? { status: 301, headers: { location: "/elsewhere" } } : { status: 404, body: "no_service" },
      ),
    );
    const payload = makePayload();
    const options = { timeoutMs: 5000, allowPrivate: true };

    const missing = await deliverSlack({ webhookUrl: `${target.url}/services/SECRETPATH`, payload, publicUrl: PUBLIC_URL }, options);
    expect(missing).toMatchObject({
      ok: false,
      httpStatus: 404,
      error: "Slack refused the message for good (HTTP 404 no_service), not retried: the webhook, its channel or its workspace is gone; create a new webhook and update the target",
      permanent: true,
    });

    const moved = await deliverSlack({ webhookUrl: `${target.url}/moved/SECRETPATH`, payload, publicUrl: PUBLIC_URL }, options);
    expect(moved).toMatchObject({ ok: false, httpStatus: 301, error: "redirect refused (HTTP 301)" });
    expect(target.requests.map((r) => r.path)).toEqual(["/services/SECRETPATH", "/moved/SECRETPATH"]);

    const refused = await deliverSlack(
      { webhookUrl: `http://localhost:${target.port}/services/SECRETPATH`, payload, publicUrl: PUBLIC_URL },
      { timeoutMs: 5000, allowPrivate: false },
    );
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/is loopback and not allowed$/);
    expect(target.requests).toHaveLength(2);
    for (const outcome of [missing, moved, refused]) expect(JSON.stringify(outcome)).not.toContain("SECRETPATH");
  });

  it("ends on the refusals Slack documents as lasting (400, 403, 404, 410) and retries 429 and 5xx, keeping only Slack's error string", async () => {
    const answers: Record<string, { status: number; body: string; headers?: Record<string, string> }> = {
      "/payload": { status: 400, body: "invalid_payload" },
      "/revoked": { status: 403, body: "invalid_token" },
      "/prohibited": { status: 403, body: "action_prohibited" },
      "/channel": { status: 404, body: "channel_not_found" },
      "/archived": { status: 410, body: "channel_is_archived" },
      "/limited": { status: 429, body: "rate_limited", headers: { "retry-after": "2" } },
      "/rollup": { status: 500, body: "rollup_error" },
      "/html": { status: 502, body: "<html>Bad gateway from https://hooks.slack.com/services/SECRETPATH</html>" },
    };
    const target = closing(await startWebhookReceiver((req) => answers[req.path] ?? 200));
    const send = (path: string) => deliverSlack({ webhookUrl: `${target.url}${path}`, payload: makePayload(), publicUrl: PUBLIC_URL }, { timeoutMs: 5000, allowPrivate: true });
    for (const [path, code, advice] of [
      ["/payload", 400, "check that it is an incoming webhook's URL"],
      ["/revoked", 403, "the webhook was revoked"],
      ["/prohibited", 403, "the webhook was revoked"],
      ["/channel", 404, "create a new webhook and update the target"],
      ["/archived", 410, "the webhook's channel is archived"],
    ] as const) {
      const body = answers[path]?.body ?? "";
      const outcome = await send(path);
      expect(outcome, path).toMatchObject({ httpStatus: code, permanent: true });
      expect(outcome.error?.startsWith(`Slack refused the message for good (HTTP ${code} ${body}), not retried: `), path).toBe(true);
      expect(outcome.error, path).toContain(advice);
    }
    const limited = await send("/limited");
    expect(limited).toMatchObject({ httpStatus: 429, error: "Slack refused the message (HTTP 429 rate_limited)", retryAfterMs: 2_000 });
    expect(limited.permanent).toBeUndefined();
    const rollup = await send("/rollup");
    expect(rollup).toMatchObject({ httpStatus: 500, error: "Slack refused the message (HTTP 500 rollup_error)" });
    expect(rollup.permanent).toBeUndefined();
    // A body that is not one of Slack's error strings is not kept.
    expect(await send("/html")).toMatchObject({ httpStatus: 502, error: "Slack refused the message (HTTP 502)" });
  });
});
