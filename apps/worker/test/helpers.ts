import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createLogger } from "@incidentops/core";
import { afterAll, beforeAll } from "vitest";
import { startTestApi, type TestApi } from "../../api/test/helpers.js";
import { startWorker, type RunningWorker } from "../src/worker.js";

/** Fast retries and liveness checks, so failure paths finish within a test. */
export const FAST_WORKER_ENV = {
  DELIVERY_RETRY_BASE_MS: "100",
  DELIVERY_MAX_ATTEMPTS: "4",
  WEBHOOK_TIMEOUT_MS: "2000",
  WORKER_HEARTBEAT_MS: "500",
  WORKER_DEAD_AFTER_MS: "3000",
  WEBHOOK_ALLOW_PRIVATE: "true",
};

export interface TestStack {
  api: TestApi;
  /** Starts another in-process worker on the same database. */
  startWorker: () => Promise<RunningWorker>;
}

/** The API and one worker on the file's own database; `env` overrides the configuration. */
export function useTestStack(env: Record<string, string> = {}): { current: TestStack } {
  let stack: TestStack | undefined;
  const workers: RunningWorker[] = [];
  beforeAll(async () => {
    const api = await startTestApi({ env: { ...FAST_WORKER_ENV, ...env } });
    const launch = async () => {
      const worker = await startWorker({
        config: api.config,
        logger: createLogger({ level: "silent", name: "worker-test" }),
        databaseUrl: api.config.databaseUrl ?? "",
      });
      workers.push(worker);
      return worker;
    };
    stack = { api, startWorker: launch };
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await stack?.api.close();
  });
  return {
    get current(): TestStack {
      if (stack === undefined) throw new Error("The test stack is not started: use it inside tests or hooks");
      return stack;
    },
  };
}

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP receiver on loopback; `respond` decides each answer (default 200). */
export async function startReceiver(respond: (req: ReceivedRequest, index: number) => number | Promise<number> = () => 200) {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(request);
      void Promise.resolve(respond(request, received.length - 1)).then((status) => {
        res.statusCode = status;
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
