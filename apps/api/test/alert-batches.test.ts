import { createLogger, enqueueJobs, ingestAlerts, inScope, MAX_IDS_PER_JOB, removeJob, taskPayloadSchemas, withJobsHeld } from "@incidentops/core";
import { createDb, sql } from "@incidentops/db";
import { describe, expect, it } from "vitest";
import { anAlert, aPolicy, aService, anIntegrationKey, anOrgOwner, incidentsOfService, preparedStatementsOn, queuedJobs, runQueuedJobs, statementCountingDb, uniqueName, untilWaitingOnLocks, useTestApi, waitFor, type TestApi } from "@incidentops/testkit";

const api = useTestApi();
const silentLog = createLogger({ level: "silent", name: "alert-batches-test" });

const trigger = (routingKey: string, dedupKey: string, summary = `Disk full on ${dedupKey}`) => ({
  routing_key: routingKey,
  event_action: "trigger",
  dedup_key: dedupKey,
  payload: { summary, source: "db", severity: "critical" },
});

const send = (t: TestApi, body: Record<string, unknown>) => t.request("POST", "/v2/enqueue", { body });

/** An owner and a service whose escalation policy pages them, with an integration key. */
async function anEscalatingSource(t: TestApi) {
  const owner = await anOrgOwner(t);
  const policy = await aPolicy(t, owner.accessToken, [{ delaySeconds: 600, targets: [{ type: "user", userId: owner.user.id }] }]);
  const service = await aService(t, owner.accessToken, { escalationPolicyId: policy.id });
  const { routingKey } = await anIntegrationKey(t, owner.accessToken, service.id);
  return { token: owner.accessToken, orgId: owner.org.id, serviceId: service.id, routingKey };
}

