import { createConnection, createServer, type AddressInfo, type Socket } from "node:net";

/**
 * A TCP proxy on loopback in front of a server (a test's PostgreSQL) that can be made to stall as
 * a stopped server does (SIGSTOP, or a network that black-holes): connections are accepted and
 * nothing is refused, but no byte goes through either way. What arrives meanwhile is held, a
 * client's hanging up too, and `resume` delivers it all in order: the server then reads what a
 * client sent before it gave up (a COMMIT too) and only after that sees it gone.
 */
export interface StallingProxy {
  /** `url` (a postgres:// connection string) through this proxy: its host and port replaced. */
  urlThrough: (url: string) => string;
  /** Stalls now. */
  stall: () => void;
  /**
   * Stalls once a client sends bytes matching `pattern` (read as latin1): those are held, so the
   * server stops just before reading them. Settles when it stalled.
   */
  stallAt: (pattern: RegExp) => Promise<void>;
  /** Delivers what was held, in order, and forwards again. */
  resume: () => void;
  close: () => Promise<void>;
}

/** The proxy on a free loopback port, in front of the server `url` names (its host and port). */
export async function startStallingProxy(url: string): Promise<StallingProxy> {
  const { hostname, port: targetPort } = new URL(url);
  const target = { host: hostname, port: Number(targetPort || 5432) };
  let held: (() => void)[] | undefined;
  let stallOn: { pattern: RegExp; reached: () => void } | undefined;
  const sockets = new Set<Socket>();
  /** Does `step` now, or once the proxy resumes. */
  const forward = (step: () => void) => (held === undefined ? step() : held.push(step));

  const server = createServer((client) => {
    const upstream = createConnection(target);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      // A reset is a hang-up like any other: its close follows.
      socket.on("error", () => undefined);
    }
    client.on("data", (chunk: Buffer) => {
      if (held === undefined && stallOn?.pattern.test(chunk.toString("latin1")) === true) {
        held = [];
        stallOn.reached();
        stallOn = undefined;
      }
      forward(() => upstream.write(chunk));
    });
    upstream.on("data", (chunk: Buffer) => forward(() => client.write(chunk)));
    client.on("close", () => forward(() => upstream.end()));
    upstream.on("close", () => forward(() => client.destroy()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    urlThrough: (url) => {
      const through = new URL(url);
      through.hostname = "127.0.0.1";
      through.port = String(port);
      return through.toString();
    },
    stall: () => {
      held ??= [];
    },
    stallAt: (pattern) =>
      new Promise<void>((resolve) => {
        stallOn = { pattern, reached: resolve };
      }),
    resume: () => {
      const steps = held ?? [];
      held = undefined;
      for (const step of steps) step();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
