import { createHash, timingSafeEqual } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import { collectProcessMetrics, metricsRegistry } from "./metrics.js";

export interface MetricsServer {
  /** Where Prometheus scrapes: `http://host:port/metrics`. */
  url: string;
  close: () => Promise<void>;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether the request presents the token (compared in constant time), or no token is required. */
function authorized(req: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined) return true;
  const presented = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}

/**
 * Serves `GET /metrics` (this process's metrics, and its CPU, memory and event loop) on a port of
 * its own, apart from the public API: on `host` (loopback by default), behind a bearer token when
 * one is configured.
 */
export async function startMetricsServer(options: { port: number; settings: Config["metrics"]; logger: Logger }): Promise<MetricsServer> {
  const { settings, logger } = options;
  collectProcessMetrics();
  const server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== "/metrics" || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found: metrics are at GET /metrics\n");
      return;
    }
    if (!authorized(req, settings.token)) {
      res.writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' }).end("Unauthorized: send Authorization: Bearer <METRICS_TOKEN>\n");
      return;
    }
    metricsRegistry.metrics().then(
      (text) => res.writeHead(200, { "content-type": metricsRegistry.contentType }).end(text),
      (error: unknown) => {
        logger.error({ err: error }, "collecting metrics failed");
        res.writeHead(500, { "content-type": "text/plain" }).end("Collecting metrics failed\n");
      },
    );
  });
  server.listen(options.port, settings.host);
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const host = settings.host.includes(":") ? `[${settings.host}]` : settings.host;
  const url = `http://${host}:${port}/metrics`;
  logger.info({ url }, "metrics listening");
  return {
    url,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}
