import { createLogger, createMailer, enqueueJob, fanOutEvents, laneJobKey, runDelivery, type DeliveryDeps, type FirstRounds } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import { sql } from "kysely";
import { describe, expect, it, onTestFinished } from "vitest";
import {
  anAlertSource,
  aWebhookTarget,
  captureLogger,
  deferred,
  makeJobDue,
  pausingDb,
  queuedJobs,
  runQueuedJobs,
  sleep,
  startWebhookReceiver,
  statementCountingDb,
  untilWaitingOnLocks,
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

/**
 * A trigger (dedup key `key`) to the source, and the fan-out job it queued (no worker runs it):
 * the first queued one not in `taken`, which it joins.
 */
async function fanOutQueuedBy(api: TestApi, source: { routingKey: string; orgId: string }, key: string, taken = new Set<string>()) {
  expect((await trigger(api, source.routingKey, key)).status).toBe(202);
  const fanOut = (await queuedJobs(api.db, { task: "incident_event", orgId: source.orgId })).find((queued) => !taken.has(queued.id));
  if (fanOut === undefined) throw new Error("the trigger queued no fan-out");
  taken.add(fanOut.id);
  return { orgId: source.orgId, eventIds: fanOut.payload.eventIds as string[], requestId: key };
}

/** One trigger to a new alert source with a webhook target, and the fan-out job it queued (no worker runs it). */
async function aQueuedFanOut(api: TestApi, receiverUrl: string) {
  const source = await anAlertSourceToReceiver(api, receiverUrl);
  return { orgId: source.orgId, job: await fanOutQueuedBy(api, source, "first-round") };
}

/** The org's one notification target: its lane's recipient. */
async function theTargetOf(api: TestApi, orgId: string): Promise<string> {
  const { id } = await api.db.selectFrom("notification_targets").select("id").where("org_id", "=", orgId).executeTakeFirstOrThrow();
  return id;
}

/** The run holding the lane lets it go (its lease ends now), and commits. */
async function letTheLaneGo(api: TestApi, orgId: string, recipientId: string): Promise<void> {
  await api.db.updateTable("delivery_lanes").set({ lease_until: null }).where("org_id", "=", orgId).where("recipient_id", "=", recipientId).execute();
}

/** A webhook receiver, closed when the test ends. */
async function aReceiver(...args: Parameters<typeof startWebhookReceiver>) {
  const receiver = await startWebhookReceiver(...args);
  onTestFinished(() => receiver.close());
  return receiver;
}

/** What sending needs, outside a worker, on `db`. */
function deliveryDepsOf(api: TestApi, db: Db = api.db): DeliveryDeps {
  const mailer = createMailer({ smtpUrl: api.config.delivery.smtpUrl, from: api.config.delivery.emailFrom, logger: createLogger({ level: "silent", name: "first-rounds-test" }) });
  return { db, config: api.config, mailer };
}

/** A fan-out's way to claim lanes, outside a worker: `slots` of them. */
function firstRoundsFor(api: TestApi, slots: number): FirstRounds {
  let left = slots;
  return { deps: deliveryDepsOf(api), takeSlot: () => left-- > 0 };
}

/** The org's one lane's job, which must be queued: when it runs, in ms since the epoch. */
async function laneJobRunAt(api: TestApi, orgId: string): Promise<number> {
  const [laneJob] = await queuedJobs(api.db, { task: "send_webhook", orgId });
  if (laneJob === undefined) throw new Error("the lane's job is not queued");
  return new Date(laneJob.runAt).getTime();
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
    expect(await laneJobRunAt(api, orgId)).toBeLessThan(before + 1_000);
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
    const recipientId = await theTargetOf(api, orgId);
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

  it("takes no lane's lock: it does not wait for the sender, nor for another fan-out, holding the lane", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const { orgId, job } = await aQueuedFanOut(api, "http://127.0.0.1:9/unlocked");
    const { recipientId } = await leaseTheLane(api, orgId);
    const holderDone = deferred();
    const holder = api.db.transaction().execute(async (tx) => {
      await sql`SELECT 1 FROM delivery_lanes WHERE org_id = ${orgId} AND recipient_id = ${recipientId} FOR UPDATE`.execute(tx);
      await holderDone.promise;
    });
    try {
      const fanOut = fanOutEvents(api.db, job, firstRoundsFor(api, 1));
      const waited = await Promise.race([fanOut.then(() => false), sleep(5_000).then(() => true)]);
      expect(waited, "the fan-out waited for the lane's lock").toBe(false);
      expect((await fanOut).attempts).toBe(1);
    } finally {
      holderDone.resolve();
      await holder;
    }
  });

  /**
   * The org's one fan-out, which reads the lane as held, is held back at its insert (a transaction
   * making the same attempt holds it, until that one rolls back) while the run lets the lane go
   * and commits, and then, if `lanesJobDue`, its job is made due now; then the fan-out goes on.
   */
  async function fanOutWhileTheRunLetsGo(api: TestApi, options: { lanesJobDue: boolean }) {
    const { orgId, job } = await aQueuedFanOut(api, "http://127.0.0.1:9/let-go");
    const { recipientId } = await leaseTheLane(api, orgId);
    const event = await api.db.selectFrom("incident_events").select(["id", "seq", "incident_id"]).where("id", "=", job.eventIds[0] ?? "").executeTakeFirstOrThrow();
    const sameAttemptMade = deferred();
    const sameAttemptDone = deferred();
    const sameAttempt = api.db.transaction().execute(async (tx) => {
      await tx
        .insertInto("notification_attempts")
        .values({ org_id: orgId, event_id: event.id, event_seq: event.seq, incident_id: event.incident_id, request_id: "same", target_id: recipientId, channel: "webhook" })
        .execute();
      sameAttemptMade.resolve();
      await sameAttemptDone.promise;
      throw new Error("rolled back");
    });
    // Made before the fan-out starts, so that the fan-out's insert is the one that waits.
    await sameAttemptMade.promise;
    const fanOut = fanOutEvents(api.db, job, firstRoundsFor(api, 1));
    await untilWaitingOnLocks(api.db, 1, "the fan-out's insert waiting");
    await letTheLaneGo(api, orgId, recipientId);
    if (options.lanesJobDue) expect(await makeJobDue(api.db, laneJobKey(orgId, recipientId))).toBe(true);
    sameAttemptDone.resolve();
    await expect(sameAttempt).rejects.toThrow("rolled back");
    const before = Date.now();
    expect((await fanOut).attempts).toBe(1);
    return { orgId, before };
  }

  it("wakes the lane now, after its commit, when the run let the lane go after the fan-out saw it held", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const { orgId, before } = await fanOutWhileTheRunLetsGo(api, { lanesJobDue: false });
    expect(await laneJobRunAt(api, orgId)).toBeLessThanOrEqual(before + 1_000);
  });

  it("leaves the lane's job alone (no add_jobs, no NOTIFY) when it is already waiting to run now", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const { orgId } = await fanOutWhileTheRunLetsGo(api, { lanesJobDue: true });
    expect((await queuedJobs(api.db, { task: "send_webhook", orgId })).map((queued) => queued.revision)).toEqual([0]);
  });

  it("run again after its attempts were made (its first run failed after committing), wakes their lanes now if nobody holds them", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const { orgId, job } = await aQueuedFanOut(api, "http://127.0.0.1:9/again");
    const { recipientId } = await leaseTheLane(api, orgId);
    expect((await fanOutEvents(api.db, job)).attempts).toBe(1);
    // As if the lane was let go, and the wake after the fan-out's commit never ran.
    await letTheLaneGo(api, orgId, recipientId);
    await sql`SELECT graphile_worker.remove_job(${laneJobKey(orgId, recipientId)})`.execute(api.db);

    const before = Date.now();
    expect((await fanOutEvents(api.db, job)).attempts).toBe(0);
    expect(await laneJobRunAt(api, orgId)).toBeLessThanOrEqual(before + 1_000);
  });
});

