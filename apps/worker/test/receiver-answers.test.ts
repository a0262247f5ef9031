import type { NotificationAttempt, Page } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aWebhookTarget,
  captureLogger,
  closeAfterEach,
  deferred,
  ok,
  sleep,
  startWebhookReceiver,
  useTestStack,
  waitFor,
  type Account,
  type Answer,
} from "@incidentops/testkit";

// What a receiver answers decides the next try: a 429's or 503's Retry-After is waited for (by the
// whole lane), an answer no retry can fix ends the attempt at once, and every failed try is a
// warning saying why. Retry base 100 ms, 4 tries (the test stack's).

const stack = useTestStack();
const closing = closeAfterEach();
const log = captureLogger();
/** In each webhook's path, as a receiver's URL often holds a token: it must reach no log line. */
const URL_TOKEN = "tok-3f9a1c77e2";

let owner: Account;

beforeAll(async () => {
  owner = await anOrgOwner(stack.current.api);
  await stack.current.startWorker({ logger: log.logger });
});

const attemptsTo = (targetId: string) =>
  stack.current.api.db.selectFrom("notification_attempts").selectAll().where("target_id", "=", targetId).orderBy("event_seq").execute();

const settled = (targetId: string, count: number) =>
  waitFor(
    async () => {
      const rows = await attemptsTo(targetId);
      return rows.length === count && rows.every((r) => r.status !== "pending") ? rows : undefined;
    },
    20_000,
    `${count} settled attempts`,
  );

/** An incident's delivery attempts, as the API lists them. */
const notificationsOf = (incidentId: string) =>
  ok(stack.current.api.request<Page<NotificationAttempt>>("GET", `/v1/incidents/${incidentId}/notifications`, { token: owner.accessToken }), 200, "notifications");

/**
 * The log lines of a settled attempt's tries, in order, once each of its tries is logged: the
 * worker logs them after the attempt's row commits, so a test that saw the row may be first.
 */
const triesLogged = (attempt: { id: string; attempt_count: number } | undefined) => {
  const lines = () => log.lines.filter((l) => l.msg === "delivery attempt" && l.attemptId === attempt?.id);
  return waitFor(() => (lines().length >= (attempt?.attempt_count ?? 1) ? lines() : undefined), 5_000, "every try logged");
};

/** How long after a failed try its line says the next one is due. */
const waitLogged = (line: Record<string, unknown> | undefined) => Date.parse(String(line?.nextTryAt)) - Date.parse(String(line?.time));

/** A webhook target whose receiver answers each request as `respond` says, and an incident to send it. */
async function aReceiverAnswering(respond: (index: number) => Answer | Promise<Answer>) {
  const receiver = closing(await startWebhookReceiver((_request, index) => respond(index)));
  const target = await aWebhookTarget(stack.current.api, owner.accessToken, `${receiver.url}/hooks/${URL_TOKEN}`);
  const service = await aService(stack.current.api, owner.accessToken);
  return { receiver, target, service };
}

/** The target's lane, as the worker left it. */
const laneOf = (targetId: string) => stack.current.api.db.selectFrom("delivery_lanes").selectAll().where("recipient_id", "=", targetId).executeTakeFirstOrThrow();

/** The target's attempt once its receiver has asked for an hour's pause: the lane is held that long. */
async function heldAnHour(targetId: string) {
  const refused = await waitFor(async () => (await attemptsTo(targetId)).find((a) => a.attempt_count === 1), 20_000, "the refused try recorded");
  expect(refused.next_attempt_at.getTime() - refused.updated_at.getTime()).toBe(3_600_000);
  expect(await laneOf(targetId)).toMatchObject({ held_until: refused.next_attempt_at });
  return refused;
}

function expectNoUrlLogged(port: number) {
  expect(log.text()).not.toContain(URL_TOKEN);
  expect(log.text()).not.toContain(`127.0.0.1:${port}`);
}

