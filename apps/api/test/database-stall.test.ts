import { hashSecretToken } from "@incidentops/core";
import { TRPCClientError } from "@trpc/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  anIntegrationKey,
  anOrgOwner,
  aService,
  captureLogger,
  createTestDatabase,
  expectError,
  rejectionOf,
  startStallingProxy,
  startTestApi,
  waitFor,
  type Account,
  type HttpResponse,
  type StallingProxy,
  type TestApi,
  type TestDatabase,
} from "@incidentops/testkit";

// The API's pool reaches the database through a proxy that can stall as a stopped PostgreSQL does
// (SIGSTOP, a black-holed network): nothing refused, nothing answered. The run's shared server
// stays up for every other file; only this file's connections stall.

const DEADLINE_MS = 1_500;
/** What answering takes beyond the deadline itself, on a busy machine. */
const SLACK_MS = 1_500;

const log = captureLogger("warn");
let database: TestDatabase;
let proxy: StallingProxy;
let api: TestApi;
let owner: Account;
let serviceId: string;
let routingKey: string;

beforeAll(async () => {
  database = await createTestDatabase();
  proxy = await startStallingProxy(database.url);
  api = await startTestApi({ databaseUrl: database.url, appDatabaseVia: proxy.urlThrough, env: { DB_REQUEST_TIMEOUT_MS: String(DEADLINE_MS) }, logger: log.logger });
  owner = await anOrgOwner(api);
  serviceId = (await aService(api, owner.accessToken)).id;
  routingKey = (await anIntegrationKey(api, owner.accessToken, serviceId)).routingKey;
});
afterEach(() => {
  proxy.resume();
  // A stall is an outage (503), never a bug (500).
  const bugs = log.lines.filter((line) => line.msg === "request failed" || (line.res as { statusCode?: unknown } | undefined)?.statusCode === 500);
  expect(bugs.map((line) => JSON.stringify(line))).toEqual([]);
});
afterAll(async () => {
  await api.close();
  await proxy.close();
  await database.drop();
});

/** `call`'s answer and how long it took. */
async function timed<T>(call: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const started = performance.now();
  const answer = await call();
  return { answer, ms: performance.now() - started };
}

function expectUnavailable(res: HttpResponse, ms: number, what: string) {
  expectError(res, 503, "SERVICE_UNAVAILABLE");
  expect(res.headers.get("retry-after"), what).toMatch(/^\d+$/);
  expect(ms, what).toBeLessThan(DEADLINE_MS + SLACK_MS);
}

describe("while the database stalls", () => {
  it("answers a call whose database work goes unanswered 503 SERVICE_UNAVAILABLE with Retry-After within the deadline, REST, tRPC and ingestion alike, and serves the next once it resumes", { timeout: 60_000 }, async () => {
    proxy.stall();
    for (const [method, path, body] of [
      ["GET", "/v1/incidents", undefined],
      ["POST", `/v1/services/${serviceId}/incidents`, { title: "during the stall" }],
      ["POST", "/v1/auth/refresh", { refreshToken: owner.refreshToken }],
      ["POST", "/v1/auth/session/refresh", {}],
      ["POST", `/v1/integrations/alertmanager/${routingKey}`, { version: "4", groupKey: "g", status: "firing", alerts: [{ status: "firing", labels: { alertname: "Disk" } }] }],
    ] as const) {
      const { answer, ms } = await timed(() =>
        api.request(method, path, { token: owner.accessToken, body, headers: { "x-incidentops-csrf": "1", cookie: `incidentops_refresh=${owner.refreshToken}` } }),
      );
      expectUnavailable(answer, ms, `${method} ${path}`);
    }
    const { answer: trpcError, ms } = await timed(() => rejectionOf(api.trpc(owner.accessToken).incidents.list.query({})));
    expect(trpcError).toBeInstanceOf(TRPCClientError);
    expect((trpcError as TRPCClientError<never>).data).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503 });
    expect(ms).toBeLessThan(DEADLINE_MS + SLACK_MS);

    // The connections the stalled calls held were given up, not handed to the next caller: more
    // calls at once than the pool has connections are all served.
    proxy.resume();
    const lists = await Promise.all(Array.from({ length: 30 }, () => api.request("GET", "/v1/incidents", { token: owner.accessToken })));
    expect(lists.map((res) => res.status)).toEqual(lists.map(() => 200));
    expect((await api.request("POST", "/v1/auth/refresh", { body: { refreshToken: owner.refreshToken } })).status).toBe(200);
  });

  it("a refresh whose COMMIT the stall held answers 503; the database applies it once it resumes, and the client's next try with the same token keeps the session", { timeout: 60_000 }, async () => {
    const person = await anOrgOwner(api);
    const presented = hashSecretToken(person.refreshToken);
    const rotatedAt = async () =>
      (await api.db.selectFrom("refresh_tokens").select("rotated_at").where("token_hash", "=", presented).executeTakeFirstOrThrow()).rotated_at ?? undefined;

    // The server stops just before reading the message that commits the rotation (and stamps it).
    const stalled = proxy.stallAt(/commit; update "refresh_tokens"/);
    const refreshing = timed(() => api.request("POST", "/v1/auth/refresh", { body: { refreshToken: person.refreshToken } }));
    await stalled;
    const { answer, ms } = await refreshing;
    expectUnavailable(answer, ms, "the refresh");
    expect(await rotatedAt()).toBeUndefined();

    // Once the server resumes it reads that COMMIT, though the API gave the connection up: the
    // token is rotated, to a successor whose answer is lost. The rotation counts from its commit.
    const resumedAt = Date.now();
    proxy.resume();
    // The COMMIT and the stamp after it are two transactions: the rotation is visible a moment
    // before it is stamped with the time of its commit.
    const stampedSinceResume = async () => {
      const at = await rotatedAt();
      return at !== undefined && at.getTime() >= resumedAt - 50 ? at : undefined;
    };
    await waitFor(stampedSinceResume, 10_000, "the held COMMIT to be applied and stamped with its time");

    // The client (a page reloaded meanwhile) presents the same token again: a new pair, not theft.
    const again = await api.request<{ refreshToken: string }>("POST", "/v1/auth/refresh", { body: { refreshToken: person.refreshToken } });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect((await api.request("POST", "/v1/auth/refresh", { body: { refreshToken: again.body.refreshToken } })).status).toBe(200);
  });
});
