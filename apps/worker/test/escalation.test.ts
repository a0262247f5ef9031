import type { Incident, IncidentEvent, NotificationTargetWithSecret } from "@incidentops/core";
import { sql } from "@incidentops/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aPolicy,
  aService,
  aUserWithRole,
  aWebhookTarget,
  bodyOf,
  listEvents,
  queuedJobs,
  sleep,
  startWebhookReceiver,
  untilWaitingOnLocks,
  useTestStack,
  verifyWebhook,
  waitFor,
  type WebhookReceiver,
} from "@incidentops/testkit";

const stack = useTestStack();

beforeAll(async () => {
  await stack.current.startWorker();
});

interface Level {
  delaySeconds: number;
  targets: { type: "notification_target"; targetId: string }[];
}

/** An admin's org with two receivers, A and B, reachable only through escalation levels. */
async function setup(levels: (a: NotificationTargetWithSecret, b: NotificationTargetWithSecret) => Level[]) {
  const { api } = stack.current;
  const admin = await anOrgOwner(api);
  const token = admin.accessToken;
  const receiverA = await startWebhookReceiver();
  const receiverB = await startWebhookReceiver();
  // Their own filters match nothing that happens here, so org-wide fan-out never reaches them:
  // whatever they receive came from an escalation level naming them.
  const a = await aWebhookTarget(api, token, receiverA.url, { eventKinds: ["mitigated"] });
  const b = await aWebhookTarget(api, token, receiverB.url, { eventKinds: ["mitigated"] });
  const policy = await aPolicy(api, token, levels(a, b), { name: "On call" });
  const service = await aService(api, token, { escalationPolicyId: policy.id });
  expect(service.escalationPolicyId).toBe(policy.id);
  return { admin, token, a, b, receiverA, receiverB, service, policyId: policy.id };
}

const escalations = (events: IncidentEvent[]) => events.filter((e) => e.kind === "escalated");

async function waitForLevel(token: string, incidentId: string, level: number, timeoutMs = 15_000) {
  return waitFor(
    async () => escalations(await listEvents(stack.current.api, token, incidentId)).find((e) => e.data.level === level),
    timeoutMs,
    `level ${level} of incident ${incidentId}`,
  );
}

const deliveriesFor = (receiver: WebhookReceiver, incidentId: string) => receiver.requests.filter((r) => bodyOf(r).incident.id === incidentId);

const closeAll = (...receivers: WebhookReceiver[]) => Promise.all(receivers.map((r) => r.close()));