describe("deliveries that respect what the receiver answers", () => {
  it("waits as long as a 429's Retry-After (seconds) asks, and holds the lane's other attempts meanwhile, uncounted", async () => {
    const { receiver, target, service } = await aReceiverAnswering((index) => (index === 0 ? { status: 429, headers: { "retry-after": "2" } } : 200));
    const first = await anIncident(stack.current.api, owner.accessToken, service.id, { title: "first" });
    // Its try recorded: the next one 2 s on (not the 100 ms back-off), and the lane held as long.
    const refused = await waitFor(async () => (await attemptsTo(target.id)).find((a) => a.attempt_count === 1), 20_000, "the refused try recorded");
    expect(refused).toMatchObject({ status: "pending", last_http_status: 429, last_error: "HTTP 429" });
    expect(refused.next_attempt_at.getTime() - refused.updated_at.getTime()).toBe(2_000);
    const lane = await stack.current.api.db.selectFrom("delivery_lanes").selectAll().where("recipient_id", "=", target.id).executeTakeFirstOrThrow();
    // Held in a column of its own, not by a lease: no worker's lease is on while nobody sends.
    expect(lane).toMatchObject({ held_until: refused.next_attempt_at, lease_until: null });
    // The incident's notifications say when the next try comes.
    expect((await notificationsOf(first.id)).items).toMatchObject([{ id: refused.id, status: "pending", attemptCount: 1, lastHttpStatus: 429, nextAttemptAt: refused.next_attempt_at.toISOString() }]);
    // Another incident while the receiver asked for a pause: its attempt waits too.
    await anIncident(stack.current.api, owner.accessToken, service.id, { title: "second" });

    const [asked, waited] = await settled(target.id, 2);
    if (asked === undefined || waited === undefined) throw new Error("two attempts expected");
    expect(asked).toMatchObject({ status: "succeeded", attempt_count: 2, last_http_status: 200 });
    // Held, not tried: the second incident's attempt was sent once, when the pause ended.
    expect(waited).toMatchObject({ status: "succeeded", attempt_count: 1, last_http_status: 200 });
    expect(asked.incident_id).toBe(first.id);
    expect((await notificationsOf(first.id)).items).toMatchObject([{ status: "succeeded", nextAttemptAt: null }]);

    expect(receiver.answered.map((a) => a.status)).toEqual([429, 200, 200]);
    const askedAt = receiver.requests[0]?.arrivedAt ?? 0;
    for (const later of receiver.requests.slice(1)) expect(later.arrivedAt - askedAt).toBeGreaterThanOrEqual(1_950);

    const [failedTry, retry] = await triesLogged(asked);
    expect(failedTry).toMatchObject({ level: 40, recipientId: target.id, targetId: target.id, channel: "webhook", httpStatus: 429, reason: "HTTP 429", result: "retrying", tries: 1 });
    expect(waitLogged(failedTry)).toBeGreaterThanOrEqual(1_900);
    expect(retry).toMatchObject({ level: 30, targetId: target.id, channel: "webhook", httpStatus: 200, result: "succeeded", tries: 2 });
    expect(await triesLogged(waited)).toEqual([expect.objectContaining({ level: 30, result: "succeeded", tries: 1 })]);
    expectNoUrlLogged(receiver.port);
  });

  it("waits until a 503's Retry-After HTTP-date", async () => {
    let until = 0;
    const { receiver, target, service } = await aReceiverAnswering((index) => {
      if (index > 0) return 200;
      until = Math.ceil(Date.now() / 1000) * 1000 + 2_000;
      return { status: 503, headers: { "retry-after": new Date(until).toUTCString() } };
    });
    await anIncident(stack.current.api, owner.accessToken, service.id);

    const [attempt] = await settled(target.id, 1);
    expect(attempt).toMatchObject({ status: "succeeded", attempt_count: 2 });
    expect(receiver.answered.map((a) => a.status)).toEqual([503, 200]);
    expect(receiver.requests[1]?.at).toBeGreaterThanOrEqual(until - 20);
    expect((await triesLogged(attempt))[0]).toMatchObject({ level: 40, httpStatus: 503, reason: "HTTP 503", result: "retrying" });
  });

  it("ignores a malformed, negative or absurd Retry-After: the back-off applies", async () => {
    for (const value of ["soon", "-5", "99999999"]) {
      const { target, service } = await aReceiverAnswering((index) => (index === 0 ? { status: 503, headers: { "retry-after": value } } : 200));
      await anIncident(stack.current.api, owner.accessToken, service.id);
      const [attempt] = await settled(target.id, 1);
      expect(attempt, value).toMatchObject({ status: "succeeded", attempt_count: 2 });
      const [failedTry] = await triesLogged(attempt);
      // The first retry's back-off: 100 ms.
      expect(waitLogged(failedTry), value).toBeLessThan(1_000);
    }
  });

  it("ends an hour's hold when the target is changed: the waiting attempts go to the new URL at once, each sent once", async () => {
    const { receiver, target, service } = await aReceiverAnswering(() => ({ status: 429, headers: { "retry-after": "3600" } }));
    const first = await anIncident(stack.current.api, owner.accessToken, service.id, { title: "first" });
    const refused = await heldAnHour(target.id);
    await anIncident(stack.current.api, owner.accessToken, service.id, { title: "second" });
    await waitFor(async () => ((await attemptsTo(target.id)).length === 2 ? true : undefined), 20_000, "the second incident's attempt made");
    const fixed = closing(await startWebhookReceiver(() => 200));

    const changedAt = Date.now();
    await ok(
      stack.current.api.request("PATCH", `/v1/org/notification-targets/${target.id}`, { token: owner.accessToken, body: { config: { url: `${fixed.url}/hooks/${URL_TOKEN}` } } }),
      200,
      "change the target's URL",
    );

    const [asked, waited] = await settled(target.id, 2);
    expect(asked).toMatchObject({ id: refused.id, incident_id: first.id, status: "succeeded", attempt_count: 2 });
    expect(waited).toMatchObject({ status: "succeeded", attempt_count: 1 });
    expect(receiver.requests).toHaveLength(1);
    expect(fixed.requests.map((r) => r.headers["webhook-id"]).sort()).toEqual([asked?.id, waited?.id].sort());
    for (const request of fixed.requests) expect(request.at - changedAt).toBeLessThan(10_000);
    expect(await laneOf(target.id)).toMatchObject({ held_until: null, lease_until: null, failure_streak: 0, paused_until: null });
  });

  it("leaves a lane that is mid-send to its sender when the target is changed: nothing is sent twice or alongside", async () => {
    const firstAnswer = deferred();
    const { receiver, target, service } = await aReceiverAnswering((index) => (index === 0 ? firstAnswer.promise.then((): Answer => 200) : 200));
    await anIncident(stack.current.api, owner.accessToken, service.id, { title: "first" });
    await waitFor(() => (receiver.requests.length === 1 ? true : undefined), 20_000, "the first try in flight");
    const leased = await laneOf(target.id);
    expect(leased.lease_until?.getTime()).toBeGreaterThan(Date.now());

    await ok(
      stack.current.api.request("PATCH", `/v1/org/notification-targets/${target.id}`, { token: owner.accessToken, body: { config: { url: `${receiver.url}/hooks/moved` } } }),
      200,
      "change the target's URL",
    );
    await anIncident(stack.current.api, owner.accessToken, service.id, { title: "second" });
    await waitFor(async () => ((await attemptsTo(target.id)).length === 2 ? true : undefined), 20_000, "the second incident's attempt made");
    await sleep(500);
    // The sender's lease stands: the second incident's attempt waits for it.
    expect(receiver.requests).toHaveLength(1);
    expect(await laneOf(target.id)).toMatchObject({ lease_until: leased.lease_until });

    firstAnswer.resolve();
    const attempts = await settled(target.id, 2);
    expect(attempts).toMatchObject([{ status: "succeeded", attempt_count: 1 }, { status: "succeeded", attempt_count: 1 }]);
    expect(receiver.requests.map((r) => r.path)).toEqual([`/hooks/${URL_TOKEN}`, "/hooks/moved"]);
  });

  it("ends the hold when a test reaches the target, and keeps it while the test is refused", async () => {
    let refusing = true;
    const { receiver, target, service } = await aReceiverAnswering(() => (refusing ? { status: 503, headers: { "retry-after": "3600" } } : 200));
    await anIncident(stack.current.api, owner.accessToken, service.id);
    const refused = await heldAnHour(target.id);
    const test = () => ok(stack.current.api.request<{ ok: boolean }>("POST", `/v1/org/notification-targets/${target.id}/test`, { token: owner.accessToken }), 200, "test the target");

    expect(await test()).toMatchObject({ ok: false, httpStatus: 503 });
    expect(await laneOf(target.id)).toMatchObject({ held_until: refused.next_attempt_at });
    refusing = false;
    const testedAt = Date.now();
    expect(await test()).toMatchObject({ ok: true, httpStatus: 200 });

    const [attempt] = await settled(target.id, 1);
    expect(attempt).toMatchObject({ id: refused.id, status: "succeeded", attempt_count: 2 });
    // The refused try, the two tests, and the attempt's second try, soon after the test.
    expect(receiver.answered.map((a) => a.status)).toEqual([503, 503, 200, 200]);
    expect((receiver.requests[3]?.at ?? Infinity) - testedAt).toBeLessThan(10_000);
  });

  it("ends the attempt at once on an answer no retry can fix: a webhook's 410 Gone, Slack's 404 no_service", async () => {
    const { receiver, target, service } = await aReceiverAnswering(() => 410);
    const slack = closing(await startWebhookReceiver(() => ({ status: 404, body: "no_service" })));
    const slackTarget = await ok(
      stack.current.api.request<{ id: string }>("POST", "/v1/org/notification-targets", {
        token: owner.accessToken,
        body: { name: "slack", type: "slack", config: { webhookUrl: `${slack.url}/services/T0/B0/${URL_TOKEN}` } },
      }),
      201,
      "create the Slack target",
    );
    await anIncident(stack.current.api, owner.accessToken, service.id);

    const [gone] = await settled(target.id, 1);
    const [revoked] = await settled(slackTarget.id, 1);
    expect(gone).toMatchObject({ status: "failed", attempt_count: 1, last_http_status: 410, last_error: "HTTP 410 Gone: the receiver takes no more deliveries, not retried" });
    expect(revoked).toMatchObject({
      status: "failed",
      attempt_count: 1,
      last_http_status: 404,
      last_error: "Slack refused the message for good (HTTP 404 no_service), not retried: the webhook, its channel or its workspace is gone; create a new webhook and update the target",
    });
    expect(receiver.requests).toHaveLength(1);
    expect(slack.requests).toHaveLength(1);
    expect(await triesLogged(gone)).toEqual([
      expect.objectContaining({ level: 40, targetId: target.id, channel: "webhook", httpStatus: 410, result: "failed", tries: 1, reason: gone?.last_error }),
    ]);
    expect(await triesLogged(revoked)).toEqual([
      expect.objectContaining({ level: 40, targetId: slackTarget.id, channel: "slack", httpStatus: 404, result: "failed", tries: 1, reason: revoked?.last_error }),
    ]);
    expect((await triesLogged(gone))[0]?.nextTryAt).toBeUndefined();
    expectNoUrlLogged(receiver.port);
    expectNoUrlLogged(slack.port);
  });
});
