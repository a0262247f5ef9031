import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aWebhookTarget,
  bodyOf,
  deferred,
  sleep,
  spawnWorkerProcess,
  startTestApi,
  startWebhookReceiver,
  useDisposablePostgres,
  waitFor,
  type Account,
  type TestApi,
  type WebhookReceiver,
  type WorkerProcess,
} from "@incidentops/testkit";

// The worker as a real process on a PostgreSQL server of this file's own, which the tests stop,
// kill and start again by its process id.
const pg = useDisposablePostgres();
let api: TestApi;
let worker: WorkerProcess;
let owner: Account;
let serviceId: string;
let receiver: WebhookReceiver;
/** Set by a test to hold the receiver's answers (a delivery in flight) until it resolves. */
let hold: Promise<void> | undefined;

beforeAll(async () => {
  api = await startTestApi({ databaseUrl: pg.current.url(), env: { DELIVERY_RETRY_BASE_MS: "1000" } });
  receiver = await startWebhookReceiver(async () => {
    await hold;
    return 200;
  });
  owner = await anOrgOwner(api);
  await aWebhookTarget(api, owner.accessToken, receiver.url);
  serviceId = (await aService(api, owner.accessToken)).id;
  worker = spawnWorkerProcess(api, { LOG_LEVEL: "warn", DELIVERY_RETRY_BASE_MS: "1000" });
});

afterAll(async () => {
  if (worker.child.exitCode === null && worker.child.signalCode === null) {
    worker.child.kill("SIGKILL");
    await worker.exited;
  }
  await receiver.close();
  await api.close();
});

const deliveredTitles = () => receiver.requests.map((r) => bodyOf(r).incident.title);
const delivered = (title: string, timeoutMs: number) =>
  waitFor(() => (deliveredTitles().includes(title) ? true : undefined), timeoutMs, `the delivery of "${title}" (worker output: ${worker.output().slice(-2000)})`);
const isRunning = () => worker.child.exitCode === null && worker.child.signalCode === null;

describe("the worker while PostgreSQL goes away", () => {
  it("rides out a 30-second outage: it keeps running, and delivers within 5 s of the database's return", { timeout: 120_000 }, async () => {
    await anIncident(api, owner.accessToken, serviceId, { title: "before the outage" });
    await delivered("before the outage", 30_000);

    await pg.current.kill("SIGINT");
    await sleep(30_000);
    expect(isRunning(), worker.output()).toBe(true);
    await pg.current.start();
    const back = Date.now();
    await waitFor(async () => ((await api.request("GET", "/readyz")).status === 200 ? true : undefined), 5_000, "the API to be ready");
    await anIncident(api, owner.accessToken, serviceId, { title: "after the outage" });
    await delivered("after the outage", 5_000 - (Date.now() - back) + 1_000);
    expect(isRunning()).toBe(true);
  });

  it("survives crashes of the server (SIGKILL) mid-delivery: the delivery in flight goes out again, nothing is lost", { timeout: 120_000 }, async () => {
    const gate = deferred();
    hold = gate.promise;
    await anIncident(api, owner.accessToken, serviceId, { title: "in flight" });
    await waitFor(() => (receiver.requests.some((r) => bodyOf(r).incident.title === "in flight") ? true : undefined), 30_000, "the held delivery");
    // The database dies while the receiver holds the delivery, so its outcome cannot be written.
    await pg.current.kill("SIGKILL");
    gate.resolve();
    hold = undefined;
    await sleep(2_000);
    await pg.current.start();
    await pg.current.kill("SIGKILL");
    await pg.current.start();
    expect(isRunning(), worker.output()).toBe(true);

    await anIncident(api, owner.accessToken, serviceId, { title: "after the crashes" });
    await delivered("after the crashes", 60_000);
    // The delivery whose outcome was lost is sent again (same webhook-id: receivers de-duplicate) and then recorded.
    const inFlight = receiver.requests.filter((r) => bodyOf(r).incident.title === "in flight");
    expect(new Set(inFlight.map((r) => r.headers["webhook-id"])).size).toBe(1);
    await waitFor(
      async () => {
        const rows = await api.db.selectFrom("notification_attempts").select("status").execute();
        return rows.every((r) => r.status === "succeeded") ? true : undefined;
      },
      60_000,
      "every attempt to be recorded as delivered",
    );
    expect(isRunning()).toBe(true);
  });
});