describe("escalation policies", () => {
  it("escalate an unacknowledged incident to level 2; one acknowledged before the delay never gets there", { timeout: 45_000 }, async () => {
    const { api } = stack.current;
    const LEVEL1_DELAY = 2;
    const { token, a, b, receiverA, receiverB, service, policyId } = await setup((a, b) => [
      { delaySeconds: LEVEL1_DELAY, targets: [{ type: "notification_target", targetId: a.id }] },
      { delaySeconds: 1, targets: [{ type: "notification_target", targetId: b.id }] },
    ]);
    try {
      const ignored = await anIncident(api, token, service.id, { title: "Nobody answers" });
      const answered = await anIncident(api, token, service.id, { title: "Someone answers" });

      // Level 1 is notified at once, for both.
      const answeredLevel1 = await waitForLevel(token, answered.id, 1);
      const ack = await api.request<Incident>("POST", `/v1/incidents/${answered.id}/transition`, {
        token,
        body: { toStatus: "acknowledged", version: 1 },
      });
      expect(ack.status).toBe(200);
      // Acknowledging removed the scheduled next step.
      expect((await queuedJobs(api.db)).filter((j) => j.key === `escalation:${answered.id}`)).toEqual([]);

      const level1 = await waitForLevel(token, ignored.id, 1);
      const level2 = await waitForLevel(token, ignored.id, 2);
      expect(level1.data).toMatchObject({
        level: 1,
        step: 1,
        pass: 1,
        manual: false,
        policyId,
        notified: [{ type: "notification_target", targetId: a.id }],
      });
      expect(level2.data).toMatchObject({ level: 2, step: 2, manual: false, notified: [{ type: "notification_target", targetId: b.id }] });
      // Level 2 waited for level 1's delay.
      expect(Date.parse(level2.createdAt) - Date.parse(level1.createdAt)).toBeGreaterThanOrEqual(LEVEL1_DELAY * 1000 - 50);

      // Both levels' receivers got the ignored incident, signed, as incident.escalated.
      const toA = await waitFor(() => deliveriesFor(receiverA, ignored.id)[0], 10_000, "A's delivery");
      const toB = await waitFor(() => deliveriesFor(receiverB, ignored.id)[0], 10_000, "B's delivery");
      expect(verifyWebhook(a.secret, toA)).toMatchObject({ type: "incident.escalated", event: { id: level1.id } });
      expect(verifyWebhook(b.secret, toB)).toMatchObject({ type: "incident.escalated", event: { id: level2.id } });

      // The answered incident: past twice the delay (plus the worker's 2 s poll), still at level 1.
      const waited = Date.now() - Date.parse(answeredLevel1.createdAt);
      await sleep(Math.max(0, 2 * LEVEL1_DELAY * 1000 + 2_500 - waited));
      const answeredEvents = await listEvents(api, token, answered.id);
      expect(escalations(answeredEvents).map((e) => e.data.level)).toEqual([1]);
      expect(deliveriesFor(receiverA, answered.id)).toHaveLength(1);
      expect(deliveriesFor(receiverB, answered.id)).toEqual([]);
      // The ignored one stops after its last level (repeat 1): nothing more was scheduled.
      expect(escalations(await listEvents(api, token, ignored.id))).toHaveLength(2);
      expect((await queuedJobs(api.db)).filter((j) => j.task === "escalate_if_unacked")).toEqual([]);
      expect(deliveriesFor(receiverA, ignored.id)).toHaveLength(1);
      expect(deliveriesFor(receiverB, ignored.id)).toHaveLength(1);
    } finally {
      await closeAll(receiverA, receiverB);
    }
  });

  it("one incident's escalation waiting on its incident does not hold up another org's", { timeout: 45_000 }, async () => {
    const { api } = stack.current;
    const held = await setup((a, b) => [
      { delaySeconds: 3, targets: [{ type: "notification_target", targetId: a.id }] },
      { delaySeconds: 1, targets: [{ type: "notification_target", targetId: b.id }] },
    ]);
    const other = await setup((a, b) => [
      { delaySeconds: 5, targets: [{ type: "notification_target", targetId: a.id }] },
      { delaySeconds: 1, targets: [{ type: "notification_target", targetId: b.id }] },
    ]);
    try {
      const stuck = await anIncident(api, held.token, held.service.id, { title: "Locked by someone else" });
      await waitForLevel(held.token, stuck.id, 1);
      await api.db.transaction().execute(async (tx) => {
        await sql`SELECT 1 FROM incidents WHERE id = ${stuck.id} FOR UPDATE`.execute(tx);
        const free = await anIncident(api, other.token, other.service.id, { title: "Nobody answers" });
        // The held incident's level 2 comes due first and its job waits on the lock; the other
        // org's level 2 comes due two seconds later and runs all the same.
        await untilWaitingOnLocks(api.db, 1, "the held incident's level 2 to wait on its incident");
        await waitForLevel(other.token, free.id, 2);
        expect(escalations(await listEvents(api, held.token, stuck.id)).map((e) => e.data.level)).toEqual([1]);
      });
      await waitForLevel(held.token, stuck.id, 2);
    } finally {
      await closeAll(held.receiverA, held.receiverB, other.receiverA, other.receiverB);
    }
  });

  it("POST /escalate notifies the next level now (member+), and is refused when there is nothing to escalate", async () => {
    const { api } = stack.current;
    // Long delays: only a manual escalation can reach level 2 within this test.
    const { admin, token, b, receiverA, receiverB, service } = await setup((a, b) => [
      { delaySeconds: 3600, targets: [{ type: "notification_target", targetId: a.id }] },
      { delaySeconds: 3600, targets: [{ type: "notification_target", targetId: b.id }] },
    ]);
    try {
      const member = await aUserWithRole(api, admin.org.id, "member");
      const viewer = await aUserWithRole(api, admin.org.id, "viewer");
      const incident = await anIncident(api, token, service.id, { title: "Escalate me" });
      await waitForLevel(token, incident.id, 1);

      const byViewer = await api.request<{ code: string }>("POST", `/v1/incidents/${incident.id}/escalate`, { token: viewer.accessToken });
      expect(byViewer.status).toBe(403);

      const escalated = await api.request<Incident>("POST", `/v1/incidents/${incident.id}/escalate`, { token: member.accessToken });
      expect(escalated.status).toBe(200);
      expect(escalated.body.id).toBe(incident.id);
      const level2 = await waitForLevel(token, incident.id, 2, 10_000);
      expect(level2.data).toMatchObject({ level: 2, manual: true, notified: [{ type: "notification_target", targetId: b.id }] });
      const toB = await waitFor(() => deliveriesFor(receiverB, incident.id)[0], 10_000, "B's delivery");
      expect(verifyWebhook(b.secret, toB).event.id).toBe(level2.id);

      // Every level notified: nothing left.
      const exhausted = await api.request<{ code: string }>("POST", `/v1/incidents/${incident.id}/escalate`, { token: member.accessToken });
      expect(exhausted.status).toBe(409);
      expect(exhausted.body.code).toBe("CONFLICT");

      // No policy on the service.
      const plain = await aService(api, token);
      const unmanaged = await anIncident(api, token, plain.id);
      const noPolicy = await api.request<{ code: string }>("POST", `/v1/incidents/${unmanaged.id}/escalate`, { token: member.accessToken });
      expect(noPolicy.status).toBe(409);
      expect(noPolicy.body.code).toBe("CONFLICT");

      // Resolved: nothing to escalate, and resolving stopped the chain.
      const other = await anIncident(api, token, service.id, { title: "Resolved quickly" });
      await waitForLevel(token, other.id, 1);
      const resolved = await api.request("POST", `/v1/incidents/${other.id}/transition`, { token, body: { toStatus: "resolved", version: 1 } });
      expect(resolved.status).toBe(200);
      expect((await queuedJobs(api.db)).filter((j) => j.key === `escalation:${other.id}`)).toEqual([]);
      const refused = await api.request<{ code: string }>("POST", `/v1/incidents/${other.id}/escalate`, { token: member.accessToken });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe("INVALID_TRANSITION");
      expect(escalations(await listEvents(api, token, other.id))).toHaveLength(1);

      // An acknowledged incident may still be escalated by hand (to pull in more help).
      const acked = await anIncident(api, token, service.id, { title: "Need more hands" });
      await waitForLevel(token, acked.id, 1);
      const ack = await api.request("POST", `/v1/incidents/${acked.id}/transition`, { token, body: { toStatus: "acknowledged", version: 1 } });
      expect(ack.status).toBe(200);
      const more = await api.request("POST", `/v1/incidents/${acked.id}/escalate`, { token: member.accessToken });
      expect(more.status).toBe(200);
      expect((await waitForLevel(token, acked.id, 2, 10_000)).data.manual).toBe(true);
      expect(receiverA.requests.every((r) => bodyOf(r).type === "incident.escalated")).toBe(true);
    } finally {
      await closeAll(receiverA, receiverB);
    }
  });
});
