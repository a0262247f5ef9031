import { describe, expect, test } from "vitest";
import { beforeInserts, closedPort, deadlocksFirst, deferred, never, RAISE_DEADLOCK, rejectionOf, startWebhookReceiver, useTestApi, type ReceivedRequest, type WebhookReceiver } from "@incidentops/testkit";
import { appRouter } from "api";
import { PUBLIC_WRITES } from "../src/client.js";
import { createIncidentOpsClient, IncidentOpsConnectionError, IncidentOpsError, isConnectionError, type FetchFunction } from "../src/index.js";
import { expiredAccessToken, recordingFetch, registerThroughSdk } from "./helpers.js";

const api = useTestApi();

const signUp = () => registerThroughSdk(api.current, { name: "Linus", orgName: "Kernel" });

/** A fetch that answers only after `ms`, or rejects as soon as the request is aborted. */
const slowFetch =
  (ms: number, only?: (url: string) => boolean): FetchFunction =>
  (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    if (only !== undefined && !only(url)) return globalThis.fetch(input, init);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve(globalThis.fetch(input, init)), ms);
      init?.signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(init.signal?.reason as Error);
      });
    });
  };

/** A fetch that fails like a dropped connection for its first `failures` requests. */
function flakyFetch(failures: number) {
  let calls = 0;
  const fetchFn: FetchFunction = (input, init) => {
    calls += 1;
    if (calls <= failures) return Promise.reject(new TypeError("fetch failed", { cause: new Error("ECONNRESET") }));
    return globalThis.fetch(input, init);
  };
  return { fetch: fetchFn, calls: () => calls };
}

describe("cancellation", () => {
  test("an already aborted signal rejects with its reason and sends nothing", async () => {
    const tokens = await signUp();
    const recorder = recordingFetch();
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: tokens, fetch: recorder.fetch });
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(client.org.get(undefined, { signal: controller.signal }));
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(recorder.requests).toHaveLength(0);
  });

  test("aborting a call in flight rejects it at once with the signal's reason", async () => {
    const tokens = await signUp();
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: tokens, fetch: slowFetch(10_000) });
    const controller = new AbortController();
    const reason = new Error("the user navigated away");
    const started = Date.now();
    const pending = rejectionOf(client.incidents.list({}, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 50);
    expect(await pending).toBe(reason);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("aborting stops a listAll iteration between pages", async () => {
    const tokens = await signUp();
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: tokens });
    const service = await client.org.services.create({ name: "paged" });
    for (let i = 0; i < 3; i++) await client.incidents.create({ serviceId: service.id, title: `i${i}` });
    const controller = new AbortController();
    const seen: string[] = [];
    const iterate = async () => {
      for await (const incident of client.incidents.listAll({ limit: 1 }, { signal: controller.signal })) {
        seen.push(incident.id);
        if (seen.length === 2) controller.abort();
      }
    };
    expect(await rejectionOf(iterate())).toMatchObject({ name: "AbortError" });
    expect(seen).toHaveLength(2);
  });

  test("a caller waiting for a token refresh can abort; the refresh goes on for the others", async () => {
    const registered = await signUp();
    // The refresh waits for `release`; answers to auth.me are counted as they arrive.
    const gate = deferred();
    const started = deferred();
    let meAnswers = 0;
    const recorder = recordingFetch(async (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      if (url.includes("auth.refresh")) {
        started.resolve();
        await gate.promise;
        return globalThis.fetch(input, init);
      }
      const response = await globalThis.fetch(input, init);
      if (url.includes("auth.me")) meAnswers += 1;
      return response;
    });
    const client = createIncidentOpsClient({
      baseUrl: api.current.baseUrl,
      auth: { accessToken: expiredAccessToken(api.current, registered), refreshToken: registered.refreshToken },
      fetch: recorder.fetch,
    });

    const patient = client.auth.me();
    await started.promise;
    const controller = new AbortController();
    const impatient = rejectionOf(client.auth.me(undefined, { signal: controller.signal }));
    for (let waited = 0; meAnswers < 2 && waited < 5_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(meAnswers).toBe(2); // both refused; the impatient one now waits for the refresh under way
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(await impatient).toMatchObject({ name: "AbortError" });

    gate.resolve();
    expect((await patient).user.id).toBe(registered.user.id);
    expect(recorder.count("auth.refresh")).toBe(1);
    expect(recorder.count("auth.me")).toBe(3);
  });
});

