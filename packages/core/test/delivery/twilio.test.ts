import { closeAfterEach, startTwilioServer, startWebhookReceiver, TEST_TWILIO } from "@incidentops/testkit";
import { describe, expect, it } from "vitest";
import type { TwilioConfig } from "../../src/config.js";
import { placeCall, sendSms } from "../../src/delivery/twilio.js";
import { makePayload, PUBLIC_URL } from "./helpers.js";

const closing = closeAfterEach();
const options = { timeoutMs: 5000, allowPrivate: true };
const REFUSED_NUMBER = "+15005550001";

/** A loopback Twilio API (refusing REFUSED_NUMBER as Twilio refuses an invalid one) and the account's configuration for it. */
async function aTwilioApi(account: Partial<TwilioConfig> = {}) {
  const twilio = closing(await startTwilioServer({ refuse: (to) => to === REFUSED_NUMBER }));
  const config: TwilioConfig = { accountSid: TEST_TWILIO.accountSid, authToken: TEST_TWILIO.authToken, fromNumber: TEST_TWILIO.fromNumber, apiUrl: twilio.url, ...account };
  return { twilio, config };
}

describe("pages through Twilio", () => {
  it("text and call through Twilio's API, authenticated as the account, the call's words escaped for TwiML", async () => {
    const { twilio, config } = await aTwilioApi();
    const payload = makePayload();
    payload.incident.title = "Disk <full> & slow";

    expect(await sendSms(config, { to: "+14155550101", payload, publicUrl: PUBLIC_URL }, options)).toMatchObject({ ok: true, httpStatus: 201, error: null });
    expect(await placeCall(config, { to: "+14155550101", payload }, options)).toMatchObject({ ok: true, httpStatus: 201, error: null });

    expect(twilio.requests.map(({ resource, authorized, params }) => ({ resource, authorized, to: params.To, from: params.From }))).toEqual([
      { resource: "Messages", authorized: true, to: "+14155550101", from: TEST_TWILIO.fromNumber },
      { resource: "Calls", authorized: true, to: "+14155550101", from: TEST_TWILIO.fromNumber },
    ]);
    expect(twilio.requests[0]?.params.Body).toContain("Disk <full> & slow");
    expect(twilio.requests[1]?.params.Twiml).toContain("Disk &lt;full&gt; &amp; slow");
  });

  it("a number Twilio refuses (400, error 21211) fails for good, named by Twilio's code, not by its message quoting the number", async () => {
    const { config } = await aTwilioApi();
    const outcome = await sendSms(config, { to: REFUSED_NUMBER, payload: makePayload(), publicUrl: PUBLIC_URL }, options);
    expect(outcome).toMatchObject({ ok: false, httpStatus: 400, error: "Twilio refused the request (Twilio error 21211)", permanent: true });
    expect(JSON.stringify(outcome)).not.toContain(REFUSED_NUMBER);
  });

  it("refused credentials (401, error 20003) say which settings to check, and are tried again (they may be fixed)", async () => {
    const { config } = await aTwilioApi({ authToken: "not-the-account-token" });
    const outcome = await placeCall(config, { to: "+14155550101", payload: makePayload() }, options);
    expect(outcome).toMatchObject({ ok: false, httpStatus: 401, error: "Twilio refused the credentials (Twilio error 20003): check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN" });
    expect(outcome.permanent).toBeUndefined();
    expect(JSON.stringify(outcome)).not.toContain("not-the-account-token");
  });

  it("an answer that is not Twilio's (a proxy's 503 page) is named by its status and tried again after its Retry-After", async () => {
    const proxy = closing(await startWebhookReceiver(() => ({ status: 503, headers: { "content-type": "text/html", "retry-after": "30" }, body: "<h1>Service Unavailable</h1>" })));
    const { config } = await aTwilioApi({ apiUrl: proxy.url });
    const outcome = await sendSms(config, { to: "+14155550101", payload: makePayload(), publicUrl: PUBLIC_URL }, options);
    expect(outcome).toMatchObject({ ok: false, httpStatus: 503, error: "Twilio refused the request (HTTP 503)", retryAfterMs: 30_000 });
    expect(outcome.permanent).toBeUndefined();
  });
});
