import { afterAll, describe, expect, it } from "vitest";
import {
  anIncident,
  anOrgOwner,
  aService,
  aWebhookTarget,
  sleep,
  spawnWorkerProcess,
  startTestApi,
  startWebhookReceiver,
  useDisposablePostgres,
  waitFor,
  type TestApi,
  type WorkerProcess,
} from "@incidentops/testkit";

const pg = useDisposablePostgres();
let api: TestApi | undefined;
const children: WorkerProcess[] = [];
afterAll(async () => {
  for (const worker of children) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) {
      worker.child.kill("SIGKILL");
      await worker.exited;
    }
  }
  await api?.close();
});

describe("the worker when PostgreSQL goes away", () => {
  it("survives a restart", { timeout: 120_000 }, async () => {
    api = await startTestApi({ databaseUrl: pg.current.url() });
    const receiver = await startWebhookReceiver();
    const worker = spawnWorkerProcess(api, { LOG_LEVEL: "warn" });
    children.push(worker);
    const { accessToken: token } = await anOrgOwner(api);
    await aWebhookTarget(api, token, receiver.url);
    const service = await aService(api, token);
    await anIncident(api, token, service.id);
    await waitFor(() => receiver.requests[0], 20_000, "first delivery");
    for (let i = 0; i < 3; i++) {
      await pg.current.kill("SIGINT");
      await sleep(3000);
      await pg.current.start();
      await sleep(1000);
    }
    expect(worker.child.exitCode, worker.output()).toBeNull();
    await anIncident(api, token, service.id);
    await waitFor(() => receiver.requests[1], 20_000, "second delivery");
    console.log(worker.output().slice(0, 3000));
    await receiver.close();
  });
});