describe("retries", () => {
  test("a query is retried with backoff after connection failures", async () => {
    const tokens = await signUp();
    const flaky = flakyFetch(2);
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: tokens, fetch: flaky.fetch, retry: { retries: 2, minDelayMs: 5 } });
    expect((await client.org.get()).id).toBe(tokens.org.id);
    expect(flaky.calls()).toBe(3);
  });

  test("a mutation is not retried: it may have been applied", async () => {
    const tokens = await signUp();
    const flaky = flakyFetch(1);
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: tokens, fetch: flaky.fetch, retry: { retries: 3, minDelayMs: 5 } });
    const error = await rejectionOf(client.org.services.create({ name: "never" }));
    expect(error).toBeInstanceOf(IncidentOpsConnectionError);
    expect(error).toMatchObject({ procedure: "org.services.create", code: "UNREACHABLE", timedOut: false });
    expect(flaky.calls()).toBe(1);
  });

  test("API errors are not retried", async () => {
    const tokens = await signUp();
    const recorder = recordingFetch();
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: tokens, fetch: recorder.fetch, retry: { retries: 3, minDelayMs: 5 } });
    await rejectionOf(client.incidents.get({ incidentId: "00000000-0000-4000-8000-000000000000" }));
    expect(recorder.requests).toHaveLength(1);
  });

  test("an unreachable API gives a connection error once the retries are spent", async () => {
    const port = await closedPort();
    const recorder = recordingFetch();
    const client = createIncidentOpsClient({ baseUrl: `http://127.0.0.1:${port}`, fetch: recorder.fetch, retry: { retries: 2, minDelayMs: 5 } });
    const error = await rejectionOf(client.org.get());
    expect(isConnectionError(error)).toBe(true);
    expect(recorder.requests).toHaveLength(3);

    const once = createIncidentOpsClient({ baseUrl: `http://127.0.0.1:${port}`, fetch: recorder.fetch, retry: false });
    await rejectionOf(once.org.get());
    expect(recorder.requests).toHaveLength(4);
  });

  test("aborting during the backoff rejects at once", async () => {
    const flaky = flakyFetch(100);
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, fetch: flaky.fetch, retry: { retries: 5, minDelayMs: 10_000 } });
    const controller = new AbortController();
    const started = Date.now();
    const pending = rejectionOf(client.org.get(undefined, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(flaky.calls()).toBe(1);
  });

  test("a request that outlives timeoutMs is a connection error (timedOut), retried for queries", async () => {
    const tokens = await signUp();
    const recorder = recordingFetch(slowFetch(10_000));
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: tokens, fetch: recorder.fetch, timeoutMs: 50, retry: { retries: 1, minDelayMs: 5 } });
    const error = await rejectionOf(client.org.get());
    expect(error).toBeInstanceOf(IncidentOpsConnectionError);
    expect(error).toMatchObject({ timedOut: true, procedure: "org.get" });
    expect(recorder.requests).toHaveLength(2);
  });
});

