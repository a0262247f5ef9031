import { createLogger, createMailer, LEASED_ROUNDS, ROUNDS_PER_CLAIM, runDelivery, type Config } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import { sql } from "kysely";
import { describe, expect, it, onTestFinished } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aWebhookTarget,
  captureLogger,
  runQueuedJobs,
  sleep,
  startWebhookReceiver,
  statementCountingDb,
  useTestStack,
  waitFor,
} from "@incidentops/testkit";

const stack = useTestStack();

const BACKLOG = 24;

/** An org whose one webhook target (one lane) answers at a loopback receiver, and a service to open incidents on. */
async function anOrgWithAReceiver() {
  const { api } = stack.current;
  const receiver = await startWebhookReceiver();
  onTestFinished(() => receiver.close());
  const owner = await anOrgOwner(api);
  const target = await aWebhookTarget(api, owner.accessToken, receiver.url);
  const service = await aService(api, owner.accessToken);
  return { api, receiver, owner, target, service };
}

/** One run of the webhook lane of `recipientId`, as its job would make it, on `db`, with the delivery settings `delivery` changes. */
function runLane(db: Db, orgId: string, recipientId: string, delivery: Partial<Config["delivery"]> = {}) {
  const { config: apiConfig } = stack.current.api;
  const config = { ...apiConfig, delivery: { ...apiConfig.delivery, ...delivery } };
  const mailer = createMailer({ smtpUrl: config.delivery.smtpUrl, from: config.delivery.emailFrom, logger: createLogger({ level: "silent", name: "lane-rounds-test" }) });
  return runDelivery({ db, config, mailer }, { orgId, recipientId, requestId: "lane-rounds-test" }, "webhook");
}

