import { acceptAlerts, alertInboxJobKey } from "@incidentops/core";
import { describe, expect, it } from "vitest";
import {
  alertInboxDrained,
  anAlertSource,
  apiProcessReady,
  aWebhookTarget,
  closedPort,
  drainAlertInbox,
  freePort,
  incidentsOfService,
  listEvents,
  queuedJobs,
  runQueuedJobs,
  spawnApiProcess,
  statementCountingDb,
  uniqueName,
  useTestStack,
  whileInsertsRefused,
  type TestApi,
} from "@incidentops/testkit";

// The alert inbox (decision 0051): PagerDuty's Events APIs write a request's alerts and answer
// 202 at once; the worker's drain applies them in batches, in the order they were accepted.

const stack = useTestStack();

const trigger = (routingKey: string, dedupKey: string, summary = dedupKey) => ({
  routing_key: routingKey,
  event_action: "trigger",
  dedup_key: dedupKey,
  payload: { summary, source: "inbox-test", severity: "critical" },
});
const settle = (routingKey: string, action: "acknowledge" | "resolve", dedupKey: string) => ({ routing_key: routingKey, event_action: action, dedup_key: dedupKey });

const send = (api: TestApi, body: Record<string, unknown>) => api.request("POST", "/v2/enqueue", { body });

const waiting = (api: TestApi, serviceId: string) =>
  api.db.selectFrom("alert_inbox").select(["lane", "failed_at", "failure"]).where("service_id", "=", serviceId).orderBy("id").execute();

describe("the alert inbox", () => {
  it("answers before applying: the alerts wait with one drain job per lane, and the drain applies them in the order they were accepted", async () => {
    const { api } = stack.current;
    const { token, serviceId, routingKey } = await anAlertSource(api);
    const orgId = (await api.db.selectFrom("services").select("org_id").where("id", "=", serviceId).executeTakeFirstOrThrow()).org_id;
    for (const body of [trigger(routingKey, "disk"), settle(routingKey, "acknowledge", "disk"), trigger(routingKey, "cpu"), settle(routingKey, "resolve", "disk"), trigger(routingKey, "disk", "again")]) {
      expect((await send(api, body)).status).toBe(202);
    }
    const lanes = new Set((await waiting(api, serviceId)).map((row) => row.lane));
    expect((await waiting(api, serviceId)).length).toBe(5);
    expect(await incidentsOfService(api, token, serviceId)).toEqual([]);
    expect(await queuedJobs(api.db, { task: "incident_event", orgId })).toEqual([]);
    const drains = await queuedJobs(api.db, { task: "drain_alert_inbox", orgId });
    expect(drains.map((job) => job.key).sort()).toEqual([...lanes].map((lane) => alertInboxJobKey(orgId, lane)).sort());

    await drainAlertInbox(api);
    expect(await waiting(api, serviceId)).toEqual([]);
    const incidents = await incidentsOfService(api, token, serviceId);
    expect(incidents.map((i) => [i.title, i.status]).sort()).toEqual([
      ["again", "triggered"],
      ["cpu", "triggered"],
      ["disk", "resolved"],
    ]);
    const first = incidents.find((i) => i.title === "disk");
    expect((await listEvents(api, token, first?.id ?? "")).map((e) => [e.kind, e.data.toStatus ?? null])).toEqual([
      ["created", null],
      ["status_changed", "acknowledged"],
      ["status_changed", "resolved"],
    ]);
  });

  it("accepts a request in two round trips: its admission, then BEGIN, the scope, the drain job, its row and COMMIT in one message", async () => {
    const { api } = stack.current;
    const { serviceId, routingKey } = await anAlertSource(api);
    const { db: counted, statements } = statementCountingDb(api.appDatabaseUrl);
    try {
      const alert = { action: "trigger" as const, dedupKey: "counted", summary: "counted", severity: "sev2" as const, raw: {} };
      expect(await acceptAlerts(counted, { routingKey, requestId: "counted", limitPerMinute: 1000 }, [alert])).toEqual(["counted"]);
      // Every message is listed but the one that commits.
      expect(statements).toEqual([expect.stringContaining("app_enter_integration_scope")]);
    } finally {
      await counted.destroy();
    }
    expect(await waiting(api, serviceId)).toHaveLength(1);
  });

  it("fans a drained batch out in the drain's own job: its attempts exist when the drain ends, and its queued fan-out then makes none", async () => {
    const { api } = stack.current;
    const { token, serviceId, routingKey } = await anAlertSource(api);
    await aWebhookTarget(api, token, `http://127.0.0.1:${await closedPort()}/hook`);
    const orgId = (await api.db.selectFrom("services").select("org_id").where("id", "=", serviceId).executeTakeFirstOrThrow()).org_id;
    const attempts = () => api.db.selectFrom("notification_attempts").select("id").where("org_id", "=", orgId).execute();
    await Promise.all(["a", "b", "c"].map((key) => send(api, trigger(routingKey, key))));
    await drainAlertInbox(api);
    expect(await attempts()).toHaveLength(3);
    // Kept for a drain that dies after its commit: run, it finds the events fanned out.
    expect((await queuedJobs(api.db, { task: "incident_event", orgId })).length).toBeGreaterThan(0);
    await runQueuedJobs(api, ["incident_event"]);
    expect(await attempts()).toHaveLength(3);
  });

  it("sets aside a request that cannot be applied, saying why, and applies the rest of its batch", async () => {
    const { api } = stack.current;
    const { token, serviceId, routingKey } = await anAlertSource(api);
    const poison = uniqueName("poison");
    const keys = Array.from({ length: 12 }, (_, i) => `mixed-${i}`);
    await whileInsertsRefused(api.db, "incidents", "NEW.title", poison, async () => {
      const answers = await Promise.all(keys.map((key, i) => send(api, trigger(routingKey, key, i === 5 ? poison : key))));
      expect(answers.map((a) => a.status)).toEqual(keys.map(() => 202));
      await drainAlertInbox(api);
    });
    expect((await incidentsOfService(api, token, serviceId)).map((i) => i.title).sort()).toEqual(keys.filter((_, i) => i !== 5).sort());
    expect(await waiting(api, serviceId)).toEqual([expect.objectContaining({ failed_at: expect.any(Date), failure: "P0001" })]);
    // The lane goes on: a later alert is applied.
    await send(api, trigger(routingKey, "later"));
    await drainAlertInbox(api);
    expect((await incidentsOfService(api, token, serviceId)).map((i) => i.title)).toContain("later");
  });

  it("loses nothing when the API process that answered dies before its alerts are applied: a worker started later applies them", { timeout: 120_000 }, async () => {
    const { api } = stack.current;
    const { token, serviceId, routingKey } = await anAlertSource(api);
    const port = await freePort();
    const child = spawnApiProcess(api, port);
    const url = `http://127.0.0.1:${port}`;
    await apiProcessReady(url, child);
    const keys = Array.from({ length: 30 }, (_, i) => `crash-${i}`);
    const statuses = await Promise.all(
      keys.map(async (key) => (await fetch(`${url}/v2/enqueue`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(trigger(routingKey, key)) })).status),
    );
    expect(statuses).toEqual(keys.map(() => 202));
    child.child.kill("SIGKILL");
    await child.exited;

    const worker = await stack.current.startWorker();
    try {
      await alertInboxDrained(api);
    } finally {
      await worker.stop();
    }
    expect((await incidentsOfService(api, token, serviceId)).map((i) => i.dedupKey).sort()).toEqual([...keys].sort());
  });
});