/** How many transactions wrote the service's incidents (their rows' xmin). */
async function transactionsThatOpened(t: TestApi, serviceId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(DISTINCT xmin::text)::int AS n FROM incidents WHERE service_id = ${serviceId}`.execute(t.db);
  return rows[0]?.n ?? 0;
}

describe("alert batches", () => {
  it("commits concurrent triggers of an org together, each with its own incident, result and jobs", async () => {
    const { token, orgId, serviceId, routingKey } = await anEscalatingSource(api.current);
    const keys = Array.from({ length: 40 }, (_, i) => `storm-${i}`);
    const answers = await Promise.all(keys.map((key) => send(api.current, trigger(routingKey, key))));
    expect(answers.map((a) => [a.status, a.body.dedup_key])).toEqual(keys.map((key) => [202, key]));

    const incidents = await incidentsOfService(api.current, token, serviceId);
    expect(incidents.map((i) => i.dedupKey).sort()).toEqual([...keys].sort());
    // One commit per alert before batches: here the 39 that arrive while the first one's batch runs share theirs.
    expect(await transactionsThatOpened(api.current, serviceId)).toBeLessThan(keys.length);
    const ids = new Set(incidents.map((i) => i.id));
    // Their created events fan out in one job per batch.
    const fanOuts = await queuedJobs(api.current.db, { task: "incident_event", orgId });
    expect(fanOuts.length).toBeLessThan(keys.length);
    expect(fanOuts.flatMap((job) => job.payload.eventIds)).toHaveLength(keys.length);
    // Their first escalation steps too: one job per batch, naming its incidents.
    const escalations = await queuedJobs(api.current.db, { task: "escalate_if_unacked", orgId });
    expect(escalations.length).toBeLessThan(keys.length);
    expect(new Set(escalations.flatMap((job) => (job.payload.steps as { incidentId: string }[]).map((s) => s.incidentId)))).toEqual(ids);
  });

  it("keeps each key's acknowledge and resolve after its trigger while many keys arrive at once", async () => {
    const { token, orgId, serviceId, routingKey } = await anEscalatingSource(api.current);
    const keys = Array.from({ length: 25 }, (_, i) => `flap-${i}`);
    await Promise.all(
      keys.map(async (key) => {
        for (const action of ["trigger", "acknowledge", "resolve"] as const) {
          const body = action === "trigger" ? trigger(routingKey, key) : { routing_key: routingKey, event_action: action, dedup_key: key };
          expect((await send(api.current, body)).status).toBe(202);
        }
      }),
    );
    const incidents = await incidentsOfService(api.current, token, serviceId);
    expect(incidents).toHaveLength(keys.length);
    expect(new Set(incidents.map((i) => i.status))).toEqual(new Set(["resolved"]));
    // Acknowledging ended each incident's escalation: its first step, run now, pages no one.
    await runQueuedJobs(api.current, ["escalate_if_unacked"]);
    expect(await queuedJobs(api.current.db, { task: "escalate_if_unacked", orgId })).toEqual([]);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM incident_events e JOIN incidents i ON i.id = e.incident_id
      WHERE i.service_id = ${serviceId} AND e.kind IN ('escalated', 'assigned')`.execute(api.current.db);
    expect(rows[0]?.n).toBe(0);
  });

  // An alert's event goes with the next statement (the next alert's, or the batch's end), so a refused event fails that statement: still only its own request fails.
  it.each([
    ["its incident", "incidents", "NEW.title"],
    ["its timeline event", "incident_events", "NEW.incident->>'title'"],
  ])("fails only the request that fails (the database refuses %s): the others of its batch are applied", async (_, table, title) => {
    const { token, serviceId, routingKey } = await anEscalatingSource(api.current);
    const poison = uniqueName("poison");
    // The database refuses one incident, as it could refuse any write.
    await sql`
      CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF ${sql.raw(title)} = ${sql.lit(poison)} THEN RAISE EXCEPTION 'refused by the test'; END IF;
        RETURN NEW;
      END $$`.execute(api.current.db);
    await sql`CREATE TRIGGER refuse_poison BEFORE INSERT ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION refuse_poison()`.execute(api.current.db);
    try {
      const keys = Array.from({ length: 20 }, (_, i) => `mixed-${i}`);
      const answers = await Promise.all(keys.map((key, i) => send(api.current, trigger(routingKey, key, i === 10 ? poison : undefined))));
      expect(answers.map((a) => a.status)).toEqual(keys.map((_, i) => (i === 10 ? 500 : 202)));
      const incidents = await incidentsOfService(api.current, token, serviceId);
      expect(incidents.map((i) => i.dedupKey).sort()).toEqual(keys.filter((_, i) => i !== 10).sort());
    } finally {
      await sql`DROP TRIGGER refuse_poison ON ${sql.table(table)}`.execute(api.current.db);
      await sql`DROP FUNCTION refuse_poison()`.execute(api.current.db);
    }
  });

  it("writes a request's triggers together, their incidents in one statement and their events with the next, new or repeated", async () => {
    const { token, serviceId, routingKey } = await anEscalatingSource(api.current);
    const { db: counted, statements } = statementCountingDb(api.current.appDatabaseUrl);
    const alerts = Array.from({ length: 20 }, (_, i) => anAlert(`counted-${i}`, { severity: "sev1" }));
    const delivery = { routingKey, requestId: "counted", log: silentLog, limitPerMinute: 1000 };
    try {
      for (const outcome of ["created", "deduplicated"]) {
        statements.length = 0;
        const results = await ingestAlerts(counted, delivery, alerts);
        expect(new Set(results.map((r) => r.outcome))).toEqual(new Set([outcome]));
        // Admission (the integration and its per-minute count), the incidents with the maintenance windows (BEGIN, the scope and the lane's lock go with them; the events, the jobs and COMMIT with the next).
        expect(statements.length).toBeLessThanOrEqual(2);
      }
    } finally {
      await counted.destroy();
    }
    const [incident] = await incidentsOfService(api.current, token, serviceId);
    // Each event with the incident as it was right after it (what its notifications show).
    const { rows } = await sql<{ kind: string; incident: { alertCount: number; assignees: unknown[] } }>`
      SELECT kind, incident FROM incident_events WHERE incident_id = ${incident?.id ?? ""} ORDER BY seq`.execute(api.current.db);
    expect(rows.map((e) => [e.kind, e.incident.alertCount, e.incident.assignees])).toEqual([
      ["created", 1, []],
      ["alert_repeated", 2, []],
    ]);
  });
  it("admits and applies alerts with statements prepared on their connection, kept on generic plans, and stays exact", async () => {
    const { token, serviceId, routingKey } = await anEscalatingSource(api.current);
    const oneConnection = createDb({ connectionString: api.current.appDatabaseUrl, max: 1 });
    const delivery = { routingKey, requestId: "prepared", log: silentLog, limitPerMinute: 1000 };
    try {
      const outcomes = [];
      for (const keys of [["p-1"], ["p-2", "p-3"], ["p-1"], ["p-4"], ["p-2", "p-5"], ["p-1", "p-6", "p-7"], ["p-3"], ["p-8"]]) {
        outcomes.push((await ingestAlerts(oneConnection, delivery, keys.map((key) => anAlert(key)))).map((r) => `${r.dedupKey} ${r.outcome}`));
      }
      expect(outcomes).toEqual([
        ["p-1 created"],
        ["p-2 created", "p-3 created"],
        ["p-1 deduplicated"],
        ["p-4 created"],
        ["p-2 deduplicated", "p-5 created"],
        ["p-1 deduplicated", "p-6 created", "p-7 created"],
        ["p-3 deduplicated"],
        ["p-8 created"],
      ]);
      // The admission's, the batch's, and what the batch holds for its next statement: the scope, the events and the jobs (for the six batches that open an incident). Each ran on its generic plan after five runs.
      const prepared = await preparedStatementsOn(oneConnection);
      const plansOf = (pattern: RegExp) => prepared.filter((statement) => pattern.test(statement.sql)).map(({ generic }) => generic);
      for (const pattern of [/^WITH integration AS/, /^WITH alert AS/, /set_config\('app\.org_id'/, /^insert into "incident_events"/, /graphile_worker\.add_jobs/]) {
        expect(plansOf(pattern), String(pattern)).toEqual([expect.any(Number)]);
        expect(plansOf(pattern)[0], String(pattern)).toBeGreaterThanOrEqual(1);
      }
    } finally {
      await oneConnection.destroy();
    }
    const incidents = await incidentsOfService(api.current, token, serviceId);
    expect(Object.fromEntries(incidents.map((i) => [i.dedupKey, i.alertCount]))).toEqual({ "p-1": 3, "p-2": 2, "p-3": 2, "p-4": 1, "p-5": 1, "p-6": 1, "p-7": 1, "p-8": 1 });
  });

  it("applies a request's alerts in order when a trigger repeats one written with it, or an acknowledge comes between", async () => {
    const { token, serviceId, routingKey } = await anEscalatingSource(api.current);
    const alert = (action: "trigger" | "acknowledge", dedupKey: string) => anAlert(dedupKey, { action, raw: { action, dedupKey } });
    const results = await ingestAlerts(api.current.db, { routingKey, requestId: "in-order", log: silentLog, limitPerMinute: 1000 }, [
      alert("trigger", "a"),
      alert("trigger", "b"),
      alert("trigger", "a"),
      alert("acknowledge", "b"),
      alert("trigger", "b"),
      alert("trigger", "c"),
      alert("trigger", "a"),
    ]);
    expect(results.map((r) => [r.dedupKey, r.outcome])).toEqual([
      ["a", "created"],
      ["b", "created"],
      ["a", "deduplicated"],
      ["b", "acknowledged"],
      ["b", "deduplicated"],
      ["c", "created"],
      ["a", "deduplicated"],
    ]);
    const incidents = await incidentsOfService(api.current, token, serviceId);
    expect(incidents.map((i) => [i.dedupKey, i.status, i.alertCount]).sort()).toEqual([
      ["a", "triggered", 3],
      ["b", "acknowledged", 2],
      ["c", "triggered", 1],
    ]);
    // The timeline, across incidents, in the order the alerts came, each event with its incident as it was then.
    const { rows } = await sql<{ dedup_key: string; kind: string; incident: { alertCount: number; status: string } }>`
      SELECT i.dedup_key, e.kind, e.incident FROM incident_events e JOIN incidents i ON i.id = e.incident_id
      WHERE i.service_id = ${serviceId} ORDER BY e.seq`.execute(api.current.db);
    expect(rows.map((e) => [e.dedup_key, e.kind, e.incident.alertCount, e.incident.status])).toEqual([
      ["a", "created", 1, "triggered"],
      ["b", "created", 1, "triggered"],
      ["a", "alert_repeated", 2, "triggered"],
      ["b", "status_changed", 1, "acknowledged"],
      ["b", "alert_repeated", 2, "acknowledged"],
      ["c", "created", 1, "triggered"],
      ["a", "alert_repeated", 3, "triggered"],
    ]);
  });

  it("splits a batch's fan-out and first escalation steps over jobs the worker takes, however many incidents it opens", async () => {
    const { orgId, serviceId, routingKey } = await anEscalatingSource(api.current);
    const db = api.current.db;
    const delivery = (requestId: string) => ({ routingKey, requestId, log: silentLog, limitPerMinute: 10_000 });
    // Two requests of 600 alerts each (as Alertmanager groups send them), behind a third: all three start with one key, so they share its lane.
    const requestOf = (name: string) => [anAlert("first"), ...Array.from({ length: 600 }, (_, i) => anAlert(`${name}-${i}`))];
    const admitted = async () => (await sql<{ n: number }>`SELECT coalesce(sum(hits), 0)::int AS n FROM rate_limit_counters WHERE key LIKE 'ingest:%'`.execute(db)).rows[0]?.n ?? 0;
    const before = await admitted();
    const requests = await db.transaction().execute(async (tx) => {
      // The service row held as its edit holds it: the first request's batch waits on it (its incident's foreign key), and the two others meet in the lane's next batch.
      await sql`SELECT 1 FROM services WHERE id = ${serviceId} FOR UPDATE`.execute(tx);
      const first = ingestAlerts(db, delivery("first"), [anAlert("first")]);
      await untilWaitingOnLocks(db, 1, "the first request's batch to wait on the service");
      const big = ["a", "b"].map((name) => ingestAlerts(db, delivery(name), requestOf(name)));
      await waitFor(async () => ((await admitted()) === before + 1 + 2 * 601 ? true : undefined), 15_000, "both requests to be admitted");
      return [first, ...big];
    });
    const results = (await Promise.all(requests)).flat();
    expect(results.filter((r) => r.outcome === "created")).toHaveLength(1 + 2 * 600);

    // Each job names at most what the worker takes: the batch's 1,200 events fan out in two.
    const namedBy = async (task: "incident_event" | "escalate_if_unacked") => {
      const jobs = await queuedJobs(db, { task, orgId });
      expect(jobs.map((job) => taskPayloadSchemas[task].safeParse(job.payload).success)).not.toContain(false);
      return jobs.map((job) => ((job.payload.eventIds ?? job.payload.steps) as unknown[]).length).sort((a, b) => a - b);
    };
    expect(await namedBy("incident_event")).toEqual([1, 1200 - MAX_IDS_PER_JOB, MAX_IDS_PER_JOB]);
    // The first steps of each run of new triggers (the repeated first key ends one), 1 + 600 + 600.
    expect(await namedBy("escalate_if_unacked")).toEqual([1, 600, 600]);
  });

  it("applies requests of several alerts sent at once in opposite orders without a deadlock, each key with one open incident at most", async () => {
    const { token, serviceId, routingKey } = await anEscalatingSource(api.current);
    // fingerprint-2 and fingerprint-7 fall in different lanes (alertBatchLaneOf).
    const keys = Array.from({ length: 6 }, (_, i) => `fingerprint-${i + 2}`);
    const alertsOf = (action: "trigger" | "resolve", order: readonly string[]) => order.map((dedupKey) => anAlert(dedupKey, { action }));
    // Requests in different lanes (their first keys'), locking the same incidents in opposite orders.
    const requests = [alertsOf("resolve", keys), alertsOf("trigger", keys.toReversed()), alertsOf("resolve", keys.toReversed()), alertsOf("trigger", keys)];
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.allSettled(requests.map((alerts, i) => ingestAlerts(api.current.db, { routingKey, requestId: `opposite-${round}-${i}`, log: silentLog, limitPerMinute: 10_000 }, alerts)));
      expect(answers.filter((answer) => answer.status === "rejected")).toEqual([]);
    }
    const open = (await incidentsOfService(api.current, token, serviceId)).filter((i) => i.status !== "resolved").map((i) => i.dedupKey);
    expect(open.length).toBe(new Set(open).size);
  });
});

describe("jobs held for a batch", () => {
  const escalation = (orgId: string, incidentId: string, jobKey: string) => ({
    task: "escalate_if_unacked" as const,
    payload: { orgId, incidentId, step: 0, manual: false, requestId: "test" },
    spec: { jobKey },
  });

  it("are added once the batch ends, and a held job removed in the batch is never added", async () => {
    const { org } = await anOrgOwner(api.current);
    const [kept, dropped] = [uniqueName("kept"), uniqueName("dropped")];
    const jobsNamed = async (key: string) => (await queuedJobs(api.current.db, { key })).length;
    await inScope(api.current.db, { orgId: org.id }, (tx) =>
      withJobsHeld(tx, async () => {
        await enqueueJobs(tx, [escalation(org.id, crypto.randomUUID(), kept), escalation(org.id, crypto.randomUUID(), dropped)]);
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key IN (${kept}, ${dropped})`.execute(tx);
        expect(rows[0]?.n).toBe(0);
        await removeJob(tx, dropped);
      }),
    );
    expect([await jobsNamed(kept), await jobsNamed(dropped)]).toEqual([1, 0]);
  });
});
