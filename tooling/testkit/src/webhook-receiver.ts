import { createServer, type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http";
import { performance } from "node:perf_hooks";

export interface ReceivedRequest {
  method: string;
  /** The path and query, e.g. `/hooks/in?x=1`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Date.now() when the whole request had arrived. */
  at: number;
  /** performance.now() at the same moment, for durations finer than a millisecond. */
  arrivedAt: number;
  /** The client's port: requests over one kept-alive connection share it. */
  remotePort: number | undefined;
}

/** A status code (the body is empty), or a whole answer. */
export type Answer = number | { status: number; headers?: OutgoingHttpHeaders; body?: string };

/** Decides each answer; `index` counts the requests received so far, from 0. Never settling holds the request open. */
export type Respond = (request: ReceivedRequest, index: number) => Answer | Promise<Answer>;

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>`, without a path: any path reaches the receiver. */
  url: string;
  port: number;
  /** Every request, in arrival order (unless started with `record: false`). */
  requests: ReceivedRequest[];
  /** The statuses answered, in answer order, with each request's `webhook-id` header. */
  answered: { webhookId: string; status: number }[];
  /** TCP connections accepted so far (a client keeping connections alive makes fewer than requests). */
  connections: () => number;
  /** Closes every connection, the server staying up (as a receiver ending idle keep-alive connections). */
  dropConnections: () => void;
  close: () => Promise<void>;
}

/** Never settles: a receiver answering with it holds the request open. */
export const never = <T>() => new Promise<T>(() => undefined);

/**
 * A real HTTP server on loopback that records every request and answers it as `respond` says
 * (200 by default). With `record: false` it keeps nothing (for long runs); `respond` still sees
 * every request.
 */
export async function startWebhookReceiver(respond: Respond | number = 200, options: { record?: boolean } = {}): Promise<WebhookReceiver> {
  const decide: Respond = typeof respond === "number" ? () => respond : respond;
  const record = options.record ?? true;
  const requests: ReceivedRequest[] = [];
  const answered: { webhookId: string; status: number }[] = [];
  let count = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: ReceivedRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
        arrivedAt: performance.now(),
        remotePort: req.socket.remotePort,
      };
      if (record) requests.push(request);
      void Promise.resolve(decide(request, count++)).then((answer) => {
        const { status, headers, body } = typeof answer === "number" ? { status: answer, headers: undefined, body: undefined } : answer;
        if (record) answered.push({ webhookId: String(request.headers["webhook-id"]), status });
        res.writeHead(status, headers).end(body);
      });
    });
  });
  let connections = 0;
  server.on("connection", () => connections++);
  // Longer than any client's idle keep-alive, so reused connections are never cut under a request.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("the receiver has no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    answered,
    connections: () => connections,
    dropConnections: () => server.closeAllConnections(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
