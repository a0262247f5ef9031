import { createLogger, createMailer, enqueueJob, fanOutEvents, laneJobKey, type FirstRounds } from "@incidentops/core";
import { sql } from "kysely";
import { describe, expect, it, onTestFinished } from "vitest";
import {
  anAlertSource,
  aWebhookTarget,
  captureLogger,
  deferred,
  makeJobDue,
  queuedJobs,
  runQueuedJobs,
  sleep,
  startWebhookReceiver,
  statementCountingDb,
  useTestStack,
  waitFor,
  type TestApi,
} from "@incidentops/testkit";

const stack = useTestStack();

const trigger = (api: TestApi, routingKey: string, key: string) =>
  api.request("POST", "/v2/enqueue", { body: { routing_key: routingKey, event_action: "trigger", dedup_key: key, payload: { summary: key, source: "test", severity: "error" } } });

const attemptsOf = (api: TestApi, orgId: string) =>
  api.db.selectFrom("notification_attempts").select(["id", "status", "attempt_count"]).where("org_id", "=", orgId).execute();

/** An alert source with a webhook target: its routing key, and its org. */
async function anAlertSourceToReceiver(api: TestApi, receiverUrl: string) {
  const { token, routingKey, serviceId } = await anAlertSource(api);
  await aWebhookTarget(api, token, receiverUrl);
  const { org_id: orgId } = await api.db.selectFrom("services").select("org_id").where("id", "=", serviceId).executeTakeFirstOrThrow();
  return { routingKey, orgId };
}

/** One trigger to a new alert source with a webhook target, and the fan-out job it queued (no worker runs it). */
async function aQueuedFanOut(api: TestApi, receiverUrl: string) {
  const { routingKey, orgId } = await anAlertSourceToReceiver(api, receiverUrl);
  expect((await trigger(api, routingKey, "first-round")).status).toBe(202);
  const [fanOut] = await queuedJobs(api.db, { task: "incident_event", orgId });
  if (fanOut === undefined) throw new Error("the trigger queued no fan-out");
  return { orgId, job: { orgId, eventIds: fanOut.payload.eventIds as string[], requestId: "first-round-test" } };
}

/** A webhook receiver, closed when the test ends. */
async function aReceiver(...args: Parameters<typeof startWebhookReceiver>) {
  const receiver = await startWebhookReceiver(...args);
  onTestFinished(() => receiver.close());
  return receiver;
}

/** A fan-out's way to claim lanes, outside a worker: `slots` of them. */
function firstRoundsFor(api: TestApi, slots: number): FirstRounds {
  let left = slots;
  const mailer = createMailer({ smtpUrl: api.config.delivery.smtpUrl, from: api.config.delivery.emailFrom, logger: createLogger({ level: "silent", name: "first-rounds-test" }) });
  return { deps: { db: api.db, config: api.config, mailer }, takeSlot: () => left-- > 0 };
}

describe("a fan-out's first round", () => {
  it("is sent by the fan-out's worker with no delivery job: the lane's job waits for the lease's end", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const receiver = await aReceiver();
    const { logger, lines } = captureLogger();
    const worker = await stack.current.startWorker({ logger });
    onTestFinished(() => worker.stop());
    const { routingKey, orgId } = await anAlertSourceToReceiver(api, receiver.url);
    expect((await trigger(api, routingKey, "sent-first")).status).toBe(202);
    await waitFor(() => receiver.requests[0], 10_000, "the webhook");
    const sentAt = Date.now();
    await waitFor(() => lines.find((line) => line.msg === "delivery attempt" && line.result === "succeeded"), 5_000, "its attempt recorded");
    expect(lines.filter((line) => String(line.task).startsWith("send_")).map((line) => [line.msg, line.task])).toEqual([]);
    const [laneJob] = await queuedJobs(api.db, { task: "send_webhook", orgId });
    // The lease: one round of the webhook timeout, plus a margin.
    expect(new Date(laneJob?.runAt ?? 0).getTime()).toBeGreaterThan(sentAt + api.config.delivery.timeoutMs);
  });

  it("claimed in four statements by a process that died is sent by the lane's job when the lease ends, once", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const receiver = await aReceiver();
    const { orgId, job } = await aQueuedFanOut(api, receiver.url);
    const { db: counted, statements } = statementCountingDb(api.appDatabaseUrl);
    const { attempts, claimed } = await fanOutEvents(counted, job, firstRoundsFor(api, 1)).finally(() => counted.destroy());
    expect(attempts).toBe(1);
    expect(claimed).toHaveLength(1);
    // The fan-out's two, and the lease: the event and the target it sends are the ones the fan-out read.
    expect(statements.length).toBeLessThanOrEqual(3);
    // The claimer dies here: its run is never sent.
    const [laneJob] = await queuedJobs(api.db, { task: "send_webhook", orgId });
    expect(laneJob?.runAt).toBe(claimed[0]?.leaseUntil.toISOString());
    await runQueuedJobs(api, ["send_webhook"]);
    expect(receiver.requests).toHaveLength(0);
    expect(await attemptsOf(api, orgId)).toEqual([expect.objectContaining({ status: "pending", attempt_count: 0 })]);

    // The lease ends.
    await api.db.updateTable("delivery_lanes").set({ lease_until: new Date(Date.now() - 1_000) }).where("org_id", "=", orgId).execute();
    expect(await makeJobDue(api.db, String(laneJob?.key))).toBe(true);
    await runQueuedJobs(api, ["send_webhook"]);
    expect(receiver.requests).toHaveLength(1);
    expect(await attemptsOf(api, orgId)).toEqual([expect.objectContaining({ status: "succeeded", attempt_count: 1 })]);
  });

  it("is left to the lane's job, woken now, when no slot is free", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const receiver = await aReceiver();
    const { orgId, job } = await aQueuedFanOut(api, receiver.url);
    const before = Date.now();
    const { claimed } = await fanOutEvents(api.db, job, firstRoundsFor(api, 0));
    expect(claimed).toEqual([]);
    const [laneJob] = await queuedJobs(api.db, { task: "send_webhook", orgId });
    expect(new Date(laneJob?.runAt ?? 0).getTime()).toBeLessThan(before + 1_000);
    await runQueuedJobs(api, ["send_webhook"]);
    expect(await attemptsOf(api, orgId)).toEqual([expect.objectContaining({ status: "succeeded", attempt_count: 1 })]);
  });

  it("in flight when the worker stops is finished and recorded before the stop ends", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const arrived = deferred();
    const receiver = await aReceiver(async () => {
      arrived.resolve();
      await new Promise((resolve) => setTimeout(resolve, 500));
      return 200;
    });
    const worker = await stack.current.startWorker();
    onTestFinished(() => worker.stop());
    const { routingKey, orgId } = await anAlertSourceToReceiver(api, receiver.url);
    expect((await trigger(api, routingKey, "stopped-mid-round")).status).toBe(202);
    await arrived.promise;
    await worker.stop();
    expect(await attemptsOf(api, orgId)).toEqual([expect.objectContaining({ status: "succeeded", attempt_count: 1 })]);
  });
});

