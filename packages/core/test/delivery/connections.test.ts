import type { LookupAddress } from "node:dns";
import { closeAfterEach, never, sleep, startWebhookReceiver, waitFor, type WebhookReceiver } from "@incidentops/testkit";
import { describe, expect, it } from "vitest";
import { forbiddenAddressReason, guardedLookupWith } from "../../src/delivery/addresses.js";
import { createDeliveryAgent } from "../../src/delivery/http.js";
import { deliverWebhook, type HttpDeliveryOptions } from "../../src/delivery/index.js";
import { makePayload, newSigningSecret } from "./helpers.js";

// Deliveries reuse kept-alive connections per destination; every new connection is checked
// against the SSRF rules, at connect time.

const closing = closeAfterEach();
const receiver = async (...args: Parameters<typeof startWebhookReceiver>): Promise<WebhookReceiver> => closing(await startWebhookReceiver(...args));

/**
 * One delivery, then a turn of the event loop: the client hands the connection back just after
 * the response ends, and a lane's next delivery comes two transactions later, never in the same turn.
 */
async function send(url: string, options: HttpDeliveryOptions, messageId = "m1") {
  const outcome = await deliverWebhook({ url, secret: newSigningSecret(), messageId, payload: makePayload() }, options);
  await sleep(1);
  return outcome;
}

describe("delivery connections", () => {
  it("sends two deliveries to one receiver over one TCP connection", async () => {
    const target = await receiver();
    const options = { timeoutMs: 5000, allowPrivate: true };
    expect(await send(`${target.url}/a`, options, "m1")).toMatchObject({ ok: true, httpStatus: 200 });
    expect(await send(`${target.url}/b`, options, "m2")).toMatchObject({ ok: true, httpStatus: 200 });
    expect(target.requests.map((r) => r.path)).toEqual(["/a", "/b"]);
    expect(target.connections()).toBe(1);
  });

  it("checks every new connection: a name that comes to resolve to a private address is refused on the next one", async () => {
    const target = await receiver();
    // A name whose answer the test sets; the receiver's own loopback address counts as public here.
    let answer: LookupAddress[] = [{ address: "127.0.0.1", family: 4 }];
    let lookups = 0;
    const lookup = guardedLookupWith({
      resolve: () => {
        lookups++;
        return Promise.resolve(answer);
      },
      forbiddenReason: (address) => (address === "127.0.0.1" ? null : forbiddenAddressReason(address)),
    });
    const agent = createDeliveryAgent({ allowPrivate: false, connectTimeoutMs: 2000, lookup });
    closing({ close: () => agent.destroy() });
    const options = { timeoutMs: 2000, allowPrivate: false, dispatcher: agent };
    const origin = `http://receiver.test:${target.port}`;

    expect(await send(`${origin}/hook`, options, "m1")).toMatchObject({ ok: true });
    expect(await send(`${origin}/hook`, options, "m2")).toMatchObject({ ok: true });
    expect(target.connections()).toBe(1);
    expect(lookups).toBe(1);

    // The receiver ends the connection; the name now points into the private network.
    target.dropConnections();
    await waitFor(() => ((agent.stats[origin]?.connected ?? 0) === 0 ? true : undefined), 5000, "the client to see the connection closed");
    answer = [{ address: "10.0.0.7", family: 4 }];

    const refused = await send(`${origin}/hook`, options, "m3");
    expect(refused).toMatchObject({ ok: false, httpStatus: null, error: "address 10.0.0.7 is private and not allowed", permanent: true });
    expect(lookups).toBe(2);
    expect(target.requests).toHaveLength(2);
    expect(target.connections()).toBe(1);
  });

  it("still times out on a receiver that never answers, and does not reuse its connection", async () => {
    const target = await receiver((_request, index) => (index === 0 ? never() : 200));
    const options = { timeoutMs: 300, allowPrivate: true };
    const hung = await send(`${target.url}/hook`, options, "m1");
    expect(hung).toMatchObject({ ok: false, httpStatus: null, error: "timed out after 300 ms" });
    expect(hung.durationMs).toBeLessThan(2000);

    expect(await send(`${target.url}/hook`, options, "m2")).toMatchObject({ ok: true, httpStatus: 200 });
    expect(target.requests).toHaveLength(2);
    const [hungOn, answeredOn] = target.requests.map((request) => request.remotePort);
    expect(answeredOn).not.toBe(hungOn);
  });
});