describe("a delivery lane's run", () => {
  it("sends a receiver's backlog in rounds within one job, never more than DELIVERY_RECEIVER_CONCURRENCY requests at once", { timeout: 60_000 }, async () => {
    const { api } = stack.current;
    const limit = api.config.delivery.receiverConcurrency;
    let inFlight = 0;
    let most = 0;
    // The first round answers slowly, so the rest of the backlog is fanned out meanwhile.
    const receiver = await startWebhookReceiver(async (_request, index) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await sleep(index < limit ? 300 : 5);
      inFlight--;
      return 200;
    });
    const { logger, lines } = captureLogger();
    try {
      const { accessToken: token } = await anOrgOwner(api);
      await aWebhookTarget(api, token, receiver.url);
      const service = await aService(api, token);
      for (let i = 0; i < BACKLOG; i++) await anIncident(api, token, service.id, { title: `incident ${i}` });
      const worker = await stack.current.startWorker({ logger });
      try {
        // A run logs its tries once it has recorded them all, after the last webhook arrived.
        const tries = await waitFor(() => {
          const logged = lines.filter((l) => l.msg === "delivery attempt");
          return logged.length >= BACKLOG ? logged : undefined;
        }, 30_000, `${BACKLOG} tries logged`);
        expect(receiver.requests).toHaveLength(BACKLOG);
        expect(tries).toHaveLength(BACKLOG);
        expect(most).toBeLessThanOrEqual(limit);
        const sentByJob = new Map<unknown, number>();
        for (const line of tries) sentByJob.set(line.jobId, (sentByJob.get(line.jobId) ?? 0) + 1);
        // Several rounds of one run: more than one round's worth from a single job.
        expect(Math.max(...sentByJob.values())).toBeGreaterThan(limit);
      } finally {
        await worker.stop();
      }
    } finally {
      await receiver.close();
    }
  });

  it("claims, records and claims again in three statements a claim however many attempts it has", { timeout: 60_000 }, async () => {
    const { api, receiver, owner, target, service } = await anOrgWithAReceiver();
    // More than a claim takes (DELIVERY_RECEIVER_CONCURRENCY x ROUNDS_PER_CLAIM): two claims, and a last look.
    const incidents = ROUNDS_PER_CLAIM * api.config.delivery.receiverConcurrency + 8;
    for (let i = 0; i < incidents; i++) await anIncident(api, owner.accessToken, service.id, { title: `incident ${i}` });
    await runQueuedJobs(api, ["incident_event"]);

    const { db: counted, statements } = statementCountingDb(api.appDatabaseUrl);
    onTestFinished(() => counted.destroy());
    const run = await runLane(counted, owner.org.id, target.id);

    expect(run.tried.filter((t) => t.result === "succeeded")).toHaveLength(incidents);
    expect(receiver.requests).toHaveLength(incidents);
    // Each transaction: the lane's lock; the outcomes and the breaker with the next claim's lease
    // (or, with nothing left, the look for the next wake); the claim's events and targets.
    expect(statements, statements.join("\n---\n")).toHaveLength(9);
  });

  it("starts a claim's sends only while its lease covers their whole timeout, and leaves the rest due", { timeout: 60_000 }, async () => {
    const { api } = stack.current;
    // One at a time, each answered after 300 ms: a claim of 32 would take about 10 s, where its
    // lease covers LEASED_ROUNDS (8) rounds of the 1 s timeout, so sends start for the first 7 s only.
    const delivery = { receiverConcurrency: 1, timeoutMs: 1_000 };
    const slow = await startWebhookReceiver(async () => {
      await sleep(300);
      return 200;
    });
    onTestFinished(() => slow.close());
    const owner = await anOrgOwner(api);
    const target = await aWebhookTarget(api, owner.accessToken, slow.url);
    const service = await aService(api, owner.accessToken);
    const claimed = ROUNDS_PER_CLAIM * delivery.receiverConcurrency;
    for (let i = 0; i < claimed; i++) await anIncident(api, owner.accessToken, service.id, { title: `incident ${i}` });
    await runQueuedJobs(api, ["incident_event"]);

    const startedAt = performance.now();
    const run = await runLane(api.db, owner.org.id, target.id, delivery);

    const sent = run.tried.length;
    expect(run.tried.every((t) => t.result === "succeeded")).toBe(true);
    expect(slow.requests).toHaveLength(sent);
    // More than the rounds the lease counts (its rounds are time, not attempts), fewer than claimed.
    expect(sent).toBeGreaterThan(LEASED_ROUNDS * delivery.receiverConcurrency);
    expect(sent).toBeLessThan(claimed);
    // Every send started in time to end, timeout included, within the rounds the lease covers.
    for (const request of slow.requests) expect(request.arrivedAt - startedAt).toBeLessThan(LEASED_ROUNDS * delivery.timeoutMs);
    const pending = await api.db.selectFrom("notification_attempts").select("attempt_count").where("target_id", "=", target.id).where("status", "=", "pending").execute();
    expect(pending).toHaveLength(claimed - sent);
    expect(pending.every((attempt) => attempt.attempt_count === 0)).toBe(true);
  });

  it("claims from a backlog reading each attempt a few times, not the whole lane for each, whatever the table's statistics say", { timeout: 60_000 }, async () => {
    const { api, owner, target, service } = await anOrgWithAReceiver();
    // As in a storm's first minute: the statistics are of a table without pending attempts
    // (PostgreSQL then estimates a lane's pending attempts at one row), and stay so.
    await sql`ANALYZE notification_attempts`.execute(api.db);
    await sql`ALTER TABLE notification_attempts SET (autovacuum_enabled = off)`.execute(api.db);
    const backlog = 200;
    for (let i = 0; i < backlog; i++) await anIncident(api, owner.accessToken, service.id, { title: `incident ${i}` });
    await runQueuedJobs(api, ["incident_event"]);

    const { db: oneConnection } = statementCountingDb(api.appDatabaseUrl);
    onTestFinished(() => oneConnection.destroy());
    // Index entries the scans of attempts returned so far, this connection's included.
    const entriesRead = async (db: Db) => {
      await sql`SELECT pg_stat_force_next_flush()`.execute(db);
      const { rows } = await sql<{ n: number }>`SELECT coalesce(sum(idx_tup_read), 0)::int AS n FROM pg_stat_user_indexes WHERE relname = 'notification_attempts'`.execute(db);
      return rows[0]?.n ?? 0;
    };
    const before = await entriesRead(oneConnection);
    const run = await runLane(oneConnection, owner.org.id, target.id);
    const read = (await entriesRead(oneConnection)) - before;

    expect(run.tried.filter((t) => t.result === "succeeded")).toHaveLength(backlog);
    // A few entries per attempt (1,200 in all). Reading the whole lane for each candidate, the
    // claims read 30,000; joining the org's attempts for each record, the records 1,250 (decision 0060).
    expect(read).toBeLessThan(10 * backlog);
  });
});