describe("a run that lets its lane go", () => {
  it("wakes the lane now, after its commit, for an attempt a fan-out made meanwhile without the lane's lock", { timeout: 30_000 }, async () => {
    const { api } = stack.current;
    const receiver = await aReceiver();
    const source = await anAlertSourceToReceiver(api, receiver.url);
    const { orgId } = source;
    const recipientId = await theTargetOf(api, orgId);
    const taken = new Set<string>();
    expect((await fanOutEvents(api.db, await fanOutQueuedBy(api, source, "first", taken))).attempts).toBe(1);
    await sql`SELECT graphile_worker.remove_job(${laneJobKey(orgId, recipientId)})`.execute(api.db);

    // The run sends the first attempt, finds nothing more, and is held back at its last commit.
    const resume = deferred();
    const { db: paused, paused: atCommit } = pausingDb(api.appDatabaseUrl, /(^|; )commit; /, resume.promise);
    onTestFinished(() => paused.destroy());
    const run = runDelivery(deliveryDepsOf(api, paused), { orgId, recipientId, requestId: "holder" }, "webhook");
    await atCommit;
    // Meanwhile a fan-out sees the lane held, and commits its attempt without waking it.
    expect((await fanOutEvents(api.db, await fanOutQueuedBy(api, source, "second", taken))).attempts).toBe(1);
    expect(await queuedJobs(api.db, { task: "send_webhook", orgId })).toEqual([]);

    const before = Date.now();
    resume.resolve();
    expect((await run).tried).toEqual([expect.objectContaining({ result: "succeeded" })]);
    expect(await laneJobRunAt(api, orgId)).toBeLessThanOrEqual(before + 1_000);
  });
});
