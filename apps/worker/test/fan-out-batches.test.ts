import { fanOutEvents } from "@incidentops/core";
import { createDb } from "@incidentops/db";
import { describe, expect, it } from "vitest";
import { anAlertSource, aWebhookTarget, captureLogger, preparedStatementsOn, queuedJobs, startWebhookReceiver, statementCountingDb, useTestStack, waitFor, type QueuedJob, type TestApi } from "@incidentops/testkit";

const stack = useTestStack();

const KEYS = 30;

const enqueue = (api: TestApi, routingKey: string, body: Record<string, unknown>) => api.request("POST", "/v2/enqueue", { body: { routing_key: routingKey, ...body } });

const triggerOf = (key: string) => ({ event_action: "trigger", dedup_key: key, payload: { summary: key, source: "test", severity: "error" } });

/** The events the queued fan-out jobs name, in either payload shape. */
const eventIdsOf = (fanOuts: readonly QueuedJob[]) =>
  fanOuts.flatMap((job) => (Array.isArray(job.payload.eventIds) ? (job.payload.eventIds as string[]) : [String(job.payload.eventId)]));

/** KEYS triggers to a new org whose one webhook target's receiver is gone, their fan-outs left queued: the org, and the events those name. */
async function queuedFanOuts(api: TestApi, prefix: string): Promise<{ orgId: string; eventIds: string[] }> {
  const { token, routingKey } = await anAlertSource(api);
  const receiver = await startWebhookReceiver();
  await aWebhookTarget(api, token, receiver.url);
  await receiver.close();
  const queuedBefore = new Set((await queuedJobs(api.db, { task: "incident_event" })).map((job) => job.id));
  await Promise.all(Array.from({ length: KEYS }, (_, i) => enqueue(api, routingKey, triggerOf(`${prefix}-${i}`))));
  const fanOuts = (await queuedJobs(api.db, { task: "incident_event" })).filter((job) => !queuedBefore.has(job.id));
  return { orgId: String(fanOuts[0]?.payload.orgId), eventIds: eventIdsOf(fanOuts) };
}

describe("an alert batch's fan-out", () => {
  it("is one job for the batch's events, and every incident's webhooks still come once each, in its event order", { timeout: 60_000 }, async () => {
    const { api } = stack.current;
    const receiver = await startWebhookReceiver();
    const { logger, lines } = captureLogger();
    try {
      const { token, routingKey } = await anAlertSource(api);
      await aWebhookTarget(api, token, receiver.url);
      const keys = Array.from({ length: KEYS }, (_, i) => `batch-${i}`);
      // Every key at once (so they meet in batches), each acknowledged once its trigger is answered.
      await Promise.all(
        keys.map(async (key) => {
          expect((await enqueue(api, routingKey, triggerOf(key))).status).toBe(202);
          expect((await enqueue(api, routingKey, { event_action: "acknowledge", dedup_key: key })).status).toBe(202);
        }),
      );

      const fanOuts = await queuedJobs(api.db, { task: "incident_event" });
      const eventIds = eventIdsOf(fanOuts);
      expect(eventIds).toHaveLength(2 * KEYS);
      expect(new Set(eventIds).size).toBe(2 * KEYS);
      expect(fanOuts.length).toBeLessThan(2 * KEYS);

      const worker = await stack.current.startWorker({ logger });
      try {
        await waitFor(() => (receiver.requests.length >= 2 * KEYS ? true : undefined), 30_000, `${2 * KEYS} webhooks (got ${receiver.requests.length})`);
        await waitFor(() => (lines.filter((l) => l.msg === "job finished" && l.task === "incident_event").length >= fanOuts.length ? true : undefined), 10_000, "fan-outs finished");
      } finally {
        await worker.stop();
      }
      const deliveries = receiver.requests.map((r) => ({ id: String(r.headers["webhook-id"]), ...(JSON.parse(r.body) as { type: string; incident: { id: string } }) }));
      expect(new Set(deliveries.map((d) => d.id)).size).toBe(2 * KEYS);
      const typesByIncident = new Map<string, string[]>();
      for (const d of deliveries) typesByIncident.set(d.incident.id, [...(typesByIncident.get(d.incident.id) ?? []), d.type]);
      expect(typesByIncident.size).toBe(KEYS);
      for (const types of typesByIncident.values()) expect(types).toEqual(["incident.triggered", "incident.acknowledged"]);
    } finally {
      await receiver.close();
    }
  });

  it("is a fixed number of statements however many incidents and events it has", { timeout: 60_000 }, async () => {
    const { api } = stack.current;
    const { orgId, eventIds } = await queuedFanOuts(api, "counted");
    expect(eventIds).toHaveLength(KEYS);
    const job = { orgId, eventIds, requestId: "counted" };

    const { db: counted, statements } = statementCountingDb(api.appDatabaseUrl);
    try {
      const made = await fanOutEvents(counted, job);
      expect(made).toEqual({ attempts: KEYS, claimed: [] });
      // BEGIN and the scope with the events to fan out and the org's targets, then the attempts with their lanes; new positions and the lanes' jobs go with COMMIT.
      expect(statements.length).toBeLessThanOrEqual(2);
      // Run again, it finds every event fanned out and makes nothing.
      expect(await fanOutEvents(counted, job)).toEqual({ attempts: 0, claimed: [] });
    } finally {
      await counted.destroy();
    }
  });

  it("reads its events, the org's targets and its taken lanes, and writes its attempts, positions and lanes' jobs, with statements prepared on its connection and kept on generic plans, and stays exact", { timeout: 60_000 }, async () => {
    const { api } = stack.current;
    const { orgId, eventIds } = await queuedFanOuts(api, "prepared");

    const oneConnection = createDb({ connectionString: api.appDatabaseUrl, max: 1 });
    try {
      const made = [];
      for (const eventId of eventIds) made.push((await fanOutEvents(oneConnection, { orgId, eventIds: [eventId], requestId: "prepared" })).attempts);
      expect(made).toEqual(eventIds.map(() => 1));
      expect(await fanOutEvents(oneConnection, { orgId, eventIds, requestId: "prepared" })).toEqual({ attempts: 0, claimed: [] });
      const prepared = await preparedStatementsOn(oneConnection);
      const plansOf = (pattern: RegExp) => prepared.filter((statement) => pattern.test(statement.sql)).map(({ generic, custom }) => ({ generic, custom }));
      // Each was planned for its values for its first five runs (plan_cache_mode auto), then ran on its generic plan: the three reads at every fan-out.
      for (const read of [/^WITH named AS/, /from "notification_targets"/, /^select "recipient_id" from "delivery_lanes"/]) {
        expect(plansOf(read), String(read)).toEqual([{ generic: KEYS + 1 - 5, custom: 5 }]);
      }
      // The scope, the attempts with their lanes' locks, the new positions and the lanes' jobs, at every fan-out that made attempts.
      for (const write of [/set_config\('app\.org_id'/, /^with "made" as \(insert into "notification_attempts"/, /^INSERT INTO notification_fanouts/, /graphile_worker\.add_jobs/]) {
        expect(plansOf(write), String(write)).toEqual([{ generic: expect.any(Number), custom: 5 }]);
        expect(plansOf(write)[0]?.generic, String(write)).toBeGreaterThanOrEqual(KEYS - 5);
      }
    } finally {
      await oneConnection.destroy();
    }
  });
});
