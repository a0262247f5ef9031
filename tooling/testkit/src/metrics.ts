import { createLogger, startMetricsServer, type MetricsServer } from "@incidentops/core";
import { afterAll, beforeAll } from "vitest";

/** The bearer token the test metrics server wants. */
export const METRICS_TEST_TOKEN = "metrics-token-for-the-tests";

/** This process's metrics server (as the API's or the worker's, METRICS_PORT), on a free loopback port, for the file's tests. */
export function useMetricsServer(): { current: MetricsServer } {
  const holder = {} as { current: MetricsServer };
  beforeAll(async () => {
    holder.current = await startMetricsServer({
      port: 0,
      settings: { apiPort: 0, workerPort: undefined, host: "127.0.0.1", token: METRICS_TEST_TOKEN },
      logger: createLogger({ level: "silent", name: "metrics-test" }),
    });
  });
  afterAll(() => holder.current.close());
  return holder;
}
