import { randomUUID } from "node:crypto";
import { closeAfterEach, closedPort, never, startWebhookReceiver, verifyWebhook, type WebhookReceiver } from "@incidentops/testkit";
import { WebhookVerificationError } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { deliverWebhook, type HttpDeliveryOptions } from "../../src/delivery/index.js";
import { makePayload, newSigningSecret } from "./helpers.js";

const LOOPBACK_OK: HttpDeliveryOptions = { timeoutMs: 5000, allowPrivate: true };

const closing = closeAfterEach();
const receiver = async (...args: Parameters<typeof startWebhookReceiver>): Promise<WebhookReceiver> => closing(await startWebhookReceiver(...args));

describe("deliverWebhook", () => {
  it("POSTs the payload JSON signed so that the standardwebhooks library verifies it", async () => {
    const secret = newSigningSecret();
    const verified: unknown[] = [];
    const target = await receiver((req) => {
      try {
        verified.push(verifyWebhook(secret, req));
        return { status: 200, body: "ok" };
      } catch {
        return { status: 400, body: "bad signature" };
      }
    });
    const payload = makePayload();
    const messageId = randomUUID();

    const outcome = await deliverWebhook({ url: `${target.url}/hooks/in`, secret, messageId, payload }, LOOPBACK_OK);

    expect(outcome).toMatchObject({ ok: true, httpStatus: 200, error: null, note: null });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(0);
    expect(target.requests).toHaveLength(1);
    const [req] = target.requests;
    if (req === undefined) throw new Error("no request");
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/hooks/in");
    expect(req.body).toBe(JSON.stringify(payload));
    expect(verified).toEqual([payload]);
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["user-agent"]).toBe("IncidentOps-Webhooks/0.1");
    expect(req.headers["webhook-id"]).toBe(messageId);
    expect(req.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const timestamp = Number(req.headers["webhook-timestamp"]);
    expect(Number.isInteger(timestamp)).toBe(true);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(10);

    expect(() => verifyWebhook(secret, req, req.body.replace("Database down", "Database up"))).toThrow(WebhookVerificationError);
    expect(() => verifyWebhook(newSigningSecret(), req)).toThrow(WebhookVerificationError);
  });

  it("keeps the same webhook-id on every retry of a message", async () => {
    const target = await receiver();
    const input = { url: target.url, secret: newSigningSecret(), messageId: randomUUID(), payload: makePayload() };
    await deliverWebhook(input, LOOPBACK_OK);
    await deliverWebhook(input, LOOPBACK_OK);
    expect(target.requests.map((r) => r.headers["webhook-id"])).toEqual([input.messageId, input.messageId]);
  });

  it("sends credentials embedded in the URL as Basic authentication, not in the request line", async () => {
    const target = await receiver();
    const url = target.url.replace("http://", "http://hooks:p%40ss%3Aword@");
    const outcome = await deliverWebhook({ url: `${url}/in?x=1`, secret: newSigningSecret(), messageId: "m1", payload: makePayload() }, LOOPBACK_OK);
    expect(outcome.ok).toBe(true);
    expect(target.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from("hooks:p@ss:word").toString("base64")}`);
    expect(target.requests[0]?.path).toBe("/in?x=1");
  });

  it("succeeds on any 2xx", async () => {
    const target = await receiver(202);
    const outcome = await deliverWebhook({ url: target.url, secret: newSigningSecret(), messageId: "m1", payload: makePayload() }, LOOPBACK_OK);
    expect(outcome).toMatchObject({ ok: true, httpStatus: 202, error: null });
  });

  it("fails on a 500 and reports the status", async () => {
    const target = await receiver(() => ({ status: 500, body: "boom" }));
    const outcome = await deliverWebhook({ url: target.url, secret: newSigningSecret(), messageId: "m1", payload: makePayload() }, LOOPBACK_OK);
    expect(outcome).toMatchObject({ ok: false, httpStatus: 500, error: "HTTP 500" });
  });

  it("ends on a 410 Gone (not retried), and keeps 404, 408, 425, 429 and 5xx retryable", async () => {
    const target = await receiver((req) => Number(req.path.slice(1)));
    const send = (status: number) => deliverWebhook({ url: `${target.url}/${status}`, secret: newSigningSecret(), messageId: "m1", payload: makePayload() }, LOOPBACK_OK);
    expect(await send(410)).toMatchObject({ ok: false, httpStatus: 410, error: "HTTP 410 Gone: the receiver takes no more deliveries, not retried", permanent: true });
    for (const status of [400, 404, 408, 425, 429, 500, 502, 503, 504]) {
      const outcome = await send(status);
      expect(outcome, String(status)).toMatchObject({ ok: false, httpStatus: status, error: `HTTP ${status}` });
      expect(outcome.permanent, String(status)).toBeUndefined();
    }
  });

  it("reports how long a 429 or a 503 asked to wait (Retry-After), ignoring a value it cannot use", async () => {
    const inAMinute = new Date(Math.ceil(Date.now() / 1000) * 1000 + 60_000).toUTCString();
    const answers: Record<string, { status: number; headers: Record<string, string> }> = {
      "/seconds": { status: 429, headers: { "retry-after": "30" } },
      "/date": { status: 503, headers: { "retry-after": inAMinute } },
      "/malformed": { status: 503, headers: { "retry-after": "soon" } },
      "/not-asked": { status: 500, headers: { "retry-after": "30" } },
    };
    const target = await receiver((req) => answers[req.path] ?? 200);
    const send = async (path: string) => deliverWebhook({ url: `${target.url}${path}`, secret: newSigningSecret(), messageId: "m1", payload: makePayload() }, LOOPBACK_OK);
    expect(await send("/seconds")).toMatchObject({ ok: false, httpStatus: 429, error: "HTTP 429", retryAfterMs: 30_000 });
    const dated = await send("/date");
    expect(dated.retryAfterMs).toBeGreaterThan(55_000);
    expect(dated.retryAfterMs).toBeLessThanOrEqual(61_000);
    expect((await send("/malformed")).retryAfterMs).toBeUndefined();
    expect((await send("/not-asked")).retryAfterMs).toBeUndefined();
  });

  it("fails on a 302 without following it", async () => {
    const elsewhere = await receiver();
    const target = await receiver(() => ({ status: 302, headers: { location: `${elsewhere.url}/landing` } }));
    const outcome = await deliverWebhook({ url: target.url, secret: newSigningSecret(), messageId: "m1", payload: makePayload() }, LOOPBACK_OK);
    expect(outcome).toMatchObject({ ok: false, httpStatus: 302, error: "redirect refused (HTTP 302)" });
    expect(target.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it("times out when the receiver never answers", async () => {
    const target = await receiver(() => never());
    const outcome = await deliverWebhook(
      { url: target.url, secret: newSigningSecret(), messageId: "m1", payload: makePayload() },
      { timeoutMs: 300, allowPrivate: true },
    );
    expect(outcome).toMatchObject({ ok: false, httpStatus: null, error: "timed out after 300 ms" });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(280);
    expect(outcome.durationMs).toBeLessThan(2000);
    expect(target.requests).toHaveLength(1);
  });

  it("reports a refused connection", async () => {
    const port = await closedPort();
    const outcome = await deliverWebhook(
      { url: `http://127.0.0.1:${port}/`, secret: newSigningSecret(), messageId: "m1", payload: makePayload() },
      LOOPBACK_OK,
    );
    expect(outcome).toMatchObject({ ok: false, httpStatus: null, error: "connection refused" });
  });

  it("refuses a loopback receiver when private addresses are not allowed, before connecting", async () => {
    const target = await receiver();
    const options = { timeoutMs: 2000, allowPrivate: false };
    const byAddress = await deliverWebhook({ url: target.url, secret: newSigningSecret(), messageId: "m1", payload: makePayload() }, options);
    expect(byAddress).toMatchObject({ ok: false, httpStatus: null, error: "address 127.0.0.1 is loopback and not allowed" });

    // By name: the check is made on the address resolved at connect time (DNS rebinding).
    const byName = await deliverWebhook(
      { url: `http://localhost:${target.port}/`, secret: newSigningSecret(), messageId: "m2", payload: makePayload() },
      options,
    );
    expect(byName.ok).toBe(false);
    expect(byName.error).toMatch(/^address (127\.0\.0\.1|::1) is loopback and not allowed$/);

    const mapped = await deliverWebhook(
      { url: `http://[::ffff:127.0.0.1]:${target.port}/`, secret: newSigningSecret(), messageId: "m3", payload: makePayload() },
      options,
    );
    expect(mapped).toMatchObject({ ok: false, error: "address ::ffff:7f00:1 is loopback and not allowed" });
    expect(target.requests).toHaveLength(0);
  });

  it("fails without quoting a signing secret it cannot use", async () => {
    const target = await receiver();
    const secret = "whsec_not*valid*base64";
    const outcome = await deliverWebhook({ url: target.url, secret, messageId: "m1", payload: makePayload() }, LOOPBACK_OK);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toBe("the signing secret is not a valid whsec_ secret");
    expect(JSON.stringify(outcome)).not.toContain("not*valid");
    expect(target.requests).toHaveLength(0);
  });

  it("refuses a URL that is not http(s)", async () => {
    const outcome = await deliverWebhook(
      { url: "ftp://127.0.0.1/", secret: newSigningSecret(), messageId: "m1", payload: makePayload() },
      LOOPBACK_OK,
    );
    expect(outcome).toMatchObject({ ok: false, httpStatus: null, error: "not an http(s) URL" });
  });
});
