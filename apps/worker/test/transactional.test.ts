import { enqueueJob, incidentService, type Actor } from "@incidentops/core";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import {
  anOrgOwner,
  aService,
  aWebhookTarget,
  queuedJobs,
  sleep,
  startWebhookReceiver,
  useTestStack,
  verifyWebhook,
  waitFor,
} from "@incidentops/testkit";

const stack = useTestStack();

async function incidentsTitled(title: string) {
  return stack.current.api.db.selectFrom("incidents").select("id").where("title", "=", title).execute();
}

describe("transactional enqueue", () => {
  it("a rolled-back transaction enqueues nothing; a committed one enqueues its job", async () => {
    const { api } = stack.current;
    const receiver = await startWebhookReceiver();
    try {
      const { accessToken: token, user, org } = await anOrgOwner(api);
      const target = await aWebhookTarget(api, token, receiver.url);
      const service = await aService(api, token);
      const actor: Actor = { kind: "user", userId: user.id, orgId: org.id, role: "admin", requestId: "rollback-test", ip: null };
      // No worker runs yet: whatever is enqueued stays in the table to be seen.
      expect(await queuedJobs(api.db)).toEqual([]);

      // 1. enqueueJob inside a transaction that then throws.
      await expect(
        api.db.transaction().execute(async (tx) => {
          await enqueueJob(tx, "incident_event", { orgId: org.id, eventId: crypto.randomUUID(), requestId: "rolled-back" });
          expect(await queuedJobs(api.db)).toEqual([]); // not visible outside the transaction
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      expect(await queuedJobs(api.db)).toEqual([]);

      // 2. The real code path, createIncident, in the caller's transaction, which then rolls back.
      await expect(
        api.db.transaction().execute(async (tx) => {
          const incident = await incidentService.createIncident(tx, actor, { serviceId: service.id, title: "Rolled back" });
          // Inside the transaction the job exists, naming the incident's event...
          const { rows } = await sql<{ n: number }>`
            SELECT count(*)::int AS n FROM graphile_worker._private_jobs j
            JOIN incident_events e ON e.id::text = j.payload->>'eventId'
            WHERE e.incident_id = ${incident.id}`.execute(tx);
          expect(rows[0]?.n).toBe(1);
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      // ...and with the rollback it is gone, with the incident.
      expect(await incidentsTitled("Rolled back")).toEqual([]);
      expect(await queuedJobs(api.db)).toEqual([]);

      // 3. createIncident's own transaction failing at its COMMIT, its job added by then (the
      // refusal counts the queued jobs it sees): the job must vanish with the rollback.
      await sql`
        CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'refused at commit with % job(s) queued', (SELECT count(*) FROM graphile_worker._private_jobs);
        END $$`.execute(api.db);
      await sql`
        CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON incidents DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.title = 'Rolled back') EXECUTE FUNCTION refuse_at_commit()`.execute(api.db);
      try {
        await expect(incidentService.createIncident(api.db, actor, { serviceId: service.id, title: "Rolled back" })).rejects.toThrow(
          "refused at commit with 1 job(s) queued",
        );
      } finally {
        await sql`DROP TRIGGER refuse_at_commit ON incidents`.execute(api.db);
        await sql`DROP FUNCTION refuse_at_commit()`.execute(api.db);
      }
      expect(await incidentsTitled("Rolled back")).toEqual([]);
      expect(await queuedJobs(api.db)).toEqual([]);

      // 4. The same call, committed: the incident, its event and exactly one job, naming the event.
      const committed = await incidentService.createIncident(api.db, actor, { serviceId: service.id, title: "Committed" });
      const events = await api.db.selectFrom("incident_events").select(["id", "incident_id"]).execute();
      expect(events).toHaveLength(1);
      expect(events[0]?.incident_id).toBe(committed.id);
      const jobs = await queuedJobs(api.db);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({
        task: "incident_event",
        payload: { orgId: org.id, eventId: events[0]?.id, requestId: "rollback-test" },
      });

      // A worker now delivers the committed incident, and nothing for the rolled-back one.
      await stack.current.startWorker();
      const request = await waitFor(() => receiver.requests[0], 20_000, "the committed incident's delivery");
      expect(verifyWebhook(target.secret, request).incident.title).toBe("Committed");
      await sleep(1_000);
      expect(receiver.requests).toHaveLength(1);
      expect(await incidentsTitled("Rolled back")).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
