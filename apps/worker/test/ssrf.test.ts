import { generateSigningSecret } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import { anIncident, anOrgOwner, aService, startWebhookReceiver, useTestStack, waitForSettledAttempts, type ErrorBody } from "@incidentops/testkit";

// Private addresses refused (production's default); one try per delivery keeps failures quick.
const stack = useTestStack({ WEBHOOK_ALLOW_PRIVATE: "false", DELIVERY_MAX_ATTEMPTS: "1" });

async function targetCount(orgId: string) {
  const rows = await stack.current.api.db.selectFrom("notification_targets").select("id").where("org_id", "=", orgId).execute();
  return rows.length;
}

/** Stores a target without the API's check, as if created while private addresses were allowed. */
async function insertTarget(orgId: string, url: string) {
  return stack.current.api.db
    .insertInto("notification_targets")
    .values({
      org_id: orgId,
      name: `direct ${url}`,
      type: "webhook",
      config: JSON.stringify({ url }),
      secret: generateSigningSecret(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

describe("SSRF protection with WEBHOOK_ALLOW_PRIVATE=false", () => {
  it("refuses targets at metadata, private, loopback and link-local addresses, storing nothing", async () => {
    const { api } = stack.current;
    expect(api.config.delivery.allowPrivate).toBe(false);
    const receiver = await startWebhookReceiver();
    try {
      const { accessToken: token, org } = await anOrgOwner(api);
      const refused = [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://192.168.1.10:8080/hook",
        "http://172.16.0.1/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[::1]/",
        "http://[fd00::1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://2130706433/", // 127.0.0.1 as one number
        receiver.url, // http://127.0.0.1:<port>/hook
        `http://localhost:${receiver.port}/hook`, // a name resolving to loopback
      ];
      for (const url of refused) {
        const res = await api.request<ErrorBody>("POST", "/v1/org/notification-targets", {
          token,
          body: { name: "internal", type: "webhook", config: { url } },
        });
        expect(res.status, url).toBe(400);
        expect(res.body.code, url).toBe("VALIDATION_FAILED");
        expect(res.body.details.fields?.["config.url"]?.length, url).toBeGreaterThan(0);
      }
      const slack = await api.request<ErrorBody>("POST", "/v1/org/notification-targets", {
        token,
        body: { name: "slack", type: "slack", config: { webhookUrl: "http://169.254.169.254/services/x" } },
      });
      expect(slack.status).toBe(400);
      expect(slack.body.details.fields?.["config.webhookUrl"]?.length).toBeGreaterThan(0);
      for (const type of ["teams", "discord", "mattermost"]) {
        const chat = await api.request<ErrorBody>("POST", "/v1/org/notification-targets", { token, body: { name: type, type, config: { url: receiver.url } } });
        expect(chat.status, type).toBe(400);
        expect(chat.body.details.fields?.["config.url"]?.length, type).toBeGreaterThan(0);
      }

      const list = await api.request<{ items: unknown[] }>("GET", "/v1/org/notification-targets", { token });
      expect(list.body.items).toEqual([]);
      expect(await targetCount(org.id)).toBe(0);
      expect(receiver.requests).toEqual([]);

      // The check is specific: a public address is accepted (disabled, and never sent to here).
      const publicTarget = await api.request("POST", "/v1/org/notification-targets", {
        token,
        body: { name: "public", type: "webhook", config: { url: "http://93.184.216.34/hook" }, enabled: false },
      });
      expect(publicTarget.status).toBe(201);
      expect(await targetCount(org.id)).toBe(1);
    } finally {
      await receiver.close();
    }
  });

  it("refuses moving an existing target to a private address", async () => {
    const { api } = stack.current;
    const { accessToken: token, org } = await anOrgOwner(api);
    const created = await api.request<{ id: string }>("POST", "/v1/org/notification-targets", {
      token,
      body: { name: "public", type: "webhook", config: { url: "http://93.184.216.34/hook" }, enabled: false },
    });
    expect(created.status).toBe(201);
    const patched = await api.request<ErrorBody>("PATCH", `/v1/org/notification-targets/${created.body.id}`, {
      token,
      body: { config: { url: "http://169.254.169.254/" } },
    });
    expect(patched.status).toBe(400);
    expect(patched.body.details.fields?.["config.url"]?.length).toBeGreaterThan(0);
    const stored = await api.db.selectFrom("notification_targets").select("config").where("org_id", "=", org.id).executeTakeFirstOrThrow();
    expect(stored.config).toEqual({ url: "http://93.184.216.34/hook" });
  });

  it("checks the address again at delivery: a stored loopback target is never contacted", async () => {
    const { api } = stack.current;
    const receiver = await startWebhookReceiver();
    try {
      const { accessToken: token, org } = await anOrgOwner(api);
      const literal = await insertTarget(org.id, receiver.url);
      const named = await insertTarget(org.id, `http://localhost:${receiver.port}/hook`);
      await stack.current.startWorker();
      const service = await aService(api, token);
      const incident = await anIncident(api, token, service.id);

      const attempts = await waitForSettledAttempts(api, token, incident.id, 2);
      for (const id of [literal.id, named.id]) {
        const attempt = attempts.find((a) => a.target?.id === id);
        expect(attempt?.status).toBe("failed");
        expect(attempt?.lastHttpStatus).toBeNull();
        expect(attempt?.lastError).toMatch(/loopback and not allowed/);
        // A refused destination is final: no retry can make it deliverable.
        expect(attempt?.attemptCount).toBe(1);
      }
      expect(receiver.requests).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