describe("a fan-out to a lane another run holds", () => {
  /** The org's one lane, leased to another run for 20 s, with its job at the lease's end as a first round leaves it. */
  async function leaseTheLane(api: TestApi, orgId: string) {
    const { id: recipientId } = await api.db.selectFrom("notification_targets").select("id").where("org_id", "=", orgId).executeTakeFirstOrThrow();
    const { rows } = await sql<{ lease_until: Date }>`
      INSERT INTO delivery_lanes (org_id, recipient_id, lease_until) VALUES (${orgId}, ${recipientId}, now() + interval '20 seconds') RETURNING lease_until`.execute(api.db);
    const leaseUntil = rows[0]?.lease_until;
    await enqueueJob(api.db, "send_webhook", { orgId, recipientId, requestId: "holder" }, { jobKey: laneJobKey(orgId, recipientId), runAt: leaseUntil });
    return { recipientId, leaseUntil };
  }

  it("commits with its attempts' statement, in its second message, and leaves the lane and its job as they were", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const { orgId, job } = await aQueuedFanOut(api, "http://127.0.0.1:9/held");
    const { leaseUntil } = await leaseTheLane(api, orgId);
    const { db: counted, statements } = statementCountingDb(api.appDatabaseUrl);
    const { attempts, claimed } = await fanOutEvents(counted, job, firstRoundsFor(api, 1)).finally(() => counted.destroy());
    expect([attempts, claimed]).toEqual([1, []]);
    // The events, targets and leased lanes; the attempts with the lanes' locks went with the COMMIT (not listed).
    expect(statements, statements.join("\n---\n")).toHaveLength(1);
    expect((await queuedJobs(api.db, { task: "send_webhook", orgId })).map((queued) => [queued.runAt, queued.revision])).toEqual([[leaseUntil?.toISOString(), 0]]);
    expect(await attemptsOf(api, orgId)).toEqual([expect.objectContaining({ status: "pending", attempt_count: 0 })]);
  });

  it("shares the lane's lock with the org's other fan-outs to it, and waits for none of them", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const { orgId, job } = await aQueuedFanOut(api, "http://127.0.0.1:9/shared");
    const { recipientId } = await leaseTheLane(api, orgId);
    const otherFanOutDone = deferred();
    const otherFanOut = api.db.transaction().execute(async (tx) => {
      await sql`SELECT 1 FROM delivery_lanes WHERE org_id = ${orgId} AND recipient_id = ${recipientId} FOR SHARE`.execute(tx);
      await otherFanOutDone.promise;
    });
    try {
      const fanOut = fanOutEvents(api.db, job, firstRoundsFor(api, 1));
      const waited = await Promise.race([fanOut.then(() => false), sleep(5_000).then(() => true)]);
      expect(waited, "the fan-out waited for another one holding the lane's lock").toBe(false);
      expect((await fanOut).attempts).toBe(1);
    } finally {
      otherFanOutDone.resolve();
      await otherFanOut;
    }
  });

  it("wakes the lane now when its run let it go after the fan-out saw it held", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const { orgId, job } = await aQueuedFanOut(api, "http://127.0.0.1:9/let-go");
    const { recipientId } = await leaseTheLane(api, orgId);
    const released = deferred();
    const releasing = api.db.transaction().execute(async (tx) => {
      // The run's last record: it ends the lease, holding the lane's lock, and saw no new attempt.
      await tx.updateTable("delivery_lanes").set({ lease_until: null }).where("org_id", "=", orgId).where("recipient_id", "=", recipientId).execute();
      await released.promise;
    });
    const fanOut = fanOutEvents(api.db, job, firstRoundsFor(api, 1));
    // The fan-out read the lane as held and now waits for its lock.
    await waitFor(async () => ((await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`.execute(api.db)).rows[0]?.n ?? 0) > 0 || undefined, 10_000, "the fan-out waiting for the lane's lock");
    released.resolve();
    await releasing;
    const before = Date.now();
    expect((await fanOut).attempts).toBe(1);
    const [laneJob] = await queuedJobs(api.db, { task: "send_webhook", orgId });
    expect(new Date(laneJob?.runAt ?? 0).getTime()).toBeLessThanOrEqual(before + 1_000);
  });
});