describe("timeouts, against an API that never answers", () => {
  /** A real HTTP server on loopback that takes every request and never answers it. */
  const silentApi = async (run: (server: WebhookReceiver) => Promise<void>) => {
    const server = await startWebhookReceiver(() => never());
    try {
      await run(server);
    } finally {
      await server.close();
    }
  };

  test("a query times out with code TIMEOUT after timeoutMs, retried as a connection failure", async () => {
    await silentApi(async (server) => {
      const client = createIncidentOpsClient({ baseUrl: server.url, timeoutMs: 100, retry: { retries: 1, minDelayMs: 5 } });
      const started = Date.now();
      const error = await rejectionOf(client.org.get());
      expect(error).toBeInstanceOf(IncidentOpsConnectionError);
      expect(error).toMatchObject({ code: "TIMEOUT", timedOut: true, procedure: "org.get", message: "org.get: no answer from the API within 100 ms (timeoutMs)" });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(server.requests).toHaveLength(2);
    });
  });

  test("a mutation times out with code TIMEOUT and is not sent again", async () => {
    await silentApi(async (server) => {
      const client = createIncidentOpsClient({ baseUrl: server.url, timeoutMs: 100, retry: { retries: 3, minDelayMs: 5 } });
      expect(await rejectionOf(client.org.services.create({ name: "never answered" }))).toMatchObject({ code: "TIMEOUT", procedure: "org.services.create" });
      expect(server.requests).toHaveLength(1);
    });
  });

  test("a call's own timeoutMs overrides the client's", async () => {
    await silentApi(async (server) => {
      const client = createIncidentOpsClient({ baseUrl: server.url, retry: false });
      const started = Date.now();
      expect(await rejectionOf(client.org.get(undefined, { timeoutMs: 100 }))).toMatchObject({ code: "TIMEOUT", message: "org.get: no answer from the API within 100 ms (timeoutMs)" });
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });

  test("0 or Infinity, for the client or one call, waits for as long as the caller's signal lets it", async () => {
    await silentApi(async (server) => {
      const waitsUntilAborted = async (call: Promise<unknown>, controller: AbortController) => {
        const reason = new Error("the caller gave up");
        setTimeout(() => controller.abort(reason), 300);
        expect(await rejectionOf(call)).toBe(reason);
      };
      for (const timeoutMs of [0, Number.POSITIVE_INFINITY]) {
        const client = createIncidentOpsClient({ baseUrl: server.url, timeoutMs, retry: false });
        const controller = new AbortController();
        await waitsUntilAborted(client.org.get(undefined, { signal: controller.signal }), controller);
        const timed = createIncidentOpsClient({ baseUrl: server.url, timeoutMs: 50, retry: false });
        const perCall = new AbortController();
        await waitsUntilAborted(timed.org.get(undefined, { signal: perCall.signal, timeoutMs }), perCall);
      }
      expect(server.requests).toHaveLength(4);
    });
  });

  test("a timeoutMs no timer can keep is refused up front with a RangeError naming it", async () => {
    for (const timeoutMs of [-1, 1.5, Number.NaN, 2 ** 31]) {
      expect(() => createIncidentOpsClient({ baseUrl: "http://127.0.0.1:9", timeoutMs })).toThrow(RangeError);
    }
    expect(() => createIncidentOpsClient({ baseUrl: "http://127.0.0.1:9", timeoutMs: 2 ** 31 })).toThrow(/^timeoutMs must be a whole number of milliseconds/);
    const recorder = recordingFetch();
    const client = createIncidentOpsClient({ baseUrl: "http://127.0.0.1:9", fetch: recorder.fetch });
    expect(await rejectionOf(client.org.get(undefined, { timeoutMs: -5 }))).toMatchObject({ name: "RangeError", message: expect.stringMatching(/^the call's timeoutMs must be/) });
    expect(recorder.requests).toHaveLength(0);
  });
});

describe("retries after an answer that says nothing was applied", () => {
  /** A signed-up client with an incident whose timeline's inserts deadlock on the API's attempts `conflicting` says. */
  async function anIncidentWhoseEventsConflict(conflicting: string, retry?: { retries: number }) {
    const tokens = await signUp();
    const recorder = recordingFetch();
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: tokens, fetch: recorder.fetch, retry });
    const service = await client.org.services.create({ name: "conflicting" });
    const incident = await client.incidents.create({ serviceId: service.id, title: "Disk full" });
    const conflicts = await beforeInserts(api.current.db, { table: "incident_events", column: "incident_id", id: incident.id }, conflicting);
    return { client, incident, conflicts, requests: () => recorder.count("incidents.comment") };
  }

  test("a mutation answered 409 CONCURRENT_CHANGE is sent again after its Retry-After, and applied once", async () => {
    // The API's three attempts at the first request deadlock; the SDK's second request goes through.
    const { client, incident, conflicts, requests } = await anIncidentWhoseEventsConflict(deadlocksFirst(3));
    const started = Date.now();
    await client.incidents.comment({ incidentId: incident.id, body: "Looking into it" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(requests()).toBe(2);
    expect(await conflicts.attempts()).toBe(4);
    const events = await client.incidents.events({ incidentId: incident.id });
    expect(events.items.filter((event) => event.kind === "commented")).toHaveLength(1);
  });

  test("CONCURRENT_CHANGE reaches the caller once the retries are spent, with its retryAfterSeconds", async () => {
    const { client, incident, conflicts, requests } = await anIncidentWhoseEventsConflict(RAISE_DEADLOCK, { retries: 1 });
    const error = await rejectionOf(client.incidents.comment({ incidentId: incident.id, body: "Looking into it" }));
    expect(error).toBeInstanceOf(IncidentOpsError);
    expect(error).toMatchObject({ code: "CONCURRENT_CHANGE", httpStatus: 409, details: { retryAfterSeconds: 1 }, procedure: "incidents.comment" });
    expect(requests()).toBe(2);
    expect(await conflicts.attempts()).toBe(6);
  });

  test("aborting while a CONCURRENT_CHANGE's Retry-After is waited out rejects at once with the signal's reason, sending nothing more", async () => {
    const { client, incident, requests } = await anIncidentWhoseEventsConflict(RAISE_DEADLOCK);
    const controller = new AbortController();
    const reason = new Error("the user navigated away");
    const pending = rejectionOf(client.incidents.comment({ incidentId: incident.id, body: "Looking into it" }, { signal: controller.signal }));
    // The first answer arrives within the API's retries (well under a second); the wait then lasts a second.
    let abortedAt = Number.POSITIVE_INFINITY;
    setTimeout(() => {
      abortedAt = Date.now();
      controller.abort(reason);
    }, 600);
    expect(await pending).toBe(reason);
    expect(Date.now() - abortedAt).toBeLessThan(200);
    expect(requests()).toBe(1);
  });

  /**
   * A real HTTP server in front of the test API that answers each procedure's first request as a
   * proxy does while the API is away (503, Retry-After: 1), and forwards the others.
   */
  async function withUnavailableFirst(run: (server: WebhookReceiver) => Promise<void>): Promise<void> {
    const seen = new Set<string>();
    const forward = async (request: ReceivedRequest) => {
      const answer = await fetch(`${api.current.baseUrl}${request.path}`, {
        method: request.method,
        headers: {
          authorization: String(request.headers.authorization),
          "content-type": "application/json",
          ...(typeof request.headers["idempotency-key"] === "string" ? { "idempotency-key": request.headers["idempotency-key"] } : {}),
        },
        body: request.method === "POST" ? request.body : undefined,
      });
      return { status: answer.status, headers: { "content-type": "application/json" }, body: await answer.text() };
    };
    const server = await startWebhookReceiver(async (request) => {
      const procedure = request.path.split("?")[0] ?? "";
      if (seen.has(procedure)) return forward(request);
      seen.add(procedure);
      return { status: 503, headers: { "retry-after": "1", "content-type": "text/plain" }, body: "Service Unavailable" };
    });
    try {
      await run(server);
    } finally {
      await server.close();
    }
  }

  test("a query answered 503 SERVICE_UNAVAILABLE is sent again after its Retry-After, unless that is longer than maxDelayMs; a mutation is not, what it did being unknown", async () => {
    const tokens = await signUp();
    await withUnavailableFirst(async (server) => {
      const client = createIncidentOpsClient({ baseUrl: server.url, auth: tokens });
      const started = Date.now();
      expect((await client.org.get()).id).toBe(tokens.org.id);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      expect(server.requests).toHaveLength(2);

      const error = await rejectionOf(client.org.services.create({ name: "unknown fate" }));
      expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503, details: { retryAfterSeconds: 1 }, procedure: "org.services.create" });
      expect(server.requests).toHaveLength(3);

      const impatient = createIncidentOpsClient({ baseUrl: server.url, auth: tokens, retry: { maxDelayMs: 500 } });
      expect(await rejectionOf(impatient.org.services.list({}))).toMatchObject({ code: "SERVICE_UNAVAILABLE", details: { retryAfterSeconds: 1 } });
      expect(server.requests).toHaveLength(4);
    });
  });

  test("a write sent with an idempotency key and answered 503 is sent again after its Retry-After, with the same key", async () => {
    const tokens = await signUp();
    await withUnavailableFirst(async (server) => {
      const client = createIncidentOpsClient({ baseUrl: server.url, auth: tokens });
      const created = await client.org.services.create({ name: "keyed through an outage" }, { idempotencyKey: "outage-1" });
      expect(created.name).toBe("keyed through an outage");
      expect(server.requests.map((request) => request.headers["idempotency-key"])).toEqual(["outage-1", "outage-1"]);
    });
  });
});

describe("writes sent with an idempotency key", () => {
  /** The services of the org with this name, as the database has them. */
  const servicesNamed = (orgId: string, name: string) =>
    api.current.db.selectFrom("services").select("id").where("org_id", "=", orgId).where("name", "=", name).execute();

  /**
   * A fetch that sends every request for real, but loses the answer to the first write: the API
   * applied it, and the client hears only a dropped connection.
   */
  function losingFirstWriteAnswer() {
    const recorder = recordingFetch();
    let lost = false;
    const fetchFn: FetchFunction = async (input, init) => {
      const answer = await recorder.fetch(input, init);
      if (lost || init?.method !== "POST") return answer;
      lost = true;
      await answer.arrayBuffer();
      throw new TypeError("fetch failed", { cause: new Error("ECONNRESET") });
    };
    return { fetch: fetchFn, requests: recorder.requests };
  }

  test("a write whose answer was lost is sent again with the same key, and applied once", async () => {
    const tokens = await signUp();
    const lossy = losingFirstWriteAnswer();
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: tokens, fetch: lossy.fetch, retry: { retries: 2, minDelayMs: 5 } });
    const created = await client.org.services.create({ name: "applied once" }, { idempotencyKey: "create-applied-once" });
    expect(lossy.requests.map((request) => request.headers.get("idempotency-key"))).toEqual(["create-applied-once", "create-applied-once"]);
    expect(await servicesNamed(tokens.org.id, "applied once")).toEqual([{ id: created.id }]);
  });

  test("without a key, the same lost answer is not sent again (the write may have been applied)", async () => {
    const tokens = await signUp();
    const lossy = losingFirstWriteAnswer();
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: tokens, fetch: lossy.fetch, retry: { retries: 2, minDelayMs: 5 } });
    expect(await rejectionOf(client.org.services.create({ name: "applied, answer lost" }))).toBeInstanceOf(IncidentOpsConnectionError);
    expect(lossy.requests).toHaveLength(1);
    expect(await servicesNamed(tokens.org.id, "applied, answer lost")).toHaveLength(1);
  });

  test("the writes anyone may call are sent without a key, and not sent again after no answer: the API keeps no key for them", async () => {
    const publicWrites = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string; meta?: { access?: { kind: string } } } }>)
      .filter(([, procedure]) => procedure._def.type === "mutation" && procedure._def.meta?.access?.kind === "public")
      .map(([path]) => path);
    expect([...PUBLIC_WRITES].sort()).toEqual(publicWrites.sort());

    const lossy = losingFirstWriteAnswer();
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, fetch: lossy.fetch, retry: { retries: 2, minDelayMs: 5 } });
    const email = `keyed-${Date.now()}@example.com`;
    const registering = client.auth.register({ email, password: "correct horse battery", name: "Keyed", orgName: "Keyed" }, { idempotencyKey: "register" });
    expect(await rejectionOf(registering)).toBeInstanceOf(IncidentOpsConnectionError);
    expect(lossy.requests).toHaveLength(1);
    expect(lossy.requests[0]?.headers.get("idempotency-key")).toBeNull();
  });

  test("the same key with another write is the API's IDEMPOTENCY_KEY_REUSED; an operation answering a secret refuses a key", async () => {
    const tokens = await signUp();
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: tokens });
    await client.org.services.create({ name: "first use" }, { idempotencyKey: "reused" });
    expect(await rejectionOf(client.org.services.create({ name: "second use" }, { idempotencyKey: "reused" }))).toMatchObject({
      code: "IDEMPOTENCY_KEY_REUSED",
      httpStatus: 422,
      procedure: "org.services.create",
    });
    expect(await rejectionOf(client.org.apiKeys.create({ name: "keyed", scope: "read" }, { idempotencyKey: "secret" }))).toMatchObject({
      code: "INVALID_IDEMPOTENCY_KEY",
      details: { reason: "secret_answer" },
    });
  });
});
