import { afterAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aWebhookTarget,
  listAttempts,
  listEvents,
  never,
  queuedJobs,
  spawnWorkerProcess,
  startWebhookReceiver,
  useTestStack,
  verifyWebhook,
  waitFor,
  type WorkerProcess,
} from "@incidentops/testkit";

// A worker silent for 3 s is dead: its jobs are released to the others.
const stack = useTestStack({ WORKER_DEAD_AFTER_MS: "3000", WORKER_HEARTBEAT_MS: "500" });

const children: WorkerProcess[] = [];
afterAll(async () => {
  for (const worker of children) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) {
      worker.child.kill("SIGKILL");
      await worker.exited;
    }
  }
});

function launch(): WorkerProcess {
  const worker = spawnWorkerProcess(stack.current.api, { WORKER_DEAD_AFTER_MS: "3000", WORKER_HEARTBEAT_MS: "500" });
  children.push(worker);
  return worker;
}

async function heartbeats() {
  return stack.current.api.db.selectFrom("worker_heartbeats").select(["worker_id", "process"]).execute();
}

describe("a worker killed mid-delivery", () => {
  it("loses nothing: after kill -9 and a restart the in-flight delivery and later events are delivered", { timeout: 120_000 }, async () => {
    const { api } = stack.current;
    // The first two requests are held open forever: the fan-out's first round, then the lane's
    // job that takes it over when its lease ends; the job's delivery is in flight when the worker dies.
    const receiver = await startWebhookReceiver((_req, index) => (index < 2 ? never<number>() : 200));
    try {
      const { accessToken: token } = await anOrgOwner(api);
      const target = await aWebhookTarget(api, token, receiver.url);
      const service = await aService(api, token);

      const first = launch();
      // One heartbeat per runner of the process (its jobs and its deliveries).
      const firstBeats = await waitFor(
        async () => {
          const rows = (await heartbeats()).filter((r) => r.process.endsWith(`:${first.child.pid}`));
          return rows.length === 2 ? rows.map((r) => r.worker_id) : undefined;
        },
        30_000,
        `the first worker's heartbeats (output: ${first.output()})`,
      );

      const incident = await anIncident(api, token, service.id, { title: "Payments down" });
      const firstRound = await waitFor(() => receiver.requests[0], 20_000, "the fan-out's first round to arrive");
      const heldId = String(firstRound.headers["webhook-id"]);
      // The lease: one round of WEBHOOK_TIMEOUT_MS, plus 10 s.
      const held = await waitFor(() => receiver.requests[1], 30_000, "the lane's job to send it again when the lease ends");
      expect(String(held.headers["webhook-id"])).toBe(heldId);
      // The delivery job is locked by the first worker.
      const locked = (await queuedJobs(api.db)).find((j) => j.task === "send_webhook");
      expect(firstBeats).toContain(locked?.lockedBy);
      const firstBeat = { worker_id: locked?.lockedBy ?? "" };

      first.child.kill("SIGKILL");
      expect(await first.exited).toEqual({ code: null, signal: "SIGKILL" });
      const killedAt = Date.now();

      // Changes made while no worker runs wait in PostgreSQL.
      const comment = await api.request("POST", `/v1/incidents/${incident.id}/comment`, { token, body: { body: "while down" } });
      expect(comment.status).toBe(201);
      const ack = await api.request("POST", `/v1/incidents/${incident.id}/transition`, { token, body: { toStatus: "acknowledged", version: 1 } });
      expect(ack.status).toBe(200);
      // Still locked by the dead worker: graphile-worker alone would leave it for 4 hours.
      expect((await queuedJobs(api.db)).find((j) => j.task === "send_webhook" && j.lockedBy === firstBeat.worker_id)).toBeDefined();

      const second = launch();
      const attempts = await waitFor(
        async () => {
          const list = await listAttempts(api, token, incident.id);
          return list.length === 3 && list.every((a) => a.status === "succeeded") ? list : undefined;
        },
        60_000,
        `every delivery after the restart (worker output: ${second.output()})`,
      );
      expect(Date.now() - killedAt).toBeLessThan(60_000);

      // The in-flight delivery completed: the same webhook-id came again and got a 200.
      const heldAttempt = attempts.find((a) => a.id === heldId);
      expect(heldAttempt).toMatchObject({ status: "succeeded", lastHttpStatus: 200 });
      expect(receiver.answered.filter((a) => a.webhookId === heldId)).toEqual([{ webhookId: heldId, status: 200 }]);
      expect(receiver.requests.filter((r) => String(r.headers["webhook-id"]) === heldId)).toHaveLength(3);

      // No event lost: every notifying event on the timeline has exactly one succeeded attempt.
      const events = await listEvents(api, token, incident.id);
      expect(events.map((e) => e.kind)).toEqual(["created", "commented", "status_changed"]);
      expect(new Set(attempts.map((a) => a.eventId))).toEqual(new Set(events.map((e) => e.id)));
      const types = receiver.requests.slice(2).map((r) => verifyWebhook(target.secret, r).type);
      expect(types.sort()).toEqual(["incident.acknowledged", "incident.commented", "incident.triggered"]);

      // The dead worker's heartbeat was reaped; the new one beats; no job is left locked.
      const rows = await heartbeats();
      for (const id of firstBeats) expect(rows.map((r) => r.worker_id)).not.toContain(id);
      expect(rows.some((r) => r.process.endsWith(`:${second.child.pid}`))).toBe(true);
      expect((await queuedJobs(api.db)).filter((j) => j.lockedBy === firstBeat.worker_id)).toEqual([]);

      // SIGTERM: a graceful stop that exits 0 and removes its heartbeat.
      second.child.kill("SIGTERM");
      expect(await second.exited).toEqual({ code: 0, signal: null });
      expect((await heartbeats()).some((r) => r.process.endsWith(`:${second.child.pid}`))).toBe(false);
    } finally {
      await receiver.close();
    }
  });
});
